import Foundation
import MergerSim
import MergerSimInputs

/// What `mergersim propose` writes: the plan (in the plan format `simulate` reads), one row per proposed
/// unit with its figures and the reason for its shape, and a scenario that runs the plan.
///
/// The proposal itself is a ``ProposalResult`` made by a ``ProposalRun``; this only renders it, each
/// group's note from its typed reasons (``note(_:)``).
public struct ProposalReport {
    public let units: [AdministrativeUnit]
    /// The proposal: its groups, plan and judged units.
    public let result: ProposalResult

    /// The report of `result`, proposed over `units`.
    public init(units: [AdministrativeUnit], result: ProposalResult) {
        self.units = units
        self.result = result
    }

    /// The plan as `simulate` reads it: written exactly (no `'` before formula-like text), since it is an input.
    public var planCSV: Data {
        var writer = CSVWriter(header: ["new_code", "new_name", "new_province", "member_code"])
        for (unit, group) in zip(result.plan.newUnits, result.merging) {
            let province = units[GroupTargets.lead(of: group.members, in: units)].province
            for member in unit.members { writer.append([unit.code, unit.name, province, member.code]) }
        }
        return writer.data
    }

    /// One row per proposed unit: members, area, population, the standards outcome and surplus as the
    /// pipeline judges them, compactness (``Neighbours/spread(of:in:)``) and the note; then, in target mode,
    /// one row per unit kept on its own for want of a position (``ProposalResult/keptAlone``).
    /// - Throws: ``InternalError`` when the English label table is not installed (the notes are written from it).
    public func csv() throws(InternalError) -> Data {
        let english = try Labels(.en)
        var writer = CSVWriter(header: ["new_code", "new_name", "province", "members", "member_count", "area_km2", "population", "standards_outcome"]
                               + StaffCategory.allCases.map { "surplus_\($0.rawValue)" } + ["compactness_km", "note"], spreadsheet: true)
        for ((unit, group), result) in zip(zip(result.plan.newUnits, result.merging), result.judgedNewUnits) {
            let members = group.members
            let area = members.reduce(Int64(0)) { $0 + units[$1].area.millionths }
            let population = members.reduce(0) { $0 + units[$1].population }
            writer.append([unit.code, unit.name, units[GroupTargets.lead(of: members, in: units)].province, unit.members.map(\.code).joined(separator: ";"),
                           String(members.count), ReportFormat.fixed(Double(area) / Double(FixedDecimal.scale), decimals: 2), String(population),
                           result?.outcome.rawValue ?? ""]
                          + StaffCategory.allCases.map { c in result?.surplus.map { String($0[c]) } ?? "" }
                          + [ReportFormat.fixed(Neighbours.spread(of: members, in: units), decimals: 2), note(group, english: english)])
        }
        // Target mode: the units kept on their own for want of a position, each still one of its province's units.
        let judgedByCode = Dictionary(result.judged.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
        for group in result.keptAlone {
            let unit = units[group.members[0]], judged = judgedByCode[unit.code]
            writer.append([unit.code, unit.name, unit.province, unit.code, "1",
                           ReportFormat.fixed(Double(unit.area.millionths) / Double(FixedDecimal.scale), decimals: 2), String(unit.population),
                           judged?.outcome.rawValue ?? ""]
                          + StaffCategory.allCases.map { c in judged?.surplus.map { String($0[c]) } ?? "" }
                          + [ReportFormat.fixed(0, decimals: 2), note(group, english: english)])
        }
        return writer.data
    }

    /// Why a group is as it is, in English (proposal.csv, the console): ``ProposalNote`` in `english`.
    public func note(_ group: ProposedGroup, english: Labels) -> String { ProposalNote(group, units: units).text(english) }

    /// A scenario that runs the plan: the units by their path relative to `folder` (where it is written),
    /// judged after and screened before by `rules`, the set the proposal screened with, so `simulate` finds
    /// the same units that must merge (without `rules_before` it would screen with the set in force the day
    /// before the effective date).
    public static func scenario(name: String, rules: String, unitsPath: String, folder: URL,
                                provinceClasses: ProvinceClasses = ProvinceClasses()) -> Data {
        let units = Scenario.relative(URL(fileURLWithPath: unitsPath).standardizedFileURL.path, from: folder)
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let listed = provinceClasses.listed
        let classes = listed.isEmpty ? ""
            : "province_classes:\n" + listed.keys.sorted().map { "  \(quoted($0)): \(provinceClasses[$0].rawValue)\n" }.joined()
        return Data(("""
            # Written by mergersim propose: the proposed plan, ready for `mergersim simulate` (paths relative to this file).
            name: \(name)
            rules: \(rules)
            rules_before: \(rules)
            units: \(units)
            plan: plan.csv
            transfers: {scope: province}

            """ + classes).utf8)
    }
}
