import Testing
import GSL
import MergerSim

/// The minimum-cost flow behind stage 2 equals exhaustive search, and proves itself optimal.
struct MinCostFlowTests {
    /// A transportation instance: supplies, demands, allowed pairs with costs.
    struct Instance {
        var supplies: [Int]
        var demands: [Int]
        var costs: [[Int64?]]  // nil: not allowed
    }

    func solve(_ instance: Instance) -> (flow: Int, cost: Int64, optimal: Bool) {
        let s = instance.supplies.count, d = instance.demands.count
        var network = FlowNetwork(nodes: s + d + 2)
        let source = s + d, sink = s + d + 1
        for i in 0..<s { network.addArc(from: source, to: i, capacity: instance.supplies[i], cost: 0) }
        for j in 0..<d { network.addArc(from: s + j, to: sink, capacity: instance.demands[j], cost: 0) }
        for i in 0..<s { for j in 0..<d { if let c = instance.costs[i][j] { network.addArc(from: i, to: s + j, capacity: .max / 4, cost: c) } } }
        let result = network.minCostMaxFlow(source: source, sink: sink)
        return (result.flow, result.cost, network.isOptimal(source: source, sink: sink))
    }

    /// Best (largest flow, then least cost) over every whole transport plan.
    func exhaustive(_ instance: Instance) -> (flow: Int, cost: Int64) {
        let pairs = instance.supplies.indices.flatMap { i in instance.demands.indices.compactMap { j in instance.costs[i][j].map { (i, j, $0) } } }
        var best: (flow: Int, cost: Int64) = (0, 0)
        var sent = [Int](repeating: 0, count: instance.supplies.count), received = [Int](repeating: 0, count: instance.demands.count)
        func visit(_ k: Int, _ flow: Int, _ cost: Int64) {
            if k == pairs.count {
                if flow > best.flow || (flow == best.flow && cost < best.cost) { best = (flow, cost) }
                return
            }
            let (i, j, c) = pairs[k]
            let most = min(instance.supplies[i] - sent[i], instance.demands[j] - received[j])
            for x in 0...max(0, most) {
                sent[i] += x; received[j] += x
                visit(k + 1, flow + x, cost + Int64(x) * c)
                sent[i] -= x; received[j] -= x
            }
        }
        visit(0, 0, 0)
        return best
    }

    @Test func equalsExhaustiveSearchOnHundredsOfSmallInstances() throws {
        let random = try RandomSource(seed: 17)
        for instance in 0..<400 {
            let s = 1 + random.uniformInteger(below: 3), d = 1 + random.uniformInteger(below: 3)
            let problem = Instance(
                supplies: (0..<s).map { _ in random.uniformInteger(below: 4) },
                demands: (0..<d).map { _ in random.uniformInteger(below: 4) },
                costs: (0..<s).map { _ in (0..<d).map { _ in random.uniform() < 0.25 ? nil : Int64(random.uniformInteger(below: 50)) } })
            let solved = solve(problem), best = exhaustive(problem)
            #expect(solved.flow == best.flow && solved.cost == best.cost, "instance \(instance): \(problem)")
            #expect(solved.optimal, "instance \(instance)")
        }
    }

    @Test func optimalityCheckRejectsASuboptimalFlow() {
        // Two units of supply (0, 1), two of demand (2, 3); straight arcs cost 1, crossing arcs 10.
        var network = FlowNetwork(nodes: 6)
        let sources = [network.addArc(from: 4, to: 0, capacity: 1, cost: 0), network.addArc(from: 4, to: 1, capacity: 1, cost: 0)]
        let sinks = [network.addArc(from: 2, to: 5, capacity: 1, cost: 0), network.addArc(from: 3, to: 5, capacity: 1, cost: 0)]
        network.addArc(from: 0, to: 2, capacity: 1, cost: 1)
        let cross03 = network.addArc(from: 0, to: 3, capacity: 1, cost: 10)
        let cross12 = network.addArc(from: 1, to: 2, capacity: 1, cost: 10)
        network.addArc(from: 1, to: 3, capacity: 1, cost: 1)
        #expect(!network.isOptimal(source: 4, sink: 5))  // no flow at all: not maximal
        var solved = network
        let result = solved.minCostMaxFlow(source: 4, sink: 5)
        #expect(result.flow == 2 && result.cost == 2 && solved.isOptimal(source: 4, sink: 5))
        // The crossing flow by hand: maximal (flow 2) but of cost 20. Its residual network has the
        // negative cycle 0 → 2 → 1 → 3 → 0 (1 − 10 + 1 − 10), so the check must reject it.
        var crossing = network
        for arc in sources + sinks + [cross03, cross12] { crossing.push(1, on: arc) }
        #expect(crossing.flow(on: cross03) == 1 && crossing.flow(on: cross12) == 1)
        #expect(!crossing.isOptimal(source: 4, sink: 5))
    }
}
