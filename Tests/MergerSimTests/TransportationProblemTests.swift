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

extension TransportationProblemTests {
    /// The yearly transfers' common case, a few vacancies among large surpluses: each vacancy takes its
    /// nearest surplus, and Bellman–Ford on every arc agrees that this is optimal.
    @Test func fewVacanciesTakeTheirNearestSurplus() throws {
        let random = try RandomSource(seed: 5)
        var taken = 0
        for instance in 0..<200 {
            let s = 3 + random.uniformInteger(below: 30), d = 1 + random.uniformInteger(below: 3)
            var problem = TransportationProblem(supplies: (0..<s).map { _ in 5 + random.uniformInteger(below: 20) },
                                                demands: (0..<d).map { _ in 1 + random.uniformInteger(below: 3) }, arcs: [])
            for a in 0..<s { for b in 0..<d { problem.arcs.append((a, b, Int64(random.uniformInteger(below: 90_000)))) } }
            let nearest = try #require(problem.nearestAssignment(), "instance \(instance): supplies of 5+ cover demands of 3 at most")
            taken += 1
            #expect(problem.isOptimalOnEveryArc(nearest), "instance \(instance)")
            for b in 0..<d {
                let cheapest = problem.arcs.indices.filter { problem.arcs[$0].demand == b }.min { problem.arcs[$0].cost < problem.arcs[$1].cost }
                #expect(cheapest.map { nearest[$0] } == problem.demands[b], "instance \(instance): demand \(b) from its nearest supply")
            }
        }
        #expect(taken == 200)
    }

    /// Two vacancies whose nearest surplus holds one person: the plain answer would over-commit it, so
    /// the solver decides (one goes to the further surplus), and proves its answer.
    @Test func overCommittedNearestSurplusGoesToTheSolver() {
        let problem = TransportationProblem(supplies: [1, 5], demands: [1, 1], arcs: [(0, 0, 10), (0, 1, 10), (1, 0, 50), (1, 1, 70)])
        #expect(problem.nearestAssignment() == nil)
        let (flows, proven) = problem.solve(verify: true)
        #expect(proven == true)
        #expect(flows == [0, 1, 1, 0], "the further surplus fills the vacancy where it is cheaper (50 + 10 < 10 + 70)")
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
