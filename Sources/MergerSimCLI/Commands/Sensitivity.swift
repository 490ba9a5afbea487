import ArgumentParser
import Foundation
import GSL
import MergerSim
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// `mergersim sensitivity SCENARIO.yaml`: which unconfirmed (NC) value of the rule set moves the figures most.
struct Sensitivity: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "One at a time over every NC value of the scenario's rule set (low and high: its plausible range, else ±50 %; a named choice: each other choice): which moves the headline figures most.",
        discussion: """
            Runs the scenario as it is, then each NC number at its low and its high, and each NC named choice (the offer model) \
            at each other valid choice, with the same seed, and ranks the values by \
            how far they move the surplus at the deadline, the exit cost and the probability that every unit is within quota; a \
            value that flips the deadline verdict ranks first. Writes to the output folder: runs.sqlite (every run), \
            sensitivity.csv (the tornado table: per value and metric, the means at base, low and high, the swing with its 95 % CI, \
            the verdicts) and manifest.json. Stopped and started again, it resumes.

            With --method morris, every NC number moves over its range along --trajectories random one-at-a-time paths \
            (Morris's elementary effects: morris.csv with mu, mu_star, sigma and mu_star's bootstrap 95 % CI); with --method \
            sobol, over Saltelli's design of --samples rows (Sobol's first- and total-order indices: sobol.csv with bootstrap \
            95 % CIs). Every point is a setting run with the same seed into runs.sqlite, resumable as one at a time.

            Example: mergersim sensitivity scenarios/phan-rang-2024/scenario.yaml --runs 20 --only rules.transition
            Example: mergersim sensitivity scenarios/phan-rang-2024/scenario.yaml --runs 20 --only rules.transition.exits --method morris

            With --ranges FILE.yaml, each key the file names (an NC number of the rule set, keyed as --only writes it) ranges \
            over the file's {min, max}, or its distribution: {distribution: triangular, min, mode, max} or {distribution: normal, \
            mean, sd} (one at a time runs mean ± 2 sd, cut to a min and max when given; Morris and Sobol map each point through \
            the distribution's quantile). range_source says ranges_file; the manifest records the file, its SHA-256 and each range.
            """)

    @Argument(help: "The scenario file.", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Option(help: "Replications of each run (default: the scenario's).")
    var runs: Int?

    @Option(help: "The output folder (default: output/<scenario name>-sensitivity; with --method morris or sobol, -morris or -sobol).", completion: .directory)
    var out: String?

    @Option(help: ArgumentHelp("Vary only the values whose key starts with this (repeatable), e.g. rules.transition.exits.", valueName: "key"))
    var only: [String] = []

    @Option(help: ArgumentHelp("A ranges file (YAML): per NC key, {min, max} or {distribution: uniform|triangular|normal, …}; it replaces the rule set's plausible range (else ±50 %) of the keys it names.",
                               valueName: "file.yaml"), completion: .file(extensions: ["yaml", "yml"]))
    var ranges: String?

    @Option(help: "oat (one at a time, low and high), morris (elementary effects) or sobol (first- and total-order indices).")
    var method: SensitivityMethod = .oat

    @Option(help: "Morris: the number of trajectories r (each k + 1 runs for k values).")
    var trajectories = 10

    @Option(help: "Sobol: the number N of rows of Saltelli's design, a power of 2 from 4 to 65536 (N·(k + 2) runs for k values).")
    var samples = PowerOfTwo(64)

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
        guard (2...1_000).contains(trajectories) else {
            throw InputError(.usage, file: "--trajectories", reason: .command(.flagRange(lowest: "2", highest: ReportFormat.grouped(1_000))))
        }
    }

    func execute(arguments: [String], console: Console) throws {
        try checkFlags()
        let base = try overrides.parsed()
        let scenarioFile = try Scenario(path: scenario, overrides: base)
        // Each method its own folder by default, so one method's files never sit beside another's manifest.
        let folder = try SweepFolder(out ?? "output/\(scenarioFile.settings.name)-" + (method == .oat ? "sensitivity" : method.rawValue))
        let rangesFile: SensitivityRangesFile?
        if let ranges { rangesFile = try SensitivityRangesFile(path: ranges) } else { rangesFile = nil }
        let analysis = try SensitivityAnalysis(scenarioPath: scenario, base: base, only: only, ranges: rangesFile)
        guard analysis.settings.count > 1 else {
            throw InputError(.usage, file: scenario, reason: .command(.nothingToVary(only: only)))
        }
        if method != .oat {
            return try executeGlobal(arguments: arguments, console: console, scenarioFile: scenarioFile, folder: folder, analysis: analysis, base: base,
                                     rangesFile: rangesFile)
        }
        let labels = try Labels(lang)
        let (store, ids, progress) = try run(analysis.settings, named: "sensitivity of \(scenarioFile.settings.name)", into: folder, console: console, labels: labels)
        let report = SensitivityReport(effects: try analysis.effects(runIDs: ids, store: store), parameters: analysis.parameters)
        try folder.write("sensitivity.csv", report.csv)
        let baseHeadlines = try ids[1].map { id throws(InputError) in try store.headlines(ofRun: id) } ?? []
        let page = ResearchReport.SensitivityPage(scenario: scenarioFile.settings.name, report: report,
                                                  baseConvergence: baseHeadlines.isEmpty ? [] : try ConvergencePath.paths(baseHeadlines))
        try folder.write("report.html", ResearchReport.html(sensitivity: page, labels: labels))
        try folder.write("manifest.json", try SensitivityManifest(command: ["mergersim"] + arguments, analysis: analysis, runs: runs, base: base,
                                                                        rangesFile: rangesFile).json())
        console.out(labels("sensitivity.heading", ["scenario": scenarioFile.settings.name,
                                                   "varied": labels.number(Double(analysis.parameters.count - report.refused.count)),
                                                   "runs": labels.number(Double(analysis.settings.count)),
                                                   "stored": labels.number(Double(progress.skippedCount))]) + "\n")
        console.out(report.text(labels: labels))
        console.out("\n" + labels("sensitivity.wrote", ["folder": folder.given, "files": "\(SweepFolder.storeName), sensitivity.csv, report.html, manifest.json"]))
    }
}

extension Sensitivity {
    /// The settings run into the folder's store with a progress bar or lines (what one at a time and the global
    /// methods share): the store, each setting's run id and the progress (how many were stored already).
    func run(_ settings: [SweepPlan.Setting], named name: String, into folder: SweepFolder, console: Console,
             labels: Labels) throws -> (RunStore, [Int: Int64], SweepProgress) {
        try folder.prepare()
        let store = try RunStore(path: folder.storePath, waiting: console.waiting(labels))
        let progress = SweepProgress(settings: settings.count, console: console, labels: labels, bar: !quiet && console.isTerminal,
                                     lines: !quiet && !console.isTerminal)
        Interrupts.say(labels("sensitivity.interrupted", ["store": folder.storePath]))
        let ids = try SweepRunner(scenarioPath: scenario, runs: runs, name: name, store: store).run(settings, jobs: jobs, events: progress.handle)
        progress.finish()
        return (store, ids, progress)
    }

    /// `--method morris` or `sobol`: the design's points as settings, run with the scenario's seed, then the estimators.
    func executeGlobal(arguments: [String], console: Console, scenarioFile: Scenario, folder: SweepFolder, analysis: SensitivityAnalysis,
                       base: [Override], rangesFile: SensitivityRangesFile?) throws {
        let seed = scenarioFile.settings.transition?.seed ?? ScenarioDefaults.seed
        let numbers = analysis.parameters.filter { if case .numeric = $0.range { $0.refused == nil } else { false } }
        guard !numbers.isEmpty else { throw InputError(.usage, file: scenario, reason: .command(.nothingToVary(only: only))) }
        if method == .sobol, numbers.count > SobolDesign.maxParameters {
            throw InputError(.usage, file: "--only", reason: .command(.sobolTooManyValues(max: SobolDesign.maxParameters, given: numbers.count)))
        }
        let size = method == .morris ? trajectories : samples.value
        let global = try GlobalSensitivityAnalysis(oneAtATime: analysis, method: method, size: size, seed: seed, base: base)
        let labels = try Labels(lang)
        let (store, ids, progress) = try run(global.settings, named: "\(method.rawValue) sensitivity of \(scenarioFile.settings.name)", into: folder,
                                             console: console, labels: labels)
        let results = try global.results(runIDs: ids, store: store)
        let report = GlobalSensitivityReport(results: results)
        let csvName = method == .morris ? "morris.csv" : "sobol.csv"
        try folder.write(csvName, method == .morris ? report.morrisCSV : report.sobolCSV)
        let firstHeadlines = try ids[1].map { id throws(InputError) in try store.headlines(ofRun: id) } ?? []
        let page = ResearchReport.GlobalSensitivityPage(scenario: scenarioFile.settings.name, method: method, points: global.settings.count,
                                                        results: results,
                                                        firstPointConvergence: firstHeadlines.isEmpty ? [] : try ConvergencePath.paths(firstHeadlines))
        try folder.write("report.html", ResearchReport.html(global: page, labels: labels))
        try folder.write("manifest.json", try GlobalSensitivityManifest(command: ["mergersim"] + arguments, analysis: global, method: method, size: size,
                                                                          scenario: scenario, runs: runs, base: base, rangesFile: rangesFile).json())
        let heading = method == .morris ? "sensitivity.global.heading_morris" : "sensitivity.global.heading_sobol"
        console.out(labels(heading, ["scenario": scenarioFile.settings.name, "varied": labels.number(Double(global.parameters.count)),
                                     "trajectories": labels.number(Double(trajectories)), "samples": labels.number(Double(samples.value)),
                                     "runs": labels.number(Double(global.settings.count)), "stored": labels.number(Double(progress.skippedCount))]) + "\n")
        console.out(report.text(labels: labels))
        console.out(SensitivityReport.rangeSources(of: global.parameters, labels: labels))
        console.out("\n" + labels("sensitivity.wrote", ["folder": folder.given, "files": "\(SweepFolder.storeName), \(csvName), report.html, manifest.json"]))
    }
}

/// The sample size of a Sobol design: a power of 2 from 4 to 65 536 (Sobol's sequence balances its points in blocks of 2^m).
struct PowerOfTwo: ExpressibleByArgument, Sendable {
    let value: Int

    init(_ value: Int) { self.value = value }

    init?(argument: String) {
        guard let n = Int(argument), n >= 4, n <= 65_536, n & (n - 1) == 0 else { return nil }
        value = n
    }

    var defaultValueDescription: String { String(value) }
}

extension SensitivityMethod: ExpressibleByArgument {}

/// A Morris or Sobol sensitivity folder's manifest.json: the method, its sample size and seed, and each value's range.
struct GlobalSensitivityManifest: FolderManifest {
    var tool = "mergersim"
    var version = MergerSimVersion.current
    var command: [String]
    var scenario: String
    var method: String
    /// Morris: the trajectories r; Sobol: the rows N.
    var sampleSize: Int
    var points: Int
    var seed: UInt64
    var bootstrapResamples = BootstrapResampler.defaultResamples
    var runs: Int?
    var overrides: [String]
    var rangesFile: RangesFileRecord?
    var parameters: [Parameter]
    var outputs: [String]

    enum CodingKeys: String, CodingKey {
        case tool, version, command, scenario, method, points, seed, runs, overrides, parameters, outputs
        case sampleSize = "sample_size", bootstrapResamples = "bootstrap_resamples", rangesFile = "ranges_file"
    }

    /// A number's range: its ends and how the design's coordinates spread over them (a triangular's mode, a
    /// normal's mean and sd, when the ranges file gives them).
    struct Parameter: Encodable {
        var key: String, rule: String, value: Double, min: Double, max: Double, distribution: String
        var mode: Double?, mean: Double?, sd: Double?
        var rangeSource: String?

        enum CodingKeys: String, CodingKey {
            case key, rule, value, min, max, distribution, mode, mean, sd
            case rangeSource = "range_source"
        }

        init(_ p: SensitivityParameters.Parameter, value: Double, min: Double, max: Double) {
            key = p.key
            rule = p.rule
            self.value = value
            self.min = min
            self.max = max
            distribution = p.distribution.name
            switch p.distribution {
            case .uniform: break
            case .triangular(let mode): self.mode = mode
            case .normal(let mean, let sd): (self.mean, self.sd) = (mean, sd)
            }
            rangeSource = p.rangeSource?.rawValue
        }
    }

    init(command: [String], analysis: GlobalSensitivityAnalysis, method: SensitivityMethod, size: Int, scenario: String, runs: Int?, base: [Override],
         rangesFile: SensitivityRangesFile?) {
        self.command = command
        self.scenario = scenario
        self.method = method.rawValue
        sampleSize = size
        points = analysis.settings.count
        seed = analysis.seed
        self.runs = runs
        overrides = base.map(\.description)
        self.rangesFile = rangesFile.map(RangesFileRecord.init)
        parameters = analysis.parameters.compactMap { p in
            guard case .numeric(let value, let low, let high) = p.range else { return nil }
            return Parameter(p, value: value, min: low, max: high)
        }
        outputs = [SweepFolder.storeName, method == .morris ? "morris.csv" : "sobol.csv", "report.html", "manifest.json"]
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
    var rangesFile: RangesFileRecord?
    var range = "each parameter's range_source: rule_set (the rule set's plausible range, min and max), else plus_minus_50 (±50 % of the rule set's value; whole numbers to the whole numbers below and above; shares, rates, uptakes, factors and weights at most 1)"
    var parameters: [Parameter]
    var outputs = [SweepFolder.storeName, "sensitivity.csv", "report.html", "manifest.json"]

    enum CodingKeys: String, CodingKey {
        case tool, version, command, scenario, runs, overrides, range, parameters, outputs
        case rangesFile = "ranges_file"
    }

    /// A parameter as the manifest lists it: a number's value, low and high as numbers, a named
    /// choice's as names (low the rule set's choice, high the alternative).
    struct Parameter: Encodable {
        var key: String, rule: String, value: Value, low: Value, high: Value
        var rangeSource: String?
        /// A ranges file's distribution (its low and high: mean ± 2 sd for a normal), with its parameters.
        var distribution: String?, mode: Double?, mean: Double?, sd: Double?
        var refused: String?

        enum CodingKeys: String, CodingKey {
            case key, rule, value, low, high, refused, distribution, mode, mean, sd
            case rangeSource = "range_source"
        }

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
            rangeSource = p.rangeSource?.rawValue
            if p.rangeSource == .rangesFile {
                distribution = p.distribution.name
                switch p.distribution {
                case .uniform: break
                case .triangular(let mode): self.mode = mode
                case .normal(let mean, let sd): (self.mean, self.sd) = (mean, sd)
                }
            }
            switch p.range {
            case .numeric(let x, let lowX, let highX): (value, low, high) = (.number(x), .number(lowX), .number(highX))
            case .choice(let base, let alternative): (value, low, high) = (.name(base), .name(base), .name(alternative))
            }
        }
    }

    init(command: [String], analysis: SensitivityAnalysis, runs: Int?, base: [Override], rangesFile: SensitivityRangesFile?) {
        self.command = command
        self.rangesFile = rangesFile.map(RangesFileRecord.init)
        scenario = analysis.scenarioPath
        self.runs = runs
        overrides = base.map(\.description)
        parameters = analysis.parameters.map(Parameter.init)
    }
}

/// The ranges file a sensitivity analysis read (`--ranges`): its path as given and its SHA-256.
struct RangesFileRecord: Encodable {
    var path: String, sha256: String

    init(_ file: SensitivityRangesFile) {
        path = file.path
        sha256 = file.sha256
    }
}
