import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

extension ResearchReport {
    /// What a comparison's report shows: the runs' differences from the first with their intervals, the settings
    /// that differ, and each run's running estimates.
    public struct ComparisonPage: Sendable {
        public var comparison: Comparison
        /// Per run (in the comparison's order), its running estimates.
        public var convergence: [[ConvergencePath]]

        public init(comparison: Comparison, convergence: [[ConvergencePath]]) {
            self.comparison = comparison
            self.convergence = convergence
        }

        /// Every run's running estimates from its replications.
        public static func convergence(_ runs: [ComparedRun]) throws -> [[ConvergencePath]] {
            try runs.map { run in run.headlines.isEmpty ? [] : try ConvergencePath.paths(run.headlines) }
        }
    }

    /// `report.html` of a comparison.
    public static func html(comparison page: ComparisonPage, labels l: Labels) -> Data {
        let c = page.comparison, e = SVGChart.escape
        var sections: [String] = []
        // The settings that differ.
        let settings = c.rows.filter { if case .setting = $0.subject { true } else { false } }
        var intro = "<section><h2>\(e(l("research.compare_runs")))</h2><table class=\"research\"><tr><th></th>"
            + c.runs.map { "<th class=\"text code\">\(e($0))</th>" }.joined() + "</tr>"
        for row in settings {
            guard case .setting(let name) = row.subject else { continue }
            intro += "<tr><td class=\"text\">\(e(l("console.compare.setting.\(name)")))</td>" + row.values.map { "<td class=\"text code\">\(e($0))</td>" }.joined() + "</tr>"
        }
        if settings.isEmpty { intro += "<tr><td class=\"text\" colspan=\"\(c.runs.count + 1)\">\(e(l("research.compare_same_settings")))</td></tr>" }
        sections.append(intro + "</table></section>")
        // The paired differences.
        var charts: [String] = []
        var table = "<table class=\"research\"><tr><th>\(e(l("research.column_figure")))</th><th>\(e(l("research.column_run")))</th>"
            + "<th>\(e(l("research.column_difference")))</th><th>\(e(l("research.column_interval")))</th><th>\(e(l("research.column_pairing")))</th>"
            + "<th>\(e(l("research.column_reduction")))</th></tr>"
        for metric in HeadlineMetric.allCases {
            guard let row = c.rows.first(where: { if case .replicationMean(metric) = $0.subject { true } else { false } }) else { continue }
            let scale = Scale(metric)
            charts.append(figure(scale.title(l), forest(row, runs: c.runs, scale: scale, labels: l)))
            for (k, d) in row.differences.enumerated() {
                guard let d, let estimate = d.estimate else { continue }
                let interval = estimate.low.flatMap { low in estimate.high.map { (low, $0) } }
                table += "<tr><td class=\"text\">\(e(scale.title(l)))</td><td class=\"text code\">\(e(c.runs[k + 1]))</td>"
                    + "<td>\(e(scale.difference(estimate.mean, l)))</td><td>\(e(interval.map { scale.differenceRange($0.0, $0.1, l) } ?? ""))</td>"
                    + "<td class=\"text\">\(e(l(d.paired == true ? "research.paired" : "research.unpaired")))</td>"
                    + "<td>\(e(d.varianceReduction.map { reduction($0, l) } ?? ""))</td></tr>"
            }
        }
        table += "</table>"
        sections.append(section(l("research.differences_title"), note: l("research.differences_note", ["first": c.runs.first ?? ""]), charts: charts,
                                after: table))
        let series = zip(c.runs, page.convergence).filter { !$0.1.isEmpty }.map { (name: $0.0, paths: $0.1) }
        sections.append(convergenceSection(series, labels: l))
        return ResearchReport.page(title: l("research.compare_title", ["first": c.runs.first ?? "", "count": String(c.runs.count - 1)]),
                                   subtitle: l("research.compare_subtitle", ["runs": c.runs.joined(separator: ", ")]), sections: sections, labels: l)
    }

    /// How many times pairing divides the variance of a difference, "÷2.4"; "no variance left" when the paired
    /// differences do not vary at all.
    static func reduction(_ factor: Double, _ l: Labels) -> String {
        factor.isFinite ? "÷" + l.number(factor, decimals: factor < 10 ? 1 : 0) : l("research.reduction_all")
    }

    /// One figure's differences from the first run: a row per further run, the difference and its 95 % interval,
    /// zero marked; an interval leaving out zero drawn in the darker colour.
    static func forest(_ row: Comparison.Row, runs: [String], scale: Scale, labels l: Labels) -> String {
        let drawn = row.differences.enumerated().compactMap { k, d in d?.estimate.map { (k, $0) } }
        guard !drawn.isEmpty else { return "" }
        var values = [0.0]
        for (_, e) in drawn { values += [e.mean, e.low ?? e.mean, e.high ?? e.mean].filter(\.isFinite).map(scale.value) }
        let range = spread(values)
        let low = range.lowerBound, high = range.upperBound
        let pad = (high - low) * 0.08
        let rows = drawn.count
        var chart = SVGChart(width: 300, height: Double(40 + 26 * rows), margins: (110, 14, 6, 32), x: (low - pad)...(high + pad), y: 0...Double(rows))
        chart.segment(0, 0, 0, Double(rows), stroke: "#888", width: 1)
        for (i, (k, e)) in drawn.enumerated() {
            let y = Double(rows - i) - 0.5
            let strong = e.excludesZero
            let stroke = strong ? "#D55E00" : "#0072B2"
            if let lo = e.low, let hi = e.high, lo.isFinite, hi.isFinite {
                chart.whisker(atY: y, low: scale.value(lo), high: scale.value(hi), stroke: stroke)
            }
            chart.dot(scale.value(e.mean), y, radius: 3, fill: stroke, title: "\(runs[k + 1]): \(scale.difference(e.mean, l))")
            chart.text(low - pad, y, String(runs[k + 1].prefix(18)), anchor: "end", dx: -4)
        }
        chart.axes(xTicks: SVGChart.ticks(chart.xRange).map { ($0, l.number($0, decimals: $0.rounded() == $0 ? 0 : 1)) }, yTicks: [],
                   xTitle: l(scale.metric == .allWithinQuota ? "research.axis_points" : scale.axisKey), yTitle: "")
        return chart.svg
    }
}
