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
        table().csv(english: try Labels(.en))
    }

    /// The rows of ``csv()`` as a typed table (proposal.csv, and the workbook's proposal sheet); `reason`, when
    /// given, adds a workbook-only column with each group's reason in words (``ProposalReason``).
    public func table(reason: ((ProposedGroup) -> ProposalReason)? = nil) -> ReportTable {
        typealias C = ReportTable.Column
        var columns: [C] = [C("new_code", .identifier), C("new_name", .name), C("province", .name), C("members", .identifier),
                            C("member_count", .count), C("area_km2", .area), C("population", .count), C("standards_outcome", .value)]
        columns += StaffCategory.allCases.map { C("surplus_\($0.rawValue)", .count) }
        columns += [C("compactness_km", .decimal(places: 2)), C("note", .phrase)]
        if reason != nil { columns.append(C("reason", .phrase, audience: .workbook)) }
        var table = ReportTable(columns)
        func extra(_ group: ProposedGroup) -> [ReportTable.Cell] { reason.map { [.phrase($0(group))] } ?? [] }
        func area(_ millionths: Int64) -> ReportTable.Cell { .fixed(Double(millionths) / Double(FixedDecimal.scale), decimals: 2) }
        for ((unit, group), result) in zip(zip(result.plan.newUnits, result.merging), result.judgedNewUnits) {
            let members = group.members
            let population = members.reduce(0) { $0 + units[$1].population }
            table.append([.text(unit.code), .text(unit.name), .text(units[GroupTargets.lead(of: members, in: units)].province),
                          .text(unit.members.map(\.code).joined(separator: ";")), .count(members.count),
                          area(members.reduce(Int64(0)) { $0 + units[$1].area.millionths }), .count(population),
                          result.map { .value($0.outcome.rawValue) } ?? .empty]
                         + StaffCategory.allCases.map { c in result?.surplus.map { .count($0[c]) } ?? .empty }
                         + [.fixed(Neighbours.spread(of: members, in: units), decimals: 2), .phrase(ProposalNote(group, units: units))] + extra(group))
        }
        // Target mode: the units kept on their own for want of a position, each still one of its province's units.
        let judgedByCode = Dictionary(result.judged.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
        for group in result.keptAlone {
            let unit = units[group.members[0]], judged = judgedByCode[unit.code]
            table.append([.text(unit.code), .text(unit.name), .text(unit.province), .text(unit.code), .count(1), area(unit.area.millionths),
                          .count(unit.population), judged.map { .value($0.outcome.rawValue) } ?? .empty]
                         + StaffCategory.allCases.map { c in judged?.surplus.map { .count($0[c]) } ?? .empty }
                         + [.fixed(0, decimals: 2), .phrase(ProposalNote(group, units: units))] + extra(group))
        }
        return table
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
