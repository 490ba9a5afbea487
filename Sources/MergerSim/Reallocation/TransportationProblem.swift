/// Moving whole people from units with surplus to units with vacancies at least cost, as many as
/// possible: a transportation problem solved exactly as a minimum-cost maximum flow.
///
/// Small problems are solved on every allowed arc by successive shortest paths (``ShortestPathTransportation``).
/// Large ones by **candidate arcs** (column generation) and cost scaling (``CostScalingFlow``): each
/// supply's and each demand's `candidates` cheapest arcs are solved first; then the flow is checked
/// against every arc left out, under the solver's prices π: an arc left out can improve the flow only
/// if its reduced cost c + π(supply) − π(demand) is below the solver's tolerance (−1 on costs scaled
/// by n + 1), or if the sink is reachable through it in the residual network. Such arcs are added and
/// the problem solved again from the last prices, until none is left: the flow is then optimal for the
/// whole problem (ε-optimal with ε < 1/n on integral costs, and maximal), and ``isOptimalOnEveryArc(_:)``
/// proves it on the network of every arc when asked.
struct TransportationProblem {
    var supplies: [Int]
    var demands: [Int]
    /// The allowed arcs, each from a supply to a demand with its cost.
    var arcs: [(supply: Int, demand: Int, cost: Int64)]

    /// Problems with more arcs than this start from candidate arcs.
    static let directArcs = 2_048
    /// Cheapest arcs kept per supply and per demand at the start.
    static let candidates = 8

    /// The flow on each arc of `arcs`, and whether it was proven optimal on every arc (nil unless `verify`).
    ///
    /// - Complexity: a cost-scaling min-cost flow over the candidate arcs (about (supplies + demands) ×
    ///   candidates, so near-linear in the size of the problem), repeated while pricing finds arcs to
    ///   add; each pricing O(arcs), a plain pass with no search.
    func solve(verify: Bool, directArcs: Int = Self.directArcs, candidates: Int = Self.candidates) -> (flows: [Int], proven: Bool?) {
        if let flows = nearestAssignment() {
            return (flows, verify ? isOptimalOnEveryArc(flows) : nil)
        }
        guard arcs.count > directArcs else {
            let flows = ShortestPathTransportation(supplies: supplies, demands: demands, arcs: arcs).solve()
            return (flows, verify ? isOptimalOnEveryArc(flows) : nil)
        }
        var selected = [Bool](repeating: false, count: arcs.count)
        var bySupply = [[Int]](repeating: [], count: supplies.count), byDemand = [[Int]](repeating: [], count: demands.count)
        for (k, arc) in arcs.enumerated() {
            bySupply[arc.supply].append(k)
            byDemand[arc.demand].append(k)
        }
        for list in bySupply + byDemand {
            for k in cheapest(list, count: candidates) { selected[k] = true }
        }
        // One network through the rounds: arcs priced in are added to it, and each round starts from
        // the flow and prices of the one before, which leave only the new arcs to settle.
        let source = supplies.count + demands.count, sink = source + 1
        var network = CostScalingFlow(nodes: sink + 1)
        for (s, count) in supplies.enumerated() { network.addArc(from: source, to: s, capacity: count, cost: 0) }
        for (d, count) in demands.enumerated() { network.addArc(from: supplies.count + d, to: sink, capacity: count, cost: 0) }
        var index: [(Int, Int)] = []
        var additions = arcs.indices.filter { selected[$0] }
        while true {
            for k in additions {
                let arc = arcs[k]
                selected[k] = true
                index.append((k, network.addArc(from: arc.supply, to: supplies.count + arc.demand, capacity: supplies[arc.supply], cost: arc.cost)))
            }
            network.solve(source: source, sink: sink)
            var flows = [Int](repeating: 0, count: arcs.count)
            for (k, arc) in index { flows[k] = network.flow(on: arc) }
            // Under cost scaling the flow is 1-optimal on costs × scale: an arc left out matters only below −1.
            additions = pricing(flows: flows, selected: selected, potential: network.price, scale: network.scale, tolerance: 1)
            if additions.isEmpty {
                return (flows, verify ? isOptimalOnEveryArc(flows) : nil)
            }
        }
    }

    /// The optimum when it is plain: on the short side (demands, when supplies cover them; else
    /// supplies), each node takes its cheapest arc (ties to the first), and that is the answer whenever
    /// the long side can carry what this sends to each of its nodes. Every node of the short side is
    /// then served in full, which no flow can beat in value, at its least possible cost, which no flow
    /// can beat in cost. Nil when some node of the long side would be over-committed, or a node of the
    /// short side has no arc. The common case of the yearly transfers: a few vacancies among large
    /// surpluses.
    ///
    /// - Complexity: O(arcs).
    func nearestAssignment() -> [Int]? {
        let demandsShort = demands.reduce(0, +) <= supplies.reduce(0, +)
        let shortCount = demandsShort ? demands.count : supplies.count
        var best = [Int](repeating: -1, count: shortCount)
        for (k, arc) in arcs.enumerated() {
            let node = demandsShort ? arc.demand : arc.supply
            if best[node] < 0 || arc.cost < arcs[best[node]].cost { best[node] = k }
        }
        var load = [Int](repeating: 0, count: demandsShort ? supplies.count : demands.count)
        var flows = [Int](repeating: 0, count: arcs.count)
        for node in 0..<shortCount {
            let k = best[node]
            guard k >= 0 else { return nil }
            let amount = demandsShort ? demands[node] : supplies[node]
            let other = demandsShort ? arcs[k].supply : arcs[k].demand
            load[other] += amount
            guard load[other] <= (demandsShort ? supplies[other] : demands[other]) else { return nil }
            flows[k] = amount
        }
        return flows
    }

    /// The `count` cheapest arcs of `list` (ties to the lower index), without sorting the whole list.
    private func cheapest(_ list: [Int], count: Int) -> [Int] {
        var kept: [Int] = []
        kept.reserveCapacity(count + 1)
        func before(_ a: Int, _ b: Int) -> Bool { (arcs[a].cost, a) < (arcs[b].cost, b) }
        for k in list {
            if kept.count == count, let last = kept.last, !before(k, last) { continue }
            let position = kept.partitioningIndex { before(k, $0) }
            kept.insert(k, at: position)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }

    /// The network of the selected arcs: source → supplies → demands → sink; with each selected arc's index in it.
    private func build(_ selected: [Bool]) -> (FlowNetwork, [(Int, Int)], source: Int, sink: Int) {
        let source = supplies.count + demands.count, sink = source + 1
        var network = FlowNetwork(nodes: sink + 1)
        for (s, count) in supplies.enumerated() { network.addArc(from: source, to: s, capacity: count, cost: 0) }
        for (d, count) in demands.enumerated() { network.addArc(from: supplies.count + d, to: sink, capacity: count, cost: 0) }
        var index: [(Int, Int)] = []
        for (k, arc) in arcs.enumerated() where selected[k] {
            index.append((k, network.addArc(from: arc.supply, to: supplies.count + arc.demand, capacity: supplies[arc.supply], cost: arc.cost)))
        }
        return (network, index, source, sink)
    }

    /// The arcs left out that could improve the flow: a reduced cost below −`tolerance` (costs × `scale`), or leading the residual
    /// network from the source to the sink (then every arc out of a supply the source reaches).
    private func pricing(flows: [Int], selected: [Bool], potential: [Int64], scale: Int64, tolerance: Int64) -> [Int] {
        var additions: [Int] = []
        for (k, arc) in arcs.enumerated() where !selected[k]
            && arc.cost * scale + potential[arc.supply] - potential[supplies.count + arc.demand] < -tolerance {
            additions.append(k)
        }
        guard additions.isEmpty else { return additions }
        // Maximality: breadth-first over the whole residual network (arcs left out carry no flow).
        var placed = [Int](repeating: 0, count: supplies.count), filled = [Int](repeating: 0, count: demands.count)
        var bySupply = [[Int]](repeating: [], count: supplies.count), carrying = [[Int]](repeating: [], count: demands.count)
        for (k, arc) in arcs.enumerated() {
            placed[arc.supply] += flows[k]
            filled[arc.demand] += flows[k]
            bySupply[arc.supply].append(k)
            if flows[k] > 0 { carrying[arc.demand].append(arc.supply) }
        }
        var reachedSupply = [Bool](repeating: false, count: supplies.count), reachedDemand = [Bool](repeating: false, count: demands.count)
        var queue = (0..<supplies.count).filter { placed[$0] < supplies[$0] }
        for s in queue { reachedSupply[s] = true }
        var read = 0, sinkReached = false
        while read < queue.count, !sinkReached {
            let s = queue[read]
            read += 1
            for k in bySupply[s] where !reachedDemand[arcs[k].demand] {
                let d = arcs[k].demand
                reachedDemand[d] = true
                if filled[d] < demands[d] { sinkReached = true; break }
                for back in carrying[d] where !reachedSupply[back] {
                    reachedSupply[back] = true
                    queue.append(back)
                }
            }
        }
        guard sinkReached else { return [] }
        return arcs.indices.filter { !selected[$0] && reachedSupply[arcs[$0].supply] }
    }

    /// The flow checked on the network of every arc: maximal, and no negative cycle (Bellman–Ford).
    func isOptimalOnEveryArc(_ flows: [Int]) -> Bool {
        let (network, index, source, sink) = build([Bool](repeating: true, count: arcs.count))
        var full = network
        var placed = [Int](repeating: 0, count: supplies.count), filled = [Int](repeating: 0, count: demands.count)
        for (k, arc) in index where flows[k] > 0 {
            full.push(flows[k], on: arc)
            placed[arcs[k].supply] += flows[k]
            filled[arcs[k].demand] += flows[k]
        }
        // The source and sink arcs are the first supplies + demands arcs, in order (indices 0, 2, 4, …).
        for s in supplies.indices where placed[s] > 0 { full.push(placed[s], on: 2 * s) }
        for d in demands.indices where filled[d] > 0 { full.push(filled[d], on: 2 * (supplies.count + d)) }
        return full.isOptimal(source: source, sink: sink)
    }
}
