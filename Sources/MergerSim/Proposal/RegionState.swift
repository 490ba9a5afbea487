import Foundation
import GSL

/// The groups of one province while the annealer moves units between them, with each group's cost.
struct RegionState {
    let proposer: RegionProposer
    let members: [Int]
    private(set) var groupOf: [Int: Int]
    private(set) var groups: [[Int]]
    private var cost: [Double]
    let meanPopulation: Double

    init(proposer: RegionProposer, members: [Int], groupOf: [Int: Int], count: Int) {
        self.proposer = proposer
        self.members = members
        self.groupOf = groupOf
        var groups = [[Int]](repeating: [], count: count)
        for u in members { groups[groupOf[u, default: 0]].append(u) }
        self.groups = groups
        meanPopulation = max(1, Double(members.reduce(0) { $0 + proposer.units[$1].population }) / Double(count))
        cost = []
        cost = groups.map(groupCost)
    }

    var total: Double { cost.reduce(0, +) }

    /// A group's share of the objective (see ``RegionProposer``).
    func groupCost(_ group: [Int]) -> Double {
        guard !group.isEmpty else { return 0 }
        return proposer.objective(of: group, meanPopulation: meanPopulation).cost(proposer.weights)
    }

    /// Whether `group` without `unit` is still one connected piece.
    func staysConnected(_ group: [Int], without unit: Int) -> Bool {
        let rest = group.filter { $0 != unit }
        guard let first = rest.first else { return false }
        let inRest = Set(rest)
        var seen: Set<Int> = [first], stack = [first]
        while let u = stack.popLast() {
            for v in proposer.neighbours.lists[u] where inRest.contains(v) && seen.insert(v).inserted { stack.append(v) }
        }
        return seen.count == rest.count
    }

    /// A move: `unit` from its group to group `to`, with the change of the objective; nil when not allowed.
    func proposal(_ unit: Int, to: Int) -> (from: Int, delta: Double, newFrom: [Int], newTo: [Int])? {
        guard let from = groupOf[unit], from != to, groups[from].count > 1, staysConnected(groups[from], without: unit) else { return nil }
        let newFrom = groups[from].filter { $0 != unit }, newTo = groups[to] + [unit]
        return (from, groupCost(newFrom) + groupCost(newTo) - cost[from] - cost[to], newFrom, newTo)
    }

    /// A random unit and a random neighbouring group of it.
    func randomMove(_ random: RandomSource) -> (unit: Int, to: Int)? {
        let u = members[random.uniformInteger(below: members.count)]
        let others = Array(Set(proposer.neighbours.lists[u].compactMap { groupOf[$0] }.filter { $0 != groupOf[u] })).sorted()
        guard !others.isEmpty else { return nil }
        return (u, others[random.uniformInteger(below: others.count)])
    }

    mutating func apply(_ unit: Int, _ move: (from: Int, delta: Double, newFrom: [Int], newTo: [Int]), to: Int) {
        groups[move.from] = move.newFrom
        groups[to] = move.newTo
        cost[move.from] = groupCost(move.newFrom)
        cost[to] = groupCost(move.newTo)
        groupOf[unit] = to
    }

    /// A swap: `u` (in its group) and `v` (in a neighbouring group) change places, both groups staying one piece.
    func swapProposal(_ u: Int, _ v: Int) -> (g: Int, h: Int, delta: Double, newG: [Int], newH: [Int])? {
        guard let g = groupOf[u], let h = groupOf[v], g != h else { return nil }
        let newG = groups[g].filter { $0 != u } + [v], newH = groups[h].filter { $0 != v } + [u]
        let lists = proposer.neighbours.lists
        guard Neighbours.components(of: newG, lists: lists).count == 1, Neighbours.components(of: newH, lists: lists).count == 1 else { return nil }
        return (g, h, groupCost(newG) + groupCost(newH) - cost[g] - cost[h], newG, newH)
    }

    mutating func applySwap(_ u: Int, _ v: Int, _ s: (g: Int, h: Int, delta: Double, newG: [Int], newH: [Int])) {
        groups[s.g] = s.newG
        groups[s.h] = s.newH
        cost[s.g] = groupCost(s.newG)
        cost[s.h] = groupCost(s.newH)
        groupOf[u] = s.h
        groupOf[v] = s.g
    }

    /// The groups as a partition: each group's members sorted, the groups sorted.
    var partition: [[Int]] { groups.map { $0.sorted() }.filter { !$0.isEmpty }.sorted { $0.lexicographicallyPrecedes($1) } }

    /// Simulated annealing over `moves` proposed moves; ends in the best state met whose ``partition`` is not
    /// in `excluding` (an alternative's earlier plans), or the best state met when every one is.
    mutating func anneal(random: RandomSource, moves: Int, excluding: Set<[[Int]]> = []) {
        var deltas: [Double] = []
        for _ in 0..<200 {
            if let m = randomMove(random), let p = proposal(m.unit, to: m.to), p.delta != 0 { deltas.append(abs(p.delta)) }
        }
        deltas.sort()
        let start = deltas.isEmpty ? 1 : deltas[deltas.count / 2], end = start / 1_000
        var best = (excluding.contains(partition) ? .infinity : total, groups, groupOf)
        var current = total
        for step in 0..<moves {
            let temperature = start * pow(end / start, Double(step) / Double(max(moves, 1)))
            guard let m = randomMove(random) else { continue }
            // One move in four is a swap with a unit of the neighbouring group (sizes kept), the rest a hand-over.
            if random.uniform() < 0.25 {
                let partners = proposer.neighbours.lists[m.unit].filter { groupOf[$0] == m.to }
                guard !partners.isEmpty else { continue }
                let v = partners[random.uniformInteger(below: partners.count)]
                guard let s = swapProposal(m.unit, v), s.delta <= 0 || random.uniform() < exp(-s.delta / temperature) else { continue }
                applySwap(m.unit, v, s)
                current += s.delta
            } else {
                guard let p = proposal(m.unit, to: m.to), p.delta <= 0 || random.uniform() < exp(-p.delta / temperature) else { continue }
                apply(m.unit, p, to: m.to)
                current += p.delta
            }
            if current < best.0 - 1e-9, excluding.isEmpty || !excluding.contains(partition) { best = (current, groups, groupOf) }
        }
        (_, groups, groupOf) = best
        cost = groups.map(groupCost)
    }
}
