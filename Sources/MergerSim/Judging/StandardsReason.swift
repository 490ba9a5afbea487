/// Why a unit after the plan has its ``StandardsOutcome``, as typed parts: what it
/// was measured against, which figures fell short, the rule, and the waiver, exception or cap that applies.
///
/// The reports write it in a language (`MergerSimReports`' `Phrase`); `units_after.csv` keeps the
/// English text for scripts.
public struct StandardsReason: Hashable, Sendable {
    /// What the unit was measured against.
    public enum Measure: String, Hashable, Sendable {
        /// The standards of its kind (R-1.x, R-2.7): an untouched unit, or a merger under a rule set without targets.
        case standards
        /// The merged-unit targets.
        case mergedUnitTargets = "merged_unit_targets"
    }

    /// How the unit stands, given what fell short.
    public enum Standing: Hashable, Sendable {
        /// Reaches both figures.
        case meets
        /// Below, and left untouched by the plan.
        case belowUntouched
        /// Below, and the plan gives it one member only (not a merger).
        case belowSingleMember
        /// Below, but it merges `members` units, at least `waivedFrom`.
        case waived(members: Int, waivedFrom: Int)
        /// Below; it merges two units and stands only by the exception that no further neighbour can be added.
        case needsTwoMemberException
        /// Below, and no waiver applies to a merger of `members` units.
        case noWaiver(members: Int)
    }

    /// R-4.7's predecessors' cap, where it binds: the new unit's cadre and civil-servant quota is at most
    /// what its members brought of those two categories.
    public struct PredecessorsCap: Hashable, Sendable {
        /// The cadres and civil servants the members brought.
        public var predecessors: Int
        /// The cap's rule.
        public var rule: String
        /// The cap's instrument as the rule set names it.
        public var instrument: String

        public init(predecessors: Int, rule: String, instrument: String) {
            self.predecessors = predecessors
            self.rule = rule
            self.instrument = instrument
        }
    }

    public var measure: Measure
    /// The rule of the standards or targets measured against.
    public var rule: String
    /// Whether the area falls short.
    public var shortInArea: Bool
    /// Whether the population falls short.
    public var shortInPopulation: Bool
    public var standing: Standing
    /// The cap on the quota, where it binds.
    public var predecessorsCap: PredecessorsCap?

    public init(measure: Measure, rule: String, shortInArea: Bool, shortInPopulation: Bool, standing: Standing,
                predecessorsCap: PredecessorsCap? = nil) {
        self.measure = measure
        self.rule = rule
        self.shortInArea = shortInArea
        self.shortInPopulation = shortInPopulation
        self.standing = standing
        self.predecessorsCap = predecessorsCap
    }

    /// The outcome this reason gives.
    public var outcome: StandardsOutcome {
        switch standing {
        case .meets: .meets
        case .waived: .waived
        case .needsTwoMemberException: .needsException
        case .belowUntouched, .belowSingleMember, .noWaiver: .below
        }
    }
}
