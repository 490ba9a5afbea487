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

    /// The mandatory mode's inputs: the units the chosen round (or the rule set's) says must merge, and the
    /// neighbours of all units (those that must merge refused without a position).
    func mandatoryInputs(_ run: ProposalRun, _ all: [AdministrativeUnit], unitsFile: UnitsFile) throws -> (selection: ProposalRun.Selection, graph: Neighbours) {
        guard let screening = run.rules.screening.round(round ?? run.rules.screening.defaultRound) else {
            throw InputError(.usage, file: rules, reason: .command(.noScreeningRound(ruleSet: run.rules.id, round: round ?? 0, rounds: nil)))
        }
        let selection: ProposalRun.Selection
        do {
            selection = try run.selection(round: screening, borderline: borderline)
        } catch {
            throw unitsFile.located(error)
        }
        return (selection, try neighbours(all, required: selection.mustMerge))
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
    /// of a position, the groups not fixed, and the units below the standards the round does not require to merge,
    /// in `labels`' language (``ProposalSummary``).
    func printSummary(_ summary: ProposalSummary, citations: Citations?, labels: Labels, console: Console) {
        for line in summary.lines(labels, citations: citations) { console.out(line) }
    }
}
