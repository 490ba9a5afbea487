import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

extension ResearchReport {
    /// What a Morris or Sobol analysis's report shows: the measures per headline figure and the running
    /// estimates of the design's first point.
    public struct GlobalSensitivityPage: Sendable {
        public var scenario: String
        public var method: SensitivityMethod
        /// Design points run (settings).
        public var points: Int
        public var results: GlobalSensitivityAnalysis.Results
        public var firstPointConvergence: [ConvergencePath]

        public init(scenario: String, method: SensitivityMethod, points: Int, results: GlobalSensitivityAnalysis.Results,
                    firstPointConvergence: [ConvergencePath]) {
            self.scenario = scenario
            self.method = method
            self.points = points
            self.results = results
            self.firstPointConvergence = firstPointConvergence
        }
    }

    /// `report.html` of a Morris or Sobol analysis.
    public static func html(global page: GlobalSensitivityPage, labels l: Labels) -> Data {
        var sections: [String] = []
        let morris = page.method == .morris
        var charts: [String] = []
        for metric in HeadlineMetric.allCases {
            let scale = Scale(metric)
            if page.results.constant.contains(metric) {
                charts.append("<figure><figcaption>\(SVGChart.escape(scale.title(l)))</figcaption><p class=\"note\">\(SVGChart.escape(l("research.global_constant")))</p></figure>")
                continue
            }
            let svg = morris ? morrisChart(page.results.morris.filter { $0.metric == metric }, scale: scale, labels: l)
                             : sobolChart(page.results.sobol.filter { $0.metric == metric }, labels: l)
            charts.append(figure(scale.title(l), svg))
        }
        let key = morris ? legend([(lowColour, l("research.morris_mu_star")), (highColour, l("research.morris_sigma"))])
                         : legend([(lowColour, l("research.sobol_first")), (highColour, l("research.sobol_total"))])
        sections.append(section(l(morris ? "research.morris_title" : "research.sobol_title"),
                                note: l(morris ? "research.morris_note" : "research.sobol_note"), charts: charts + [key]))
        if !page.firstPointConvergence.isEmpty {
            sections.append(convergenceSection([(l("research.first_point"), page.firstPointConvergence)], labels: l))
        }
        let varied = Set(page.results.morris.map(\.parameter.key) + page.results.sobol.map(\.parameter.key)).count
        return ResearchReport.page(title: l("research.sensitivity_title", ["scenario": page.scenario]),
                                   subtitle: l(morris ? "research.morris_subtitle" : "research.sobol_subtitle",
                                               ["varied": l.number(Double(varied)), "points": l.number(Double(page.points))]),
                                   sections: sections, labels: l)
    }

    /// One figure's Morris measures: per value (the largest μ* first) a bar of μ* with its bootstrap 95 % interval
    /// and a bar of σ under it, in the figure's unit.
    static func morrisChart(_ results: [GlobalSensitivityAnalysis.MorrisResult], scale: Scale, labels l: Labels) -> String {
        let ranked = results.sorted { ($0.rank, $0.parameter.key) < ($1.rank, $1.parameter.key) }.prefix(tornadoLimit)
        guard !ranked.isEmpty else { return "" }
        var values = [0.0]
        for r in ranked { values += [r.effect.muStar, r.effect.sigma, r.effect.muStarInterval.low, r.effect.muStarInterval.high].map(scale.value) }
        let span = spread(values)
        let rows = ranked.count
        var chart = SVGChart(width: 520, height: Double(36 + 28 * rows), margins: (270, 14, 6, 32),
                             x: min(0, span.lowerBound)...(span.upperBound * 1.05), y: 0...Double(rows))
        for (i, r) in ranked.enumerated() {
            let top = Double(rows - i), bottom = top - 1
            chart.rect(0, bottom + 0.55, scale.value(r.effect.muStar), top - 0.1, fill: lowColour, opacity: 0.85,
                       title: "\(r.parameter.key): μ* = \(effect(r.effect.muStar, scale, l))")
            chart.whisker(atY: bottom + 0.72, low: scale.value(r.effect.muStarInterval.low), high: scale.value(r.effect.muStarInterval.high), stroke: "#222", cap: 2)
            chart.rect(0, bottom + 0.1, scale.value(r.effect.sigma), bottom + 0.45, fill: highColour, opacity: 0.85,
                       title: "\(r.parameter.key): σ = \(effect(r.effect.sigma, scale, l))")
            chart.text(chart.xRange.lowerBound, bottom + 0.68, shortKey(r.parameter.key), anchor: "end", dx: -4)
            chart.text(chart.xRange.lowerBound, bottom + 0.3, String(sides(r.parameter, l).prefix(64)), anchor: "end", dx: -4, cssClass: "tick side")
        }
        chart.axes(xTicks: SVGChart.ticks(chart.xRange).map { ($0, l.number($0, decimals: $0.rounded() == $0 ? 0 : 1)) }, yTicks: [],
                   xTitle: l(scale.metric == .allWithinQuota ? "research.axis_points" : scale.axisKey), yTitle: "")
        return chart.svg
    }

    /// An elementary effect in the figure's unit; a share's in percentage points (a change, which may pass 100).
    static func effect(_ x: Double, _ scale: Scale, _ l: Labels) -> String {
        scale.metric == .allWithinQuota ? l("research.points", ["count": l.number(scale.value(x), decimals: 1)]) : scale.text(x, l)
    }

    /// One figure's Sobol indices: per value (the largest total order first) its first-order and total-order index
    /// with their bootstrap 95 % intervals, on a scale of 0 to 1.
    static func sobolChart(_ results: [GlobalSensitivityAnalysis.SobolResult], labels l: Labels) -> String {
        let ranked = results.sorted { ($0.index.totalOrder, $1.parameter.key) > ($1.index.totalOrder, $0.parameter.key) }.prefix(tornadoLimit)
        guard !ranked.isEmpty else { return "" }
        // Indices are shares of variance: the axis runs a little beyond 0 to 1, and an interval of a small design that
        // reaches further is cut at its edge.
        let all = ranked.flatMap { [$0.index.firstOrderInterval.low, $0.index.totalOrderInterval.high, $0.index.firstOrder, $0.index.totalOrder] }
        let low = max(-0.25, min(0, all.min() ?? 0)), high = min(1.25, max(1, all.max() ?? 1))
        func clip(_ x: Double) -> Double { Swift.min(high, Swift.max(low, x)) }
        let rows = ranked.count
        var chart = SVGChart(width: 520, height: Double(36 + 28 * rows), margins: (270, 14, 6, 32), x: low...high, y: 0...Double(rows))
        for (i, r) in ranked.enumerated() {
            let top = Double(rows - i), bottom = top - 1, index = r.index
            chart.rect(0, bottom + 0.55, clip(index.firstOrder), top - 0.1, fill: lowColour, opacity: 0.85,
                       title: "\(r.parameter.key): S1 = \(l.number(index.firstOrder, decimals: 3))")
            chart.whisker(atY: bottom + 0.72, low: clip(index.firstOrderInterval.low), high: clip(index.firstOrderInterval.high), stroke: "#222", cap: 2)
            chart.rect(0, bottom + 0.1, clip(index.totalOrder), bottom + 0.45, fill: highColour, opacity: 0.85,
                       title: "\(r.parameter.key): ST = \(l.number(index.totalOrder, decimals: 3))")
            chart.whisker(atY: bottom + 0.28, low: clip(index.totalOrderInterval.low), high: clip(index.totalOrderInterval.high), stroke: "#222", cap: 2)
            chart.text(low, bottom + 0.68, shortKey(r.parameter.key), anchor: "end", dx: -4)
            chart.text(low, bottom + 0.3, String(sides(r.parameter, l).prefix(64)), anchor: "end", dx: -4, cssClass: "tick side")
        }
        chart.segment(0, 0, 0, Double(rows), stroke: "#222", width: 1)
        chart.axes(xTicks: SVGChart.ticks(low...high).map { ($0, l.decimalMark(ReportFormat.trimmed($0, decimals: 2))) }, yTicks: [],
                   xTitle: l("research.axis_index"), yTitle: "")
        return chart.svg
    }
}
