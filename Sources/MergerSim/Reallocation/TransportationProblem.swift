/// Moving whole people from units with surplus to units with vacancies at least cost, as many as
/// possible: a transportation problem solved exactly as a minimum-cost maximum flow (``FlowNetwork``).
///
/// Small problems are solved on every allowed arc. Large ones by **candidate arcs** (column
/// generation): each supply's and each demand's `candidates` cheapest arcs are solved first; then the
/// flow is checked against every arc left out, under the solver's potentials π: an arc left out can
/// improve the flow only if its reduced cost c + π(supply) − π(demand) is negative, or if the sink is
/// reachable through it in the residual network. Such arcs are added and the problem solved again,
/// until none is left: the flow is then optimal for the whole problem, with the same proof (no
/// augmenting path, non-negative reduced costs) as a solve on every arc.
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
    /// - Complexity: a min-cost flow over the candidate arcs (about (supplies + demands) × candidates),
    ///   repeated while pricing finds arcs to add; each pricing O(arcs).
    func solve(verify: Bool, directArcs: Int = Self.directArcs, candidates: Int = Self.candidates) -> (flows: [Int], proven: Bool?) {
        var selected = [Bool](repeating: arcs.count <= directArcs, count: arcs.count)
        if arcs.count > directArcs {
            var bySupply = [[Int]](repeating: [], count: supplies.count), byDemand = [[Int]](repeating: [], count: demands.count)
            for (k, arc) in arcs.enumerated() {
                bySupply[arc.supply].append(k)
                byDemand[arc.demand].append(k)
            }
            for list in bySupply + byDemand {
                for k in list.sorted(by: { (arcs[$0].cost, $0) < (arcs[$1].cost, $1) }).prefix(candidates) { selected[k] = true }
            }
        }
        while true {
            let (network, index, source, sink) = build(selected)
            var solved = network
            _ = solved.minCostMaxFlow(source: source, sink: sink)
            var flows = [Int](repeating: 0, count: arcs.count)
            for (k, arc) in index { flows[k] = solved.flow(on: arc) }
            let additions = pricing(flows: flows, selected: selected, potential: solved.potential)
            if additions.isEmpty {
                return (flows, verify ? isOptimalOnEveryArc(flows) : nil)
            }
            for k in additions { selected[k] = true }
        }
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

    /// The arcs left out that could improve the flow: a negative reduced cost, or leading the residual
    /// network from the source to the sink (then every arc out of a supply the source reaches).
    private func pricing(flows: [Int], selected: [Bool], potential: [Int64]) -> [Int] {
        var additions: [Int] = []
        for (k, arc) in arcs.enumerated() where !selected[k]
            && arc.cost + potential[arc.supply] - potential[supplies.count + arc.demand] < 0 {
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
