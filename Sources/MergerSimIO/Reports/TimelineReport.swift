import Foundation
import MergerSim

/// `timeline.csv`: one row per year × category × metric (see the README).
public enum TimelineReport {
    public static let header = ["year", "category", "metric", "mean", "p05", "p50", "p95", "year_end"]

    public static func csv(_ summary: TransitionSummary, effective: CalendarDate) -> Data {
        var writer = CSVWriter(header: header)
        for row in summary.rows {
            writer.append([String(row.year), row.category, row.metric, ReportFormat.fixed(row.mean, decimals: 3),
                           ReportFormat.fixed(row.p05, decimals: 3), ReportFormat.fixed(row.p50, decimals: 3),
                           ReportFormat.fixed(row.p95, decimals: 3), effective.addingYears(row.year).description])
        }
        return writer.data
    }
}
