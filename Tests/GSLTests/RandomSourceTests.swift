import Testing
@testable import GSL

/// Golden values: the same calls in C against GSL 2.7.1 (mt19937, seed 42).
struct RandomSourceTests {
    @Test func uniformMatchesCForSeed42() throws {
        let source = try RandomSource(seed: 42)
        #expect(source.uniform() == 0.37454011430963874)
        #expect(source.uniform() == 0.79654298420064151)
    }

    @Test func gaussianMatchesCForSeed42() throws {
        let source = try RandomSource(seed: 42)
        #expect(source.gaussian(mean: 10, standardDeviation: 2) == 10 + 2.4438424347962799)
    }

    @Test func binomialAndPoissonMatchCForSeed42() throws {
        #expect(try RandomSource(seed: 42).binomial(probability: 0.3, trials: 100) == 30)
        #expect(try RandomSource(seed: 42).poisson(mean: 4.5) == 7)
    }

    @Test func uniformIntegerMatchesCForSeed42() throws {
        let source = try RandomSource(seed: 42)
        #expect((0..<5).map { _ in source.uniformInteger(below: 1000) } == [374, 796, 950, 183, 731])
    }

    @Test func weightedDrawMatchesCForSeed42() throws {
        let source = try RandomSource(seed: 42)
        let distribution = try WeightedDistribution(weights: [1, 2, 7])
        #expect((0..<10).map { _ in source.draw(from: distribution) } == [1, 2, 2, 2, 2, 2, 2, 2, 2, 1])
    }

    @Test func sameSeedSameStreamOtherSeedOtherStream() throws {
        let a = try RandomSource(seed: 7), b = try RandomSource(seed: 7), c = try RandomSource(seed: 8)
        let drawsA = (0..<100).map { _ in a.uniform() }
        #expect(drawsA == (0..<100).map { _ in b.uniform() })
        #expect(drawsA != (0..<100).map { _ in c.uniform() })
    }

    @Test func derivedSeedsDependOnlyOnSeedAndIndex() throws {
        let a = try RandomSource(seed: 42), b = try RandomSource(seed: 42)
        _ = a.uniform()  // drawing does not change derived seeds
        #expect(a.derivedSeed(3) == b.derivedSeed(3))
        #expect(Set((0..<1000).map { a.derivedSeed($0) }).count == 1000)
    }

    @Test func badWeightsAreAnErrorNotACrash() {
        #expect(throws: GSLError.self) { try WeightedDistribution(weights: []) }
        #expect(throws: GSLError.self) { try WeightedDistribution(weights: [0, 0]) }
        #expect(throws: GSLError.self) { try WeightedDistribution(weights: [1, -1]) }
    }

    @Test func binomialMeanIsNearTheRate() throws {
        let source = try RandomSource(seed: 1)
        let draws = (0..<20_000).map { _ in Double(source.binomial(probability: 0.1, trials: 50)) }
        // mean 5, sd of the mean sqrt(50·0.1·0.9 / 20000) ≈ 0.015: 5 sd either side.
        #expect(abs(try Statistics.mean(draws) - 5) < 0.075)
    }

    /// Issue 10: GSL returns 0 for a bound beyond mt19937's range with its handler off; the bound is refused.
    @Test func uniformIntegerRefusesBoundsBeyondTheGeneratorsRange() async throws {
        let source = try RandomSource(seed: 42)
        #expect(source.uniformInteger(below: RandomSource.maxUpperBound) < RandomSource.maxUpperBound)
        await #expect(processExitsWith: .failure) {
            _ = try RandomSource(seed: 1).uniformInteger(below: RandomSource.maxUpperBound + 1)
        }
        await #expect(processExitsWith: .failure) {
            _ = try RandomSource(seed: 1).uniformInteger(below: 0)
        }
    }
}
