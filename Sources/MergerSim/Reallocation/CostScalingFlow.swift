/// A maximum flow of least cost by **cost scaling** (Goldberg & Tarjan 1990; Goldberg 1997, "An efficient
/// implementation of a scaling minimum-cost flow algorithm"): the large transportation problems of stage 2.
///
/// A maximum flow is found first (Dinic's blocking flows of ``ResidualNetwork``, costs ignored). Costs are multiplied by
/// n + 1 (n the number of nodes), and the flow is then improved by successive *refinements*: each
/// makes the flow ε-optimal (every residual arc has reduced cost c + π(u) − π(v) ≥ −ε) for an ε a
/// factor ``reduction`` smaller, by saturating the arcs of negative reduced cost and pushing the
/// excess this leaves along admissible arcs, relabelling (lowering π) where none is left. At ε = 1 on
/// the scaled costs, ε < 1/n on the true costs, so the flow is of least cost among flows of its value
/// (integral costs), and of maximum value from the first step.
///
/// Unlike successive shortest paths, whose passes grow with the number of distinct path costs (about
/// one per supply in a transportation problem with distances for costs), the work per refinement is
/// close to linear in practice, and the number of refinements logarithmic in n × the largest cost.
/// Solved again after arcs are added, it starts from the flow and prices it left ("warm start"): the
/// maximum flow is augmented from the flow there is, and the first ε is the largest violation of
/// optimality under the prices there are, usually on the new arcs alone.
///
/// - Complexity: O(n² m log(n C)) in the worst case (n nodes, m arcs, C the largest cost); in practice
///   about O(m log(n C)).
struct CostScalingFlow {
    /// The arcs, their costs multiplied by ``scale``.
    private var network: ResidualNetwork
    var nodeCount: Int { network.nodeCount }
    /// Node prices π, on the scaled costs: after ``solve(source:sink:)`` every residual arc has
    /// c·scale + π(u) − π(v) ≥ −1.
    var price: [Int64]

    /// How much ε shrinks from one refinement to the next.
    static let reduction: Int64 = 8

    /// The factor on every cost, n + 1, so that 1-optimality on scaled costs is optimality.
    var scale: Int64 { Int64(nodeCount + 1) }

    init(nodes: Int) {
        network = ResidualNetwork(nodes: nodes)
        price = [Int64](repeating: 0, count: nodes)
    }

    /// Adds an arc and returns its index; its residual twin is `index ^ 1`.
    @discardableResult
    mutating func addArc(from: Int, to: Int, capacity: Int, cost: Int64) -> Int {
        precondition(capacity >= 0 && cost >= 0, "arcs need non-negative capacity and cost")
        let scaled = cost.multipliedReportingOverflow(by: scale)
        precondition(!scaled.overflow, "arc cost too large to scale")
        return network.addArc(from: from, to: to, capacity: capacity, cost: scaled.partialValue)
    }

    /// The flow on arc `index`.
    func flow(on index: Int) -> Int { network.flow(on: index) }

    /// Sends as much flow as possible from `source` to `sink` at least cost; returns the flow value
    /// added. Called again after arcs are added, it starts from the flow and prices it left.
    @discardableResult
    mutating func solve(source: Int, sink: Int) -> Int {
        network.flatten()
        // A maximum flow first (Dinic's blocking flows, costs ignored), from the flow there is.
        let value = network.blockingFlows(source: source, sink: sink, admits: EveryArc())
        var epsilon: Int64 = 0
        for arc in 0..<network.arcCount where network.capacity[arc] > 0 { epsilon = max(epsilon, -reducedCost(arc)) }
        while epsilon > 1 {
            epsilon = max(1, epsilon / Self.reduction)
            refine(epsilon)
        }
        return value
    }

    @inline(__always)
    private func reducedCost(_ arc: Int) -> Int64 { network.cost[arc] + price[network.head[arc ^ 1]] - price[network.head[arc]] }

    // MARK: Refinement

    /// Makes the flow ε-optimal, keeping every node's balance.
    private mutating func refine(_ epsilon: Int64) {
        let head = network.head, start = network.start, arcsFrom = network.arcsFrom
        var excess = [Int](repeating: 0, count: nodeCount)
        for arc in 0..<network.arcCount where network.capacity[arc] > 0 && reducedCost(arc) < 0 {
            let amount = network.capacity[arc]
            network.push(amount, on: arc)
            excess[head[arc ^ 1]] -= amount
            excess[head[arc]] += amount
        }
        var queue = (0..<nodeCount).filter { excess[$0] > 0 }, read = 0
        var current = start.dropLast().map { $0 }
        while read < queue.count {
            let node = queue[read]
            read += 1
            while excess[node] > 0 {
                if current[node] == start[node + 1] {
                    relabel(node, epsilon)
                    current[node] = start[node]
                    continue
                }
                let arc = arcsFrom[current[node]]
                guard network.capacity[arc] > 0, reducedCost(arc) < 0 else {
                    current[node] += 1
                    continue
                }
                let to = head[arc], amount = min(excess[node], network.capacity[arc])
                network.push(amount, on: arc)
                excess[node] -= amount
                let wasActive = excess[to] > 0
                excess[to] += amount
                if !wasActive, excess[to] > 0 { queue.append(to) }
            }
            if read > 4 * nodeCount {  // keep the queue short: drop what was read
                queue.removeFirst(read)
                read = 0
            }
        }
    }

    /// Lowers a node's price just enough that one residual arc out of it is admissible (reduced cost −ε).
    private mutating func relabel(_ node: Int, _ epsilon: Int64) {
        var best = Int64.min
        for k in network.start[node]..<network.start[node + 1] {
            let arc = network.arcsFrom[k]
            if network.capacity[arc] > 0 { best = max(best, price[network.head[arc]] - network.cost[arc]) }
        }
        // A node with excess always has a residual arc out (the flow into it can go back).
        precondition(best > .min, "a node with excess has no residual arc")
        price[node] = best - epsilon
    }
}
