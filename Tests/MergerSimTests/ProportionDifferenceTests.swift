import Testing
@testable import MergerSim

/// Issue 24: a difference of two probabilities gets an interval within [−1, 1] (Newcombe's hybrid score
/// interval), and the variance reduction of pairing is the unpaired variance over the paired one.
struct ProportionDifferenceTests {
    /// Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10: the eight examples
    /// (x1/n1 − x2/n2) with their published 95 % limits. `newcombe(a:b:)` gives b − a, so b is the first sample.
    @Test func unpairedMatchesNewcombesPublishedExamples() {
        let published: [(x1: Int, n1: Int, x2: Int, n2: Int, low: Double, high: Double)] = [
            (56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090), (6, 7, 2, 7, 0.0582, 0.8062),
            (5, 56, 0, 29, -0.0381, 0.1926), (0, 10, 0, 20, -0.1611, 0.2775), (0, 10, 0, 10, -0.2775, 0.2775),
            (10, 10, 0, 20, 0.6791, 1.0000), (10, 10, 0, 10, 0.6075, 1.0000),
        ]
        for e in published {
            let interval = Estimate.newcombe(a: (Double(e.x2) / Double(e.n2), e.n2), b: (Double(e.x1) / Double(e.n1), e.n1))
            #expect(abs(interval.low - e.low) < 5e-5 && abs(interval.high - e.high) < 5e-5, "\(e): \(interval)")
        }
    }

    /// Paired tables worked by hand (Wilson limits of both margins, Newcombe's corrected φ, square and add):
    /// Bentur et al. (1, 1, 7, 12): A = 12 − 7 = 5 ≤ n/2 = 10.5, so φ = 0; d = 2/21 − 8/21 = −0.285714,
    /// limits −0.506920 and −0.025559. Cavo et al. (59, 6, 16, 80): A = 4720 − 96 = 4624 > 80.5, φ =
    /// 4543.5/√(65·96·75·86) = 0.716174; d = −10/161 = −0.062112, limits −0.118621 and −0.004625.
    /// (0, 5, 5, 0): A = −25, φ = −1; d = 0, limits ±0.526814.
    @Test func pairedMatchesHandWorkedTables() throws {
        // (both, first only, second only, neither) with d = first − second: b is the first.
        let worked: [(both: Int, b: Int, a: Int, neither: Int, phi: Double, low: Double, high: Double)] = [
            (1, 1, 7, 12, 0, -0.506920, -0.025559), (59, 6, 16, 80, 0.716174, -0.118621, -0.004625),
            (12, 9, 2, 17, 0.435583, 0.012938, 0.321426), (0, 5, 5, 0, -1, -0.526814, 0.526814),
        ]
        for w in worked {
            let counts = PairedOutcomeCounts(both: w.both, onlyA: w.a, onlyB: w.b, neither: w.neither)
            let phi = Estimate.pairedCorrelation(counts)
            #expect(abs(phi - w.phi) < 1e-6, "\(w)")
            let n = counts.count
            let interval = Estimate.newcombe(a: (Double(w.both + w.a) / Double(n), n), b: (Double(w.both + w.b) / Double(n), n), correlation: phi)
            #expect(abs(interval.low - w.low) < 1e-6 && abs(interval.high - w.high) < 1e-6, "\(w): \(interval)")
            // The same from the samples themselves.
            var a: [Double] = [], b: [Double] = []
            for (count, x, y) in [(w.both, 1.0, 1.0), (w.a, 1, 0), (w.b, 0, 1), (w.neither, 0, 0)] {
                a += Array(repeating: x, count: count)
                b += Array(repeating: y, count: count)
            }
            #expect(PairedOutcomeCounts(a, b) == counts)
            let estimate = try Estimate.proportionDifference(a, b, paired: true)
            #expect(estimate.method == .newcombe)
            let low = try #require(estimate.low), high = try #require(estimate.high)
            #expect(abs(low - w.low) < 1e-6 && abs(high - w.high) < 1e-6)
        }
    }

    /// The defect: Student's t on 0/1 differences left [−1, 1]. Five replications all 0 against five all 1 but
    /// one: the t interval's upper bound is 0.8 + 2.776·0.4/√5 = 1.297; Newcombe's stays within [−1, 1].
    @Test func aProbabilitysDifferenceStaysWithinMinusOneAndOne() throws {
        let a: [Double] = [0, 0, 0, 0, 0], b: [Double] = [1, 1, 1, 1, 0]
        let t = try Estimate.difference(a, b, paired: true)
        #expect(try #require(t.high) > 1)
        for paired in [true, false] {
            let estimate = try Estimate.difference(of: .allWithinQuota, a, b, paired: paired)
            #expect(estimate.mean == 0.8 && estimate.method == .newcombe)
            let low = try #require(estimate.low), high = try #require(estimate.high)
            #expect(low > 0 && high <= 1)
        }
    }

    /// Coverage on simulated data: pairs of correlated 0/1 outcomes (a latent uniform shared with probability
    /// ρ) with known probabilities; the 95 % intervals cover the true difference in about 95 % of samples.
    @Test func coverageOnSimulatedSamplesIsNearNinetyFivePercent() throws {
        var generator = CoverageRandom(seed: 24)
        for (pa, pb, shared, n) in [(0.3, 0.4, 0.8, 60), (0.1, 0.15, 0.5, 100), (0.5, 0.5, 0.0, 40), (0.05, 0.2, 0.9, 80)] {
            var covered = (paired: 0, unpaired: 0)
            let trials = 2_000
            for _ in 0..<trials {
                var a: [Double] = [], b: [Double] = []
                for _ in 0..<n {
                    let u = generator.unit()
                    let v = generator.unit() < shared ? u : generator.unit()
                    a.append(u < pa ? 1 : 0)
                    b.append(v < pb ? 1 : 0)
                }
                let truth = pb - pa
                let paired = try Estimate.proportionDifference(a, b, paired: true)
                let unpaired = try Estimate.proportionDifference(a, b, paired: false)
                let p = (low: try #require(paired.low), high: try #require(paired.high))
                let u = (low: try #require(unpaired.low), high: try #require(unpaired.high))
                if p.low <= truth && truth <= p.high { covered.paired += 1 }
                if u.low <= truth && truth <= u.high { covered.unpaired += 1 }
            }
            let paired = Double(covered.paired) / Double(trials), unpaired = Double(covered.unpaired) / Double(trials)
            #expect(paired > 0.925 && paired < 0.99, "paired coverage \(paired) for \((pa, pb, shared, n))")
            // Unpaired ignores a positive correlation, so it covers at least as often.
            #expect(unpaired > 0.925, "unpaired coverage \(unpaired) for \((pa, pb, shared, n))")
        }
    }

    /// a = 1, 2, 3, 4 and b = 3, 5, 6, 8: s²a = 5/3, s²b = 13/3, s² of the differences 2, 3, 3, 4 = 2/3;
    /// (5/3 + 13/3)/4 over (2/3)/4 = 9.
    @Test func varianceReductionIsUnpairedOverPairedVariance() throws {
        #expect(abs(try #require(try Estimate.varianceReduction([1, 2, 3, 4], [3, 5, 6, 8])) - 9) < 1e-12)
        #expect(try Estimate.varianceReduction([1, 2, 3], [2, 3, 4]) == .infinity)
        #expect(try Estimate.varianceReduction([1, 1], [1, 1]) == nil)
    }
}

/// CoverageRandom64 (Steele, Lea & Flood 2014), for simulated samples independent of the code under test.
private struct CoverageRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
