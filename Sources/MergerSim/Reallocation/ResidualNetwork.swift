/// The residual network both minimum-cost flow solvers work on (``FlowNetwork``, and the cost scaling of
/// the large transportation problems): arcs in pairs, an arc and its residual twin `index ^ 1`, each
/// with its head, residual capacity and cost; and Dinic's blocking flows over the arcs a solver admits.
struct ResidualNetwork: Sendable {
    let nodeCount: Int
    /// Per arc: the node it leads to (its twin's head is where it starts).
    private(set) var head: [Int] = []
    /// Per arc: what it can still carry.
    var capacity: [Int] = []
    private var originalCapacity: [Int] = []
    /// Per arc: its cost (the twin's is the negative).
    private(set) var cost: [Int64] = []
    private var outgoing: [[Int]]
    /// The arcs leaving each node, flattened for the solvers: `arcsFrom[start[v]..<start[v + 1]]`
    /// (made by ``flatten()``, after the last arc is added).
    private(set) var start: [Int] = []
    private(set) var arcsFrom: [Int] = []

    init(nodes: Int) {
        nodeCount = nodes
        outgoing = Array(repeating: [], count: nodes)
    }

    var arcCount: Int { head.count }

    /// Adds an arc and returns its index; its residual twin is `index ^ 1`.
    mutating func addArc(from: Int, to: Int, capacity: Int, cost: Int64) -> Int {
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

    /// The flow on arc `index`.
    func flow(on index: Int) -> Int { originalCapacity[index] - capacity[index] }

    /// The arcs out of `node`, in the order they were added.
    func arcs(from node: Int) -> [Int] { outgoing[node] }

    /// Sends `amount` along arc `index`: its residual twin gains it.
    @inline(__always)
    mutating func push(_ amount: Int, on index: Int) {
        capacity[index] -= amount
        capacity[index ^ 1] += amount
    }

    /// Flattens the arcs out of each node for the solvers (again after arcs are added).
    mutating func flatten() {
        start = [0]
        arcsFrom = []
        arcsFrom.reserveCapacity(head.count)
        for arcs in outgoing {
            arcsFrom += arcs
            start.append(arcsFrom.count)
        }
    }

    /// Dinic's blocking flows from `source` to `sink` over the arcs with residual capacity that
    /// `admits.admits(node, arc)` allows: level graph by breadth-first search, blocking flow by depth-first
    /// search, until the sink is out of reach. Returns the flow added.
    /// - Precondition: ``flatten()`` was called after the last arc was added.
    mutating func blockingFlows<Rule: ArcAdmission>(source: Int, sink: Int, admits: Rule) -> Int {
        var total = 0
        while let level = levels(source: source, sink: sink, admits: admits) {
            var next = [Int](repeating: 0, count: nodeCount)
            while true {
                let pushed = augment(source, sink, .max, level: level, next: &next, admits: admits)
                if pushed == 0 { break }
                total += pushed
            }
        }
        return total
    }

    /// Breadth-first levels over admitted arcs with residual capacity; nil when the sink is not reached.
    private func levels<Rule: ArcAdmission>(source: Int, sink: Int, admits: Rule) -> [Int]? {
        var level = [Int](repeating: -1, count: nodeCount)
        level[source] = 0
        var queue = [source], read = 0
        while read < queue.count {
            let node = queue[read]
            read += 1
            for k in start[node]..<start[node + 1] {
                let arc = arcsFrom[k], to = head[arc]
                if level[to] < 0, capacity[arc] > 0, admits.admits(node, arc) {
                    level[to] = level[node] + 1
                    queue.append(to)
                }
            }
        }
        return level[sink] < 0 ? nil : level
    }

    /// One augmenting path along level-increasing admitted arcs; `next` keeps each node's current arc.
    private mutating func augment<Rule: ArcAdmission>(_ node: Int, _ sink: Int, _ limit: Int, level: [Int], next: inout [Int], admits: Rule) -> Int {
        if node == sink { return limit }
        while start[node] + next[node] < start[node + 1] {
            let arc = arcsFrom[start[node] + next[node]], to = head[arc]
            if capacity[arc] > 0, level[to] == level[node] + 1, admits.admits(node, arc) {
                let pushed = augment(to, sink, min(limit, capacity[arc]), level: level, next: &next, admits: admits)
                if pushed > 0 {
                    push(pushed, on: arc)
                    return pushed
                }
            }
            next[node] += 1
        }
        return 0
    }
}

/// Which arcs with residual capacity a blocking flow may use (a type, so each solver's rule is compiled into the search).
protocol ArcAdmission {
    func admits(_ node: Int, _ arc: Int) -> Bool
}

/// Every arc with residual capacity (a maximum flow, costs ignored).
struct EveryArc: ArcAdmission {
    @inline(__always) func admits(_ node: Int, _ arc: Int) -> Bool { true }
}

/// The arcs of zero reduced cost c + π(u) − π(v) under `potential` (the admissible arcs of successive shortest paths).
struct ZeroReducedCost: ArcAdmission {
    let head: [Int], cost: [Int64], potential: [Int64]
    @inline(__always) func admits(_ node: Int, _ arc: Int) -> Bool { cost[arc] + potential[node] - potential[head[arc]] == 0 }
}
