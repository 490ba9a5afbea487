import Foundation
import MergerSim
import MergerSimInputs

/// `timeline.csv`: one row per year × category × metric (see the README). Year 0 is the state on the
/// effective date; money (`cost_vnd`) is in whole đồng, other figures with 3 decimals.
public enum TimelineReport {
    public static let header = ["year", "category", "metric", "mean", "p05", "p25", "p50", "p75", "p95", "year_end"]

    /// The timeline as a typed table. The workbook adds the mean in tỷ đồng beside a money row's figures
    /// (`mean_ty_dong`), so each column keeps one format.
    public static func table(_ summary: TransitionSummary, effective: CalendarDate) -> ReportTable {
        var table = ReportTable([.init("year", .year), .init("category", .value), .init("metric", .value)]
                                + ["mean", "p05", "p25", "p50", "p75", "p95"].map { ReportTable.Column($0, .figure) }
                                + [.init("year_end", .date), .init("mean_ty_dong", .billions, audience: .workbook)])
        for row in summary.rows {
            let decimals = row.metric.isMoney ? 0 : 3
            table.append([.count(row.year), .value(row.category.name), .value(row.metric.name)]
                         + [row.mean, row.p05, row.p25, row.p50, row.p75, row.p95].map { .fixed($0, decimals: decimals) }
                         + [.date(effective.addingYears(row.year)), row.metric.isMoney ? .moneyFigure(row.mean) : .empty])
        }
        return table
    }

    /// timeline.csv.
    public static func csv(_ summary: TransitionSummary, effective: CalendarDate) throws(InternalError) -> Data {
        table(summary, effective: effective).csv(english: try Labels(.en))
    }
}
