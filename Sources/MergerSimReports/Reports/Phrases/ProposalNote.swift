import MergerSim

/// Why a proposed group is as it is, in words (`note` of proposal.csv), from its typed reasons
/// (``ProposedGroup``): the rule that placed it, whether it meets its target or is waived from it, the
/// groups that joined it, and why the greedy rule decided rather than the exact search.
public struct ProposalNote: Phrase {
    public var group: ProposedGroup
    /// The units the proposal was made over (the group's members index them).
    public var units: [AdministrativeUnit]

    public init(_ group: ProposedGroup, units: [AdministrativeUnit]) {
        self.group = group
        self.units = units
    }

    public func text(_ l: Labels) -> String {
        func codes<C: Collection<Int>>(_ members: C) -> String { members.map { units[$0].code }.joined(separator: ", ") }
        func count(_ n: Int) -> String { l.number(Double(n)) }
        let placed = Array(group.placedMembers), lead = group.lead ?? placed[0]
        let others = codes(placed.filter { $0 != lead })
        // A group waived from its target by its member count is said to be waived, never to meet it.
        let reaches = if case .waived(let members) = group.standingWhenPlaced {
            l("proposal.waived", ["members": count(members)])
        } else {
            l("proposal.meets")
        }
        var note: String
        switch (group.rule, group.standingWhenPlaced) {
        case (.annealing(let province, let total), _):
            // Which old districts the group draws on: planners keep them together where they can.
            let districts = Dictionary(grouping: placed, by: { units[$0].district ?? "" }).map { ($0.key, $0.value.count) }
                .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map { $0.0.isEmpty ? l("proposal.no_district") : $0.0 }
            let across = districts.count == 1 ? l("proposal.one_district", ["district": districts[0]])
                : l("proposal.districts", ["count": count(districts.count), "districts": districts.joined(separator: ", ")])
            note = l(placed.count == 1 ? "proposal.annealing_one" : "proposal.annealing",
                     ["province": province, "total": count(total), "members": count(placed.count), "across": across])
        case (.keptAlone(let province, let total), _) where group.reasons.contains(.keptAloneKind):
            note = l("proposal.kept_alone_kind", ["province": province, "total": count(total)])
        case (.keptAlone(let province, let total), _):
            note = l("proposal.kept_alone_position", ["province": province, "total": count(total)])
        case (.exactSearch(let borders), _):
            note = l("proposal.group", ["lead": units[lead].code, "others": others, "reaches": reaches])
                + l(borders == 1 ? "proposal.exact_one" : "proposal.exact", ["borders": count(borders)])
        case (.greedy, .cannotBeFixed(.noNeighbour)):
            note = l("proposal.no_neighbour")
        case (.greedy, .cannotBeFixed(.noFreeNeighbourLeft)):
            note = l("proposal.misses_no_free", ["lead": units[lead].code, "others": others])
        case (.greedy, .misses):
            note = l("proposal.misses", ["lead": units[lead].code, "others": others])
        case (.greedy, .meets), (.greedy, .waived):
            note = l("proposal.group", ["lead": units[lead].code, "others": others, "reaches": reaches])
        }
        for joined in group.joinedBy { note += l("proposal.joined_by", ["codes": codes(joined)]) }
        switch group.fallback {
        case .tooManyGroupings: note += l("proposal.fallback.too_many")
        case .noFewerUnits: note += l("proposal.fallback.no_fewer")
        case .noGroupingMeets: note += l("proposal.fallback.none_meets")
        case nil: break
        }
        return note
    }
}
