import MergerSim

/// A unit's ``StandardsReason`` in words (`standards_note` of units_after.csv): the rule, what fell short,
/// the waiver or exception, and R-4.7's cap where it binds. With `citations` (the report, the workbook)
/// each R-id has its instrument beside it; without (the CSV) the English text is the one scripts read.
public struct StandardsNote: Phrase, Hashable {
    public var reason: StandardsReason
    public var citations: Citations?

    public init(_ reason: StandardsReason, citations: Citations?) {
        self.reason = reason
        self.citations = citations
    }

    public func text(_ l: Labels) -> String {
        let rule = RulePhrase(reason.rule, citations: citations).text(l)
        let what = l("note.measure.\(reason.measure.rawValue)")
        let short = [reason.shortInArea ? l("note.short.area") : nil, reason.shortInPopulation ? l("note.short.population") : nil]
            .compactMap { $0 }
        let shortText = short.count == 2 ? l("note.short.both", ["first": short[0], "second": short[1]]) : short.joined()
        let below = l("note.below", ["what": what, "short": shortText, "rule": rule])
        var note = switch reason.standing {
        case .meets: l("note.meets", ["what": what, "rule": rule])
        case .belowUntouched: l("note.below_untouched", ["below": below])
        case .belowSingleMember: l("note.below_single", ["below": below])
        case .waived(let members, let from):
            l("note.waived", ["below": below, "members": l.number(Double(members)), "from": l.number(Double(from))])
        case .needsTwoMemberException: l("note.needs_exception", ["below": below])
        case .noWaiver(let members): l("note.no_waiver", ["below": below, "members": l.number(Double(members))])
        }
        if let cap = reason.predecessorsCap {
            // The CSV names the cap's instrument as the rule set writes it; a person reads the R-id's citation.
            let cited = citations == nil ? l("note.rule_cited", ["rule": cap.rule, "citation": cap.instrument])
                                         : RulePhrase(cap.rule, citations: citations).text(l)
            note += l("note.cap", ["predecessors": l.number(Double(cap.predecessors)), "rule": cited])
        }
        return note
    }
}

/// A specific-factor reduction of a unit's standard in words (`reductions` of screening.csv): "R-1.7
/// Red River Delta: area 70%".
public struct ReductionPhrase: Phrase, Hashable {
    public var reduction: StandardReduction
    public var citations: Citations?

    public init(_ reduction: StandardReduction, citations: Citations?) {
        self.reduction = reduction
        self.citations = citations
    }

    public func text(_ l: Labels) -> String {
        let rule = RulePhrase(reduction.rule, citations: citations).text(l)
        return switch reduction.factor {
        case .ethnicMinority(let share, let percent):
            // The share as the CSV always wrote it (0.35); the language's decimal mark for a person.
            l("note.reduction.ethnic_minority", ["rule": rule, "share": citations == nil ? String(share.doubleValue) : l.number(share.doubleValue, decimals: 2),
                                                 "percent": String(percent)])
        case .coastalDifficult(let percent): l("note.reduction.coastal_difficult", ["rule": rule, "percent": String(percent)])
        case .redRiverDelta(let percent): l("note.reduction.red_river_delta", ["rule": rule, "percent": String(percent)])
        }
    }
}
