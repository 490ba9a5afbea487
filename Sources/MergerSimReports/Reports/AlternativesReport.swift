import Foundation
import MergerSim
import MergerSimInputs

/// `alternatives.csv` and the console table of `propose --alternatives K`: one row per distinct plan,
/// best first, with its score and the score's parts, what it makes, and how far it is from the best plan.
public enum AlternativesReport {
    /// The columns (see the README): the rank and where the plan is written, how it was found (the seed of
    /// the target mode, the pairing kept apart in the mandatory mode), the objective and its parts, the plan's
    /// counts, and the adjusted Rand index of its grouping against the best plan's.
    public static let columns: [ReportTable.Column] = [
        .init("rank", .year), .init("folder", .identifier), .init("seed", .identifier), .init("kept_apart", .identifier),
        .init("score", .decimal(places: 3)), .init("targets_missed", .count), .init("spread_km", .decimal(places: 2)),
        .init("balance", .decimal(places: 4)), .init("district_crossings", .count), .init("surplus", .count),
        .init("neighbours_taken", .count), .init("units_merging", .count), .init("new_units", .count),
        .init("new_units_meeting", .count), .init("units_after", .count), .init("adjusted_rand_index", .decimal(places: 4)),
    ]

    /// Where plan `rank` (1-based) is written, relative to the output folder: the folder itself for the best.
    public static func folder(rank: Int) -> String { rank == 1 ? "." : "alternatives/\(rank)" }

    /// The plans as a typed table, best first; `units` are the proposal's units (for codes and the count after).
    public static func table(_ alternatives: ProposalAlternatives, units: [AdministrativeUnit]) -> ReportTable {
        var table = ReportTable(columns)
        for (i, plan) in alternatives.ranked.enumerated() {
            let score = plan.score, result = plan.result
            table.append([
                .count(i + 1), .text(folder(rank: i + 1)), plan.seed.map { .text(String($0)) } ?? .empty,
                plan.keptApart.map { .text("\(units[$0.0].code);\(units[$0.1].code)") } ?? .empty,
                .fixed(score.total, decimals: 3), .count(score.targetsMissed), .fixed(score.spreadKm, decimals: 2),
                .fixed(score.balance, decimals: 4), .count(score.districtCrossings), .count(score.surplus),
                .count(plan.neighboursTaken), .count(plan.unitsMerging), .count(result.merging.count), .count(result.newUnitsMeeting),
                .count(units.count - plan.unitsMerging + result.merging.count), .fixed(plan.adjustedRandIndexToBest, decimals: 4),
            ])
        }
        return table
    }

    /// alternatives.csv.
    public static func csv(_ alternatives: ProposalAlternatives, units: [AdministrativeUnit]) throws(InternalError) -> Data {
        table(alternatives, units: units).csv(english: try Labels(.en))
    }

    /// The console table in `labels`' language: a title, a header line and one line per plan, columns aligned;
    /// then, when fewer distinct plans were found than asked for, a sentence that says so.
    public static func lines(_ alternatives: ProposalAlternatives, units: [AdministrativeUnit], mandatory: Bool, labels l: Labels) -> [String] {
        let keys = ["rank", "score", "targets_missed", "spread_km", "district_crossings", "surplus"]
            + (mandatory ? ["neighbours_taken"] : []) + ["new_units", "new_units_meeting", "adjusted_rand_index", "folder"]
        var rows = [keys.map { l("alternatives.column.\($0)") }]
        for (i, plan) in alternatives.ranked.enumerated() {
            let s = plan.score
            let cells: [String: String] = [
                "rank": String(i + 1), "score": l.number(s.total, decimals: 1), "targets_missed": l.number(Double(s.targetsMissed)),
                "spread_km": l.number(s.spreadKm, decimals: 1), "district_crossings": l.number(Double(s.districtCrossings)),
                "surplus": l.number(Double(s.surplus)), "neighbours_taken": l.number(Double(plan.neighboursTaken)),
                "new_units": l.number(Double(plan.result.merging.count)), "new_units_meeting": l.number(Double(plan.result.newUnitsMeeting)),
                "adjusted_rand_index": l.number(plan.adjustedRandIndexToBest, decimals: 3), "folder": folder(rank: i + 1),
            ]
            rows.append(keys.map { cells[$0] ?? "" })
        }
        let widths = keys.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.indices.map { c in c == row.count - 1 ? row[c] : String(repeating: " ", count: widths[c] - row[c].count) + row[c] }.joined(separator: "  ")
        }
        var out = [l(mandatory ? "alternatives.title.mandatory" : "alternatives.title.targets", ["count": String(alternatives.ranked.count)])]
        out += rows.map(line)
        if alternatives.fewerThanRequested {
            out.append(l(mandatory ? "alternatives.fewer.mandatory" : "alternatives.fewer.targets",
                         ["found": String(alternatives.ranked.count), "requested": String(alternatives.requested)]))
        }
        return out
    }
}
