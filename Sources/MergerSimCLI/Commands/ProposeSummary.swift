import MergerSim
import MergerSimInputs
import MergerSimReports

/// What `propose` reads besides the units, and what it tells the console: kept apart from
/// ``Propose/execute(arguments:console:)``, which only reads, calls ``ProposalRun`` and writes.
extension Propose {
    /// The mode's name in the manifest and on the console.
    var mode: String { targets == nil ? "mandatory" : "targets" }

    /// The objective's weights of the target mode, as given.
    var weights: ProposalWeights {
        ProposalWeights(failing: weightFailing, compactness: weightCompactness, balance: weightBalance, districtCrossing: weightDistrict, surplus: weightSurplus)
    }

    /// The units' neighbours: from --adjacency, or from their centres within each province (or district);
    /// `required` are the units the proposal must place (refused without lat/lon).
    func neighbours(_ all: [AdministrativeUnit], required: Set<Int>) throws(InputError) -> Neighbours {
        if let adjacency { return try ProposalInputs.adjacency(adjacency, units: all) }
        let scopeOf = all.map { within == .district ? "\($0.province)/\($0.district ?? "")" : $0.province }
        let scopeIndex = Dictionary(uniqueKeysWithValues: Array(Set(scopeOf)).sorted().enumerated().map { ($1, $0) })
        return try ProposalInputs.nearest(all, file: units, groups: scopeOf.map { scopeIndex[$0] ?? 0 }, required: required)
    }

    /// A proposal's failure as the command reports it: a unit without neighbours at its row of the units file.
    func failure(_ error: ProposalError, _ file: UnitsFile) -> any Error {
        switch error {
        case .noNeighbour(let unit):
            let code = file.units[unit].code
            let source = adjacency.map { "in \($0)" } ?? "within \(Self.maximumDistance) in its \(within.rawValue) (from the units' centres)"
            return file.error(unit: code, column: "code", "unit \(code) must merge but has no neighbour \(source): give it neighbours with --adjacency FILE")
        case .rules(let error): return error
        case .random(let error): return error
        case .planDoesNotApply(let error): return InternalError("the proposed plan does not apply to its own units: \(error)")
        }
    }

    /// The proposal in one sentence, the units kept on their own (target mode) or left as they are for want
    /// of a position, and the groups not fixed.
    func printSummary(_ report: ProposalReport, rules id: String, console: Console) throws {
        let all = report.units, result = report.result
        let newUnits = result.merging.count, merged = result.merging.reduce(0) { $0 + $1.members.count }
        console.out("Proposal (\(mode) mode) under \(id): \(ReportFormat.grouped(all.count)) units; \(ReportFormat.grouped(merged)) merge into "
                    + "\(ReportFormat.grouped(newUnits)) new units, \(ReportFormat.grouped(result.newUnitsMeeting)) of them meeting the standards or waived; "
                    + "\(ReportFormat.grouped(all.count - merged + newUnits)) units after.")
        let unplaced = ProposalInputs.unplaced(all)
        let keptAlone = result.keptAlone.map { all[$0.members[0]].code }
        func listed(_ codes: [String]) -> String { codes.prefix(10).joined(separator: ", ") + (codes.count > 10 ? " and \(codes.count - 10) more" : "") }
        let byKind = result.keptAlone.filter { $0.reasons.contains(.keptAloneKind) }.map { all[$0.members[0]].code }
        if !byKind.isEmpty {
            console.out("Island districts and special zones, kept on their own as the rule set says (merged_units.kept_alone) and counted in their province's units: "
                        + listed(byKind) + ".")
        }
        let noPosition = keptAlone.filter { !byKind.contains($0) }
        if !noPosition.isEmpty {
            console.out("No position to find neighbours, so each kept on its own (island or special zone) and counted in its province's units: "
                        + listed(noPosition) + ".")
        }
        let left = unplaced.filter { !keptAlone.contains($0) }
        if adjacency == nil, !left.isEmpty {
            console.out("No lat/lon, so left as they are: " + left.prefix(10).joined(separator: ", ") + (left.count > 10 ? " and \(left.count - 10) more" : "") + ".")
        }
        let unfixable = result.cannotBeFixed
        if !unfixable.isEmpty {
            let english = try Labels(.en)
            console.out("Not fixed: " + unfixable.prefix(10).map { "\(all[$0.members[0]].code) (\(report.note($0, english: english)))" }.joined(separator: "; "))
        }
    }
}
