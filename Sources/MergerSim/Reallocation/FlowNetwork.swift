/// A flow network solved for a maximum flow of minimum cost, in whole units.
///
/// Primal–dual successive shortest paths (Ahuja, Magnanti & Orlin, *Network
/// Flows*, §9.7): Dijkstra on reduced costs from node potentials, then a
/// maximum flow on the admissible (zero reduced cost) arcs by Dinic's
/// blocking flows; repeated until the sink is unreachable. Costs must be
/// non-negative. The result is a maximum flow, and among maximum flows one
/// of least cost; ``isOptimal(source:sink:)`` proves it from the residual network.
///
/// Ties are broken by arc order, so the same network gives the same flow.
///
/// - Complexity: O(F · (E log V)) in the worst case, F the flow value; far
///   fewer Dijkstra passes in practice since each admits many augmentations.
public struct FlowNetwork: Sendable {
    private var network: ResidualNetwork
    public var nodeCount: Int { network.nodeCount }
    /// Node potentials after ``minCostMaxFlow(source:sink:)``: every arc with residual capacity has a
    /// non-negative reduced cost c + π(u) − π(v) under them (the dual certificate of the flow's least cost).
    public private(set) var potential: [Int64] = []

    public init(nodes: Int) {
        network = ResidualNetwork(nodes: nodes)
    }

    /// Adds an arc and returns its index; its residual twin is `index ^ 1`.
    @discardableResult
    public mutating func addArc(from: Int, to: Int, capacity: Int, cost: Int64) -> Int {
        precondition(capacity >= 0 && cost >= 0, "arcs need non-negative capacity and cost")
        return network.addArc(from: from, to: to, capacity: capacity, cost: cost)
    }

    /// The flow on arc `index` (as returned by ``addArc(from:to:capacity:cost:)``).
    public func flow(on index: Int) -> Int { network.flow(on: index) }

    /// Sends `amount` more units along arc `index` by hand (its residual twin gains them): a flow a
    /// test builds to show that ``isOptimal(source:sink:)`` rejects it.
    /// - Precondition: 0 ≤ `amount` ≤ the arc's residual capacity.
    public mutating func push(_ amount: Int, on index: Int) {
        precondition(amount >= 0 && amount <= network.capacity[index], "push beyond the residual capacity")
        network.push(amount, on: index)
    }

    /// Sends as much flow as possible from `source` to `sink` at least cost.
    /// - Returns: the flow value and its total cost.
    public mutating func minCostMaxFlow(source: Int, sink: Int) -> (flow: Int, cost: Int64) {
        network.flatten()
        var potential = [Int64](repeating: 0, count: nodeCount)
        var totalFlow = 0, totalCost: Int64 = 0
        while true {
            let distance = shortestDistances(from: source, to: sink, potential: potential)
            let toSink = distance[sink]
            guard toSink < .max else { break }
            // Nodes not settled before the sink move by the sink's distance: reduced costs stay ≥ 0.
            for node in 0..<nodeCount { potential[node] += min(distance[node], toSink) }
            // Dinic on the admissible arcs (reduced cost 0).
            totalFlow += network.blockingFlows(source: source, sink: sink,
                                               admits: ZeroReducedCost(head: network.head, cost: network.cost, potential: potential))
        }
        for arc in stride(from: 0, to: network.arcCount, by: 2) { totalCost += Int64(flow(on: arc)) * network.cost[arc] }
        self.potential = potential
        return (totalFlow, totalCost)
    }

    /// Dijkstra on reduced costs c + π(u) − π(v) over arcs with residual capacity,
    /// stopping when `sink` is settled (later nodes keep tentative distances).
    private func shortestDistances(from source: Int, to sink: Int, potential: [Int64]) -> [Int64] {
        let start = network.start, arcsFrom = network.arcsFrom, head = network.head, capacity = network.capacity, cost = network.cost
        var distance = [Int64](repeating: .max, count: nodeCount)
        distance[source] = 0
        var heap = MinHeap<Int64>()
        heap.push(0, source)
        while let (d, node) = heap.pop() {
            if d > distance[node] { continue }
            if node == sink { break }
            for k in start[node]..<start[node + 1] {
                let arc = arcsFrom[k]
                guard capacity[arc] > 0 else { continue }
                let next = head[arc]
                let candidate = d + cost[arc] + potential[node] - potential[next]
                if candidate < distance[next] {
                    distance[next] = candidate
                    heap.push(candidate, next)
                }
            }
        }
        return distance
    }

    /// Whether the current flow is a maximum flow of least cost: the sink is
    /// unreachable from the source in the residual network (maximal), and
    /// potentials exist under which every residual arc has a non-negative
    /// reduced cost (dual feasibility: no negative cycle, so least cost).
    /// Potentials come from Bellman–Ford; O(V·E).
    public func isOptimal(source: Int, sink: Int) -> Bool {
        let head = network.head, capacity = network.capacity, cost = network.cost
        var reachable = [Bool](repeating: false, count: nodeCount)
        var stack = [source]
        reachable[source] = true
        while let node = stack.popLast() {
            for arc in network.arcs(from: node) where capacity[arc] > 0 && !reachable[head[arc]] {
                reachable[head[arc]] = true
                stack.append(head[arc])
            }
        }
        guard !reachable[sink] else { return false }
        var potential = [Int64](repeating: 0, count: nodeCount)
        for _ in 0...nodeCount {
            var changed = false
            for arc in 0..<head.count where capacity[arc] > 0 {
                let from = head[arc ^ 1], to = head[arc]
                if potential[from] + cost[arc] < potential[to] {
                    potential[to] = potential[from] + cost[arc]
                    changed = true
                }
            }
            if !changed {
                return (0..<head.count).allSatisfy { capacity[$0] == 0 || cost[$0] + potential[head[$0 ^ 1]] - potential[head[$0]] >= 0 }
            }
        }
        return false
    }
}
