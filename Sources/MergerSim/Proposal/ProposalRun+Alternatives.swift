import GSL

/// Several distinct plans of one proposal, ranked, so a planner can compare them.
///
/// **Target mode** (``ProposalRun/alternatives(_:first:counts:neighbours:weights:seed:movesPerUnit:progress:)``):
/// the annealer is run again from other seeds (``ProposalRun/alternativeSeed(_:attempt:)``), and each province's run ends in
/// the best grouping it meets that no earlier plan has for that province (a repeated grouping is barred, an
/// infinite penalty on the whole grouping, not on single pairings); the plans are ranked by the objective
/// (``ProposalScore/total``), lowest first. Restarts rather than a penalty on pairings: a penalty changes the
/// objective, so its plans would be the best of another problem and could not be ranked by the one the planner
/// set; barring only whole groupings already listed keeps every other state's cost as it is. On a small
/// province, where every restart finds the same optimum, the bar makes the next runs end in the next-best
/// groupings they meet.
///
/// **Mandatory mode** (``ProposalRun/alternatives(_:first:selection:neighbours:weights:)``): the mandatory
/// mode's own plan (fewest units taken) is the start; each alternative keeps one pairing of it apart (two
/// members of one of its new units may not share a group) and searches again; all the distinct plans, the start
/// included (it wins a tie), are ranked by units taken, then targets missed, then the objective, both over the
/// new units only (the units left as they are would add the same large sum to every plan).
///
/// Plans identical as partitions (the same new units, whatever their order) are counted once.
public struct ProposalAlternatives: Sendable {
    /// The distinct plans, best first (at most the count asked for).
    public let ranked: [RankedProposal]
    /// How many plans were asked for.
    public let requested: Int

    /// The best plan: the one written where a single proposal is.
    public var best: RankedProposal { ranked[0] }

    /// Whether fewer distinct plans exist (or were found) than asked for.
    public var fewerThanRequested: Bool { ranked.count < requested }

    /// The plans ranked best first, with their distance to the best.
    init(_ candidates: [RankedProposal], requested: Int) {
        var ranked = candidates
        let best = ranked[0].partition
        for i in ranked.indices { ranked[i].adjustedRandIndexToBest = adjustedRandIndex(best, ranked[i].partition) }
        self.ranked = ranked
        self.requested = requested
    }
}

/// One plan of ``ProposalAlternatives``, with its score and how it was found.
public struct RankedProposal: Sendable {
    /// The plan, its groups and its judged units after.
    public let result: ProposalResult
    /// Its objective, in parts.
    public let score: ProposalScore
    /// Target mode: the seed its annealing started from; nil in mandatory mode.
    public let seed: UInt64?
    /// Mandatory mode: the pairing of the best plan it keeps apart (indices into the units, smaller first); nil for the best plan and in target mode.
    public let keptApart: (Int, Int)?
    /// The adjusted Rand index of its grouping of all the units against the best plan's (1 for the best plan itself).
    public internal(set) var adjustedRandIndexToBest = 1.0
    /// Each unit's group: the index of its new unit, or (for a unit left as it is) `-1 - unit`.
    let partition: [Int]

    /// The units taken besides those that must merge (members of new units taken as neighbours).
    public var neighboursTaken: Int { result.merging.reduce(0) { $0 + $1.reasons.count { $0 == .neighbour } } }
    /// The units merging into new units.
    public var unitsMerging: Int { result.merging.reduce(0) { $0 + $1.members.count } }

    init(result: ProposalResult, unitCount: Int, score: ProposalScore, seed: UInt64?, keptApart: (Int, Int)?) {
        self.result = result
        self.score = score
        self.seed = seed
        self.keptApart = keptApart
        var partition = (0..<unitCount).map { -1 - $0 }
        for (g, group) in result.merging.enumerated() { for u in group.members { partition[u] = g } }
        self.partition = partition
    }

    /// The plan as a partition, for telling plans apart: its new units' member sets, sorted.
    var key: [[Int]] { result.merging.map { $0.members.sorted() }.sorted { $0.lexicographicallyPrecedes($1) } }
}

extension ProposalRun {
    /// The most plans `--alternatives` may ask for.
    public static let alternativesRange = 1...20

    /// The seed of the annealing for attempt `attempt` (0: `seed` itself, so the first plan is the single
    /// proposal's): `seed` mixed with the attempt by SplitMix64's finaliser (odd multipliers, xor-shifts),
    /// so nearby seeds and attempts give unrelated streams, the same on every machine.
    public static func alternativeSeed(_ seed: UInt64, attempt: Int) -> UInt64 {
        guard attempt > 0 else { return seed }
        var z = seed ^ (0xD1B5_4A32_D192_ED03 &* UInt64(attempt))
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Target mode: up to `count` distinct plans, from annealing runs seeded ``alternativeSeed(_:attempt:)``
    /// for attempts 0, 1, … (at most 3 × `count` attempts), ranked by the objective (ties: the earlier attempt).
    /// `first`, when given, is attempt 0's plan (the single proposal, already made), not made again.
    /// `progress` is told how many provinces are done, summed over attempts.
    /// - Throws: as ``propose(counts:neighbours:weights:seed:movesPerUnit:progress:)``.
    public func alternatives(_ count: Int, first: ProposalResult? = nil, counts: [String: Int], neighbours: Neighbours, weights: ProposalWeights = ProposalWeights(), seed: UInt64,
                             movesPerUnit: Int = 300, progress: (@Sendable (Int) -> Void)? = nil) throws(ProposalError) -> ProposalAlternatives {
        let scorer = RegionProposer(units: units, neighbours: neighbours, targets: targets, weights: weights)
        let provinces = Set(counts.keys)
        var found: [RankedProposal] = [], seen: Set<[[Int]]> = [], excluded: [String: Set<[[Int]]>] = [:]
        for attempt in 0..<(count == 1 ? 1 : 3 * count) where found.count < count {
            let attemptSeed = Self.alternativeSeed(seed, attempt: attempt)
            let done = attempt * counts.count
            let result: ProposalResult
            if attempt == 0, let first {
                result = first
            } else {
                result = try propose(counts: counts, neighbours: neighbours, weights: weights, seed: attemptSeed, movesPerUnit: movesPerUnit,
                                     excluding: excluded, progress: progress.map { report in { @Sendable in report(done + $0) } })
            }
            let plan = RankedProposal(result: result, unitCount: units.count, score: scorer.score(groups: result.groups.map(\.members), provinces: provinces),
                                      seed: attemptSeed, keptApart: nil)
            if seen.insert(plan.key).inserted { found.append(plan) }
            // Each province's grouping in this plan is one the next attempts do not end in where they meet another.
            for (province, members) in Dictionary(grouping: result.groups.map { $0.members.sorted() }, by: { units[$0[0]].province }) {
                excluded[province, default: []].insert(members.sorted { $0.lexicographicallyPrecedes($1) })
            }
        }
        let order = found.indices.sorted { (found[$0].score.total, $0) < (found[$1].score.total, $1) }
        return ProposalAlternatives(order.map { found[$0] }, requested: count)
    }

    /// Mandatory mode: the single proposal and up to `count − 1` other distinct plans, all ranked by units taken
    /// besides those that must merge, then targets missed, then the objective (ties: the pairing's order).
    ///
    /// Each candidate keeps one pairing of the first plan apart (every pair of members of each of its new units, in
    /// order): the units that must merge in the cluster of that new unit (those within two borders of one another,
    /// as ``MandatoryProposer`` clusters them) are proposed again with the pair kept apart, the rest of the first
    /// plan kept as it is (its units taken). Fewer plans are returned when fewer distinct plans exist this way.
    /// `first`, when given, is the single proposal, already made.
    /// - Throws: as ``propose(_:neighbours:)``.
    public func alternatives(_ count: Int, first: ProposalResult? = nil, selection: Selection, neighbours: Neighbours,
                             weights: ProposalWeights = ProposalWeights()) throws(ProposalError) -> ProposalAlternatives {
        let scorer = RegionProposer(units: units, neighbours: neighbours, targets: targets, weights: weights)
        let provinces = Set(units.map(\.province))
        func score(_ groups: [ProposedGroup]) -> ProposalScore { scorer.score(groups: groups.map(\.members), provinces: provinces, newUnitsOnly: true) }
        let firstResult: ProposalResult
        if let first { firstResult = first } else { firstResult = try propose(selection, neighbours: neighbours) }
        let best = RankedProposal(result: firstResult, unitCount: units.count, score: score(firstResult.groups), seed: nil, keptApart: nil)
        guard count > 1 else { return ProposalAlternatives([best], requested: count) }
        let proposer = MandatoryProposer(units: units, neighbours: neighbours, targets: targets)
        let clusterOf = Dictionary(proposer.clusters(of: selection.mustMerge, exempt: selection.exempt, borders: 2).enumerated()
            .flatMap { c, cluster in cluster.filter(selection.mustMerge.contains).map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        struct Candidate { var groups: [ProposedGroup], apart: (Int, Int), score: ProposalScore, taken: Int }
        var seen: Set<[[Int]]> = [best.key], candidates: [Candidate] = []
        for group in firstResult.merging {
            // The units that must merge in the clusters of this group's, proposed again; the other groups kept.
            let clusters = Set(group.members.compactMap { clusterOf[$0] })
            let again = Set(selection.mustMerge.filter { clusterOf[$0].map(clusters.contains) ?? false })
            let kept = firstResult.groups.filter { $0.members.allSatisfy { !again.contains($0) } }
            let taken = Set(kept.flatMap(\.members))
            let members = group.members.sorted()
            for (i, a) in members.enumerated() {
                for b in members[(i + 1)...] {
                    var search = proposer
                    search.apart = [a: [b], b: [a]]
                    let groups = kept + search.propose(mustMerge: again, exempt: selection.exempt.union(taken))
                    let key = groups.filter { $0.members.count >= 2 }.map { $0.members.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
                    guard seen.insert(key).inserted else { continue }
                    let merging = groups.filter { $0.members.count >= 2 }
                    candidates.append(Candidate(groups: groups, apart: (a, b), score: score(groups),
                                                taken: merging.reduce(0) { $0 + $1.reasons.count { $0 == .neighbour } }))
                }
            }
        }
        // The single proposal is ranked with the others by the same criteria (it wins a tie), so that rank 1 is the
        // best by what the table says, not by the order of the search.
        let firstTaken = firstResult.merging.reduce(0) { $0 + $1.reasons.count { $0 == .neighbour } }
        func order(_ i: Int) -> (Int, Int, Double, Int) {
            guard i >= 0 else { return (firstTaken, best.score.targetsMissed, best.score.total, -1) }
            let c = candidates[i]
            return (c.taken, c.score.targetsMissed, c.score.total, i)
        }
        var ranked: [RankedProposal] = []
        for i in ([-1] + Array(candidates.indices)).sorted(by: { order($0) < order($1) }).prefix(count) {
            guard i >= 0 else { ranked.append(best); continue }
            let c = candidates[i]
            ranked.append(RankedProposal(result: try result(groups: c.groups), unitCount: units.count, score: c.score, seed: nil, keptApart: c.apart))
        }
        return ProposalAlternatives(ranked, requested: count)
    }
}
