import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

extension ResearchReport {
    /// What a sweep's report shows: its settings' estimates (sweep.csv's rows) and each setting's running estimates.
    public struct SweepPage: Sendable {
        public var name: String
        public var scenario: String
        public var report: SweepReport
        /// Whether the design is a Latin hypercube sample (scatter against each varied key) rather than a grid.
        public var latinHypercube: Bool
        /// Per setting (sweep.csv's number), the running estimates of its pooled replications.
        public var convergence: [(setting: Int, paths: [ConvergencePath])]

        public init(name: String, scenario: String, report: SweepReport, latinHypercube: Bool, convergence: [(setting: Int, paths: [ConvergencePath])]) {
            self.name = name
            self.scenario = scenario
            self.report = report
            self.latinHypercube = latinHypercube
            self.convergence = convergence
        }

        /// Reads each design row's pooled replications (all its seeds, in seed order) from `store`.
        /// - Parameter runIDs: setting number (a run of the plan) → run id, as the sweep stored them.
        public static func convergence(plan: SweepPlan, runIDs: [Int: Int64], store: RunStore) throws -> [(setting: Int, paths: [ConvergencePath])] {
            var result: [(setting: Int, paths: [ConvergencePath])] = []
            for (row, settings) in Dictionary(grouping: plan.settings, by: \.row).sorted(by: { $0.key < $1.key }) {
                let ids = settings.sorted { $0.number < $1.number }.compactMap { runIDs[$0.number] }
                guard ids.count == settings.count else { continue }
                var headlines: [TransitionSummary.Headline] = []
                for id in ids { headlines += try store.headlines(ofRun: id) }
                guard !headlines.isEmpty else { continue }
                result.append((row + 1, try ConvergencePath.paths(headlines)))
            }
            return result
        }
    }

    /// The most settings the table lists and the convergence charts draw (all are in sweep.csv).
    static let tableLimit = 60, convergenceLimit = 8

    /// `report.html` of a sweep.
    public static func html(sweep page: SweepPage, labels l: Labels) -> Data {
        let report = page.report, e = SVGChart.escape
        let settings = Array(Set(report.rows.map(\.setting))).sorted()
        let firstRow = report.rows.first
        var sections: [String] = []
        let subtitle = l("research.sweep_subtitle", ["scenario": page.scenario, "settings": l.number(Double(settings.count)),
                                                     "keys": report.factors.joined(separator: ", "),
                                                     "runs": l.number(Double(firstRow?.runs ?? 0)),
                                                     "seeds": firstRow.map { $0.seeds.map(String.init).joined(separator: ", ") } ?? ""])
        // Outcomes by setting, one chart per headline figure.
        var charts: [String] = []
        var legendEntries: [(colour: String, text: String)] = []
        for metric in HeadlineMetric.allCases {
            let scale = Scale(metric)
            let rows = report.rows.filter { $0.metric == metric }
            if page.latinHypercube {
                for (k, key) in report.factors.enumerated().prefix(4) {
                    let points = rows.compactMap { row -> (x: Double, series: Int, estimate: Estimate, title: String)? in
                        guard let x = Double(row.values[k]) else { return nil }
                        return (x, 0, row.estimate, l("research.setting", ["number": String(row.setting)]))
                    }
                    let ticks = SVGChart.ticks((points.map(\.x).min() ?? 0)...(points.map(\.x).max() ?? 1)).map { ($0, l.decimalMark(ReportFormat.trimmed($0, decimals: 4))) }
                    charts.append(figure(scale.title(l), intervalChart(points, xTicks: ticks, xTitle: key, join: false, scale: scale, labels: l)))
                }
            } else {
                let axis = xFactor(report)
                let (points, ticks, series) = gridPoints(rows, factors: report.factors, axis: axis, labels: l)
                if legendEntries.isEmpty { legendEntries = series.enumerated().map { (colour($0.offset), $0.element) }.filter { !$0.text.isEmpty } }
                let xTitle = report.factors.isEmpty ? "" : report.factors[axis]
                charts.append(figure(scale.title(l), intervalChart(points, xTicks: ticks, xTitle: xTitle, join: true, scale: scale, labels: l)))
            }
        }
        sections.append(section(l("research.outcomes_title"), note: l(page.latinHypercube ? "research.outcomes_note_sample" : "research.outcomes_note_grid"),
                                charts: charts + [legend(legendEntries)]))
        // The settings' table.
        var table = "<section><h2>\(e(l("research.table_title")))</h2><table class=\"research\"><tr><th>\(e(l("research.column_setting")))</th>"
            + report.factors.map { "<th class=\"code\">\(e($0))</th>" }.joined()
            + HeadlineMetric.allCases.map { "<th>\(e(Scale($0).heading(l)))</th>" }.joined() + "</tr>"
        for setting in settings.prefix(tableLimit) {
            let rows = report.rows.filter { $0.setting == setting }
            guard let first = rows.first else { continue }
            table += "<tr><td class=\"text\">\(setting)</td>"
                + zip(report.factors, first.values).map { "<td class=\"text\">\(e(valueText($1, key: $0, l)))</td>" }.joined()
                + HeadlineMetric.allCases.map { m in "<td>\(rows.first { $0.metric == m }.map { Scale(m).cell($0.estimate, l) } ?? "")</td>" }.joined() + "</tr>"
        }
        table += "</table>"
        if settings.count > tableLimit { table += "<p class=\"note\">\(e(l("research.table_more", ["shown": String(tableLimit), "all": l.number(Double(settings.count))])))</p>" }
        sections.append(table + "</section>")
        // Convergence.
        let drawn = page.convergence.prefix(convergenceLimit).map { (name: l("research.setting", ["number": String($0.setting)]), paths: $0.paths) }
        sections.append(convergenceSection(Array(drawn), labels: l))
        if page.convergence.count > convergenceLimit {
            sections.append("<p class=\"note\">\(e(l("research.convergence_more", ["shown": String(convergenceLimit), "all": l.number(Double(page.convergence.count))])))</p>")
        }
        return ResearchReport.page(title: l("research.sweep_title", ["name": page.name]), subtitle: subtitle, sections: sections, labels: l)
    }

    /// A varied value as a person reads it: a number with the language's decimal mark, a named choice by its name.
    static func valueText(_ raw: String, key: String, _ l: Labels) -> String {
        if Double(raw) != nil { return l.decimalMark(raw) }
        return l.value(raw, column: String(key.split(separator: ".").last ?? ""))
    }

    /// The varied key a grid's charts put on the horizontal axis: the one with most values, a key of numbers before one of names.
    static func xFactor(_ report: SweepReport) -> Int {
        let scored = report.factors.indices.map { k -> (k: Int, numeric: Bool, count: Int) in
            let values = report.rows.map { $0.values[k] }
            return (k, values.allSatisfy { Double($0) != nil }, Set(values).count)
        }
        return scored.max { ($0.numeric ? 1 : 0, $0.count, -$0.k) < ($1.numeric ? 1 : 0, $1.count, -$1.k) }?.k ?? 0
    }

    /// A grid's points: the varied key `axis` on the x axis (by value when every value is a number, else in the
    /// order met), one series per combination of the others; the series' names.
    static func gridPoints(_ rows: [SweepReport.Row], factors: [String], axis: Int, labels l: Labels)
        -> (points: [(x: Double, series: Int, estimate: Estimate, title: String)], ticks: [(Double, String)], series: [String]) {
        guard axis < factors.count else { return ([], [], []) }
        let key = factors[axis]
        let axisValues = rows.map { $0.values[axis] }
        let numeric = axisValues.allSatisfy { Double($0) != nil }
        var order: [String] = []
        for v in axisValues where !order.contains(v) { order.append(v) }
        var seriesNames: [String] = []
        var points: [(x: Double, series: Int, estimate: Estimate, title: String)] = []
        for row in rows {
            let rest = factors.indices.filter { $0 != axis }.map { "\(factors[$0]) = \(valueText(row.values[$0], key: factors[$0], l))" }.joined(separator: ", ")
            if !seriesNames.contains(rest) { seriesNames.append(rest) }
            let x = numeric ? (Double(row.values[axis]) ?? 0) : Double(order.firstIndex(of: row.values[axis]) ?? 0)
            points.append((x, seriesNames.firstIndex(of: rest) ?? 0, row.estimate, l("research.setting", ["number": String(row.setting)])))
        }
        let ticks = order.map { v in (numeric ? (Double(v) ?? 0) : Double(order.firstIndex(of: v) ?? 0), valueText(v, key: key, l)) }
        return (points, ticks, seriesNames)
    }
}
