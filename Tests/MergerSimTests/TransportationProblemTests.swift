import Testing
import GSL
@testable import MergerSim

/// Stage 2's candidate-arc solve (issue 10) gives the same optimum as a solve on every arc, and proves it.
struct TransportationProblemTests {
    func randomProblem(_ random: RandomSource) -> TransportationProblem {
        let s = 2 + random.uniformInteger(below: 12), d = 2 + random.uniformInteger(below: 12)
        var problem = TransportationProblem(supplies: (0..<s).map { _ in 1 + random.uniformInteger(below: 6) },
                                            demands: (0..<d).map { _ in 1 + random.uniformInteger(below: 6) }, arcs: [])
        for a in 0..<s {
            for b in 0..<d where random.uniform() < 0.8 {
                problem.arcs.append((a, b, Int64(random.uniformInteger(below: 60_000))))
            }
        }
        return problem
    }

    func totals(_ problem: TransportationProblem, _ flows: [Int]) -> (flow: Int, cost: Int64) {
        zip(problem.arcs, flows).reduce((0, 0)) { ($0.0 + $1.1, $0.1 + Int64($1.1) * $1.0.cost) }
    }

    @Test func candidateArcsReachTheOptimumOfEveryArc() throws {
        let random = try RandomSource(seed: 77)
        var grew = 0
        for instance in 0..<300 {
            let problem = randomProblem(random)
            let direct = problem.solve(verify: true, directArcs: .max)
            // One candidate a supply and a demand: pricing must add the rest of what the optimum needs.
            let sparse = problem.solve(verify: true, directArcs: 0, candidates: 1)
            #expect(direct.proven == true && sparse.proven == true, "instance \(instance)")
            let a = totals(problem, direct.flows), b = totals(problem, sparse.flows)
            #expect(a.flow == b.flow && a.cost == b.cost, "instance \(instance): \(a) vs \(b)")
            if sparse.flows.enumerated().contains(where: { $0.element > 0 && !problem.isCheapCandidate($0.offset) }) { grew += 1 }
        }
        #expect(grew > 0, "some instances needed arcs beyond the first candidates")
    }
}

extension TransportationProblem {
    /// Whether arc `k` is among the single cheapest arcs of its supply or its demand (the first candidates at 1).
    func isCheapCandidate(_ k: Int) -> Bool {
        let arc = arcs[k]
        let ofSupply = arcs.indices.filter { arcs[$0].supply == arc.supply }.min { (arcs[$0].cost, $0) < (arcs[$1].cost, $1) }
        let ofDemand = arcs.indices.filter { arcs[$0].demand == arc.demand }.min { (arcs[$0].cost, $0) < (arcs[$1].cost, $1) }
        return k == ofSupply || k == ofDemand
    }
}
