import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// `sweep.csv`: one row per setting (a design row, its seeds pooled) and headline metric, the varied
/// values as columns, then the mean over every replication of every seed, its standard error and
/// 95 % confidence interval. Replications of different seeds are independent, so pooling them is
/// a larger sample of the same setting.
public struct SweepReport: Sendable {
    public struct Row: Sendable, Equatable {
        public var setting: Int
        public var values: [String]
        public var seeds: [UInt64]
        public var runs: Int
        public var metric: HeadlineMetric
        public var estimate: Estimate
    }

    public let factors: [String]
    public let rows: [Row]

    /// The rows of every design row whose settings (all its seeds) are in `runIDs` (setting number → run id).
    public init(plan: SweepPlan, runIDs: [Int: Int64], store: RunStore) throws {
        factors = plan.file.factors.map(\.key)
        var rows: [Row] = []
        let byRow = Dictionary(grouping: plan.settings, by: \.row)
        for row in byRow.keys.sorted() {
            let settings = byRow[row] ?? []
            let ids = settings.compactMap { runIDs[$0.number] }
            guard ids.count == settings.count, let first = settings.first else { continue }
            var headlines: [TransitionSummary.Headline] = [], seeds: [UInt64] = [], runs = 0
            for id in ids {
                headlines += try store.headlines(ofRun: id)
                guard let description = try store.description(ofRun: id) else { throw InternalError("run \(id) is not in the store") }
                seeds.append(description.seed)
                runs = description.runs
            }
            guard !headlines.isEmpty else { continue }
            for metric in HeadlineMetric.allCases {
                rows.append(Row(setting: row + 1, values: first.values, seeds: seeds, runs: runs, metric: metric,
                                estimate: try Estimate(sample: headlines.map { $0[metric] })))
            }
        }
        self.rows = rows
    }

    public var csv: Data {
        var writer = CSVWriter(header: ["setting"] + factors + ["seeds", "runs", "replications", "metric", "mean", "standard_error", "ci95_low", "ci95_high"], spreadsheet: true)
        for row in rows {
            let e = row.estimate
            writer.append(["\(row.setting)"] + row.values + [row.seeds.map(String.init).joined(separator: " "), "\(row.runs)", "\(e.count)", row.metric.name,
                                                             Self.number(e.mean), e.standardError.map(Self.number) ?? "",
                                                             e.low.map(Self.number) ?? "", e.high.map(Self.number) ?? ""])
        }
        return writer.data
    }

    /// A number as scripts read it: up to 6 decimals, no trailing zeros.
    static func number(_ x: Double) -> String { ReportFormat.trimmed(x, decimals: 6) }
}
