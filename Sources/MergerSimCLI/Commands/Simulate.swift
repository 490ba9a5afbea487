import ArgumentParser
import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// `mergersim simulate SCENARIO.yaml`: apply a merger plan, judge the new units, report surplus.
struct Simulate: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a merger scenario: apply the plan, judge the units after it, share envelopes, move surplus staff.",
        discussion: """
            Writes screening.csv, units_after.csv, transfers.csv, timeline.csv, replications.csv (each replication's headline \
            figures, for paired comparisons), summary.csv, report.html (one page for people), report.xlsx (with --xlsx) and \
            manifest.json to the output folder; with --store, also a run in that SQLite file.

            Examples:
              mergersim simulate scenarios/phan-rang-2024/scenario.yaml --out output/base
              mergersim simulate scenarios/phan-rang-2024/scenario.yaml --set transfers.scope=none --out output/no-transfers
            """)

    @Argument(help: "The scenario file (YAML; see the README).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(help: "The output folder (default: output/<scenario name>).", completion: .directory)
    var out: String?

    @Option(help: "The seed of every random draw (default: the scenario's transition seed, else \(ScenarioDefaults.seed)).")
    var seed: UInt64?

    @Option(help: "Monte Carlo replications (default: the scenario's, else \(ScenarioDefaults.runs)).")
    var runs: Int?

    @Option(help: ArgumentHelp("Run replications until the 95 % interval of each headline figure is within ±R of its mean (a probability: "
                               + "±R absolute), at least \(Precision.minimumRuns), at most --runs (default: the scenario's precision, else "
                               + "exactly --runs).", valueName: "R"))
    var precision: Double?

    @Flag(help: "No progress bar.")
    var quiet = false

    @Option(help: "Also record the run in this SQLite run store (made when missing; see the README for its tables).", completion: .file(extensions: ["sqlite"]))
    var store: String?

    @Flag(help: "Also write report.xlsx: the run's tables as an Excel workbook, with the assumptions and a column dictionary.")
    var xlsx = false

    @Option(help: "The language of the console summary, report.html and report.xlsx: en or vi (default: the scenario's lang, else en).")
    var lang: Labels.Language?

    @OptionGroup var overrides: OverrideOptions

    /// The flags' own bounds, checked before anything is read, said in `--lang`.
    func checkFlags() throws(InputError) {
        if let runs, !(1...Limits.maxRuns).contains(runs) {
            throw InputError(.usage, file: "--runs", reason: .command(.flagRange(lowest: "1", highest: ReportFormat.grouped(Limits.maxRuns))))
        }
        if let precision, Precision(halfWidth: precision) == nil {
            throw InputError(.usage, file: "--precision", reason: .command(.precisionNotPositive))
        }
        if precision != nil, let runs, runs < Precision.minimumRuns {
            throw InputError(.usage, file: "--precision", reason: .command(.precisionNeedsRuns(minimum: Precision.minimumRuns)))
        }
    }

    func execute(arguments: [String], console: Console) throws {
        try checkFlags()
        let scenarioFile = try Scenario(path: scenario, overrides: try overrides.parsed())
        Interrupts.say(try Labels(lang ?? scenarioFile.language)("console.interrupted"))
        do {
            try execute(scenarioFile, arguments: arguments, console: console)
        } catch var error as InputError {
            // Past the scenario, its `lang:` is the language of the messages (unless `--lang` says otherwise).
            error.language = error.language ?? scenarioFile.language
            throw error
        }
    }

    /// Runs `scenarioFile`, read.
    private func execute(_ scenarioFile: Scenario, arguments: [String], console: Console) throws {
        // The folder is checked before the store is opened: a store inside it would be made, then lost.
        let destination = try OutputFolder(out ?? "output/\(scenarioFile.settings.name)", option: out == nil ? OutputFolder.scenarioNameOption : "--out",
                                           inputs: scenarioFile.filesRead + (store.map { [$0] } ?? []))
        let waiting = console.waiting(try Labels(lang ?? scenarioFile.language))
        let runStore = try store.map { path throws(InputError) in try RunStore(path: path, waiting: waiting) }
        let inputs = try ScenarioInputs(scenario: scenarioFile, seed: seed, runs: runs, precision: precision.flatMap(Precision.init(halfWidth:)))
        try inputs.checkMemory(runsFromFlag: runs != nil)
        if xlsx { try WorkbookReport.checkRows(of: inputs, labels: try Labels(lang ?? scenarioFile.language)) }
        let settings = inputs.scenario.settings, run = inputs.run
        let progress = ProgressBar(total: run.settings.runs, enabled: !quiet && console.isTerminal, console: console)
        let outcome = try inputs.run(progress: { progress.update($0) })
        progress.finish()
        guard let reallocation = outcome.reallocation, let transition = outcome.transition else {
            throw InternalError("the pipeline stopped before the transition")
        }
        let (before, after) = (outcome.before, reallocation.after)
        let funds = run.allowanceFunds(after)
        let summary = RunSummary(run, outcome)
        var defaults = inputs.scenarioDefaults
        defaults += ScreeningDefaults.applied(before, ruleSet: inputs.rulesBefore.rules, rulesGiven: settings.rulesBefore ?? settings.rules, roundGiven: nil)
            .map { entry in var entry = entry; entry.name = "before." + entry.name; return entry }
        defaults += ScreeningDefaults.afterDefaults(after, ruleSet: inputs.rules.rules, scenario: inputs.scenario)
        defaults += inputs.rosterDefaults
        if transition.syntheticRoster {
            let synthetic = run.rules.transition.syntheticRoster
            defaults.append(.init(name: "roster", meaning: .syntheticRoster(seed: run.settings.seed),
                                  rule: synthetic.rule, status: synthetic.status, units: after.count))
        }
        let files = ["screening.csv", "units_after.csv", "transfers.csv", "timeline.csv", "replications.csv", "summary.csv", "report.html"]
            + (xlsx ? ["report.xlsx"] : []) + ["manifest.json"]
        var manifest = try RunManifest(command: ["mergersim"] + arguments, rules: inputs.rules, round: outcome.round.round, seed: run.settings.seed,
                                   runs: transition.runs, inputs: inputs.inputs, defaults: defaults, outputs: files)
        manifest.precision = transition.precision.map(RunManifest.PrecisionEntry.init)
        manifest.scenario = settings.name
        manifest.overrides = scenarioFile.overrides.map(\.description)
        manifest.transfers = scenarioFile.transfersDescription
        manifest.language = (lang ?? scenarioFile.language).rawValue
        manifest.rulesBefore = .init(inputs.rulesBefore)
        manifest.effectiveDate = run.settings.effectiveDate.description
        let names = Dictionary(after.map { ($0.unit.code, $0.unit.name) }, uniquingKeysWith: { a, _ in a })
        let language = try Labels(lang ?? scenarioFile.language)
        // The workbook's sheets, by their label key; each table is also a CSV file.
        let tables: [(key: String, table: ReportTable)] = [
            ("summary", SummaryReport.table(summary)), ("units_before", ScreeningReport.table(before)),
            ("units_after", UnitsAfterReport.table(after, transfers: reallocation.transfers, transition: transition.summary, allowanceFund: funds)),
            ("transfers", TransfersReport.table(reallocation.transfers, names: names)),
            ("timeline", TimelineReport.table(transition.summary, effective: run.settings.effectiveDate)),
        ]
        let english = try Labels(.en)
        let csv = Dictionary(uniqueKeysWithValues: tables.map { ($0.key, $0.table.csv(english: english)) })
        func file(_ key: String) throws(InternalError) -> Data {
            guard let data = csv[key] else { throw InternalError("the \(key) table was not made") }
            return data
        }
        var report = try RunReport.Input(scenario: settings.name, rules: run.rules.id, effective: run.settings.effectiveDate,
                                         runs: transition.runs, seed: run.settings.seed, summary: summary, reallocation: reallocation,
                                         transition: transition.summary, years: transition.model.years,
                                         deadline: run.rules.deadline.date(effective: run.settings.effectiveDate),
                                         assumptions: RunAssumptions(manifest, rules: run.rules), overrides: manifest.overrides)
        let exhibit = try PlanExhibit(before: before, after: after, staffAfterTransfers: reallocation.transfers.staffAfter,
                                      citations: run.rules.citations)
        report.exhibit = exhibit
        if let ended = run.rules.quotas.nonProfessional.endedOn {
            report.categoryEnds[.nonProfessional] = (ended, RulePhrase(run.rules.quotas.nonProfessional.rule, citations: run.rules.citations))
        }
        report.deadlineRule = RulePhrase(run.rules.deadline.rule, citations: run.rules.citations)
        let written: [(String, Data)] = [
            ("screening.csv", try file("units_before")), ("units_after.csv", try file("units_after")), ("timeline.csv", try file("timeline")),
            ("transfers.csv", try file("transfers")), ("replications.csv", ReplicationsReport.table(transition.summary.headlines).csv(english: english)),
            ("summary.csv", try file("summary")), ("manifest.json", try manifest.json()),
            ("report.html", RunReport.html(report, labels: language)),
        ]
        // The run is stored before its folder takes the old one's place: a store that cannot take it leaves
        // both as they were; a folder that then cannot be put in place is said plainly beside the stored run.
        // The workbook is written by its library to a path: inside the staging folder, never in TMPDIR.
        let staged = try destination.stage(written, making: xlsx ? ["report.xlsx"] : []) { folder in
            guard xlsx else { return }
            let sheets = tables.prefix(1) + [("plan", exhibit.table)] + tables.dropFirst()
            try WorkbookReport.write(to: folder.appendingPathComponent("report.xlsx"), sheets: Array(sheets),
                                     assumptions: RunAssumptions(manifest, rules: run.rules), labels: language)
        }
        var storedID: Int64?
        if let runStore {
            do {
                storedID = try runStore.record(StoredRun(inputs: inputs, outcome: outcome, summary: summary))
            } catch {
                staged.discard()
                throw InputError(error.kind, file: error.file, line: error.line, column: error.column,
                                 reason: .output(.notStoredNothingWritten(cause: error.reason, message: error.message, folder: destination.given)))
            }
        }
        do {
            try staged.commit()
        } catch {
            guard let runStore, let storedID else { throw error }
            throw InputError(.unwritable, file: error.file, reason: .output(.storedFolderNotWritten(cause: error.reason, message: error.message,
                                                                                                     run: storedID, store: runStore.path)))
        }
        console.out(SummaryReport.text(summary, scenario: settings.name, rules: run.rules, labels: language))
        console.out(inputs.settingsNote(language))
        console.out("\n" + language("console.wrote", ["folder": destination.given, "files": files.joined(separator: ", ")]))
        if let runStore, let storedID { console.out(language("console.stored_as", ["run": "\(storedID)", "store": runStore.path])) }
    }
}
