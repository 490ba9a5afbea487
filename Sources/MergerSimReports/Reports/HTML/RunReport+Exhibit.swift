import Foundation
import MergerSim
import MergerSimInputs

extension RunReport {
    /// The plan as an exhibit, after the one-page summary: the units after, each with its members before
    /// (names, kinds, areas, populations and verdicts), the total against what it must reach and the share
    /// reached, the outcome and why, type, quota and surplus after transfers; then the units before with
    /// their screening verdicts. Every figure is the run's; nothing is cut, however large the plan.
    static func exhibitSection(_ exhibit: PlanExhibit, labels l: Labels) -> String {
        let e = SVGChart.escape
        func count(_ n: Int) -> String { l.number(Double(n)) }
        func area(_ value: FixedDecimal) -> String { l.number(Double(value.millionths) / Double(FixedDecimal.scale), decimals: 2) }
        func area(_ km2: Double) -> String { l.number(km2, decimals: 2) }
        func share(_ s: Double) -> String { s.isFinite ? l.percent(s, decimals: 0) : "—" }
        func triple(_ h: Headcount?) -> String {
            guard let h else { return "—" }
            return StaffCategory.allCases.map { count(h[$0]) }.joined(separator: " / ")
        }
        var html = "<section class=\"exhibit\"><h2>\(e(l("exhibit.title")))</h2>"
        html += "<p class=\"note\">\(e(l("exhibit.intro", ["changed": count(exhibit.changed.count), "untouched": count(exhibit.untouched.count), "before": count(exhibit.before.count)])))"
            + " \(e(l("exhibit.triples", ["categories": StaffCategory.allCases.map { l("category.\($0.rawValue)") }.joined(separator: " / ")])))</p>"
        html += "<table class=\"plan\"><thead><tr>"
            + ["exhibit.code", "exhibit.name", "exhibit.kind", "exhibit.area", "exhibit.population", "exhibit.required", "exhibit.share",
               "exhibit.outcome", "exhibit.type", "exhibit.quota", "exhibit.surplus"].map { "<th>\(e(l($0)))</th>" }.joined()
            + "</tr></thead>"
        for unit in exhibit.after {
            let r = unit.result
            html += "<tbody><tr class=\"after\"><td class=\"code\">\(e(r.unit.code))</td><td>\(e(r.unit.name))</td>"
                + "<td>\(e(l.value(r.unit.kind.rawValue, column: "kind")))</td>"
                + "<td>\(area(r.unit.area))</td><td>\(count(r.unit.population))</td>"
                + "<td>\(area(r.requiredAreaKm2)) km²; \(l.number(r.requiredPopulation))</td>"
                + "<td>\(share(unit.areaShare)); \(share(unit.populationShare))</td>"
                + "<td class=\"why\"><span class=\"dot\" style=\"background:\(outcomeColours[r.outcome] ?? "#777")\"></span>"
                + "<b>\(e(l("outcome.\(r.outcome.rawValue)")))</b>: \(e(exhibit.reason(r).text(l)))</td>"
                + "<td>\(e(r.classification.type.rawValue))</td><td>\(triple(r.quota.posts))</td><td>\(triple(unit.surplusAfterTransfers))</td></tr>"
            for member in unit.members {
                let s = member.screening
                let split = member.isSplit ? " " + l("exhibit.split", ["share": l.percent(Double(member.contribution.share.millionths) / Double(FixedDecimal.scale), decimals: 0)]) : ""
                html += "<tr class=\"member\"><td class=\"code\">\(e(s.unit.code))</td><td>\(e(s.unit.name + split))</td>"
                    + "<td>\(e(l.value(s.unit.kind.rawValue, column: "kind")))</td>"
                    + "<td>\(area(member.contribution.area))</td><td>\(count(member.contribution.population))</td>"
                    + "<td></td><td>\(l.percent(s.areaPercent / 100, decimals: 0)); \(l.percent(s.populationPercent / 100, decimals: 0))</td>"
                    + "<td class=\"why\">\(e(l.value(s.verdict.rawValue, column: "verdict")))\(s.test.map { " (\(e($0.rule)))" } ?? "")</td>"
                    + "<td></td><td></td><td></td></tr>"
            }
            html += "</tbody>"
        }
        html += "</table>"
        html += "<h2>\(e(l("exhibit.before_title")))</h2><p class=\"note\">"
        let counts = exhibit.verdictCounts
        html += e(l("exhibit.before_counts", Dictionary(uniqueKeysWithValues: Verdict.allCases.map { ($0.rawValue, count(counts[$0] ?? 0)) })
                    .merging(["total": count(exhibit.before.count)]) { a, _ in a }))
        html += "</p><table class=\"before\"><thead><tr>"
            + ["exhibit.code", "exhibit.name", "exhibit.kind", "exhibit.province", "exhibit.area", "exhibit.population",
               "exhibit.share_standard", "exhibit.verdict"].map { "<th>\(e(l($0)))</th>" }.joined()
            + "</tr></thead><tbody>"
        for s in exhibit.before {
            html += "<tr><td class=\"code\">\(e(s.unit.code))</td><td>\(e(s.unit.name))</td><td>\(e(l.value(s.unit.kind.rawValue, column: "kind")))</td>"
                + "<td>\(e(s.unit.province))</td><td>\(area(s.unit.area))</td><td>\(count(s.unit.population))</td>"
                + "<td>\(l.percent(s.areaPercent / 100, decimals: 0)); \(l.percent(s.populationPercent / 100, decimals: 0))</td>"
                + "<td>\(e(l.value(s.verdict.rawValue, column: "verdict")))\(s.test.map { " (\(e($0.rule)))" } ?? "")</td></tr>"
        }
        html += "</tbody></table></section>"
        return html
    }
}
