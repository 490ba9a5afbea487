import ArgumentParser
import Foundation
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// `mergersim compare RUN RUN…`: runs side by side, with differences and their Monte Carlo uncertainty.
struct Compare: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare runs: each run's figures, each further run's difference from the first, and whether it exceeds Monte Carlo noise.",
        discussion: """
            A RUN is a run folder of `simulate`, or with --store a run id in that store. First the per-replication headline \
            metrics: the mean difference with its standard error and 95 % CI, paired replication by replication when the runs \
            share a seed (common random numbers, with the variance-reduction factor of pairing), Welch's unpaired interval \
            otherwise, Newcombe's score interval for a probability; then every setting that differs and summary.csv's figures. \
            Writes nothing unless --out is given (a CSV file) or --report (the research report, an HTML file).

            Examples:
              mergersim compare output/base output/no-transfers --units --changed
              mergersim compare --store output/uptake/runs.sqlite 1 3 --timeline --report output/uptake-compare.html
            """)

    @Argument(help: "Two or more run folders, or run ids of the --store.", completion: .directory)
    var runs: [String]

    @Option(help: "Read runs given as numbers from this run store.", completion: .file(extensions: ["sqlite"]))
    var store: String?

    @Flag(help: "Also compare the timelines (mean per year, category and metric).")
    var timeline = false

    @Flag(help: "Also list the units whose standards outcome or surplus differ.")
    var units = false

    @Flag(help: "Show only the rows where a run differs from the first.")
    var changed = false

    @Option(help: "Write the comparison to this CSV file (default: print it).")
    var out: String?

    @Option(help: "Also write the comparison's research report (charts of the differences and of each run's convergence) to this HTML file.")
    var report: String?

    @Option(help: "The language of the console: en or vi (the CSV file keeps machine names and values).")
    var lang: Labels.Language = .en

    /// Two runs at least, said in `--lang`.
    func checkFlags() throws(InputError) {
        guard runs.count >= 2 else { throw InputError(.usage, file: "compare", reason: .command(.fewerThanTwoRuns)) }
        if let out, let report, URL(fileURLWithPath: out).standardizedFileURL.path == URL(fileURLWithPath: report).standardizedFileURL.path {
            throw InputError(.usage, file: "--report", reason: .command(.reportIsOut))
        }
    }

    func execute(arguments: [String], console: Console) throws {
        try checkFlags()
        let destination = try out.map { (path) throws(InputError) in try OutputFile(path) }
        let reportFile = try report.map { (path) throws(InputError) in try OutputFile(path) }
        // Only read, as it is: never made, upgraded or changed.
        let waiting = console.waiting(try Labels(lang))
        let runStore = try store.map { path throws(InputError) -> RunStore in try RunStore(reading: path, waiting: waiting) }
        var compared: [ComparedRun] = []
        for run in runs {
            if let runStore, let id = Int64(run) {
                compared.append(try ComparedRun(store: runStore, id: id))
            } else {
                compared.append(try ComparedRun(folder: run))
            }
        }
        let all = try Comparison(compared, timeline: timeline, units: units)
        let comparison = changed ? all.changedOnly : all
        let labels = try Labels(lang)
        if let report, let reportFile {
            let page = ResearchReport.ComparisonPage(comparison: comparison, convergence: try ResearchReport.ComparisonPage.convergence(compared))
            try reportFile.write(ResearchReport.html(comparison: page, labels: labels))
            console.out(labels("console.compare.wrote_report", ["file": report]))
        }
        if let out, let destination {
            try destination.write(comparison.csv)
            console.out(labels("console.compare.wrote", ["file": out, "rows": "\(comparison.rows.count)", "runs": "\(runs.count)"]))
        } else {
            console.out(comparison.text(labels))
        }
    }
}
