import Foundation
import MergerSim

/// What `mergersim propose` writes: the plan (in the plan format `simulate` reads), one row per proposed
/// unit with its figures and the reason for its shape, and a scenario that runs the plan.
public struct ProposalReport {
    public let units: [AdministrativeUnit]
    /// Each proposed group (two or more members make a new unit) and its note.
    public let groups: [(members: [Int], note: String)]

    public init(units: [AdministrativeUnit], groups: [(members: [Int], note: String)]) {
        self.units = units
        self.groups = groups.filter { $0.members.count >= 2 }
    }

    /// A group's largest member (population, then code), which names the new unit and sets its kind.
    func largest(_ members: [Int]) -> Int { GroupTargets.lead(of: members, in: units) }

    /// The plan: each new unit named after (and coded as) its largest member, kind and province the rules' defaults.
    public var plan: MergerPlan {
        MergerPlan(newUnits: groups.map { group in
            let lead = units[largest(group.members)]
            return PlannedUnit(code: lead.code, name: lead.name, members: group.members.sorted { units[$0].code < units[$1].code }.map { .init(code: units[$0].code) })
        })
    }

    /// The plan as `simulate` reads it: written exactly (no `'` before formula-like text), since it is an input.
    public var planCSV: Data {
        var writer = CSVWriter(header: ["new_code", "new_name", "new_province", "member_code"])
        for (unit, group) in zip(plan.newUnits, groups) {
            for member in unit.members { writer.append([unit.code, unit.name, units[largest(group.members)].province, member.code]) }
        }
        return writer.data
    }

    /// One row per proposed unit: members, area, population, the standards outcome and surplus as the
    /// pipeline judges them (`judged`, by new code), compactness and the note.
    public func csv(judged: [String: UnitAfterResult]) -> Data {
        var writer = CSVWriter(header: ["new_code", "new_name", "province", "members", "member_count", "area_km2", "population", "standards_outcome"]
                               + StaffCategory.allCases.map { "surplus_\($0.rawValue)" } + ["compactness_km", "note"], spreadsheet: true)
        for (unit, group) in zip(plan.newUnits, groups) {
            let members = group.members
            let area = members.reduce(Int64(0)) { $0 + units[$1].area.millionths }
            let population = members.reduce(0) { $0 + units[$1].population }
            let result = judged[unit.code]
            writer.append([unit.code, unit.name, units[largest(members)].province, unit.members.map(\.code).joined(separator: ";"), String(members.count),
                           ReportFormat.fixed(Double(area) / Double(FixedDecimal.scale), decimals: 2), String(population), result?.outcome.rawValue ?? ""]
                          + StaffCategory.allCases.map { c in result?.surplus.map { String($0[c]) } ?? "" }
                          + [ReportFormat.fixed(compactness(members), decimals: 2), group.note])
        }
        return writer.data
    }

    /// Population-weighted mean distance (km) of the members' centres to the group's centre.
    func compactness(_ members: [Int]) -> Double {
        let placed = members.compactMap { u in units[u].location.map { ($0, Double(max(units[u].population, 1))) } }
        let weight = placed.reduce(0) { $0 + $1.1 }
        guard weight > 0 else { return 0 }
        let centre = Coordinate(latitude: placed.reduce(0) { $0 + $1.0.latitude * $1.1 } / weight,
                                longitude: placed.reduce(0) { $0 + $1.0.longitude * $1.1 } / weight)
        return placed.reduce(0) { $0 + Neighbours.km($1.0, centre) * $1.1 } / weight
    }

    /// A scenario that runs the plan: the units by their path relative to `folder` (where it is written).
    public static func scenario(name: String, rules: String, unitsPath: String, folder: URL, provinceClasses: [String: String] = [:]) -> Data {
        let units = Scenario.relative(URL(fileURLWithPath: unitsPath).standardizedFileURL.path, from: folder)
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let classes = provinceClasses.isEmpty ? ""
            : "province_classes:\n" + provinceClasses.keys.sorted().map { "  \(quoted($0)): \(provinceClasses[$0] ?? "other")\n" }.joined()
        return Data(("""
            # Written by mergersim propose: the proposed plan, ready for `mergersim simulate` (paths relative to this file).
            name: \(name)
            rules: \(rules)
            units: \(units)
            plan: plan.csv
            transfers: {scope: province}

            """ + classes).utf8)
    }
}
