import MergerSim
import MergerSimInputs

/// What a proposal comes to, counted once (the console of `propose` and its report.html render it): units
/// before and after, how many merge into how many new units and how many of those meet the standards or are
/// waived; the units kept on their own or left for want of a position; the groups not fixed; and the units
/// the proposal leaves as they are although they are below the standards with no waiver, because the round
/// does not require them to merge (so `simulate`'s "below with no waiver" is explained).
public struct ProposalSummary {
    /// The mode's raw name: `mandatory` or `targets`.
    public var mode: String
    /// The rule set's id.
    public var rules: String
    /// The units before.
    public var units: Int
    /// The units that merge, and the new units they make.
    public var merged: Int, newUnits: Int
    /// The new units that meet the standards or are waived.
    public var meeting: Int
    /// Codes of the units kept on their own for their kind, and for want of a position (target mode).
    public var keptByKind: [String], keptWithoutPosition: [String]
    /// Codes of the units without lat/lon left as they are (no adjacency file placed them).
    public var leftWithoutPosition: [String]
    /// The groups not fixed, each with its code and note (in the language it is rendered in).
    public var notFixed: [(code: String, note: ProposalNote)]
    /// The units the proposal leaves as they are that are below the standards with no waiver (mandatory mode).
    public var belowUntouched: Int
    /// The round that decided who must merge (mandatory mode), with the rule set's citations.
    public var round: ScreeningRound?

    /// The summary of `report` in `mode` under `rules`; `round` is the mandatory mode's screening round
    /// (nil in target mode); `adjacencyGiven` says whether an adjacency file placed the units.
    public init(_ report: ProposalReport, mode: String, rules: String, round: ScreeningRound?, adjacencyGiven: Bool) {
        let all = report.units, result = report.result
        self.mode = mode
        self.rules = rules
        self.round = round
        units = all.count
        newUnits = result.merging.count
        merged = result.merging.reduce(0) { $0 + $1.members.count }
        meeting = result.newUnitsMeeting
        let byKind = result.keptAlone.filter { $0.reasons.contains(.keptAloneKind) }.map { all[$0.members[0]].code }
        let keptAlone = result.keptAlone.map { all[$0.members[0]].code }
        keptByKind = byKind
        keptWithoutPosition = keptAlone.filter { !byKind.contains($0) }
        leftWithoutPosition = adjacencyGiven ? [] : ProposalInputs.unplaced(all).filter { !keptAlone.contains($0) }
        notFixed = result.cannotBeFixed.map { (all[$0.members[0]].code, ProposalNote($0, units: all)) }
        let merging = Set(result.merging.flatMap { $0.members.map { all[$0].code } })
        belowUntouched = round == nil ? 0 : result.judged.count { $0.outcome == .below && !merging.contains($0.unit.code) }
    }

    /// The units after the proposal.
    public var unitsAfter: Int { units - merged + newUnits }

    /// The summary as lines in `l`'s language: the sentence, then what is kept, left, not fixed and below.
    public func lines(_ l: Labels, citations: Citations? = nil) -> [String] {
        func count(_ n: Int) -> String { l.number(Double(n)) }
        func listed(_ codes: [String]) -> String {
            let shown = codes.prefix(10).joined(separator: ", ")
            return codes.count > 10 ? l("propose.and_more", ["units": shown, "more": count(codes.count - 10)]) : shown
        }
        var lines = [l("propose.summary", ["mode": l("propose.mode.\(mode)"), "rules": rules, "units": count(units), "merged": count(merged),
                                           "new": count(newUnits), "meeting": count(meeting), "after": count(unitsAfter)])]
        if !keptByKind.isEmpty { lines.append(l("propose.kept_kind", ["units": listed(keptByKind)])) }
        if !keptWithoutPosition.isEmpty { lines.append(l("propose.kept_position", ["units": listed(keptWithoutPosition)])) }
        if !leftWithoutPosition.isEmpty { lines.append(l("propose.left", ["units": listed(leftWithoutPosition)])) }
        if !notFixed.isEmpty {
            lines.append(l("propose.not_fixed", ["groups": notFixed.prefix(10).map { "\($0.code) (\($0.note.text(l)))" }.joined(separator: "; ")]))
        }
        if belowUntouched > 0, let round {
            let tests = round.tests.map { test in
                l("propose.round_test", ["rule": RulePhrase(test.rule, citations: citations).text(l),
                                         "area": count(test.areaBelowPercent), "population": count(test.populationBelowPercent)])
            }
            lines.append(l("propose.below_untouched", ["count": count(belowUntouched), "round": String(round.round), "tests": tests.joined(separator: "; ")]))
        }
        return lines
    }
}
