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
                                estimate: try Estimate(of: metric, sample: headlines.map { $0[metric] })))
            }
        }
        self.rows = rows
    }

    /// The sweep as a typed table: the factors' values as given (text), the counts, the metric and its estimate.
    public var table: ReportTable {
        var table = ReportTable([.init("setting", .year)] + factors.map { ReportTable.Column($0, .identifier) }
                                + [.init("seeds", .identifier), .init("runs", .count), .init("replications", .count), .init("metric", .value)]
                                + ["mean", "standard_error", "ci95_low", "ci95_high"].map { ReportTable.Column($0, .decimal(places: 2)) })
        for row in rows {
            let e = row.estimate
            func number(_ x: Double?) -> ReportTable.Cell { x.map { .upTo($0, decimals: 6) } ?? .empty }
            table.append([.count(row.setting)] + row.values.map { .text($0) }
                         + [.text(row.seeds.map(String.init).joined(separator: " ")), .count(row.runs), .count(e.count), .value(row.metric.name),
                            number(e.mean), number(e.standardError), number(e.low), number(e.high)])
        }
        return table
    }

    /// The sweep as a person's sheet (the workbook's): one row per setting, its varied values as they were
    /// given, its seeds and replications, then per headline figure its mean and 95 % interval (exit costs shown in
    /// tỷ đồng, the share of runs in %), each column named by the column dictionary.
    public var wideTable: ReportTable {
        var columns = [ReportTable.Column("setting", .year)] + factors.map { ReportTable.Column($0, .identifier) }
            + [.init("seeds", .identifier), .init("replications", .count)]
        for metric in HeadlineMetric.allCases {
            let kind: ReportTable.Kind = switch metric {
            case .surplusAtDeadline: .decimal(places: 2)
            case .exitCostVND: .billions
            case .allWithinQuota: .share
            }
            columns += ["mean", "ci95_low", "ci95_high"].map { ReportTable.Column("\($0)_\(metric.name)", kind) }
        }
        var table = ReportTable(columns)
        for (setting, rows) in Dictionary(grouping: rows, by: \.setting).sorted(by: { $0.key < $1.key }) {
            guard let first = rows.first else { continue }
            var line: [ReportTable.Cell] = [.count(setting)] + first.values.map { .text($0) }
                + [.text(first.seeds.map(String.init).joined(separator: " ")), .count(first.estimate.count)]
            for metric in HeadlineMetric.allCases {
                let e = rows.first { $0.metric == metric }?.estimate
                line += [e?.mean, e?.low, e?.high].map { x in x.map { .upTo($0, decimals: 6) } ?? .empty }
            }
            table.append(line)
        }
        return table
    }

    /// sweep.csv.
    public func csv() throws(InternalError) -> Data { table.csv(english: try Labels(.en)) }

    /// A number as scripts read it: up to 6 decimals, no trailing zeros.
    static func number(_ x: Double) -> String { ReportFormat.trimmed(x, decimals: 6) }
}
