import Testing
import GSL
@testable import MergerSim

/// The successive-shortest-path route of small transfer problems (issue 22): the same flow value and
/// cost as the general min-cost flow (``FlowNetwork``, a separate implementation), proven optimal on
/// every arc by Bellman–Ford, on random problems shaped like the yearly transfers and on degenerate ones.
struct ShortestPathTransportationTests {
    /// `supplies` × `demands` nodes, each arc allowed with probability `density`, costs below `costs`
    /// (small costs make ties and zero-cost arcs common).
    func problem(_ random: RandomSource, supplies: Int, demands: Int, density: Double, costs: Int, sizes: Int) -> TransportationProblem {
        var problem = TransportationProblem(supplies: (0..<supplies).map { _ in 1 + random.uniformInteger(below: sizes) },
                                            demands: (0..<demands).map { _ in 1 + random.uniformInteger(below: sizes) }, arcs: [])
        for a in 0..<supplies {
            for b in 0..<demands where random.uniform() < density {
                problem.arcs.append((a, b, Int64(random.uniformInteger(below: costs))))
            }
        }
        return problem
    }

    /// The flow value and cost by the general solver on every arc.
    func reference(_ problem: TransportationProblem) -> (flow: Int, cost: Int64) {
        let source = problem.supplies.count + problem.demands.count, sink = source + 1
        var network = FlowNetwork(nodes: sink + 1)
        for (s, count) in problem.supplies.enumerated() { network.addArc(from: source, to: s, capacity: count, cost: 0) }
        for (d, count) in problem.demands.enumerated() { network.addArc(from: problem.supplies.count + d, to: sink, capacity: count, cost: 0) }
        for arc in problem.arcs {
            network.addArc(from: arc.supply, to: problem.supplies.count + arc.demand, capacity: problem.supplies[arc.supply], cost: arc.cost)
        }
        let result = network.minCostMaxFlow(source: source, sink: sink)
        return (result.flow, result.cost)
    }

    func check(_ problem: TransportationProblem, _ label: String) {
        let flows = ShortestPathTransportation(supplies: problem.supplies, demands: problem.demands, arcs: problem.arcs).solve()
        #expect(flows.count == problem.arcs.count)
        #expect(flows.allSatisfy { $0 >= 0 }, "\(label): a negative flow")
        var sent = [Int](repeating: 0, count: problem.supplies.count), received = [Int](repeating: 0, count: problem.demands.count)
        var value = 0, cost: Int64 = 0
        for (arc, flow) in zip(problem.arcs, flows) {
            sent[arc.supply] += flow
            received[arc.demand] += flow
            value += flow
            cost += Int64(flow) * arc.cost
        }
        #expect(zip(sent, problem.supplies).allSatisfy { $0 <= $1 }, "\(label): a supply sends more than it has")
        #expect(zip(received, problem.demands).allSatisfy { $0 <= $1 }, "\(label): a demand receives more than it lacks")
        let expected = reference(problem)
        #expect(value == expected.flow && cost == expected.cost, "\(label): \(value), \(cost) against \(expected)")
        #expect(problem.isOptimalOnEveryArc(flows), "\(label): not proven optimal")
    }

    /// The national transition's shape: a few surplus units, tens of units with vacancies, distances in metres.
    @Test func yearlyTransferShapes() throws {
        let random = try RandomSource(seed: 2022)
        for instance in 0..<200 {
            let p = problem(random, supplies: 1 + random.uniformInteger(below: 30), demands: 1 + random.uniformInteger(below: 80),
                            density: 0.9, costs: 120_000, sizes: 12)
            check(p, "instance \(instance)")
        }
    }

    /// Ties everywhere (costs 0–3), sparse arcs (some nodes unreachable), surpluses larger or smaller than vacancies.
    @Test func degenerateProblems() throws {
        let random = try RandomSource(seed: 7)
        for instance in 0..<300 {
            let p = problem(random, supplies: 1 + random.uniformInteger(below: 10), demands: 1 + random.uniformInteger(below: 10),
                            density: 0.3 + 0.7 * random.uniform(), costs: 4, sizes: 6)
            check(p, "instance \(instance)")
        }
    }

    /// Worked by hand: the near vacancy of supply 0 is worth more to supply 1 (50 + 10 < 10 + 70), so
    /// the second round sends supply 1's person back along supply 0's first choice.
    @Test func aPathBackAlongAnArcInUse() {
        let flows = ShortestPathTransportation(supplies: [1, 5], demands: [1, 1], arcs: [(0, 0, 10), (0, 1, 10), (1, 0, 50), (1, 1, 70)]).solve()
        #expect(flows == [0, 1, 1, 0])
    }

    /// No arc, or nothing to send: no flow.
    @Test func nothingToMove() {
        #expect(ShortestPathTransportation(supplies: [3], demands: [2], arcs: []).solve() == [])
        #expect(ShortestPathTransportation(supplies: [2, 1], demands: [4], arcs: [(0, 0, 5), (1, 0, 0)]).solve() == [2, 1])
    }
}
