import Foundation
import GSL
import MergerSim
import MergerSimInputs

/// `mergersim compare`: runs side by side, one column per run, and for each run after the first its
/// difference from the first and the % change. First the per-replication headline metrics: the mean
/// difference with its standard error and 95 % CI, paired replication by replication when the two runs
/// share a seed and size (common random numbers, with the variance-reduction factor of pairing), Welch's
/// unpaired interval otherwise, Newcombe's hybrid score interval for a probability; then rows naming every
/// setting that differs, summary.csv's figures; with `timeline`, the timelines' means; with `units`, the
/// units whose standards outcome or surplus changed.
public struct Comparison: Sendable {
    public let runs: [String]
    public let rows: [Row]
    /// Whether the units were compared (`--units`): then no unit row means no unit differs.
    public let unitsCompared: Bool

    public struct Row: Sendable {
        /// The row's machine name (the CSV's `metric`).
        public var metric: String
        /// What the row is about, for naming it to a person in a language.
        public var subject: Subject
        /// What kind of figure the row holds, for writing its values to a person.
        public var quantity: Quantity
        public var values: [String]
        /// Per run after the first: its difference from the first (nil where the values are not numbers).
        public var differences: [Difference?]

        /// Whether a run's value differs from the first's (a setting, a figure or a headline mean).
        public var differs: Bool {
            Set(values).count > 1 || differences.contains { $0.map { $0.value != 0 } ?? false }
        }
    }

    /// The kind of figure a row holds.
    public enum Quantity: Sendable, Equatable {
        /// A count of units, people, posts or moves: whole numbers.
        case count
        /// VND.
        case money
        /// A probability or share (0…1): written as a percentage, its difference in percentage points.
        case share
        /// A measured or mean figure, written with `decimals` decimals.
        case measure(decimals: Int)
        /// Text: a setting, a verdict, a date, an outcome.
        case text
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
        /// For a paired difference: Welch's unpaired variance over the paired one (how many times fewer
        /// replications pairing needs for the same precision); nil unpaired or where undefined.
        public var varianceReduction: Double?
    }

    public init(_ compared: [ComparedRun], timeline: Bool = false, units: Bool = false) throws(GSLError) {
        let names = compared.map(\.name)
        runs = names.enumerated().map { i, name in names.filter { $0 == name }.count > 1 ? "\(name) (\(i + 1))" : name }
        unitsCompared = units
        var rows: [Row] = []
        func numeric(_ metric: String, _ subject: Subject, _ quantity: Quantity, _ values: [String]) -> Row {
            let first = Double(values[0])
            let differences = values.dropFirst().map { text -> Difference? in
                guard let first, let value = Double(text) else { return nil }
                return Difference(value: value - first, percent: first == 0 ? nil : (value - first) / abs(first) * 100)
            }
            return Row(metric: metric, subject: subject, quantity: quantity, values: values, differences: Array(differences))
        }
        // Per-replication metrics with their Monte Carlo uncertainty, first: what a comparison is read for.
        if compared.allSatisfy({ !$0.headlines.isEmpty }) {
            let first = compared[0]
            for metric in HeadlineMetric.allCases {
                let a = first.headlines.map { $0[metric] }
                let meanA = try Statistics.mean(a)
                var values = [Self.number(meanA)], differences: [Difference?] = []
                for run in compared.dropFirst() {
                    let b = run.headlines.map { $0[metric] }
                    let paired = first.settings["seed"] != nil && run.settings["seed"] == first.settings["seed"] && a.count == b.count
                    let estimate = try Estimate.difference(of: metric, a, b, paired: paired)
                    values.append(Self.number(try Statistics.mean(b)))
                    differences.append(Difference(value: estimate.mean, percent: meanA == 0 ? nil : estimate.mean / abs(meanA) * 100,
                                                  estimate: estimate, paired: paired,
                                                  varianceReduction: paired ? try Estimate.varianceReduction(a, b) : nil))
                }
                rows.append(Row(metric: "replications: mean \(metric.name)", subject: .replicationMean(metric),
                                quantity: Self.quantity(of: metric), values: values, differences: differences))
            }
        }
        // The settings that differ.
        for setting in ComparedRun.settingNames {
            let values = compared.map { $0.settings[setting] ?? "" }
            if Set(values).count > 1 {
                rows.append(Row(metric: "setting: \(setting)", subject: .setting(setting), quantity: .text, values: values, differences: []))
            }
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
        rows += order.map { numeric($0, .summary($0), Self.quantity(ofSummary: $0), table[$0] ?? []) }
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
            rows += keys.map { key in
                let subject = Self.timelineSubject(key)
                return numeric("timeline: \(key)", subject, Self.quantity(of: subject), means[key] ?? [])
            }
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
                    rows.append(column == "standards_outcome"
                                ? Row(metric: "unit \(code): \(column)", subject: subject, quantity: .text, values: values, differences: [])
                                : numeric("unit \(code): \(column)", subject, .count, values))
                }
            }
        }
        self.rows = rows
    }

    private init(runs: [String], rows: [Row], unitsCompared: Bool) {
        self.runs = runs
        self.rows = rows
        self.unitsCompared = unitsCompared
    }

    /// The same comparison with only the rows where a run differs from the first (`--changed`).
    public var changedOnly: Comparison {
        Comparison(runs: runs, rows: rows.filter(\.differs), unitsCompared: unitsCompared)
    }

    /// Whether units were compared and none differs.
    public var noUnitDiffers: Bool {
        unitsCompared && !rows.contains { if case .unit = $0.subject { true } else { false } }
    }

    /// The header: metric, each run, then per further run its difference, % change, and the uncertainty columns.
    public var header: [String] {
        ["metric"] + runs + runs.dropFirst().flatMap { name in
            ["diff \(name)", "pct_change \(name)", "diff_se \(name)", "diff_ci95_low \(name)", "diff_ci95_high \(name)", "paired \(name)",
             "variance_reduction \(name)"]
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
                      d?.estimate?.high.map(Self.number) ?? "", d?.paired.map { $0 ? "yes" : "no" } ?? "",
                      d?.varianceReduction.map(Self.factor) ?? ""]
        }
        return cells
    }

    /// The comparison for a reader in the language of `labels`: each run's value (money, counts and shares
    /// as the language writes them), then per further run "difference (% change)", and for per-replication
    /// metrics "± half-width of the 95 % CI" (a probability's interval as its bounds, in percentage points),
    /// whether the runs were paired and how many times pairing cut the variance; a star marks a difference
    /// whose interval leaves out zero (beyond Monte Carlo noise). In English the rows keep summary.csv's
    /// machine names; in another language they are named in words. With units compared and none differing, says so.
    public func text(_ labels: Labels) -> String {
        let table = [header(labels)] + rows.map { cells($0, labels) }
        let widths = (0..<table[0].count).map { c in table.map { $0[c].count }.max() ?? 0 }
        var lines = table.map { line in
            line.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        if noUnitDiffers { lines.append(labels("compare.units.none_differ")) }
        return lines.joined(separator: "\n") + "\n\n" + labels("compare.legend")
    }

    /// The header of ``text(_:)`` in the language of `labels`: metric, each run, then each further run against the first.
    public func header(_ labels: Labels) -> [String] {
        [labels("console.compare.metric")] + runs + runs.dropFirst().map { labels("console.compare.versus", ["first": runs[0], "run": $0]) }
    }

    /// A row as ``text(_:)`` writes it (a page lays out the same cells): its name, each run's value, then per further
    /// run its difference from the first with the interval ("" where there is none).
    public func cells(_ row: Row, _ labels: Labels) -> [String] {
        var line = [Self.name(row, labels)] + row.values.map { Self.value($0, of: row, labels) }
        for k in 0..<(runs.count - 1) {
            guard k < row.differences.count, let d = row.differences[k] else { line.append(""); continue }
            line.append(Self.difference(d, of: row.quantity, labels))
        }
        return line
    }

    /// A variance-reduction factor as the CSV writes it: two decimals, `inf` where the paired variance is 0.
    static func factor(_ x: Double) -> String { x.isInfinite ? "inf" : String(format: "%.2f", x) }

    /// A number with up to 4 decimals, no trailing zeros.
    static func number(_ x: Double) -> String { ReportFormat.trimmed(x, decimals: 4) }
}
