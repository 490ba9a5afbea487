import Foundation
import GSL
import MergerSim
import MergerSimInputs

/// `mergersim compare`: runs side by side, one column per run, and for each run after the first its
/// difference from the first and the % change; rows naming every setting that differs; for the
/// per-replication headline metrics the mean difference with its standard error and 95 % CI, paired
/// replication by replication when the two runs share a seed and size (common random numbers), Welch's
/// unpaired interval otherwise; with `timeline`, the timelines' means; with `units`, the units whose
/// standards outcome or surplus changed.
public struct Comparison: Sendable {
    public let runs: [String]
    public let rows: [Row]

    public struct Row: Sendable {
        /// The row's machine name (the CSV's `metric`).
        public var metric: String
        /// What the row is about, for naming it to a person in a language.
        public var subject: Subject
        public var values: [String]
        /// Per run after the first: its difference from the first (nil where the values are not numbers).
        public var differences: [Difference?]
    }

    /// What a row compares.
    public enum Subject: Sendable {
        /// A setting of the runs (one of ``ComparedRun/settingNames``) that differs.
        case setting(String)
        /// A figure of summary.csv, by its machine name.
        case summary(String)
        /// The mean over the replications of a headline figure.
        case replicationMean(HeadlineMetric)
        /// A timeline mean: the year, the category and the metric, as timeline.csv names them.
        case timeline(year: String, category: String, metric: String)
        /// A column of units_after.csv for one unit.
        case unit(code: String, column: String)
    }

    public struct Difference: Sendable {
        public var value: Double
        /// Change relative to the first run (nil when the first is 0).
        public var percent: Double?
        /// The Monte Carlo uncertainty, for per-replication metrics.
        public var estimate: Estimate?
        public var paired: Bool?
    }

    public init(_ compared: [ComparedRun], timeline: Bool = false, units: Bool = false) throws(GSLError) {
        let names = compared.map(\.name)
        runs = names.enumerated().map { i, name in names.filter { $0 == name }.count > 1 ? "\(name) (\(i + 1))" : name }
        var rows: [Row] = []
        func numeric(_ metric: String, _ subject: Subject, _ values: [String]) -> Row {
            let first = Double(values[0])
            let differences = values.dropFirst().map { text -> Difference? in
                guard let first, let value = Double(text) else { return nil }
                return Difference(value: value - first, percent: first == 0 ? nil : (value - first) / abs(first) * 100)
            }
            return Row(metric: metric, subject: subject, values: values, differences: Array(differences))
        }
        // The settings that differ.
        for setting in ComparedRun.settingNames {
            let values = compared.map { $0.settings[setting] ?? "" }
            if Set(values).count > 1 { rows.append(Row(metric: "setting: \(setting)", subject: .setting(setting), values: values, differences: [])) }
        }
        // The summaries, metric by metric, in the order first met.
        var order: [String] = [], table: [String: [String]] = [:]
        for (i, run) in compared.enumerated() {
            for (metric, value) in run.summary {
                if table[metric] == nil {
                    order.append(metric)
                    table[metric] = Array(repeating: "", count: compared.count)
                }
                table[metric]?[i] = value
            }
        }
        rows += order.map { numeric($0, .summary($0), table[$0] ?? []) }
        // Per-replication metrics with their Monte Carlo uncertainty.
        if compared.allSatisfy({ !$0.headlines.isEmpty }) {
            let first = compared[0]
            for metric in HeadlineMetric.allCases {
                let a = first.headlines.map { $0[metric] }
                var values = [Self.number(try Statistics.mean(a))], differences: [Difference?] = []
                for run in compared.dropFirst() {
                    let b = run.headlines.map { $0[metric] }
                    let paired = first.settings["seed"] != nil && run.settings["seed"] == first.settings["seed"] && a.count == b.count
                    let estimate = try Estimate.difference(a, b, paired: paired)
                    let meanA = try Statistics.mean(a)
                    values.append(Self.number(try Statistics.mean(b)))
                    differences.append(Difference(value: estimate.mean, percent: meanA == 0 ? nil : estimate.mean / abs(meanA) * 100,
                                                  estimate: estimate, paired: paired))
                }
                rows.append(Row(metric: "replications: mean \(metric.name)", subject: .replicationMean(metric), values: values,
                                differences: differences))
            }
        }
        if timeline {
            var keys: [String] = [], means: [String: [String]] = [:]
            for (i, run) in compared.enumerated() {
                for (key, mean) in run.timeline {
                    if means[key] == nil {
                        keys.append(key)
                        means[key] = Array(repeating: "", count: compared.count)
                    }
                    means[key]?[i] = Self.number(mean)
                }
            }
            rows += keys.map { numeric("timeline: \($0)", Self.timelineSubject($0), means[$0] ?? []) }
        }
        if units {
            let lookups = compared.map { run in Dictionary(run.units.map { ($0.code, $0.values) }, uniquingKeysWith: { a, _ in a }) }
            var codes: [String] = [], seen = Set<String>()
            for run in compared { for unit in run.units where seen.insert(unit.code).inserted { codes.append(unit.code) } }
            for code in codes {
                for column in ComparedRun.unitColumns {
                    let values = lookups.map { $0[code]?[column] ?? "(absent)" }
                    guard Set(values).count > 1 else { continue }
                    let subject = Subject.unit(code: code, column: column)
                    rows.append(column == "standards_outcome" ? Row(metric: "unit \(code): \(column)", subject: subject, values: values, differences: [])
                                                              : numeric("unit \(code): \(column)", subject, values))
                }
            }
        }
        self.rows = rows
    }

    /// The header: metric, each run, then per further run its difference, % change, and the uncertainty columns.
    public var header: [String] {
        ["metric"] + runs + runs.dropFirst().flatMap { name in
            ["diff \(name)", "pct_change \(name)", "diff_se \(name)", "diff_ci95_low \(name)", "diff_ci95_high \(name)", "paired \(name)"]
        }
    }

    public var csv: Data {
        var writer = CSVWriter(header: header, spreadsheet: true)
        for row in rows { writer.append(cells(row)) }
        return writer.data
    }

    func cells(_ row: Row) -> [String] {
        var cells = [row.metric] + row.values
        for k in 0..<(runs.count - 1) {
            let d = k < row.differences.count ? row.differences[k] : nil
            cells += [d.map { Self.number($0.value) } ?? "", d?.percent.map { String(format: "%.2f", $0) } ?? "",
                      d?.estimate?.standardError.map(Self.number) ?? "", d?.estimate?.low.map(Self.number) ?? "",
                      d?.estimate?.high.map(Self.number) ?? "", d?.paired.map { $0 ? "yes" : "no" } ?? ""]
        }
        return cells
    }

    /// The comparison for a reader in the language of `labels`: each run's value, then per further run
    /// "difference (% change)", and for per-replication metrics "± half-width of the 95 % CI" and whether the
    /// runs were paired; a star marks a difference whose interval leaves out zero (beyond Monte Carlo noise).
    /// In English the rows keep summary.csv's machine names, as before; in another language they are named in words.
    public func text(_ labels: Labels) -> String {
        var table = [[labels("console.compare.metric")] + runs + runs.dropFirst().map { labels("console.compare.versus", ["first": runs[0], "run": $0]) }]
        for row in rows {
            var line = [Self.name(row, labels)] + row.values.map { Self.value($0, of: row.subject, labels) }
            for k in 0..<(runs.count - 1) {
                guard k < row.differences.count, let d = row.differences[k] else { line.append(""); continue }
                var cell = (d.value > 0 ? "+" : "") + Self.number(d.value, labels)
                if let p = d.percent { cell += " (" + Self.signedPercent(p, labels) + ")" }
                if let e = d.estimate, let high = e.high {
                    cell += " ± " + Self.number(high - e.mean, labels) + " " + labels(d.paired == true ? "console.compare.paired" : "console.compare.unpaired")
                        + (e.excludesZero ? " *" : "")
                }
                line.append(cell)
            }
            table.append(line)
        }
        let widths = (0..<table[0].count).map { c in table.map { $0[c].count }.max() ?? 0 }
        let lines = table.map { line in
            line.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return lines.joined(separator: "\n") + "\n\n" + labels("console.compare.legend")
    }

    /// A number with up to 4 decimals, no trailing zeros.
    static func number(_ x: Double) -> String { ReportFormat.trimmed(x, decimals: 4) }
}
