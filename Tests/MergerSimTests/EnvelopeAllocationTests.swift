import Testing
import GSL
@testable import MergerSim

/// Stage 1: the envelope's allocation equals brute force, and its errors.
struct EnvelopeAllocationTests {
    /// Every whole allocation within the bounds summing to the envelope.
    func bruteForce(_ problem: EnvelopeProblem) -> Double {
        var best = Double.infinity
        var quotas = problem.floors
        func visit(_ i: Int, _ left: Int) {
            if i == quotas.count {
                if left == 0 { best = min(best, problem.objective(quotas)) }
                return
            }
            for q in problem.floors[i]...problem.caps[i] where q - problem.floors[i] <= left {
                quotas[i] = q
                visit(i + 1, left - (q - problem.floors[i]))
            }
            quotas[i] = problem.floors[i]
        }
        visit(0, problem.envelope - problem.floors.reduce(0, +))
        return best
    }

    func randomProblem(_ random: RandomSource) -> EnvelopeProblem {
        let n = 2 + random.uniformInteger(below: 4)
        let floors = (0..<n).map { _ in 8 + random.uniformInteger(below: 4) }
        let caps = floors.map { $0 + random.uniformInteger(below: 6) }
        let headcounts = floors.map { $0 + random.uniformInteger(below: 9) - 2 }
        let envelope = floors.reduce(0, +) + random.uniformInteger(below: caps.reduce(0, +) - floors.reduce(0, +) + 1)
        let shares = EnvelopeProblem.workloadShares(envelope: envelope, populations: (0..<n).map { _ in 1_000 + random.uniformInteger(below: 20_000) },
                                                    areas: (0..<n).map { _ in 1 + random.uniform() * 40 }, populationWeight: 0.7, areaWeight: 0.3)
        let penalty = [0, 0.01, 0.1, 1][random.uniformInteger(below: 4)]
        return EnvelopeProblem(envelope: envelope, headcounts: headcounts, floors: floors, caps: caps, shares: shares, penalty: penalty)
    }

    @Test func equalsBruteForceOnHundredsOfSmallInstances() throws {
        let random = try RandomSource(seed: 11)
        for instance in 0..<300 {
            let problem = randomProblem(random)
            let solution = try problem.solve()
            #expect(solution.quotas.reduce(0, +) == problem.envelope, "instance \(instance)")
            #expect(zip(solution.quotas, zip(problem.floors, problem.caps)).allSatisfy { $0.0 >= $0.1.0 && $0.0 <= $0.1.1 })
            #expect(abs(solution.objective - bruteForce(problem)) < 1e-9, "instance \(instance): \(problem)")
        }
    }

    @Test func withoutPenaltyTheSurplusIsTheLeastPossible() throws {
        // Heads 10, 14, 9; floors 8; caps 12; envelope 32: at best q = (10, 12, 9) + 1 spare → surplus 2.
        let problem = EnvelopeProblem(envelope: 32, headcounts: [10, 14, 9], floors: [8, 8, 8], caps: [12, 12, 12],
                                      shares: [32.0 / 3, 32.0 / 3, 32.0 / 3], penalty: 0)
        let solution = try problem.solve()
        #expect(solution.surplus == 2)
        #expect(solution.quotas[1] == 12)
        #expect(solution.shadowPrice == 0)  // the one short unit is at its cap
    }

    @Test func shadowPriceIsTheSurplusOneMorePositionAvoids() throws {
        let problem = EnvelopeProblem(envelope: 30, headcounts: [12, 12, 12], floors: [8, 8, 8], caps: [14, 14, 14],
                                      shares: [10, 10, 10], penalty: 0.001)
        let solution = try problem.solve()
        #expect(solution.surplus == 6 && solution.shadowPrice == 1)
        var bigger = problem
        bigger.envelope = 31
        #expect(try bigger.solve().surplus == 5)
    }

    @Test func sameInputSameAllocation() throws {
        // Seeded instances have fixed allocations (golden values): a change of algorithm that changes the
        // result, even among equal optima, shows here.
        let random = try RandomSource(seed: 5)
        var quotas: [[Int]] = []
        for _ in 0..<6 {
            let problem = randomProblem(random)
            let solution = try problem.solve()
            #expect(try problem.solve() == solution)
            quotas.append(solution.quotas)
        }
        #expect(quotas == [[12, 12], [14, 10, 13], [10, 11], [9, 14, 11], [13, 12], [14, 14, 11, 11, 10]])
    }

    @Test func infeasibleEnvelopesAreClearErrors() {
        let problem = EnvelopeProblem(envelope: 10, headcounts: [9, 9], floors: [8, 8], caps: [10, 10], shares: [5, 5], penalty: 0)
        #expect(throws: EnvelopeError.belowFloors(envelope: 10, floors: 16)) { try problem.solve() }
        var above = problem
        above.envelope = 21
        #expect(throws: EnvelopeError.aboveCaps(envelope: 21, caps: 20)) { try above.solve() }
    }

    @Test func workloadSharesSplitTheEnvelopeByPopulationAndArea() {
        let shares = EnvelopeProblem.workloadShares(envelope: 100, populations: [3_000, 1_000], areas: [10, 30], populationWeight: 0.5, areaWeight: 0.5)
        #expect(abs(shares[0] - 50) < 1e-9 && abs(shares[1] - 50) < 1e-9)  // (0.75 + 0.25)/2 each
        #expect(abs(shares.reduce(0, +) - 100) < 1e-9)
    }

    @Test func largeInstanceIsOptimalByTheExchangeTest() throws {
        // 3,000 units: no single exchange improves, and the sum and bounds hold.
        let random = try RandomSource(seed: 3)
        let n = 3_000
        let floors = (0..<n).map { _ in 18 + random.uniformInteger(below: 5) }
        let caps = floors.map { $0 + 10 }
        let heads = floors.map { $0 + random.uniformInteger(below: 14) - 3 }
        let envelope = floors.reduce(0, +) + 4 * n
        let shares = EnvelopeProblem.workloadShares(envelope: envelope, populations: heads.map { $0 * 900 }, areas: heads.map { Double($0) },
                                                    populationWeight: 0.7, areaWeight: 0.3)
        let problem = EnvelopeProblem(envelope: envelope, headcounts: heads, floors: floors, caps: caps, shares: shares, penalty: 0.01)
        let solution = try problem.solve()
        #expect(solution.quotas.reduce(0, +) == envelope)
        #expect(zip(solution.quotas, zip(floors, caps)).allSatisfy { q, bounds in bounds.0 <= q && q <= bounds.1 })
        // An oracle independent of the solver: the objective Σ max(0, h − q) + penalty·(q − s)² is separable and
        // convex in each whole q, so the sum-constrained optimum is where no unit's step down saves more than any
        // other unit's step up costs (the exchange condition), evaluated here from the formula itself.
        func cost(_ i: Int, _ q: Int) -> Double { Double(max(0, heads[i] - q)) + 0.01 * (Double(q) - shares[i]) * (Double(q) - shares[i]) }
        let q = solution.quotas
        let bestSaving = (0..<n).filter { q[$0] > floors[$0] }.map { cost($0, q[$0]) - cost($0, q[$0] - 1) }.max() ?? -.infinity
        let cheapestStep = (0..<n).filter { q[$0] < caps[$0] }.map { cost($0, q[$0] + 1) - cost($0, q[$0]) }.min() ?? .infinity
        #expect(cheapestStep - bestSaving >= -1e-9, "an exchange would lower the objective by \(bestSaving - cheapestStep)")
    }
}
