import GSL

/// A proposal as one run of the library: units, their neighbours, the rule set's targets and the
/// settings in; groups with their typed reasons (``ProposedGroup``), the plan they make and that plan
/// judged by the rule set out. `mergersim propose` only reads the inputs, calls this and writes.
///
/// Two modes: the mandatory mode (``propose(_:neighbours:)``) merges each unit the screening round
/// says must merge with neighbours until its group meets its target (``MandatoryProposer``); the target
/// mode (``propose(counts:neighbours:weights:seed:movesPerUnit:progress:)``) groups each province into a
/// given number of new units (``RegionProposer``).
public struct ProposalRun: Sendable {
    /// The units, as read.
    public let units: [AdministrativeUnit]
    /// The rule set whose targets and judge apply.
    public let rules: RuleSet
    /// Each province's class for the ward targets.
    public let provinceClasses: ProvinceClasses
    /// What each proposed group must reach, worked out once per unit.
    public let targets: GroupTargets

    /// A run over `units` under `rules`.
    /// - Throws: ``RuleApplicationError`` where the rule set cannot judge a unit (its targets cannot be worked out).
    public init(units: [AdministrativeUnit], rules: RuleSet, provinceClasses: ProvinceClasses = ProvinceClasses()) throws(RuleApplicationError) {
        self.units = units
        self.rules = rules
        self.provinceClasses = provinceClasses
        targets = try GroupTargets(units: units, rules: rules, provinceClasses: provinceClasses)
    }

    /// Which units the mandatory mode must merge, and which it may never take.
    public struct Selection: Hashable, Sendable {
        /// The units that must merge (indices into the units).
        public var mustMerge: Set<Int>
        /// The units the round exempts: never taken.
        public var exempt: Set<Int>

        /// A selection given directly.
        public init(mustMerge: Set<Int>, exempt: Set<Int>) {
            self.mustMerge = mustMerge
            self.exempt = exempt
        }
    }

    /// The selection of a screening round: the units it says must merge (and, with `borderline`, those
    /// it calls borderline), and those it exempts.
    /// - Throws: ``RuleApplicationError`` where the round cannot screen a unit.
    public func selection(round: ScreeningRound, borderline: Bool) throws(RuleApplicationError) -> Selection {
        let results = try rules.screen(units, round: round)
        return Selection(mustMerge: Set(results.indices.filter { results[$0].verdict == .merge || (borderline && results[$0].verdict == .borderline) }),
                         exempt: Set(results.indices.filter { results[$0].verdict == .exempt }))
    }

    /// The mandatory mode: groups for the selection's units that must merge (``MandatoryProposer``), made a plan and judged.
    /// - Throws: ``ProposalError/noNeighbour(unit:)`` for a unit that must merge but borders no unit at
    ///   all (nothing can be proposed for it); ``ProposalError/rules(_:)`` where the judge fails.
    public func propose(_ selection: Selection, neighbours: Neighbours) throws(ProposalError) -> ProposalResult {
        if let lonely = selection.mustMerge.sorted().first(where: { neighbours.lists[$0].isEmpty }) { throw .noNeighbour(unit: lonely) }
        let proposer = MandatoryProposer(units: units, neighbours: neighbours, targets: targets)
        return try result(groups: proposer.propose(mustMerge: selection.mustMerge, exempt: selection.exempt))
    }

    /// The target mode: each province of `counts` grouped into that many connected new units by
    /// annealing (``RegionProposer``), in order of province; made a plan and judged. `progress` is told
    /// how many provinces are done.
    ///
    /// A unit of a kind the rule set keeps on its own (``keptAloneByKind``), or without a position and
    /// without neighbours (``isWithoutPosition(_:neighbours:)``: an island district or special zone, when no
    /// adjacency file places it), is a piece of the graph by itself, so it
    /// stays a new unit of its own, counted in its province's count (``PlacementRule/keptAlone(province:count:)``);
    /// a province whose pieces outnumber its count gets one group per piece (callers refuse such counts first).
    /// - Throws: ``ProposalError/random(_:)`` where GSL cannot seed a stream; ``ProposalError/rules(_:)`` where the judge fails.
    public func propose(counts: [String: Int], neighbours: Neighbours, weights: ProposalWeights = ProposalWeights(), seed: UInt64,
                        movesPerUnit: Int = 300, progress: (@Sendable (Int) -> Void)? = nil) throws(ProposalError) -> ProposalResult {
        try propose(counts: counts, neighbours: neighbours, weights: weights, seed: seed, movesPerUnit: movesPerUnit, excluding: [:], progress: progress)
    }

    /// The target mode, each province's annealing ending elsewhere than in the groupings `excluding` holds for it
    /// where it meets another (``RegionState/anneal(random:moves:excluding:)``): the alternatives' search.
    func propose(counts: [String: Int], neighbours: Neighbours, weights: ProposalWeights, seed: UInt64, movesPerUnit: Int,
                 excluding: [String: Set<[[Int]]>], progress: (@Sendable (Int) -> Void)?) throws(ProposalError) -> ProposalResult {
        let proposer = RegionProposer(units: units, neighbours: neighbours, targets: targets, weights: weights)
        let provinces = counts.keys.sorted()
        let regions: [[[Int]]]
        do {
            regions = try proposer.propose(regions: provinces.map { p in units.indices.filter { units[$0].province == p } },
                                           counts: provinces.map { counts[$0] ?? 0 }, seed: seed, movesPerUnit: movesPerUnit,
                                           excluding: excluding.isEmpty ? nil : provinces.map { excluding[$0] ?? [] }, progress: progress)
        } catch {
            throw .random(error)
        }
        var groups: [ProposedGroup] = []
        let keptByKind = keptAloneByKind
        for (p, region) in regions.enumerated() {
            let rule = PlacementRule.annealing(province: provinces[p], count: counts[provinces[p]] ?? 0)
            for group in region {
                let standing = targets.standing(group, in: units, otherwise: .misses)
                let alone = group.count == 1 ? group[0] : nil
                let reason: MemberReason? = alone.flatMap { u in
                    isWithoutPosition(u, neighbours: neighbours) ? .withoutPosition
                        : keptByKind.contains(u) && neighbours.lists[u].isEmpty ? .keptAloneKind : nil
                }
                if let reason {
                    groups.append(ProposedGroup(members: group, reasons: [reason], rule: .keptAlone(province: provinces[p], count: counts[provinces[p]] ?? 0),
                                                lead: nil, standing: standing))
                } else {
                    groups.append(ProposedGroup(members: group, reasons: group.map { _ in .provinceCount }, rule: rule, lead: nil, standing: standing))
                }
            }
        }
        return try result(groups: groups)
    }

    /// The units of a kind the rule set keeps on their own (``MergedUnitTargets/KeptAlone``). Without a
    /// planner's adjacency file, `propose` cuts their links from the centres (``Neighbours/keepingApart(_:)``),
    /// so each is a piece, and a new unit, of its own; an adjacency file that links one is the planner's word.
    public var keptAloneByKind: Set<Int> {
        guard let kept = rules.mergedUnits.keptAlone else { return [] }
        return Set(units.indices.filter { kept.keeps(units[$0].kind) })
    }

    /// Whether unit `u` has no position and no neighbour in `neighbours`: no neighbour can be found for it, so
    /// the target mode keeps it on its own (it is a piece of the graph by itself, ``RegionProposer``).
    public func isWithoutPosition(_ u: Int, neighbours: Neighbours) -> Bool {
        units[u].location == nil && neighbours.lists[u].isEmpty
    }

    /// The groups made a plan (each of two or more members a new unit named after and coded as its
    /// largest member), the plan applied to the units and judged.
    func result(groups: [ProposedGroup]) throws(ProposalError) -> ProposalResult {
        let merging = groups.filter { $0.members.count >= 2 }
        let plan = MergerPlan(newUnits: merging.map { group in
            let lead = units[GroupTargets.lead(of: group.members, in: units)]
            return PlannedUnit(code: lead.code, name: lead.name,
                               members: group.members.sorted { units[$0].code < units[$1].code }.map { .init(code: units[$0].code) })
        })
        let outcome: MergerOutcome
        do {
            outcome = try plan.apply(to: units)
        } catch {
            throw .planDoesNotApply(error)
        }
        do {
            let judged = try rules.judge(outcome, provinceClasses: provinceClasses)
            return ProposalResult(groups: groups, merging: merging, plan: plan, judged: judged)
        } catch {
            throw .rules(error)
        }
    }
}

/// What a ``ProposalRun`` proposes: its groups, the plan they make and the plan judged.
public struct ProposalResult: Sendable {
    /// Every group, in the order proposed; a single unit is one that must merge and could not.
    public let groups: [ProposedGroup]
    /// The groups of two or more members, each a new unit of the plan, in the plan's order.
    public let merging: [ProposedGroup]
    /// The plan: one new unit per group of ``merging``.
    public let plan: MergerPlan
    /// Every unit after the plan, judged by the rule set.
    public let judged: [UnitAfterResult]

    /// The judged new unit of each group of ``merging``, in the same order.
    public var judgedNewUnits: [UnitAfterResult?] {
        let byCode = Dictionary(judged.map { ($0.unit.code, $0) }, uniquingKeysWith: { a, _ in a })
        return plan.newUnits.map { byCode[$0.code] }
    }

    /// The new units that meet the standards or have them waived, as the judge finds.
    public var newUnitsMeeting: Int { judgedNewUnits.count { [.meets, .waived].contains($0?.outcome) } }

    /// The groups the mandatory mode could not make meet their targets.
    public var cannotBeFixed: [ProposedGroup] { groups.filter(\.cannotBeFixed) }

    /// The units the target mode kept on their own, for want of a position or neighbours or for their kind
    /// (``PlacementRule/keptAlone(province:count:)``).
    public var keptAlone: [ProposedGroup] {
        groups.filter { if case .keptAlone = $0.rule { true } else { false } }
    }
}

/// Why a ``ProposalRun`` could not propose.
public enum ProposalError: Error, Equatable, Sendable {
    /// A unit that must merge borders no unit at all (index into the units).
    case noNeighbour(unit: Int)
    /// The rule set cannot judge a unit.
    case rules(RuleApplicationError)
    /// GSL could not seed a random stream.
    case random(GSLError)
    /// The proposed plan does not apply to its own units: a fault of the proposer.
    case planDoesNotApply(PlanError)
}
