import ArgumentParser
import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// `mergersim sensitivity SCENARIO.yaml`: which unconfirmed (NC) value of the rule set moves the figures most.
struct Sensitivity: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "One at a time over every NC value of the scenario's rule set (low and high, ±50 %; a named choice: each other choice): which moves the headline figures most.",
        discussion: """
            Runs the scenario as it is, then each NC number at its low and its high, and each NC named choice (the offer model) \
            at each other valid choice, with the same seed, and ranks the values by \
            how far they move the surplus at the deadline, the exit cost and the probability that every unit is within quota; a \
            value that flips the deadline verdict ranks first. Writes to the output folder: runs.sqlite (every run), \
            sensitivity.csv (the tornado table: per value and metric, the means at base, low and high, the swing with its 95 % CI, \
            the verdicts) and manifest.json. Stopped and started again, it resumes.

            Example: mergersim sensitivity scenarios/phan-rang-2024/scenario.yaml --runs 20 --only rules.transition
            """)

    @Argument(help: "The scenario file.", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(help: "Replications of each run (default: the scenario's).")
    var runs: Int?

    @Option(help: "The output folder (default: output/<scenario name>-sensitivity).", completion: .directory)
    var out: String?

    @Option(help: ArgumentHelp("Vary only the values whose key starts with this (repeatable), e.g. rules.transition.exits.", valueName: "key"))
    var only: [String] = []

    @Option(help: "Runs at once (each runs its replications on every core).")
    var jobs = 1

    @Flag(help: "No progress bar and no line per run.")
    var quiet = false

    @OptionGroup var overrides: OverrideOptions

    @Option(help: "The language of the console: en or vi (sensitivity.csv keeps machine names and values).")
    var lang: Labels.Language = .en

    /// The flags' own bounds, checked before anything is read, said in `--lang`.
    func checkFlags() throws(InputError) {
        if let runs, !(1...Limits.maxRuns).contains(runs) {
            throw InputError(.usage, file: "--runs", reason: .command(.flagRange(lowest: "1", highest: ReportFormat.grouped(Limits.maxRuns))))
        }
        guard (1...64).contains(jobs) else { throw InputError(.usage, file: "--jobs", reason: .command(.flagRange(lowest: "1", highest: "64"))) }
    }

    func execute(arguments: [String], console: Console) throws {
        try checkFlags()
        let base = try overrides.parsed()
        let scenarioFile = try Scenario(path: scenario, overrides: base)
        let folder = try SweepFolder(out ?? "output/\(scenarioFile.settings.name)-sensitivity")
        let analysis = try SensitivityAnalysis(scenarioPath: scenario, base: base, only: only)
        guard analysis.settings.count > 1 else {
            throw InputError(.usage, file: scenario, reason: .command(.nothingToVary(only: only)))
        }
        try folder.prepare()
        let labels = try Labels(lang)
        let store = try RunStore(path: folder.storePath, waiting: console.waiting(labels))
        let progress = SweepProgress(settings: analysis.settings.count, console: console, labels: labels, bar: !quiet && console.isTerminal, lines: !quiet && !console.isTerminal)
        Interrupts.say(labels("sensitivity.interrupted", ["store": folder.storePath]))
        let runner = SweepRunner(scenarioPath: scenario, runs: runs, name: "sensitivity of \(scenarioFile.settings.name)", store: store)
        let ids = try runner.run(analysis.settings, jobs: jobs, events: progress.handle)
        progress.finish()
        let report = SensitivityReport(effects: try analysis.effects(runIDs: ids, store: store), parameters: analysis.parameters)
        try folder.write("sensitivity.csv", report.csv)
        try folder.write("manifest.json", try SensitivityManifest(command: ["mergersim"] + arguments, analysis: analysis, runs: runs, base: base).json())
        console.out(labels("sensitivity.heading", ["scenario": scenarioFile.settings.name,
                                                   "varied": labels.number(Double(analysis.parameters.count - report.refused.count)),
                                                   "runs": labels.number(Double(analysis.settings.count)),
                                                   "stored": labels.number(Double(progress.skippedCount))]) + "\n")
        console.out(report.text(labels: labels))
        console.out("\n" + labels("sensitivity.wrote", ["folder": folder.given, "files": "\(SweepFolder.storeName), sensitivity.csv, manifest.json"]))
    }
}

/// A sensitivity folder's manifest.json.
struct SensitivityManifest: FolderManifest {
    var tool = "mergersim"
    var version = MergerSimVersion.current
    var command: [String]
    var scenario: String
    var runs: Int?
    var overrides: [String]
    var range = "±50 % of the rule set's value (whole numbers to the whole numbers below and above; shares, rates, uptakes, factors and weights at most 1)"
    var parameters: [Parameter]
    var outputs = [SweepFolder.storeName, "sensitivity.csv", "manifest.json"]

    /// A parameter as the manifest lists it: a number's value, low and high as numbers, a named
    /// choice's as names (low the rule set's choice, high the alternative).
    struct Parameter: Encodable {
        var key: String, rule: String, value: Value, low: Value, high: Value
        var refused: String?

        enum Value: Encodable {
            case number(Double), name(String)

            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case .number(let x): try container.encode(x)
                case .name(let name): try container.encode(name)
                }
            }
        }

        init(_ p: SensitivityParameters.Parameter) {
            key = p.key
            rule = p.rule
            refused = p.refused
            switch p.range {
            case .numeric(let x, let lowX, let highX): (value, low, high) = (.number(x), .number(lowX), .number(highX))
            case .choice(let base, let alternative): (value, low, high) = (.name(base), .name(base), .name(alternative))
            }
        }
    }

    init(command: [String], analysis: SensitivityAnalysis, runs: Int?, base: [Override]) {
        self.command = command
        scenario = analysis.scenarioPath
        self.runs = runs
        overrides = base.map(\.description)
        parameters = analysis.parameters.map(Parameter.init)
    }
}
