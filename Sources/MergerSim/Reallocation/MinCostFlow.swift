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
    public private(set) var nodeCount: Int
    private var head: [Int] = []
    private var capacity: [Int] = []
    private var originalCapacity: [Int] = []
    private var cost: [Int64] = []
    private var outgoing: [[Int]]
    /// The arcs leaving each node, flattened for the solver: `arcsFrom[start[v]..<start[v + 1]]`.
    private var start: [Int] = []
    private var arcsFrom: [Int] = []
    /// Node potentials after ``minCostMaxFlow(source:sink:)``: every arc with residual capacity has a
    /// non-negative reduced cost c + π(u) − π(v) under them (the dual certificate of the flow's least cost).
    public private(set) var potential: [Int64] = []

    public init(nodes: Int) {
        nodeCount = nodes
        outgoing = Array(repeating: [], count: nodes)
    }

    /// Adds an arc and returns its index; its residual twin is `index ^ 1`.
    @discardableResult
    public mutating func addArc(from: Int, to: Int, capacity: Int, cost: Int64) -> Int {
        precondition(capacity >= 0 && cost >= 0, "arcs need non-negative capacity and cost")
        let index = head.count
        head.append(to)
        head.append(from)
        self.capacity.append(capacity)
        self.capacity.append(0)
        originalCapacity.append(capacity)
        originalCapacity.append(0)
        self.cost.append(cost)
        self.cost.append(-cost)
        outgoing[from].append(index)
        outgoing[to].append(index + 1)
        return index
    }

    /// The flow on arc `index` (as returned by ``addArc(from:to:capacity:cost:)``).
    public func flow(on index: Int) -> Int { originalCapacity[index] - capacity[index] }

    /// Sends `amount` more units along arc `index` by hand (its residual twin gains them): a flow a
    /// test builds to show that ``isOptimal(source:sink:)`` rejects it.
    /// - Precondition: 0 ≤ `amount` ≤ the arc's residual capacity.
    public mutating func push(_ amount: Int, on index: Int) {
        precondition(amount >= 0 && amount <= capacity[index], "push beyond the residual capacity")
        capacity[index] -= amount
        capacity[index ^ 1] += amount
    }

    /// Sends as much flow as possible from `source` to `sink` at least cost.
    /// - Returns: the flow value and its total cost.
    public mutating func minCostMaxFlow(source: Int, sink: Int) -> (flow: Int, cost: Int64) {
        start = [0]
        arcsFrom = []
        arcsFrom.reserveCapacity(head.count)
        for arcs in outgoing {
            arcsFrom += arcs
            start.append(arcsFrom.count)
        }
        var potential = [Int64](repeating: 0, count: nodeCount)
        var totalFlow = 0, totalCost: Int64 = 0
        while true {
            let distance = shortestDistances(from: source, to: sink, potential: potential)
            let toSink = distance[sink]
            guard toSink < .max else { break }
            // Nodes not settled before the sink move by the sink's distance: reduced costs stay ≥ 0.
            for node in 0..<nodeCount { potential[node] += min(distance[node], toSink) }
            // Dinic on the admissible arcs (reduced cost 0): level graph by BFS, blocking flow by DFS.
            while let level = admissibleLevels(source: source, sink: sink, potential: potential) {
                var next = [Int](repeating: 0, count: nodeCount)
                while true {
                    let pushed = augment(source, sink, .max, potential: potential, level: level, next: &next)
                    if pushed == 0 { break }
                    totalFlow += pushed
                }
            }
        }
        for arc in stride(from: 0, to: head.count, by: 2) { totalCost += Int64(flow(on: arc)) * cost[arc] }
        self.potential = potential
        return (totalFlow, totalCost)
    }

    /// Dijkstra on reduced costs c + π(u) − π(v) over arcs with residual capacity,
    /// stopping when `sink` is settled (later nodes keep tentative distances).
    private func shortestDistances(from source: Int, to sink: Int, potential: [Int64]) -> [Int64] {
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

    /// BFS levels over admissible arcs (residual capacity, reduced cost 0); nil when the sink is not reached.
    private func admissibleLevels(source: Int, sink: Int, potential: [Int64]) -> [Int]? {
        var level = [Int](repeating: -1, count: nodeCount)
        level[source] = 0
        var queue = [source], read = 0
        while read < queue.count {
            let node = queue[read]
            read += 1
            for k in start[node]..<start[node + 1] {
                let arc = arcsFrom[k], to = head[arc]
                if level[to] < 0, capacity[arc] > 0, cost[arc] + potential[node] - potential[to] == 0 {
                    level[to] = level[node] + 1
                    queue.append(to)
                }
            }
        }
        return level[sink] < 0 ? nil : level
    }

    /// One augmenting path along level-increasing admissible arcs; `next` keeps each node's current arc.
    private mutating func augment(_ node: Int, _ sink: Int, _ limit: Int, potential: [Int64], level: [Int], next: inout [Int]) -> Int {
        if node == sink { return limit }
        while start[node] + next[node] < start[node + 1] {
            let arc = arcsFrom[start[node] + next[node]]
            let to = head[arc]
            if capacity[arc] > 0, level[to] == level[node] + 1, cost[arc] + potential[node] - potential[to] == 0 {
                let pushed = augment(to, sink, min(limit, capacity[arc]), potential: potential, level: level, next: &next)
                if pushed > 0 {
                    capacity[arc] -= pushed
                    capacity[arc ^ 1] += pushed
                    return pushed
                }
            }
            next[node] += 1
        }
        return 0
    }

    /// Whether the current flow is a maximum flow of least cost: the sink is
    /// unreachable from the source in the residual network (maximal), and
    /// potentials exist under which every residual arc has a non-negative
    /// reduced cost (dual feasibility: no negative cycle, so least cost).
    /// Potentials come from Bellman–Ford; O(V·E).
    public func isOptimal(source: Int, sink: Int) -> Bool {
        var reachable = [Bool](repeating: false, count: nodeCount)
        var stack = [source]
        reachable[source] = true
        while let node = stack.popLast() {
            for arc in outgoing[node] where capacity[arc] > 0 && !reachable[head[arc]] {
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
