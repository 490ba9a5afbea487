/// A small transportation problem solved exactly by successive shortest paths, one path a round, on
/// the problem's own arrays: the route of ``TransportationProblem`` for the problems of the yearly
/// transfers (a province's surplus units and its units with vacancies: tens of nodes, hundreds of arcs).
///
/// The residual network is implicit: source → supply s while s has people left; supply → demand on
/// every allowed arc (uncapacitated: a supply never sends more than it has); demand → supply back along
/// an arc that carries flow; demand → sink while d has posts left. Each round runs Dijkstra on reduced
/// costs c + π(u) − π(v) ≥ 0 from the source, stopping when the sink is settled, moves the potentials by
/// min(distance, distance to the sink) so that they stay non-negative, and sends the bottleneck along
/// the path found. From zero flow, with costs ≥ 0, every flow reached is cheapest for its value, and the
/// last is maximal: a minimum-cost maximum flow.
///
/// The arrays are made once per problem and reused by every round, so a round costs the arcs out of
/// the nodes settled before the sink (the sink's distance is known from the first demand with posts
/// left that is reached, and nodes no nearer are never queued), not an allocation.
struct ShortestPathTransportation {
    let supplies: [Int]
    let demands: [Int]
    let arcs: [(supply: Int, demand: Int, cost: Int64)]

    /// The flow on each arc of `arcs`: a minimum-cost maximum flow.
    ///
    /// - Complexity: at most (total flow) rounds, each O(arcs · log nodes); in practice about as many
    ///   rounds as supplies emptied plus demands filled.
    func solve() -> [Int] {
        let supplyCount = supplies.count, demandCount = demands.count
        let source = supplyCount + demandCount, sink = source + 1, nodes = sink + 1
        // The arcs by supply and by demand (compressed rows; each row in arc order).
        var bySupply = [Int](repeating: 0, count: arcs.count), byDemand = [Int](repeating: 0, count: arcs.count)
        var supplyStart = [Int](repeating: 0, count: supplyCount + 1), demandStart = [Int](repeating: 0, count: demandCount + 1)
        for arc in arcs {
            supplyStart[arc.supply + 1] += 1
            demandStart[arc.demand + 1] += 1
        }
        for s in 0..<supplyCount { supplyStart[s + 1] += supplyStart[s] }
        for d in 0..<demandCount { demandStart[d + 1] += demandStart[d] }
        var supplyFill = supplyStart, demandFill = demandStart
        for (k, arc) in arcs.enumerated() {
            bySupply[supplyFill[arc.supply]] = k
            supplyFill[arc.supply] += 1
            byDemand[demandFill[arc.demand]] = k
            demandFill[arc.demand] += 1
        }

        var flow = [Int](repeating: 0, count: arcs.count)
        var supplyLeft = supplies, demandLeft = demands
        var potential = [Int64](repeating: 0, count: nodes)
        var settled = [Bool](repeating: false, count: nodes)
        // How each node was reached: a supply from the source (`fromSource`) or back along arc k (k);
        // a demand along arc k (k); the sink from demand d (d).
        var reachedBy = [Int](repeating: Self.fromSource, count: nodes)
        // The distances of this round (the sink's apart: `toSink`), and the nodes given one but not yet
        // settled, nearest first.
        var distance = [Int64](repeating: .max, count: nodes)
        var queue = NodeQueue(nodes: nodes)
        var reached: [Int] = []
        reached.reserveCapacity(nodes)

        while true {
            for v in reached {
                distance[v] = .max
                settled[v] = false
            }
            reached.removeAll(keepingCapacity: true)
            queue.removeAll()
            reached.append(source)
            distance[source] = 0
            queue.lower(source, to: 0)
            // The sink's distance is known as soon as a demand with posts left is reached (through its arc
            // to the sink), and nothing at or beyond it can shorten it (reduced costs are ≥ 0): such nodes
            // are never queued, and the round ends when the nearest queued node is no nearer than the sink.
            var toSink = Int64.max
            while let (length, u) = queue.nearest, length < toSink {
                queue.removeNearest()
                settled[u] = true
                if u == source {
                    for s in 0..<supplyCount where supplyLeft[s] > 0 {
                        let through = length + potential[source] - potential[s]
                        if through < distance[s], through < toSink {
                            if distance[s] == .max { reached.append(s) }
                            distance[s] = through
                            queue.lower(s, to: through)
                            reachedBy[s] = Self.fromSource
                        }
                    }
                } else if u < supplyCount {
                    let base = length + potential[u]
                    for position in supplyStart[u]..<supplyStart[u + 1] {
                        let k = bySupply[position], v = supplyCount + arcs[k].demand
                        let through = base + arcs[k].cost - potential[v]
                        guard through < distance[v], through < toSink, !settled[v] else { continue }
                        if distance[v] == .max { reached.append(v) }
                        distance[v] = through
                        queue.lower(v, to: through)
                        reachedBy[v] = k
                        let d = v - supplyCount
                        if demandLeft[d] > 0 {
                            let viaDemand = through + potential[v] - potential[sink]
                            if viaDemand < toSink {
                                toSink = viaDemand
                                reachedBy[sink] = d
                            }
                        }
                    }
                } else {
                    let d = u - supplyCount
                    for position in demandStart[d]..<demandStart[d + 1] {
                        let k = byDemand[position]
                        guard flow[k] > 0 else { continue }
                        let v = arcs[k].supply
                        let through = length - arcs[k].cost + potential[u] - potential[v]
                        guard through < distance[v], through < toSink, !settled[v] else { continue }
                        if distance[v] == .max { reached.append(v) }
                        distance[v] = through
                        queue.lower(v, to: through)
                        reachedBy[v] = k
                    }
                }
            }
            guard toSink < .max else { return flow }

            // Potentials: nodes settled before the sink move by their distance, every other by the sink's.
            for v in 0..<nodes { potential[v] += min(distance[v], toSink) }

            // The path, from the sink back to the source, and what it can carry.
            let lastDemand = reachedBy[sink]
            var amount = demandLeft[lastDemand]
            var v = supplyCount + lastDemand
            while true {
                let k = reachedBy[v]                       // forward into demand v
                let s = arcs[k].supply
                let via = reachedBy[s]
                if via == Self.fromSource {
                    amount = min(amount, supplyLeft[s])
                    break
                }
                amount = min(amount, flow[via])            // back along `via`, out of its demand
                v = supplyCount + arcs[via].demand
            }
            demandLeft[lastDemand] -= amount
            v = supplyCount + lastDemand
            while true {
                let k = reachedBy[v]
                flow[k] += amount
                let s = arcs[k].supply
                let via = reachedBy[s]
                if via == Self.fromSource {
                    supplyLeft[s] -= amount
                    break
                }
                flow[via] -= amount
                v = supplyCount + arcs[via].demand
            }
        }
    }

    /// ``reachedBy`` of a supply reached straight from the source.
    private static let fromSource = -1

    /// A binary heap of nodes keyed by their distance this round, nearest first, ties to the lower
    /// node; a node's key is lowered in place (no duplicate entries).
    private struct NodeQueue {
        private var heap: [(key: Int64, node: Int)] = []
        /// Each node's index in `heap`, −1 when it is not there.
        private var position: [Int]

        init(nodes: Int) {
            position = [Int](repeating: -1, count: nodes)
            heap.reserveCapacity(nodes)
        }

        var nearest: (key: Int64, node: Int)? { heap.first }

        @inline(__always) private static func before(_ a: (key: Int64, node: Int), _ b: (key: Int64, node: Int)) -> Bool {
            a.key < b.key || (a.key == b.key && a.node < b.node)
        }

        mutating func removeAll() {
            for entry in heap { position[entry.node] = -1 }
            heap.removeAll(keepingCapacity: true)
        }

        /// Gives `node` the key `key` (below its current one), queueing it if it is not queued.
        mutating func lower(_ node: Int, to key: Int64) {
            let entry = (key: key, node: node)
            var i = position[node]
            if i < 0 {
                i = heap.count
                heap.append(entry)
            }
            while i > 0 {
                let parent = (i - 1) / 2
                guard Self.before(entry, heap[parent]) else { break }
                heap[i] = heap[parent]
                position[heap[i].node] = i
                i = parent
            }
            heap[i] = entry
            position[node] = i
        }

        /// Takes the nearest node off the queue.
        mutating func removeNearest() {
            let top = heap[0], last = heap.removeLast()
            position[top.node] = -1
            guard !heap.isEmpty else { return }
            var i = 0
            while true {
                let left = 2 * i + 1, right = left + 1
                var smallest = last, to = i
                if left < heap.count, Self.before(heap[left], smallest) { smallest = heap[left]; to = left }
                if right < heap.count, Self.before(heap[right], smallest) { smallest = heap[right]; to = right }
                if to == i { break }
                heap[i] = smallest
                position[smallest.node] = i
                i = to
            }
            heap[i] = last
            position[last.node] = i
        }
    }
}
