import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// `report.html` of a research command (`sweep`, `sensitivity`, `compare`): the outcomes with their Monte
/// Carlo intervals as charts, in the chosen language, self-contained like the run's report (inline CSS
/// and SVG; no script, font or image from anywhere). Each command's page is in its own file; this one
/// holds what they share: the page, the scale of each headline figure, the interval chart of estimates
/// and the convergence chart.
public enum ResearchReport {
    /// A headline figure as the charts show it: its title, its unit on the axis, and the factor its values are
    /// divided by (exit costs in billions of đồng, a probability in %).
    struct Scale {
        let metric: HeadlineMetric
        let factor: Double
        let axisKey: String
        let decimals: Int

        init(_ metric: HeadlineMetric) {
            self.metric = metric
            switch metric {
            case .surplusAtDeadline: (factor, axisKey, decimals) = (1, "research.axis_people", 1)
            case .exitCostVND: (factor, axisKey, decimals) = (1e9, "research.axis_billion", 1)
            case .allWithinQuota: (factor, axisKey, decimals) = (0.01, "research.axis_percent", 1)
            }
        }

        func value(_ x: Double) -> Double { x / factor }

        /// The figure's name in `l`'s language, with a capital letter (a chart's or a column's title).
        func title(_ l: Labels) -> String { capitalisedFirst(name(l)) }

        /// The figure's name in `l`'s language as it reads inside a sentence.
        func name(_ l: Labels) -> String {
            switch metric {
            case .surplusAtDeadline(let c): l("console.headline.surplus_at_deadline", ["category": l("category.\(c.rawValue)")])
            case .exitCostVND: l("research.metric.exit_cost")
            case .allWithinQuota: l("console.headline.all_within_quota")
            }
        }

        /// A value of the figure as a person reads it (after dividing by the factor), with its unit.
        func text(_ x: Double, _ l: Labels) -> String {
            switch metric {
            case .surplusAtDeadline: l("research.people", ["count": l.number(value(x), decimals: decimals)])
            case .exitCostVND: l.billions(x)
            case .allWithinQuota: l.percent(x)
            }
        }

        /// A difference of the figure with its sign, as a person reads it: a share's difference in percentage points.
        func difference(_ x: Double, _ l: Labels) -> String {
            let sign = x > 0 ? "+" : ""
            switch metric {
            case .allWithinQuota: return sign + l("research.points", ["count": l.number(value(x), decimals: decimals)])
            default: return sign + text(x, l)
            }
        }

        /// A range of differences, "from low to high", each with its sign.
        func differenceRange(_ low: Double, _ high: Double, _ l: Labels) -> String {
            l("research.range", ["low": difference(low, l), "high": difference(high, l)])
        }

        /// A value in the axis's unit, without the unit (a table's header names it).
        func plain(_ x: Double, _ l: Labels) -> String { l.number(value(x), decimals: decimals) }

        /// A table cell: the mean, and under it its 95 % interval, in the axis's unit.
        func cell(_ e: Estimate, _ l: Labels) -> String {
            guard let low = e.low, let high = e.high, low.isFinite, high.isFinite else { return SVGChart.escape(plain(e.mean, l)) }
            return SVGChart.escape(plain(e.mean, l)) + "<br><span class=\"ci\">" + SVGChart.escape(plain(low, l) + "–" + plain(high, l)) + "</span>"
        }

        /// The figure's name with its unit, for a table's header.
        func heading(_ l: Labels) -> String { title(l) + " (" + l(axisKey) + ")" }

        /// An estimate as "mean (95 % CI from low to high)" in the figure's unit, the unit said once at each end.
        func text(_ e: Estimate, _ l: Labels) -> String {
            guard let low = e.low, let high = e.high, low.isFinite, high.isFinite else { return text(e.mean, l) }
            return l("research.estimate", ["mean": text(e.mean, l), "low": plain(low, l), "high": text(high, l)])
        }
    }

    /// `text` with its first letter a capital.
    static func capitalisedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Colours of series in the order given (colour-blind safe: Okabe and Ito's palette).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    static func colour(_ i: Int) -> String { palette[i % palette.count] }

    /// The page: head, the sections' HTML, the footer.
    static func page(title: String, subtitle: String, sections: [String], labels l: Labels) -> Data {
        var html = RunReport.head(title: title, subtitle: subtitle, labels: l).replacingOccurrences(of: "</style>", with: css + "</style>")
        html += sections.joined()
        html += "<footer>\(SVGChart.escape(l("report.footer", ["version": MergerSimVersion.current])))</footer></body></html>\n"
        return Data(html.utf8)
    }

    static let css = """
        .charts{display:flex;flex-wrap:wrap;gap:8px}.charts figure{margin:0}.legend{font-size:10px;color:#333;margin:2px 0}
        .legend span.key{display:inline-block;width:10px;height:3px;margin:0 3px 2px 8px;vertical-align:middle}
        table.research td{text-align:right}table.research th.group{text-align:center;border-bottom:1px solid #999}table.research td.text,table.research th.text{text-align:left}.ci{color:#666;font-size:9px}.side{fill:#666;font-size:8px}table.research td.code{word-break:break-all}
        """

    /// A section with a heading, a note, the charts side by side and `after` them (a table's HTML).
    static func section(_ heading: String, note: String?, charts: [String], after: String = "", cssClass: String = "") -> String {
        let e = SVGChart.escape
        return "<section class=\"\(cssClass)\"><h2>\(e(heading))</h2>" + (note.map { "<p class=\"note\">\(e($0))</p>" } ?? "")
            + "<div class=\"charts\">" + charts.joined() + "</div>" + after + "</section>"
    }

    static func figure(_ caption: String, _ svg: String, legend: String = "") -> String {
        "<figure><figcaption>\(SVGChart.escape(caption))</figcaption>\(svg)\(legend)</figure>"
    }

    /// A legend of coloured keys.
    static func legend(_ entries: [(colour: String, text: String)]) -> String {
        guard !entries.isEmpty else { return "" }
        return "<p class=\"legend\">" + entries.map { "<span class=\"key\" style=\"background:\($0.colour)\"></span>\(SVGChart.escape($0.text))" }.joined() + "</p>"
    }

    /// The range of `values` (finite ones); a range too narrow to draw (every value the same) is widened to ±1
    /// around it, so a figure that does not move still gets an axis.
    static func spread(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 0
        if high - low < max(abs(high), abs(low), 1) * 1e-9 { return (low - 1)...(high + 1) }
        return low...high
    }

    /// The y range of values and intervals, padded by 5 %; a probability's is within 0 to 100 %.
    static func yRange(_ values: [Double], scale: Scale) -> ClosedRange<Double> {
        let range = spread(values)
        var low = range.lowerBound, high = range.upperBound
        if scale.metric != .allWithinQuota, low > 0, low < (high - low) * 2 { low = 0 }
        let pad = max((high - low) * 0.05, 1e-9)
        low -= pad
        high += pad
        if scale.metric == .allWithinQuota { low = max(low, 0); high = min(high, 100) }
        return low...high
    }

    static func yTicks(_ range: ClosedRange<Double>, scale: Scale, _ l: Labels) -> [(Double, String)] {
        SVGChart.ticks(range).map { ($0, l.number($0, decimals: $0.rounded() == $0 ? 0 : 1)) }
    }

    /// The running mean of each series with its 95 % band, against replications: one chart for one figure.
    /// - Parameter series: per series, its name and its path for this figure.
    static func convergenceChart(_ series: [(name: String, path: ConvergencePath)], scale: Scale, labels l: Labels) -> String {
        let drawn = series.filter { !$0.path.points.isEmpty }
        guard let most = drawn.map({ $0.path.points.last?.runs ?? 0 }).max(), most > 0 else { return "" }
        var values: [Double] = []
        for s in drawn { for p in s.path.points { values += [p.estimate.mean, max(0, p.estimate.low ?? p.estimate.mean), p.estimate.high ?? p.estimate.mean].map(scale.value) } }
        let y = yRange(values, scale: scale)
        var chart = SVGChart(width: 300, height: 190, margins: (52, 10, 10, 40), x: 0...Double(most), y: y)
        let banded = drawn.count <= 6
        for (i, s) in drawn.enumerated() {
            let points = s.path.points.filter { $0.estimate.low != nil && $0.estimate.high != nil && ($0.estimate.high ?? 0).isFinite }
            if banded, points.count > 1 {
                // Surplus and costs are never negative, a share within 0 to 100 %: the band stops there.
                chart.band(xs: points.map { Double($0.runs) }, low: points.map { max(0, scale.value($0.estimate.low ?? 0)) },
                           high: points.map { scale.value($0.estimate.high ?? 0) }, fill: colour(i), opacity: 0.15)
            }
            chart.line(xs: s.path.points.map { Double($0.runs) }, ys: s.path.points.map { scale.value($0.estimate.mean) }, stroke: colour(i), width: 1.5)
        }
        chart.axes(xTicks: SVGChart.ticks(0...Double(most), whole: true).map { ($0, l.number($0)) }, yTicks: yTicks(y, scale: scale, l),
                   xTitle: l("research.axis_replications"), yTitle: l(scale.axisKey))
        return chart.svg
    }

    /// A section of convergence charts, one per headline figure, a line per series.
    static func convergenceSection(_ series: [(name: String, paths: [ConvergencePath])], labels l: Labels) -> String {
        guard !series.isEmpty else { return "" }
        let charts = HeadlineMetric.allCases.map { metric -> String in
            let scale = Scale(metric)
            let lines = series.compactMap { s in s.paths.first { $0.metric == metric }.map { (name: s.name, path: $0) } }
            return figure(scale.title(l), convergenceChart(lines, scale: scale, labels: l))
        }
        let key = legend(series.enumerated().map { (colour($0.offset), $0.element.name) })
        return section(l("research.convergence_title"), note: l(series.count <= 6 ? "research.convergence_note" : "research.convergence_note_lines"),
                       charts: charts + [key], after: runsNeededTable(series, labels: l), cssClass: "convergence")
    }

    /// The precision the runs-needed table is for: ±1 % of the mean (a share of runs: ±0.01).
    static let tablePrecision = Precision(halfWidth: 0.01)

    /// Per series and headline figure: the replications it has and about how many a 95 % interval within ±1 % of
    /// the mean needs (``ConvergencePath/runsNeeded(for:)``), bold where it has fewer.
    static func runsNeededTable(_ series: [(name: String, paths: [ConvergencePath])], labels l: Labels) -> String {
        guard let precision = tablePrecision else { return "" }
        let e = SVGChart.escape
        var html = "<p class=\"note\">\(e(l("research.needed_note")))</p><table class=\"research\"><tr><th class=\"text\" rowspan=\"2\"></th>"
            + "<th rowspan=\"2\">\(e(l("research.column_replications")))</th><th class=\"group\" colspan=\"\(HeadlineMetric.allCases.count)\">\(e(l("research.column_needed")))</th></tr><tr>"
            + HeadlineMetric.allCases.map { "<th>\(e(Scale($0).title(l)))</th>" }.joined() + "</tr>"
        for s in series {
            let have = s.paths.first?.points.last?.runs ?? 0
            html += "<tr><td class=\"text\">\(e(s.name))</td><td>\(e(l.number(Double(have))))</td>"
            for metric in HeadlineMetric.allCases {
                guard let needed = s.paths.first(where: { $0.metric == metric })?.runsNeeded(for: precision) else { html += "<td></td>"; continue }
                let text = e(l.number(Double(needed)))
                html += needed > have ? "<td><b>\(text)</b></td>" : "<td>\(text)</td>"
            }
            html += "</tr>"
        }
        return html + "</table>"
    }

    /// Estimates with their 95 % intervals at positions on the x axis, one colour per series, joined by a line
    /// within a series when `join`; x ticks named by `xTicks`.
    static func intervalChart(_ points: [(x: Double, series: Int, estimate: Estimate, title: String)], xTicks: [(Double, String)], xTitle: String,
                              join: Bool, scale: Scale, labels l: Labels, width: Double = 300) -> String {
        guard !points.isEmpty else { return "" }
        var values: [Double] = []
        for p in points { values += [p.estimate.mean, p.estimate.low ?? p.estimate.mean, p.estimate.high ?? p.estimate.mean].map(scale.value) }
        let xs = points.map(\.x)
        let xLow = xs.min() ?? 0, xHigh = xs.max() ?? 1
        let pad = xLow == xHigh ? 1 : (xHigh - xLow) * 0.08
        let y = yRange(values, scale: scale)
        var chart = SVGChart(width: width, height: 200, margins: (52, 10, 10, 40), x: (xLow - pad)...(xHigh + pad), y: y)
        let seriesCount = (points.map(\.series).max() ?? 0) + 1
        // Series side by side around each x, so their intervals do not hide one another.
        let dodge = seriesCount > 1 ? (xHigh - xLow + 2 * pad) * 0.012 : 0
        for s in 0..<seriesCount {
            let own = points.filter { $0.series == s }.sorted { $0.x < $1.x }
            let offset = (Double(s) - Double(seriesCount - 1) / 2) * dodge
            if join, own.count > 1 {
                chart.line(xs: own.map { $0.x + offset }, ys: own.map { scale.value($0.estimate.mean) }, stroke: colour(s), width: 1)
            }
            for p in own {
                if let low = p.estimate.low, let high = p.estimate.high, low.isFinite, high.isFinite {
                    chart.whisker(atX: p.x + offset, low: scale.value(low), high: scale.value(high), stroke: colour(s))
                }
                chart.dot(p.x + offset, scale.value(p.estimate.mean), radius: 3, fill: colour(s), title: p.title + ": " + scale.text(p.estimate, l))
            }
        }
        chart.axes(xTicks: xTicks, yTicks: yTicks(y, scale: scale, l), xTitle: xTitle, yTitle: l(scale.axisKey))
        return chart.svg
    }
}
