import Foundation
import MergerSim
import MergerSimInputs

/// The report's section of the assumptions in force, as a table a person reads (``AssumptionTable``): label,
/// value with its unit, rule and instrument, status; the key path last and small, for scripts. Never JSON.
enum AssumptionsSection {
    /// The section's table (opened, not closed: the report adds the overrides after it).
    static func html(_ assumptions: RunAssumptions, labels l: Labels) -> String {
        func e(_ text: String) -> String { SVGChart.escape(text) }
        let table = AssumptionTable(assumptions.withoutDefaults, labels: l)
        var page = "<section class=\"assumptions\"><style>.assumptions td{text-align:left;font-size:9px}"
            + ".assumptions td.key{font-size:7px;color:#777}</style><h2>\(e(l("report.assumptions")))</h2><table><tr>"
            + AssumptionTable.headers.map { "<th>\(e(l("assumption.column.\($0)")))</th>" }.joined() + "</tr>"
        for row in table.rows {
            page += "<tr><td class=\"label\">\(e(row.label))</td><td>\(e(row.value))</td><td>\(e(row.rule))</td><td>\(e(row.instrument))</td>"
                + "<td>\(e(row.status))</td><td class=\"code key\">\(e(row.key))</td></tr>"
        }
        return page + "</table>"
    }
}
