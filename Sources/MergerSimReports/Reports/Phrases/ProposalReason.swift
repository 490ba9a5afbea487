import MergerSim

/// Why a proposed group is as it is, in words a planner defends, with names rather than codes (report.html
/// and the workbook of `propose`): in the mandatory mode the unit that must merge with its screening figures
/// against its standard ("Xã A phải sắp xếp (R-2.3: 62% tiêu chuẩn diện tích, 48% tiêu chuẩn dân số)"), the
/// units it is merged with and what the new unit reaches of its own standard, with its judged outcome; in
/// the target mode the members by name, then the group's ``ProposalNote``.
public struct ProposalReason: Phrase {
    /// The group.
    public var group: ProposedGroup
    /// The units the proposal was made over (the group's members index them).
    public var units: [AdministrativeUnit]
    /// The screening of the group's lead (the unit that must merge); nil in target mode.
    public var leadScreening: ScreeningResult?
    /// The new unit the group makes, as judged; nil for a group of one (not fixed, or kept on its own).
    public var newUnit: PlanExhibit.NewUnit?

    /// The reason of `group`, proposed over `units`.
    public init(_ group: ProposedGroup, units: [AdministrativeUnit], leadScreening: ScreeningResult?, newUnit: PlanExhibit.NewUnit?) {
        self.group = group
        self.units = units
        self.leadScreening = leadScreening
        self.newUnit = newUnit
    }

    public func text(_ l: Labels) -> String {
        func names<C: Collection<Int>>(_ members: C) -> String { members.map { units[$0].name }.joined(separator: ", ") }
        func share(_ s: Double) -> String { s.isFinite ? l.percent(s, decimals: 0) : "—" }
        guard let lead = group.lead, let screening = leadScreening, [.merge, .borderline].contains(screening.verdict) else {
            return l("propose.reason.members", ["members": names(group.members)]) + ProposalNote(group, units: units).text(l)
        }
        let others = group.placedMembers.filter { $0 != lead }
        var text = l("propose.reason.lead.\(screening.verdict.rawValue)",
                     ["lead": units[lead].name, "rule": screening.test?.rule ?? "—",
                      "area": l.percent(screening.areaPercent / 100, decimals: 0), "population": l.percent(screening.populationPercent / 100, decimals: 0)])
        if others.isEmpty {
            text += l("propose.reason.alone")
        } else if let newUnit, group.joinedBy.isEmpty {
            text += l("propose.reason.with", ["others": names(others), "area": share(newUnit.areaShare), "population": share(newUnit.populationShare),
                                              "outcome": l("outcome.\(newUnit.result.outcome.rawValue)")])
        } else {
            text += l("propose.reason.with_unjudged", ["others": names(others)])
        }
        for joined in group.joinedBy { text += l("proposal.joined_by", ["codes": names(joined)]) }
        if let newUnit, !others.isEmpty, !group.joinedBy.isEmpty {
            text += l("propose.reason.reaches", ["area": share(newUnit.areaShare), "population": share(newUnit.populationShare),
                                                 "outcome": l("outcome.\(newUnit.result.outcome.rawValue)")])
        }
        switch group.fallback {
        case .tooManyGroupings: text += l("proposal.fallback.too_many")
        case .noFewerUnits: text += l("proposal.fallback.no_fewer")
        case .noGroupingMeets: text += l("proposal.fallback.none_meets")
        case nil: break
        }
        return text
    }
}
