import Dispatch
import Foundation
import GSL

/// Groups the units of one province into a given number of new units, each connected in the
/// neighbour graph: a spread-out start grown region by region, then simulated annealing.
///
/// The objective, summed over groups (weights in ``ProposalWeights``): a group that misses its target
/// (``GroupTargets``) costs `failing`; each km of its population-weighted mean distance to its centre
/// costs `compactness`; the square of its population's relative distance from the province's mean
/// costs `balance`; each member outside the group's main old district costs `districtCrossing`; each
/// person over the new unit's quota (estimated from its largest member's, ``GroupTargets/quota``) costs `surplus`.
///
/// Annealing moves one unit on a group's border to a neighbouring group, or (one move in four) swaps it
/// with a unit of that group it borders, never emptying a group or cutting one in two; a move that lowers the objective is taken, one that raises it by Δ with
/// probability exp(−Δ/T), T falling geometrically from the start's typical |Δ| to a thousandth of it.
/// Every draw comes from the province's own GSL stream, seeded from the run's seed and the province's
/// place, so a proposal is the same on any machine and any number of cores.
///
/// GSL's own annealer (`gsl_siman_solve`) takes its state through C callbacks and copies it through
/// untyped buffers; the project drives its own annealer with GSL's random numbers instead, so the
/// state stays a typed Swift value.
public struct RegionProposer: Sendable {
    public let units: [AdministrativeUnit]
    public let neighbours: Neighbours
    public let targets: GroupTargets
    public let weights: ProposalWeights

    public init(units: [AdministrativeUnit], neighbours: Neighbours, targets: GroupTargets, weights: ProposalWeights = ProposalWeights()) {
        self.units = units
        self.neighbours = neighbours
        self.targets = targets
        self.weights = weights
    }

    /// The groups of `members` (indices into `units`, one province), `count` of them, each connected in the
    /// neighbour graph. Where the graph of `members` falls in pieces (``Neighbours/pieces(of:)``), each piece
    /// gets its share of the groups (at least one; in proportion to its units) and no group spans two.
    ///
    /// Callers check first that the pieces are at most `count`: more pieces than groups cannot make `count`
    /// connected groups, and then each piece is returned as one group (more groups than asked).
    ///
    /// `excluding`: groupings of `members` (each group's members sorted, the groups sorted) not to end in unless the annealing meets no other.
    public func propose(_ members: [Int], count: Int, seed: UInt64, movesPerUnit: Int = 300, excluding: Set<[[Int]]> = []) throws(GSLError) -> [[Int]] {
        guard count < members.count else { return members.map { [$0] } }
        let pieces = neighbours.pieces(of: members)
        guard pieces.count <= count else { return pieces }
        let random = try RandomSource(seed: seed)
        let groupOf = pieces.count == 1 ? connected(districtStart(members, count: count, random: random), members: members)
            : piecewiseStart(pieces, count: count, random: random)
        var state = RegionState(proposer: self, members: members, groupOf: groupOf, count: count)
        state.anneal(random: random, moves: movesPerUnit * members.count, excluding: excluding)
        return state.groups
    }

    /// Each region (a province's members) into its count of groups, in parallel on all cores; region i
    /// draws from a stream seeded with `RandomSource(seed:).derivedSeed(i)`, so the result does not depend
    /// on the cores. `progress` is told how many regions are done. `excluding[r]`, when given, are groupings of
    /// region r to avoid (``propose(_:count:seed:movesPerUnit:excluding:)``).
    public func propose(regions: [[Int]], counts: [Int], seed: UInt64, movesPerUnit: Int = 300, excluding: [Set<[[Int]]>]? = nil,
                        progress: (@Sendable (Int) -> Void)? = nil) throws(GSLError) -> [[[Int]]] {
        let random = try RandomSource(seed: seed)
        let seeds = regions.indices.map { random.derivedSeed($0) }
        let results = ResultSlots<Result<[[Int]], GSLError>>(count: regions.count)
        DispatchQueue.concurrentPerform(iterations: regions.count) { r in
            do throws(GSLError) {
                results.store(r, .success(try propose(regions[r], count: counts[r], seed: seeds[r], movesPerUnit: movesPerUnit, excluding: excluding?[r] ?? [])))
            } catch {
                results.store(r, .failure(error))
            }
            progress?(results.finished())
        }
        var groups: [[[Int]]] = []
        for result in results.collect() { groups.append(try result.get()) }
        return groups
    }

    /// The start of members in several pieces of the graph: `count` shared among the pieces
    /// (``share(_:among:)``), each piece started on its own as a connected graph is, its groups numbered
    /// after the previous piece's.
    func piecewiseStart(_ pieces: [[Int]], count: Int, random: RandomSource) -> [Int: Int] {
        var groupOf: [Int: Int] = [:], offset = 0
        for (piece, groups) in zip(pieces, Self.share(count, among: pieces.map(\.count))) {
            let start = groups == piece.count ? Dictionary(uniqueKeysWithValues: piece.enumerated().map { ($1, $0) })
                : connected(districtStart(piece, count: groups, random: random), members: piece)
            for (u, g) in start { groupOf[u] = offset + g }
            offset += groups
        }
        return groupOf
    }

    /// `count` shared among parts of the given sizes in proportion to them (largest remainders), each at
    /// least 1 and at most its size.
    /// - Precondition: `sizes.count <= count <= sizes.reduce(0, +)`, every size at least 1.
    static func share(_ count: Int, among sizes: [Int]) -> [Int] {
        let total = Double(sizes.reduce(0, +))
        let quotas = sizes.map { Double(count) * Double($0) / total }
        var shares = zip(sizes, quotas).map { size, quota in min(size, max(1, Int(quota))) }
        while shares.reduce(0, +) > count, let i = shares.indices.filter({ shares[$0] > 1 })
            .max(by: { (Double(shares[$0]) - quotas[$0], -$0) < (Double(shares[$1]) - quotas[$1], -$1) }) {
            shares[i] -= 1
        }
        while shares.reduce(0, +) < count, let i = shares.indices.filter({ shares[$0] < sizes[$0] })
            .max(by: { (quotas[$0] - Double(shares[$0]), -$0) < (quotas[$1] - Double(shares[$1]), -$1) }) {
            shares[i] += 1
        }
        return shares
    }

    /// The start made connected: a group in pieces keeps its largest piece, and each other piece joins a
    /// group it borders (repeated until every group is one piece; the graph of `members` is connected).
    func connected(_ start: [Int: Int], members: [Int]) -> [Int: Int] {
        var groupOf = start
        for _ in 0..<members.count {
            let groups = Dictionary(grouping: members, by: { groupOf[$0, default: 0] })
            var moved = false
            for g in groups.keys.sorted() {
                let pieces = Neighbours.components(of: groups[g] ?? [], lists: neighbours.lists)
                    .sorted { ($0.count, $0.min() ?? 0) > ($1.count, $1.min() ?? 0) }
                for piece in pieces.dropFirst() {
                    let inPiece = Set(piece)
                    let bordering = piece.flatMap { neighbours.lists[$0] }.filter { !inPiece.contains($0) }.compactMap { groupOf[$0] }.filter { $0 != g }
                    guard let target = bordering.min() else { continue }
                    for u in piece { groupOf[u] = target }
                    moved = true
                }
            }
            if !moved { break }
        }
        return groupOf
    }

    /// The start, old districts kept together where the count allows: the `count` groups shared among the
    /// old districts in proportion to their units (largest remainders; each district at least one group
    /// while there are groups for all), then each district grown on its own (``start(_:count:random:)``).
    func districtStart(_ members: [Int], count: Int, random: RandomSource) -> [Int: Int] {
        let byDistrict = Dictionary(grouping: members, by: { units[$0].district ?? "" })
        let districts = byDistrict.keys.sorted()
        guard districts.count > 1, count >= districts.count else { return start(members, count: count, random: random) }
        let quotas = districts.map { Double(count) * Double(byDistrict[$0]?.count ?? 0) / Double(members.count) }
        var shares = quotas.map { max(1, Int($0)) }
        while shares.reduce(0, +) > count, let i = shares.indices.filter({ shares[$0] > 1 }).max(by: { (Double(shares[$0]) - quotas[$0], $0) < (Double(shares[$1]) - quotas[$1], $1) }) {
            shares[i] -= 1
        }
        while shares.reduce(0, +) < count, let i = shares.indices.filter({ shares[$0] < byDistrict[districts[$0]]?.count ?? 0 })
            .max(by: { (quotas[$0] - Double(shares[$0]), -$0) < (quotas[$1] - Double(shares[$1]), -$1) }) {
            shares[i] += 1
        }
        var groupOf: [Int: Int] = [:], offset = 0
        for (d, district) in districts.enumerated() {
            let part = byDistrict[district] ?? []
            for (u, g) in start(part, count: min(shares[d], part.count), random: random) { groupOf[u] = offset + g }
            offset += min(shares[d], part.count)
        }
        // A district grown apart in the graph leaves a group in pieces: such members join a neighbouring group.
        return offset == count ? groupOf : start(members, count: count, random: random)
    }

    /// The start: `count` seeds spread out (each the member farthest from those chosen, from a random
    /// first), then the groups grown one neighbour at a time, the least populous group first, each taking
    /// its unassigned neighbour nearest its first member.
    func start(_ members: [Int], count: Int, random: RandomSource) -> [Int: Int] {
        let origin = Coordinate(latitude: 0, longitude: 0)
        let pointOf = Dictionary(uniqueKeysWithValues: members.map { ($0, units[$0].location ?? origin) })
        func km(_ a: Int, _ b: Int) -> Double { Neighbours.km(pointOf[a, default: origin], pointOf[b, default: origin]) }
        var seeds = [members[random.uniformInteger(below: members.count)]]
        var nearest = Dictionary(uniqueKeysWithValues: members.map { ($0, km($0, seeds[0])) })
        while seeds.count < count {
            let far = members.max { (nearest[$0, default: 0], -$0) < (nearest[$1, default: 0], -$1) } ?? members[0]
            seeds.append(far)
            for u in members { nearest[u] = min(nearest[u, default: .infinity], km(u, far)) }
        }
        var groupOf: [Int: Int] = [:], population = [Int](repeating: 0, count: count)
        for (g, s) in seeds.enumerated() {
            groupOf[s] = g
            population[g] = units[s].population
        }
        var frontier = seeds.map { s in Set(neighbours.lists[s].filter { pointOf[$0] != nil }) }
        while groupOf.count < members.count {
            let open = (0..<count).filter { g in frontier[g].contains { groupOf[$0] == nil } }
            guard let g = open.min(by: { (population[$0], $0) < (population[$1], $1) }) else { break }
            let choice = frontier[g].filter { groupOf[$0] == nil }.min { (km($0, seeds[g]), $0) < (km($1, seeds[g]), $1) }
            guard let u = choice else { continue }
            groupOf[u] = g
            population[g] += units[u].population
            frontier[g].formUnion(neighbours.lists[u].filter { pointOf[$0] != nil })
        }
        // Units no group reached (a graph in pieces): each to the group of its nearest reached unit.
        let reached = members.filter { groupOf[$0] != nil }
        for u in members where groupOf[u] == nil {
            if let v = reached.min(by: { (km(u, $0), $0) < (km(u, $1), $1) }) { groupOf[u] = groupOf[v] }
        }
        return groupOf
    }
}

/// The weights of a proposal's objective (see ``RegionProposer``).
///
/// The defaults were chosen on the 2025 national arrangement (`mergersim-bench --propose`): a missed
/// target outweighs everything else; a member outside its group's main old district costs as much as
/// 50 km of spread (only 7 % of the real 2025 groups crossed an old district line).
public struct ProposalWeights: Sendable, Hashable {
    public var failing = 1_000.0
    public var compactness = 1.0
    public var balance = 2.0
    public var districtCrossing = 50.0
    public var surplus = 0.01

    public init(failing: Double = 1_000, compactness: Double = 1, balance: Double = 2, districtCrossing: Double = 50, surplus: Double = 0.01) {
        self.failing = failing
        self.compactness = compactness
        self.balance = balance
        self.districtCrossing = districtCrossing
        self.surplus = surplus
    }
}
