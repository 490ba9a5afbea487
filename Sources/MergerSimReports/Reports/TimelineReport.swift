import Foundation
import MergerSim
import MergerSimInputs

/// `timeline.csv`: one row per year × category × metric (see the README). Year 0 is the state on the
/// effective date; money (`cost_vnd`) is in whole đồng, other figures with 3 decimals.
public enum TimelineReport {
    public static let header = ["year", "category", "metric", "mean", "p05", "p25", "p50", "p75", "p95", "year_end"]

    public static func csv(_ summary: TransitionSummary, effective: CalendarDate) -> Data {
        var writer = CSVWriter(header: header, spreadsheet: true)
        for row in summary.rows {
            let decimals = row.metric.isMoney ? 0 : 3
            writer.append([String(row.year), row.category.name, row.metric.name]
                          + [row.mean, row.p05, row.p25, row.p50, row.p75, row.p95].map { ReportFormat.fixed($0, decimals: decimals) }
                          + [effective.addingYears(row.year).description])
        }
        return writer.data
    }
}
