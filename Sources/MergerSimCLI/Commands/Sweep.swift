import ArgumentParser
import Dispatch
import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// `mergersim sweep SWEEP.yaml`: a scenario run over a grid or sample of settings into a run store.
struct Sweep: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario over a grid or sample of settings and seeds into a run store; summarise each setting with its uncertainty.",
        discussion: """
            Writes to the output folder: runs.sqlite (every setting's run; see the README for its tables), \
            sweep.csv (per setting and headline metric: the varied values, mean, standard error, 95 % CI), report.xlsx (with --xlsx) and manifest.json. \
            Stopped and started again, a sweep skips the settings stored already.

            --runs N (or --set transition.runs=N) replaces the sweep file's runs for every setting.

            Examples:
              mergersim sweep scenarios/phan-rang-2024/sweep.yaml --out output/uptake --runs 20 --jobs 2
              mergersim sweep scenarios/phan-rang-2024/sweep.yaml --set transition.runs=20 --out output/uptake-20
            On a cluster, --shard I/N runs the I-th of N parts into its own folder; `mergersim store merge` combines them:
              mergersim sweep scenarios/phan-rang-2024/sweep.yaml --runs 20 --shard 1/2 --out output/uptake-shard-1
              mergersim sweep scenarios/phan-rang-2024/sweep.yaml --runs 20 --shard 2/2 --out output/uptake-shard-2
            """)

    @Argument(help: "The sweep file (YAML: scenario, vary, seeds, runs, sample; see the README).", completion: .file(extensions: ["yaml", "yml"]))
    var sweep: String

    @Option(help: "The sweep's folder (default: output/<sweep name>, or output/<sweep name>-shard-I-of-N).", completion: .directory)
    var out: String?

    @Option(help: "Monte Carlo replications of each setting, in place of the sweep file's runs (default: the file's, else the scenario's).")
    var runs: Int?

    @Option(help: "Settings run at once (each runs its replications on every core).")
    var jobs = 1

    @Option(help: ArgumentHelp("Run only part I of N (every N-th setting from the I-th), into its own store.", valueName: "I/N"))
    var shard: String?

    @Flag(help: "No progress bar and no line per setting.")
    var quiet = false

    @Flag(help: "Also write report.xlsx: one row per setting (its varied values, then each headline figure's mean and 95 % CI), the base scenario's assumptions and a column dictionary.")
    var xlsx = false

    @Option(help: "The language of the console and of report.xlsx's labels: en or vi.")
    var lang: Labels.Language = .en

    @OptionGroup var overrides: OverrideOptions

    /// The flags' own bounds, checked before anything is read, said in `--lang`.
    func checkFlags() throws(InputError) {
        guard (1...64).contains(jobs) else { throw InputError(.usage, file: "--jobs", reason: .command(.flagRange(lowest: "1", highest: "64"))) }
        if let runs, !(1...Limits.maxRuns).contains(runs) {
            throw InputError(.usage, file: "--runs", reason: .command(.flagRange(lowest: "1", highest: ReportFormat.grouped(Limits.maxRuns))))
        }
        if let shard, Self.parseShard(shard) == nil { throw InputError(.usage, file: "--shard", reason: .command(.shardForm)) }
    }

    /// The sweep file with the command line's replications in place of its runs: `--runs N`, else the last
    /// `--set transition.runs=N` (taken out of the overrides, so it replaces the file's runs instead of
    /// clashing with them); `--runs` and `--set transition.runs` together are refused (64), as is a value
    /// that is not a whole number from 1 to the most runs.
    static func commandLineRuns(file: SweepFile, runs: Int?, overrides: [Override]) throws(InputError) -> (SweepFile, [Override]) {
        let runOverrides = overrides.filter { $0.key == "transition.runs" }
        guard let last = runOverrides.last else { return (runs.map(file.replacingRuns) ?? file, overrides) }
        guard runs == nil else {
            throw InputError(.usage, file: "--set \(last)", reason: .command(.runsTwice))
        }
        guard let value = Int(last.value), (1...Limits.maxRuns).contains(value) else {
            throw InputError(.usage, file: "--set \(last)", reason: .command(.flagRange(lowest: "1", highest: ReportFormat.grouped(Limits.maxRuns))))
        }
        return (file.replacingRuns(value), overrides.filter { $0.key != "transition.runs" })
    }

    static func parseShard(_ text: String) -> (index: Int, count: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
        return (i, n)
    }

    func execute(arguments: [String], console: Console) throws {
        try checkFlags()
        let (file, base) = try Self.commandLineRuns(file: try SweepFile(path: sweep), runs: runs, overrides: try overrides.parsed())
        let plan = try SweepPlan(file: file, base: base)
        let part = shard.flatMap(Self.parseShard)
        let settings = part.map { plan.shard($0.index, of: $0.count) } ?? plan.settings
        let folder = try SweepFolder(out ?? "output/\(file.name)" + (part.map { "-shard-\($0.index)-of-\($0.count)" } ?? ""))
        try plan.check()
        try folder.prepare()
        let labels = try Labels(lang)
        let store = try RunStore(path: folder.storePath, waiting: console.waiting(labels))
        let progress = SweepProgress(settings: settings.count, console: console, labels: labels, bar: !quiet && console.isTerminal,
                                     lines: !quiet && !console.isTerminal)
        Interrupts.say(labels("console.sweep.interrupted", ["store": folder.storePath]))
        let ids = try SweepRunner(plan: plan, store: store).run(settings, jobs: jobs, events: progress.handle)
        progress.finish()
        let report = try SweepReport(plan: plan, runIDs: ids, store: store)
        let manifest = SweepManifest(command: ["mergersim"] + arguments, file: file, plan: plan, shard: part, settingsRun: settings.count)
        try folder.write("sweep.csv", try report.csv())
        let page = ResearchReport.SweepPage(name: file.name, scenario: URL(fileURLWithPath: file.scenarioPath).deletingLastPathComponent().lastPathComponent,
                                            report: report, latinHypercube: file.sample != nil,
                                            convergence: try ResearchReport.SweepPage.convergence(plan: plan, runIDs: ids, store: store))
        try folder.write("report.html", ResearchReport.html(sweep: page, labels: labels))
        if xlsx {
            // The assumptions of the base scenario (with the sweep's own --set), named by its rule set; the varied
            // values are the sheet's columns.
            var ignored: [DefaultRecord] = []
            let base = try ScenarioInputs.ruleSets(of: try Scenario(path: file.scenarioPath, overrides: plan.base), defaults: &ignored).0
            let assumptions = RunAssumptions(values: try RunManifest.Assumption.all(in: base.rules), defaults: [], rules: base.rules)
            try folder.write("report.xlsx") { staging in
                try WorkbookReport.write(to: staging, sheets: [("sweep", report.wideTable)], assumptions: assumptions, labels: labels)
            }
        }
        try folder.write("manifest.json", try manifest.json())
        let skipped = progress.skippedCount
        let partText = part.map {
            labels("console.sweep.part", ["index": "\($0.index)", "count": "\($0.count)", "total": "\(plan.settings.count)"])
        }
        // A setting is a design row (sweep.csv's); a run is a setting at one seed.
        let rows = Set(settings.map(\.row)).count
        let settingsText = labels(rows == 1 ? "sweep.settings.one" : "sweep.settings.other", ["count": labels.number(Double(rows))])
        let runsText = labels(settings.count == 1 ? "sweep.runs.one" : "sweep.runs.other", ["count": labels.number(Double(settings.count))])
        console.out(labels("sweep.done", ["name": file.name, "settings": settingsText, "runs": runsText, "part": partText ?? "",
                                          "run": labels.number(Double(settings.count - skipped)), "stored": labels.number(Double(skipped))]))
        console.out(labels("console.wrote", ["folder": folder.given,
                                             "files": "\(SweepFolder.storeName), sweep.csv, report.html" + (xlsx ? ", report.xlsx" : "") + ", manifest.json"]))
    }
}

/// A sweep's progress: a bar with the settings done and an estimate of the time left on a terminal, else
/// one line per setting (for a batch scheduler's log).
final class SweepProgress: @unchecked Sendable {
    private let total: Int, console: Console, labels: Labels, bar: Bool, lines: Bool
    private let lock = NSLock()
    private let start = DispatchTime.now()
    private var done = 0, skipped = 0, running: [Int: Double] = [:], workDone = 0.0, shown = ""

    init(settings: Int, console: Console, labels: Labels, bar: Bool, lines: Bool) {
        total = settings
        self.console = console
        self.labels = labels
        self.bar = bar
        self.lines = lines
    }

    var skippedCount: Int { lock.withLock { skipped } }

    func handle(_ event: SweepRunner.Event) {
        lock.withLock {
            switch event {
            case .skipped(let setting, let run):
                done += 1
                skipped += 1
                if lines { console.out(labels("console.run.stored_already", ["setting": "\(setting.settingNumber)", "seed": seedText(setting), "run": "\(run)"])) }
            case .replications(let setting, let finished, let of):
                running[setting.number] = Double(finished) / Double(max(1, of))
            case .stored(let setting, let run, let seconds):
                done += 1
                workDone += 1
                running[setting.number] = nil
                if lines {
                    let what = setting.varied.map(\.description).joined(separator: ", ")
                    console.out(labels("console.run.stored", [
                        "setting": "\(setting.settingNumber)", "seed": seedText(setting), "run": "\(run)",
                        "seconds": labels.decimalMark(String(format: "%.1f", seconds)), "values": what.isEmpty ? "" : " (\(what))",
                    ]))
                }
            }
            draw()
        }
    }

    /// A run's seed as its line names it: "seed 2", or the scenario's.
    private func seedText(_ setting: SweepPlan.Setting) -> String {
        setting.seed.map { labels("console.run.seed", ["seed": String($0)]) } ?? labels("console.run.scenario_seed")
    }

    private func draw() {
        guard bar else { return }
        let partial = running.values.reduce(0, +), fraction = (Double(done) + partial) / Double(max(1, total))
        let filled = Int(fraction * 20)
        var text = "\r" + labels("console.sweep.progress", ["bar": String(repeating: "#", count: filled) + String(repeating: " ", count: 20 - filled),
                                                            "done": "\(done)", "total": "\(total)"])
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9, work = workDone + partial
        if work > 0.05 {
            let left = elapsed / work * Double(total - done - running.count) + elapsed / work * (Double(running.count) - partial)
            text += labels("console.sweep.time_left", ["duration": Self.duration(left, labels: labels)])
        }
        guard text != shown else { return }
        shown = text
        console.progress(text + "   ")
    }

    static func duration(_ seconds: Double, labels: Labels) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return labels("console.duration.seconds", ["s": "\(s)"]) }
        if s < 3600 { return labels("console.duration.minutes", ["m": "\(s / 60)", "s": "\(s % 60)"]) }
        return labels("console.duration.hours", ["h": "\(s / 3600)", "m": "\(s % 3600 / 60)"])
    }

    func finish() {
        if bar { console.progress("\n") }
    }
}
