import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

extension ResearchReport {
    /// What a sensitivity analysis's report shows: the one-at-a-time effects (the tornado) and the base run's
    /// running estimates.
    public struct SensitivityPage: Sendable {
        public var scenario: String
        public var report: SensitivityReport
        /// The base run's running estimates (empty: no convergence section).
        public var baseConvergence: [ConvergencePath]

        public init(scenario: String, report: SensitivityReport, baseConvergence: [ConvergencePath]) {
            self.scenario = scenario
            self.report = report
            self.baseConvergence = baseConvergence
        }
    }

    /// The parameters a tornado draws, the largest first.
    static let tornadoLimit = 12

    /// `report.html` of a sensitivity analysis.
    public static func html(sensitivity page: SensitivityPage, labels l: Labels) -> Data {
        var sections: [String] = []
        let charts = HeadlineMetric.allCases.map { metric -> String in
            let scale = Scale(metric)
            return figure(scale.title(l), tornado(page.report.effects.filter { $0.metric == metric }, scale: scale, labels: l))
        }
        let key = legend([(lowColour, l("research.tornado_low")), (highColour, l("research.tornado_high")), ("#222", l("research.tornado_base"))])
        sections.append(section(l("research.tornado_title"), note: l("research.tornado_note"), charts: charts + [key]))
        if !page.baseConvergence.isEmpty {
            sections.append(convergenceSection([(l("research.base_run"), page.baseConvergence)], labels: l))
        }
        let varied = Set(page.report.effects.map(\.parameter.key)).count
        return ResearchReport.page(title: l("research.sensitivity_title", ["scenario": page.scenario]),
                                   subtitle: l("research.sensitivity_subtitle", ["varied": l.number(Double(varied))]), sections: sections, labels: l)
    }

    static let lowColour = "#0072B2", highColour = "#D55E00"

    /// One figure's tornado: per parameter (the largest swing first) a bar from the base mean to the mean at the
    /// low value and one to the mean at the high value (a named choice: at its alternative), the swing's 95 %
    /// interval as a whisker around the high end, a verdict flip marked with "!".
    static func tornado(_ effects: [SensitivityAnalysis.Effect], scale: Scale, labels l: Labels) -> String {
        let ranked = effects.sorted { (abs($0.swing.swing.mean), $1.parameter.key) > (abs($1.swing.swing.mean), $0.parameter.key) }.prefix(tornadoLimit)
        guard let first = ranked.first else { return "" }
        let base = scale.value(first.swing.base)
        var values = [base]
        for e in ranked {
            values += [scale.value(e.swing.low), scale.value(e.swing.high)]
            if let low = e.swing.swing.low, let high = e.swing.swing.high {
                values += [scale.value(e.swing.low + low), scale.value(e.swing.low + high)]
            }
        }
        let span = spread(values)
        let pad = (span.upperBound - span.lowerBound) * 0.06
        let rows = ranked.count
        var chart = SVGChart(width: 520, height: Double(36 + 28 * rows), margins: (270, 14, 6, 32),
                             x: (span.lowerBound - pad)...(span.upperBound + pad), y: 0...Double(rows))
        for (i, e) in ranked.enumerated() {
            let top = Double(rows - i), bottom = top - 1
            let s = e.swing
            chart.rect(base, bottom + 0.55, scale.value(s.low), top - 0.1, fill: lowColour, opacity: 0.85,
                       title: "\(shortKey(e.parameter.key)) = \(side(e.parameter, e.parameter.lowText, l)): \(scale.text(s.low, l))")
            chart.rect(base, bottom + 0.1, scale.value(s.high), bottom + 0.45, fill: highColour, opacity: 0.85,
                       title: "\(shortKey(e.parameter.key)) = \(side(e.parameter, e.parameter.highText, l)): \(scale.text(s.high, l))")
            if let low = s.swing.low, let high = s.swing.high, low.isFinite, high.isFinite {
                chart.whisker(atY: bottom + 0.28, low: scale.value(s.low + low), high: scale.value(s.low + high), stroke: "#222", cap: 2)
            }
            chart.text(span.lowerBound - pad, bottom + 0.68, shortKey(e.parameter.key) + (e.verdictFlips ? " !" : ""), anchor: "end", dx: -4)
            chart.text(span.lowerBound - pad, bottom + 0.3, String(sides(e.parameter, l).prefix(64)), anchor: "end", dx: -4, cssClass: "tick side")
        }
        chart.segment(base, 0, base, Double(rows), stroke: "#222", width: 1.2)
        chart.axes(xTicks: SVGChart.ticks(chart.xRange).map { ($0, l.number($0, decimals: $0.rounded() == $0 ? 0 : 1)) }, yTicks: [],
                   xTitle: l(scale.axisKey), yTitle: "")
        return chart.svg
    }

    /// A rule-set key without its first parts: the last two, which name the value.
    static func shortKey(_ key: String) -> String {
        key.split(separator: ".").suffix(2).joined(separator: ".")
    }

    /// "(low → high)" as overrides write them, a number with the language's decimal mark, a choice by its name.
    static func sides(_ p: SensitivityParameters.Parameter, _ l: Labels) -> String {
        "(\(side(p, p.lowText, l)) → \(side(p, p.highText, l)))"
    }

    /// One value of `p` as a person reads it: a number with the language's decimal mark, a choice by its short name.
    static func side(_ p: SensitivityParameters.Parameter, _ text: String, _ l: Labels) -> String {
        if case .choice = p.range {
            let column = String(p.key.split(separator: ".").last ?? "")
            let short = "research.choice.\(column).\(text)"
            let named = l(short)
            return named == short ? l.value(text, column: column) : named
        }
        return l.decimalMark(text)
    }
}
