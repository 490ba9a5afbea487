/// A group a proposal makes (two or more members make a new unit; a single unit is one that must merge
/// and could not, or, in target mode, one kept on its own), with why it is as it is: why each member was
/// taken, which rule placed it, and whether it meets its target and by which rule. Reports render these
/// reasons; nothing here is text.
public struct ProposedGroup: Hashable, Sendable {
    /// The members (indices into the proposal's units): those placed first, then those of groups that joined it.
    public var members: [Int]
    /// Why each member was taken, in the order of ``members``.
    public var reasons: [MemberReason]
    /// The rule that placed the group.
    public var rule: PlacementRule
    /// The unit that must merge the group was made for (mandatory mode); nil in target mode.
    public var lead: Int?
    /// Whether the group meets its target, as the proposer judges it (``GroupTargets``), now.
    public var standing: TargetStanding
    /// The same when it was placed, before any other group joined it.
    public var standingWhenPlaced: TargetStanding
    /// Groups of the greedy rule that found no free neighbour and joined this one, in order.
    public var joinedBy: [[Int]]
    /// Why the greedy rule decided for (some of) its units rather than the exact search; nil when the search did.
    public var fallback: SearchFallback?

    /// A group as placed, before any other joins it.
    public init(members: [Int], reasons: [MemberReason], rule: PlacementRule, lead: Int?, standing: TargetStanding) {
        self.members = members
        self.reasons = reasons
        self.rule = rule
        self.lead = lead
        self.standing = standing
        standingWhenPlaced = standing
        joinedBy = []
        fallback = nil
    }

    /// Whether the group meets its target now (its figures, or waived by its member count).
    public var meets: Bool { standing.meets }

    /// The members placed with the group, before any other joined it.
    public var placedMembers: ArraySlice<Int> { members.prefix(members.count - joinedBy.reduce(0) { $0 + $1.count }) }

    /// Whether the mandatory mode could not make the group meet its target when it placed it.
    public var cannotBeFixed: Bool {
        if case .cannotBeFixed = standingWhenPlaced { return true }
        return false
    }
}

/// Why a unit is in a proposed group.
public enum MemberReason: Hashable, Sendable {
    /// It must merge (the screening round's verdict `merge`, or `borderline` when those are merged too).
    case mustMerge
    /// A neighbour taken so that a group holding a unit that must merge meets its target.
    case neighbour
    /// One of its province's units, grouped into the province's count of new units (target mode).
    case provinceCount
    /// It has no position (lat/lon) and no neighbour in the adjacency given, so no neighbour can be found:
    /// it stays a unit of its own (an island district or special zone), counted in its province's count (target mode).
    case withoutPosition
    /// Its kind (an island district or special zone) is one the rule set keeps on its own
    /// (``MergedUnitTargets/KeptAlone``): it stays a unit of its own, counted in its province's count (target mode).
    case keptAloneKind
}

/// The rule that placed a proposed group.
public enum PlacementRule: Hashable, Sendable {
    /// The exact search over a cluster of the units within `borders` borders of those that must merge
    /// (``MandatoryProposer``): no grouping of the cluster takes fewer other units.
    case exactSearch(borders: Int)
    /// The greedy rule of the mandatory mode: the weakest unit first, grown by the neighbour that closes most of what it lacks.
    case greedy
    /// Simulated annealing of `province` into `count` new units (``RegionProposer``).
    case annealing(province: String, count: Int)
    /// Target mode: a unit without a position or neighbours (``MemberReason/withoutPosition``), or of a
    /// kind the rule set keeps on its own (``MemberReason/keptAloneKind``), kept on its own, one of
    /// `province`'s `count` new units.
    case keptAlone(province: String, count: Int)
}

/// Why the greedy rule, rather than the exact search, placed a unit that must merge.
public enum SearchFallback: Hashable, Sendable {
    /// The units around it could be grouped in too many ways for the search (its steps or cluster size ran out).
    case tooManyGroupings
    /// The search found no grouping taking fewer other units than the greedy rule's.
    case noFewerUnits
    /// No grouping of the units around it meets every target.
    case noGroupingMeets
}

/// Whether a proposed group meets its target, and by which rule.
public enum TargetStanding: Hashable, Sendable {
    /// Its summed area and population reach its largest member's target (decided exactly, ``RequiredFigures``).
    case meets
    /// It merges `members` units, at least the rule set's `waivedFromMembers`: the targets are waived.
    case waived(members: Int)
    /// It misses its target (target mode: the annealer found nothing better).
    case misses
    /// A unit that must merge whose group the mandatory mode cannot make meet its target.
    case cannotBeFixed(Obstacle)

    /// Why a group cannot be fixed.
    public enum Obstacle: Hashable, Sendable {
        /// No neighbour can be added at all (every one taken or exempt): the unit stays alone.
        case noNeighbour
        /// Neighbours were added until none was free, and the group still misses its target.
        case noFreeNeighbourLeft
    }

    /// Whether the group meets its target (its figures, or waived).
    public var meets: Bool {
        switch self {
        case .meets, .waived: true
        case .misses, .cannotBeFixed: false
        }
    }
}

extension GroupTargets {
    /// How `group` stands against its target: its figures first (exactly), then waived by its member
    /// count, else `otherwise`. Figures first, as judging does (``StandardsReason``): a group that reaches
    /// its target is never said to be waived from it.
    public func standing(_ group: [Int], in units: [AdministrativeUnit], otherwise: TargetStanding) -> TargetStanding {
        let lead = Self.lead(of: group, in: units)
        if required[lead].met(areaMillionths: group.reduce(0) { $0 + units[$1].area.millionths },
                              population: group.reduce(0) { $0 + units[$1].population }) { return .meets }
        return waives(count: group.count) ? .waived(members: group.count) : otherwise
    }
}
