import Foundation
import MergerSim
import MergerSimInputs

/// `report.html`: one page a provincial office can print (A4) or attach to a proposal, in the chosen
/// language: the headline figures, a fan chart of the surplus per category from the effective date to
/// the deadline, units over quota by province, a map-like scatter of the units with the transfers, the
/// ten units with most surplus, and the assumptions in force. Self-contained: inline CSS and SVG, no
/// script, font or image from anywhere.
public struct RunReport {
    public struct Input {
        public var scenario: String, rules: String, effective: CalendarDate, runs: Int, seed: UInt64
        public var summary: RunSummary
        /// The summary's transfers and transition (a report is of a run through the transition).
        public var transfers: RunSummary.Transfers, transitionFigures: RunSummary.Transition
        public var reallocation: ScenarioRun.Reallocation
        public var transition: TransitionSummary
        public var years: Int
        public var deadline: CalendarDate?
        /// The deadline's rule (R-4.6) with its instrument, shown beside the deadline; nil shows none.
        public var deadlineRule: RulePhrase? = nil
        /// The rule set's values, named by it (the annex lists no defaults).
        public var assumptions: RunAssumptions
        public var overrides: [String]
        /// The plan with names (``PlanExhibit``), shown after the one-page summary when given.
        public var exhibit: PlanExhibit?
        /// Staff categories whose posts end on a day (R-4.7: non-professional posts under the 2025 reform), with
        /// the rule that ends them: said where their figures appear, and marked on their chart.
        public var categoryEnds: [StaffCategory: (date: CalendarDate, rule: any Phrase)] = [:]

        /// - Throws: ``InternalError`` when `summary` has no transfers or no transition (the run stopped before them).
        public init(scenario: String, rules: String, effective: CalendarDate, runs: Int, seed: UInt64, summary: RunSummary,
                    reallocation: ScenarioRun.Reallocation, transition: TransitionSummary, years: Int, deadline: CalendarDate?,
                    assumptions: RunAssumptions, overrides: [String]) throws(InternalError) {
            guard let transfers = summary.transfers, let transitionFigures = summary.transition else {
                throw InternalError("a report needs a run through the transition")
            }
            self.transfers = transfers
            self.transitionFigures = transitionFigures
            self.scenario = scenario
            self.rules = rules
            self.effective = effective
            self.runs = runs
            self.seed = seed
            self.summary = summary
            self.reallocation = reallocation
            self.transition = transition
            self.years = years
            self.deadline = deadline
            self.assumptions = assumptions
            self.overrides = overrides
        }
    }

    static let outcomeColours: [StandardsOutcome: String] = [.meets: "#2e7d32", .waived: "#1565c0", .needsException: "#ef6c00", .below: "#c62828"]

    /// The page's head and its first lines, shared by the run's and the proposal's reports: the document in
    /// `l`'s language, `title` as its title and heading, `subtitle` under it; the report's style.
    package static func head(title: String, subtitle: String, labels l: Labels) -> String {
        let e = SVGChart.escape
        return """
            <!DOCTYPE html><html lang="\(l.language.rawValue)"><head><meta charset="utf-8">
            <title>\(e(title))</title>
            <style>\(css)</style></head><body>
            <h1>\(e(title))</h1>
            <p class="sub">\(e(subtitle))</p>
            """
    }

    public static func html(_ input: Input, labels l: Labels) -> Data {
        let e = SVGChart.escape
        let summary = input.summary, transfers = input.transfers, transition = input.transitionFigures
        // Figures as summary.csv holds them (rounded alike).
        func figure(_ x: Double, _ decimals: Int) -> Double { SummaryReport.rounded(x, decimals: decimals) ?? 0 }
        var page = head(title: l("report.title", ["scenario": input.scenario]), subtitle: l("report.subtitle", [
            "rules": input.rules, "effective": l.date(input.effective), "runs": l.number(Double(input.runs)), "seed": String(input.seed),
        ]), labels: l)
        // Headline.
        let after = input.reallocation.after
        page += "<section class=\"headline\"><h2>\(e(l("report.headline")))</h2><p>"
            + e(l("report.units_before_after", ["before": l.number(Double(summary.unitsBefore)), "after": l.number(Double(summary.unitsAfter))])) + ". "
            + e(l("report.meet_standards", ["meets": l.number(Double(after.filter { $0.outcome == .meets }.count)), "after": l.number(Double(after.count)),
                                            "waived": l.number(Double(after.filter { $0.outcome == .waived }.count)),
                                            "exception": l.number(Double(after.filter { $0.outcome == .needsException }.count)),
                                            "below": l.number(Double(after.filter { $0.outcome == .below }.count))])) + ".</p>"
        page += "<table><tr><th>\(e(l("report.category")))</th><th>\(e(l("report.quota")))</th><th>\(e(l("report.headcount")))</th>"
            + "<th>\(e(l("report.surplus")))</th><th>\(e(l("report.surplus_after_transfers")))</th><th>\(e(l("report.surplus_at_deadline")))</th></tr>"
        for c in StaffCategory.allCases {
            page += "<tr><td>\(e(l("category.\(c.rawValue)")))</td><td>\(l.number(Double(summary.quotaAfter[c])))</td>"
                + "<td>\(l.number(Double(summary.headcountAfter[c])))</td><td>\(l.number(Double(summary.surplusAfter[c])))</td>"
                + "<td>\(l.number(Double(transfers.surplusAfter[c])))</td><td>\(l.number(figure(transition.surplusAtDeadlineMean[c], 2), decimals: 1))</td></tr>"
        }
        page += "</table>"
        for c in StaffCategory.allCases {
            guard let end = input.categoryEnds[c] else { continue }
            page += "<p class=\"note\">" + e(l("report.category_ends", ["category": l("category.\(c.rawValue)"), "date": l.date(end.date), "rule": end.rule.text(l),
                                                                      "people": l.number(Double(summary.headcountAfter[c]))])) + "</p>"
        }
        let verdict = transition.verdict.rawValue
        let verdictClass = switch transition.verdict {
        case .met: "ok"
        case .atRisk: "warn"
        case .notMet: "bad"
        }
        page += "<p class=\"verdict \(verdictClass)\">\(e(l("report.verdict")))"
            + (input.deadline.map { " (\(e(l("report.deadline"))) \(e(l.date($0)))" + (input.deadlineRule.map { ", \(e($0.text(l)))" } ?? "") + ")" } ?? "") + ": <b>\(e(l("verdict.\(verdict)")))</b>, "
            // A percentage as Vietnamese documents write one; English keeps the share summary.csv holds.
            + e(l("report.probability", ["p": l.language == .vi ? l.percent(figure(transition.probabilityAllWithinQuota, 3))
                                                                : l.number(figure(transition.probabilityAllWithinQuota, 3), decimals: 3)]))
            + ". \(e(l("report.exit_cost"))): <b>\(e(l.billions(figure(transition.exitCostMeanVND, 0))))</b>.</p></section>"
        // Fan charts.
        page += "<section class=\"fans\">"
        for c in StaffCategory.allCases {
            page += "<figure><figcaption>\(e(l("report.fan_title", ["category": l("category.\(c.rawValue)")])))</figcaption>"
                + fanChart(input.transition, category: c, years: min(input.years, input.transition.deadlineYears[c]),
                           ends: input.categoryEnds[c].map { (at: yearsBetween(input.effective, $0.date), date: $0.date) }, labels: l) + "</figure>"
        }
        page += "<p class=\"note\">\(e(l("report.fan_note")))</p></section>"
        // Units over quota by province, and the map.
        page += "<section class=\"pair\"><figure><figcaption>\(e(l("report.bars_title")))</figcaption>\(provinceBars(input.reallocation, labels: l))</figure>"
        page += "<figure><figcaption>\(e(l("report.map_title")))</figcaption>\(map(input.reallocation, labels: l))</figure></section>"
        // The ten units with most surplus after transfers.
        let surplus = after.indices.map { i in (i, input.reallocation.transfers.staffAfter[i].excess(over: after[i].quota.posts)) }
            .sorted { ($0.1.total, after[$1.0].unit.code) > ($1.1.total, after[$0.0].unit.code) }.prefix(10)
        page += "<section><h2>\(e(l("report.top_title")))</h2><table><tr><th>\(e(l("report.code")))</th><th>\(e(l("report.name")))</th>"
            + "<th>\(e(l("report.province")))</th><th>\(e(l("report.outcome")))</th>"
            + StaffCategory.allCases.map { "<th>\(e(l("report.surplus"))) \(e(l("category.\($0.rawValue)")))</th>" }.joined() + "</tr>"
        for (i, counts) in surplus where counts.total > 0 {
            let r = after[i]
            page += "<tr><td class=\"code\">\(e(r.unit.code))</td><td>\(e(r.unit.name))</td><td>\(e(r.unit.province))</td>"
                + "<td><span class=\"dot\" style=\"background:\(outcomeColours[r.outcome] ?? "#777")\"></span>\(e(l("outcome.\(r.outcome.rawValue)")))</td>"
                + StaffCategory.allCases.map { "<td>\(l.number(Double(counts[$0])))</td>" }.joined() + "</tr>"
        }
        page += "</table></section>"
        // The plan itself, then the assumptions as the annex.
        if let exhibit = input.exhibit { page += exhibitSection(exhibit, labels: l) }
        page += AssumptionsSection.html(input.assumptions, labels: l)
        if !input.overrides.isEmpty {
            page += "<p><b>\(e(l("report.overrides"))):</b> <span class=\"code\">\(e(input.overrides.joined(separator: ", ")))</span></p>"
        }
        page += "</section>"
        page += "<footer>\(e(l("report.footer", ["version": MergerSimVersion.current])))</footer></body></html>\n"
        return Data(page.utf8)
    }

    /// Surplus of one category from year 0 to its deadline: p05–p95 and p25–p75 bands, median line.
    ///
    /// A category that ends (`ends`: when, in years after the effective date, and the day) is marked on the chart.
    static func fanChart(_ t: TransitionSummary, category c: StaffCategory, years: Int, ends: (at: Double, date: CalendarDate)? = nil,
                         labels l: Labels) -> String {
        let rows = (0...max(years, 0)).compactMap { t.row(year: $0, category: .category(c), metric: .surplus) }
        guard !rows.isEmpty else { return "" }
        let xs = rows.map { Double($0.year) }
        let top = max(rows.map(\.p95).max() ?? 1, 1)
        var chart = SVGChart(width: 234, height: 180, margins: (58, 8, 10, 40), x: 0...Double(max(years, 1)), y: 0...top * 1.05)
        chart.band(xs: xs, low: rows.map(\.p05), high: rows.map(\.p95), fill: "#1565c0", opacity: 0.18)
        chart.band(xs: xs, low: rows.map(\.p25), high: rows.map(\.p75), fill: "#1565c0", opacity: 0.35)
        chart.line(xs: xs, ys: rows.map(\.p50), stroke: "#0d3c78")
        if let ends, ends.at >= 0, ends.at <= Double(max(years, 1)) {
            chart.marker(atX: ends.at, label: l("report.category_ends_marker", ["date": l.date(ends.date)]), stroke: "#c62828")
        }
        chart.axes(xTicks: (0...max(years, 1)).map { (Double($0), String($0)) },
                   yTicks: SVGChart.ticks(0...top * 1.05, whole: true).map { ($0, l.number($0)) },
                   xTitle: l("report.axis_year"), yTitle: l("report.axis_people"))
        return chart.svg
    }

    /// Years from `start` to `end`, months and days as fractions (a position on a chart's time axis, not a legal period).
    static func yearsBetween(_ start: CalendarDate, _ end: CalendarDate) -> Double {
        let months = Double((end.year - start.year) * 12 + end.month - start.month) + Double(end.day - start.day) / 30
        return months / 12
    }

    /// Units over quota after transfers (any category), per province: the 15 with most.
    static func provinceBars(_ r: ScenarioRun.Reallocation, labels l: Labels) -> String {
        var counts: [String: Int] = [:]
        for (i, unit) in r.after.enumerated() where r.transfers.staffAfter[i].excess(over: unit.quota.posts).total > 0 {
            counts[unit.unit.province, default: 0] += 1
        }
        let top = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(15)
        guard let most = top.first?.value else { return "<p class=\"note\">0</p>" }
        var chart = SVGChart(width: 330, height: Double(40 + 18 * top.count), margins: (130, 30, 4, 36), x: 0...Double(most) * 1.1, y: 0...1)
        for (row, entry) in top.enumerated() {
            chart.bar(row: row, rows: top.count, value: Double(entry.value), label: String(entry.key.prefix(22)), fill: "#c62828")
        }
        chart.axes(xTicks: SVGChart.ticks(0...Double(most), whole: true).map { ($0, l.number($0)) }, yTicks: [], xTitle: l("report.axis_units"), yTitle: "")
        return chart.svg
    }

    /// Units by longitude and latitude, coloured by standards outcome; transfers as lines.
    static func map(_ r: ScenarioRun.Reallocation, labels l: Labels) -> String {
        let placed = r.after.compactMap { u in u.unit.location.map { (u, $0) } }
        guard !placed.isEmpty else { return "<p class=\"note\">\(SVGChart.escape(l("report.map_none")))</p>" }
        // Keep degrees roughly square: the taller side sets the height.
        let (xr, yr, aspect) = SVGChart.frame(of: placed.map(\.1))
        let height = min(420, max(200, 290 * aspect))
        var chart = SVGChart(width: 330, height: height, margins: (8, 8, 8, 8), x: xr, y: yr)
        let at = Dictionary(placed.map { ($0.0.unit.code, $0.1) }, uniquingKeysWith: { a, _ in a })
        for t in r.transfers.transfers {
            guard let a = at[t.fromCode], let b = at[t.toCode] else { continue }
            chart.segment(a.longitude, a.latitude, b.longitude, b.latitude, stroke: "#6a1b9a", width: min(3, 0.6 + Double(t.count) / 10), opacity: 0.5)
        }
        let radius = placed.count > 500 ? 1.6 : placed.count > 50 ? 2.5 : 5
        for (unit, location) in placed {
            chart.dot(location.longitude, location.latitude, radius: radius, fill: outcomeColours[unit.outcome] ?? "#777",
                      title: "\(unit.unit.code) \(unit.unit.name): \(l("outcome.\(unit.outcome.rawValue)"))")
        }
        let legend = StandardsOutcome.allCases.map {
            "<span class=\"dot\" style=\"background:\(outcomeColours[$0] ?? "#777")\"></span>\(SVGChart.escape(l("outcome.\($0.rawValue)")))"
        }.joined(separator: " ")
        return chart.svg + "<p class=\"note\">\(legend)<br>\(SVGChart.escape(l("report.map_note")))</p>"
    }

    package static let css = """
        @page{size:A4;margin:12mm}body{font:11px/1.35 "DejaVu Sans",Arial,sans-serif;color:#222;margin:0 auto;max-width:190mm}
        h1{font-size:18px;margin:4px 0}h2{font-size:13px;margin:10px 0 4px}.sub{color:#555;margin:0 0 6px}
        table{border-collapse:collapse;width:100%;margin:4px 0}th,td{border-bottom:1px solid #ddd;padding:2px 4px;text-align:right}
        th:first-child,td:first-child,td:nth-child(2),td:nth-child(3){text-align:left}.code{font-family:"DejaVu Sans Mono",monospace}
        .verdict{font-size:12px;padding:4px 6px;border-left:4px solid}.ok{border-color:#2e7d32}.warn{border-color:#ef6c00}.bad{border-color:#c62828}
        .fans{display:flex;flex-wrap:wrap;gap:4px}.fans figure{margin:0;width:234px}.pair{display:flex;gap:8px}.pair figure{margin:0;flex:1}
        figcaption{font-weight:bold;font-size:11px}.note{color:#555;font-size:10px;margin:2px 0}
        .dot{display:inline-block;width:8px;height:8px;border-radius:4px;margin-right:3px}
        .tick{font-size:9px;fill:#444}.axis{font-size:10px;fill:#222}footer{color:#777;font-size:9px;margin-top:8px}
        .exhibit,.assumptions{break-before:page}.exhibit table{font-size:9px}.plan tr.after td{border-top:1px solid #999;font-weight:bold;background:#f4f4f4}
        .plan tr.member td:nth-child(2){padding-left:14px}.plan td.why,.before td:last-child{text-align:left;font-weight:normal}
        .plan thead,.before thead{display:table-header-group}.plan tbody{break-inside:avoid}
        .assumptions td{font-size:9px}.assumptions td:last-child{text-align:left;word-break:break-all;max-width:110mm}
        """
}
