import ArgumentParser
import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// `mergersim propose UNITS.csv`: a merger plan proposed from the units alone.
struct Propose: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose a merger plan: which units merge, and with whom.",
        discussion: """
            Mandatory mode (default): each unit that must merge under the round's tests is merged with neighbours until the \
            new unit meets the rule set's merged-unit targets, taking as few other units as possible (found exactly, by a \
            search over each cluster of units that must merge, where the cluster is small enough). Target mode (--targets, \
            columns province,units): each province grouped into that many units, each connected, by simulated annealing on \
            GSL's random numbers (objective: targets missed, spread, population balance, old district lines crossed). \
            Neighbours come from --adjacency (code_a,code_b) or, without it, from the units' centres (lat, lon): an approximation. \
            In target mode a unit without lat/lon that no adjacency file places (an island district or special zone) stays \
            a unit of its own, counted in its province's units.

            Writes plan.csv (the plan format), proposal.csv (one row per proposed unit), scenario.yaml (runs the plan with \
            `mergersim simulate`), report.html (the proposal on a map, each new unit's reason in words, the plan with names), \
            report.xlsx (with --xlsx) and manifest.json to the output folder.

            Example: mergersim propose scenarios/vn-2026-round/units.csv --rules vn-2026 --out output/proposal
            """)

    @Argument(help: "The units CSV (with lat and lon unless --adjacency is given).", completion: .file(extensions: ["csv"]))
    var units: String

    @Option(help: "A bundled rule set id or the path of a rule file.", completion: .custom { _, _, _ in RuleSetLoader.completionIDs })
    var rules = "vn-2026"

    @Option(help: "The screening round of the mandatory mode (default: the rule set's).", completion: .list(["2019", "2023", "2026"]))
    var round: Int?

    @Option(help: "Target mode: a CSV of province,units (the number of units each province is to have).", completion: .file(extensions: ["csv"]))
    var targets: String?

    @Option(help: "Neighbours: a CSV of code_a,code_b pairs (default: from the units' centres).", completion: .file(extensions: ["csv"]))
    var adjacency: String?

    @Option(name: .customLong("province-classes"), help: "A CSV of province,class for the ward targets (\(ProvinceClass.names); default \(ProvinceClass.unlisted.rawValue)).",
            completion: .file(extensions: ["csv"]))
    var provinceClasses: String?

    @Option(help: "Merge within a province or within a district.")
    var within: Scope = .province

    @Flag(help: "Mandatory mode: also merge the units the tests call borderline.")
    var borderline = false

    @Option(help: "The seed of every random draw.")
    var seed: UInt64 = 42

    @Option(help: "Annealing moves per unit in target mode.")
    var moves = 300

    @Option(name: .customLong("weight-failing"), help: "Target mode: the cost of a group missing its target.")
    var weightFailing = ProposalWeights().failing

    @Option(name: .customLong("weight-compactness"), help: "Target mode: the cost of each km of a group's population-weighted spread.")
    var weightCompactness = ProposalWeights().compactness

    @Option(name: .customLong("weight-balance"), help: "Target mode: the cost of a group's squared relative gap to the mean population.")
    var weightBalance = ProposalWeights().balance

    @Option(name: .customLong("weight-district"), help: "Target mode: the cost of each member outside its group's main old district.")
    var weightDistrict = ProposalWeights().districtCrossing

    @Option(name: .customLong("weight-surplus"), help: "Target mode: the cost of each person over a new unit's (estimated) quota.")
    var weightSurplus = ProposalWeights().surplus

    @Option(help: "How many distinct plans to propose, ranked (1 to 20); the best in the output folder, the others in alternatives/2/ …",
            transform: Propose.alternativeCount)
    var alternatives = 1

    @Option(help: "The output folder.", completion: .directory)
    var out = "output/proposal"

    @Flag(help: "No progress bar.")
    var quiet = false

    @Flag(help: "Also write report.xlsx: the proposal, the plan with names and the units before, with the assumptions and a column dictionary.")
    var xlsx = false

    @Option(help: "The language of the console, report.html and report.xlsx: en or vi.")
    var lang: Labels.Language = .en

    enum Scope: String, ExpressibleByArgument, CaseIterable { case province, district }

    /// The flags' own bounds, checked before anything is read, said in `--lang`.
    func checkFlags() throws(InputError) {
        guard (1...100_000).contains(moves) else { throw InputError(.usage, file: "--moves", reason: .command(.flagRange(lowest: "1", highest: "100,000"))) }
        for (name, value) in [("failing", weightFailing), ("compactness", weightCompactness), ("balance", weightBalance), ("district", weightDistrict), ("surplus", weightSurplus)] {
            guard value.isFinite, value >= 0, value <= 1e9 else {
                throw InputError(.usage, file: "--weight-\(name)", reason: .command(.flagNumberRange(highest: "1e9")))
            }
        }
    }

    /// How far apart the centres of neighbours may be without an adjacency file, in words (`25 km`).
    static var maximumDistance: String {
        let km = Neighbours.defaultMaximumDistanceKm
        return (km == km.rounded() ? String(Int(km)) : String(km)) + " km"
    }

    func execute(arguments: [String], console: Console) throws {
        try checkFlags()
        Interrupts.say(try Labels(lang)("console.interrupted"))
        let read = [units, targets, adjacency, provinceClasses].compactMap { $0 } + (RuleSetLoader.isBundled(rules) ? [] : [rules])
        let destination = try OutputFolder(out, inputs: read)
        let loaded = try RuleSetLoader.load(rules)
        let bytes = try FileInput.read(units)
        let unitsFile = try UnitsFile(bytes: bytes, file: units)
        let all = unitsFile.units
        let classesFile = try provinceClasses.map { path throws(InputError) in (path: path, bytes: try FileInput.read(path)) }
        let classes = try classesFile.map { file throws(InputError) in
            try ProposalInputs.provinceClasses(bytes: file.bytes, file: file.path, provinces: Set(all.map(\.province)))
        } ?? ProvinceClasses()
        let run: ProposalRun, result: ProposalResult
        do {
            run = try ProposalRun(units: all, rules: loaded.rules, provinceClasses: classes)
        } catch {
            throw unitsFile.located(error)
        }
        if let targets {
            let counts = try ProposalInputs.targets(targets, provinces: Set(all.map(\.province)), units: all)
            // Units without a position are not required: each stays a unit of its own, counted in its province's target.
            // Without an adjacency file, island districts and special zones the rule set keeps apart are pieces
            // of their own (the centres would link an island to the nearest mainland unit); a file's links stand.
            let centres = try neighbours(all, required: [])
            let graph = adjacency == nil ? centres.keepingApart(run.keptAloneByKind) : centres
            try ProposalInputs.checkPieces(targets, counts: counts, units: all, neighbours: graph)
            let progress = ProgressBar(total: counts.count, enabled: !quiet && console.isTerminal, console: console)
            do throws(ProposalError) {
                result = try run.propose(counts: counts, neighbours: graph, weights: weights, seed: seed, movesPerUnit: moves,
                                         progress: { progress.update($0) })
            } catch {
                throw failure(error, unitsFile)
            }
            progress.finish()
        } else {
            let (selection, graph) = try mandatoryInputs(run, all, unitsFile: unitsFile)
            do throws(ProposalError) {
                result = try run.propose(selection, neighbours: graph)
            } catch {
                throw failure(error, unitsFile)
            }
        }
        let plans = try alternatives(run: run, first: result, unitsFile: unitsFile)
        let report = ProposalReport(units: all, result: plans.best)
        let language = try Labels(lang)
        let shown = try presentation(report, rules: loaded.rules, file: unitsFile)
        let files = ["plan.csv", "proposal.csv", "scenario.yaml", "report.html"] + (xlsx ? ["report.xlsx"] : []) + ["manifest.json"]
        let rulesEntry = loaded.source == "bundled" ? loaded.rules.id : Scenario.relative(URL(fileURLWithPath: rules).standardizedFileURL.path, from: destination.target)
        var manifest = try RunManifest(command: ["mergersim"] + arguments, rules: loaded, round: round, seed: seed,
                                   inputs: [.init(role: "units", path: units, bytes: bytes, rows: all.count)]
                                       + (classesFile.map { [.init(role: "province_classes", path: $0.path, bytes: $0.bytes, rows: classes.listed.count)] } ?? []),
                                   defaults: [.init(name: "province_class", meaning: classes.listed.isEmpty ? .unlistedForEveryProvince
                                                    : .unlistedForProvinces(count: Set(all.map(\.province)).subtracting(classes.listed.keys).count,
                                                                            file: provinceClasses ?? "")),
                                              .init(name: "weights", meaning: .proposalWeights(failing: weightFailing, compactness: weightCompactness,
                                                                                               balance: weightBalance, district: weightDistrict,
                                                                                               surplus: weightSurplus)),
                                              .init(name: "neighbours", meaning: adjacency.map { .neighboursFromFile($0) }
                                                    ?? .neighboursDelaunay(maximumDistance: Self.maximumDistance, within: within.rawValue))],
                                   outputs: files + plans.outputs)
        manifest.scenario = "proposal (\(mode))"
        manifest.language = lang.rawValue
        let workbookSheets = sheets(report, shown)
        if xlsx { try WorkbookReport.checkRows(workbookSheets.map { ($0.key, $0.table.rows.count) }, labels: language) }
        let staged = try destination.stage([
            ("plan.csv", report.planCSV), ("proposal.csv", try report.csv()),
            ("scenario.yaml", ProposalReport.scenario(name: "proposal", rules: rulesEntry, unitsPath: units, folder: destination.target, provinceClasses: classes)),
            ("report.html", page(report, shown, labels: language)), ("manifest.json", try manifest.json()),
        ] + plans.files(units: all, unitsPath: units, rules: loaded, rulesPath: rules, classes: classes, folder: destination.target),
        making: xlsx ? ["report.xlsx"] : []) { folder in
            guard xlsx else { return }
            try WorkbookReport.write(to: folder.appendingPathComponent("report.xlsx"), sheets: workbookSheets,
                                     assumptions: RunAssumptions(manifest, rules: loaded.rules), labels: language)
        }
        try staged.commit()
        printSummary(shown.summary, citations: loaded.rules.citations, labels: language, console: console)
        plans.print(units: all, labels: language, console: console)
        let written = files + (plans.outputs.isEmpty ? [] : ["alternatives.csv", "alternatives/"])
        console.out("\n" + language("console.wrote", ["folder": destination.given, "files": written.joined(separator: ", ")]))
    }
}
