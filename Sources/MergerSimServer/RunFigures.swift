import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// A run's headline figures as the store (or summary.csv) holds them, written as `mergersim compare` writes them in
/// the page's language: the figures go through a one-run ``Comparison``, so the page formats nothing of its own.
struct RunFigures {
    /// The figures a planner reads first, in order.
    static let headline: [SummaryMetric] = [.unitsAfter, .peopleMoved, .surplusAtDeadlineMean(.all), .probabilityAllWithinQuota, .exitCostMean,
                                            .deadlineVerdict]

    private let comparison: Comparison

    init(_ summary: [(metric: String, value: String)]) throws(WorkbenchError) {
        let run = ComparedRun(name: "", settings: [:], summary: summary, headlines: [], timeline: [], units: [])
        do { comparison = try Comparison([run]) } catch { throw .system("\(error)") }
    }

    private func row(_ metric: SummaryMetric) -> Comparison.Row? {
        comparison.rows.first { $0.metric == metric.name }
    }

    /// The figure as stored (summary.csv's text), nil when the run has none.
    func raw(_ metric: SummaryMetric) -> String? { row(metric)?.values.first }

    /// The figure in words and numbers of `labels`' language; empty when the run has none.
    func text(_ metric: SummaryMetric, labels: Labels) -> String {
        guard let row = row(metric) else { return "" }
        return comparison.cells(row, labels).dropFirst().first ?? ""
    }

    /// A headline figure's name on the workbench's pages (a row's first cell, a column's heading).
    static func name(_ metric: SummaryMetric, labels: Labels) -> String { labels("serve.results.metric.\(metric.name)") }

    /// What made the run, in a line: rule set, effective date, transfers, seed, replications, and the values the
    /// simulate form changed, in words.
    static func settings(_ entry: RunCatalog.Entry, labels: Labels) -> String {
        let manifest = entry.manifest, stored = entry.stored
        return labels("serve.results.settings_line", [
            "rules": manifest?.rules.id ?? stored?.rules ?? "",
            "date": manifest?.effectiveDate.flatMap(CalendarDate.init(iso:)).map(labels.date) ?? "–",
            "transfers": Comparison.setting(manifest?.transfers ?? stored?.transfers ?? "", name: "transfers", labels),
            "seed": (manifest?.seed ?? stored?.seed).map(String.init) ?? "–",
            "runs": Comparison.setting((manifest?.runs ?? stored?.runs).map(String.init) ?? "", name: "runs", labels),
            "overrides": RunSettings.words(manifest?.overrides ?? stored?.overrides ?? [], labels: labels),
        ])
    }
}
