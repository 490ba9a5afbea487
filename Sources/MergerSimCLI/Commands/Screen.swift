import ArgumentParser
import MergerSim
import MergerSimInputs
import MergerSimReports

/// `mergersim screen UNITS.csv`: standards, merger tests, types and quotas of existing units.
struct Screen: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Screen existing units: standards met, must they merge, type and staffing quota.",
        discussion: """
            Writes screening.csv and manifest.json (and with --xlsx report.xlsx) to the output folder and prints a summary.

            Example: mergersim screen scenarios/vn-2025/units.csv --rules vn-2023 --round 2023 --out output/screen-2023 --xlsx --lang vi
            """)

    @Argument(help: "The units CSV (one row per existing unit; see the README).", completion: .file(extensions: ["csv"]))
    var units: String

    @Option(help: "A bundled rule set id (see `mergersim rules`) or the path of a rule file.", completion: .custom { _, _, _ in RuleSetLoader.completionIDs })
    var rules = "vn-2026"

    @Option(help: "The screening round: 2019, 2023 or 2026 (default: the rule set's).", completion: .list(["2019", "2023", "2026"]))
    var round: Int?

    @Option(help: "The output folder.", completion: .directory)
    var out = "output/screen"

    @Flag(help: "Also write report.xlsx: the screening as an Excel workbook, with the assumptions and a column dictionary.")
    var xlsx = false

    @Option(help: "The language of the console summary and report.xlsx: en or vi.")
    var lang: Labels.Language = .en

    @OptionGroup var overrides: OverrideOptions

    func execute(arguments: [String], console: Console) throws {
        let destination = try OutputFolder(out, inputs: [units] + (RuleSetLoader.isBundled(rules) ? [] : [rules]))
        let given = try overrides.parsed()
        if let other = given.first(where: { $0.target.0 != .rules }) {
            throw InputError(.usage, file: "--set \(other)", reason: .command(.screenSetsRulesOnly))
        }
        let loaded = try RuleSetLoader.load(rules, overrides: given)
        let ruleSet = loaded.rules
        let roundYear = round ?? ruleSet.screening.defaultRound
        guard let screeningRound = ruleSet.screening.round(roundYear) else {
            throw InputError(.usage, file: rules, reason: .command(.noScreeningRound(ruleSet: ruleSet.id, round: roundYear,
                                                                                     rounds: ruleSet.screening.rounds.map(\.round))))
        }
        let bytes = try FileInput.read(units)
        let unitsFile = try UnitsFile(bytes: bytes, file: units)
        let labels = try Labels(lang)
        Interrupts.say(labels("console.interrupted"))
        if xlsx { try WorkbookReport.checkRows([("units_before", unitsFile.units.count)], labels: labels) }
        let results: [ScreeningResult]
        do {
            results = try ruleSet.screen(unitsFile.units, round: screeningRound)
        } catch {
            throw unitsFile.located(error)
        }
        var manifest = try RunManifest(
            command: ["mergersim"] + arguments, rules: loaded, round: roundYear,
            inputs: [.init(role: "units", path: units, bytes: bytes, rows: unitsFile.units.count)],
            defaults: ScreeningDefaults.applied(results, ruleSet: ruleSet, rulesGiven: rules, roundGiven: round),
            outputs: ["screening.csv"] + (xlsx ? ["report.xlsx"] : []) + ["manifest.json"])
        manifest.overrides = given.map(\.description)
        manifest.language = lang.rawValue
        let screening = ScreeningReport.table(results)
        let files = [("screening.csv", screening.csv(english: try Labels(.en))), ("manifest.json", try manifest.json())]
        try destination.stage(files, making: xlsx ? ["report.xlsx"] : []) { folder in
            guard xlsx else { return }
            try WorkbookReport.write(to: folder.appendingPathComponent("report.xlsx"), sheets: [("units_before", screening)],
                                     assumptions: RunAssumptions(manifest, rules: ruleSet), labels: labels)
        }.commit()
        console.out(ScreeningSummary.text(results, rules: ruleSet, round: screeningRound, labels: labels))
        if !given.isEmpty { console.out("\n" + labels("console.overrides", ["overrides": given.map(\.description).joined(separator: ", ")])) }
        console.out("\n" + labels("console.wrote", ["folder": out, "files": "screening.csv" + (xlsx ? ", report.xlsx" : "") + ", manifest.json"]))
    }
}
