import Testing
@testable import MergerSim

/// Issue 11: Monte Carlo differences with their uncertainty, checked against hand-worked intervals.
struct EstimateTests {
    /// a = 1, 2, 3, 4 and b = 3, 5, 6, 8: paired differences 2, 3, 3, 4, mean 3, s = √(2/3),
    /// SE = s/2 = 0.408248, t(0.975; 3) = 3.182446, so the 95 % CI is 3 ± 1.299228.
    @Test func pairedDifferenceOfAConstructedCase() throws {
        let paired = try Estimate.difference([1, 2, 3, 4], [3, 5, 6, 8], paired: true)
        #expect(paired.mean == 3 && paired.count == 4)
        #expect(abs(try #require(paired.standardError) - 0.408248) < 1e-6)
        #expect(abs(try #require(paired.low) - 1.700772) < 1e-6)
        #expect(abs(try #require(paired.high) - 4.299228) < 1e-6)
        #expect(paired.excludesZero)
    }

    /// The same samples unpaired (Welch): variances 5/3 and 13/3, each over 4: SE = √(1.5) = 1.224745;
    /// Welch–Satterthwaite ν = 1.5² / ((5/12)²/3 + (13/12)²/3) = 5.0103…, t(0.975; ν) = 2.56899…
    @Test func unpairedDifferenceIsWelchs() throws {
        let welch = try Estimate.difference([1, 2, 3, 4], [3, 5, 6, 8], paired: false)
        #expect(welch.mean == 3)
        let se = try #require(welch.standardError)
        #expect(abs(se - 1.224745) < 1e-6)
        let half = try #require(welch.high) - 3
        let nu = 2.25 / ((25.0 / 144) / 3 + (169.0 / 144) / 3)
        #expect(abs(nu - 5.010309) < 1e-6)
        #expect(abs(half / se - 2.568992) < 1e-5)
        // Common random numbers make the paired interval far narrower than the unpaired one.
        let paired = try Estimate.difference([1, 2, 3, 4], [3, 5, 6, 8], paired: true)
        #expect(try #require(paired.high) - 3 < half / 2)
    }

    @Test func aSingleValueHasNoInterval() throws {
        let one = try Estimate(sample: [5])
        #expect(one.mean == 5 && one.standardError == nil && one.low == nil && !one.excludesZero)
        let constant = try Estimate(sample: [2, 2, 2])
        #expect(constant.standardError == 0 && constant.low == 2 && constant.high == 2)
    }
}

/// Issue 24: a probability's interval stays within [0, 1] (sweep.csv gave `ci95_low = −0.000481`).
struct ProportionEstimateTests {
    /// Wilson's score interval of 5 successes in 10: the published (0.2366, 0.7634).
    @Test func wilsonOfFiveInTen() throws {
        let e = try Estimate(proportionOf: [1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
        #expect(e.method == .wilson && e.mean == 0.5 && e.count == 10)
        #expect(abs(try #require(e.low) - 0.2366) < 5e-5)
        #expect(abs(try #require(e.high) - 0.7634) < 5e-5)
        #expect(abs(try #require(e.standardError) - 0.158114) < 1e-6)
    }

    /// One success in 100: Student's t gives 0.01 ± 1.984·0.00995, below 0; Wilson's is the published
    /// (0.0018, 0.0545). None in 100: [0, z²/(n + z²)] = [0, 0.0370], not the empty [0, 0].
    @Test func aRareEventKeepsItsIntervalAboveZero() throws {
        var sample = Array(repeating: 0.0, count: 100)
        sample[7] = 1
        let t = try Estimate(sample: sample)
        #expect(try #require(t.low) < 0)
        let wilson = try Estimate(of: .allWithinQuota, sample: sample)
        #expect(abs(try #require(wilson.low) - 0.0018) < 5e-5)
        #expect(abs(try #require(wilson.high) - 0.0545) < 5e-5)
        let z2: Double = 1.959964 * 1.959964
        let none = try Estimate(of: .allWithinQuota, sample: Array(repeating: 0, count: 100))
        #expect(none.low == 0)
        let noneHigh: Double = try #require(none.high)
        #expect(abs(noneHigh - z2 / (100 + z2)) < 1e-9)
        let all = try Estimate(of: .allWithinQuota, sample: Array(repeating: 1, count: 100))
        let allLow: Double = try #require(all.low)
        #expect(all.high == 1 && abs(allLow - 100 / (100 + z2)) < 1e-6)
    }

    /// Other headline figures keep Student's t.
    @Test func otherFiguresKeepStudentsT() throws {
        let e = try Estimate(of: .exitCostVND, sample: [1, 2, 3, 4])
        #expect(e.method == .studentT && e.mean == 2.5)
    }
}

/// Issue 24: the running mean with its interval against runs (the research report's convergence chart).
struct ConvergencePathTests {
    /// 1, 3, 2, 6 at 2 checkpoints: after 2 replications mean 2, s = √2, SE = 1, t(0.975; 1) = 12.7062;
    /// after 4 the whole sample's estimate.
    @Test func handWorkedRunningMean() throws {
        let path = try ConvergencePath(metric: .exitCostVND, sample: [1, 3, 2, 6], checkpoints: 2)
        #expect(path.points.map(\.runs) == [2, 4])
        let first = path.points[0].estimate
        let se = try #require(first.standardError), high = try #require(first.high)
        #expect(first.mean == 2)
        #expect(abs(se - 1) < 1e-12)
        #expect(abs(high - (2 + 12.706205)) < 1e-5)
        let whole = try Estimate(of: .exitCostVND, sample: [1, 3, 2, 6])
        #expect(path.points[1].estimate == whole)
    }

    /// Checkpoints never repeat a count, start at 2, end at the whole sample; a probability keeps Wilson's interval.
    @Test func checkpointsAreDistinctAndEndWithTheWhole() throws {
        let sample = (0..<10).map { Double($0 % 2) }
        let path = try ConvergencePath(metric: .allWithinQuota, sample: sample, checkpoints: 24)
        #expect(path.points.map(\.runs) == Array(2...10))
        #expect(path.points.allSatisfy { $0.estimate.method == .wilson && ($0.estimate.low ?? -1) >= 0 })
        #expect(try ConvergencePath(metric: .exitCostVND, sample: [5]).points.map(\.runs) == [1])
    }

    /// Replications needed for ±1 %: exit costs with mean 100 and s = 10 need (1.96·10/1)² = 384.1 → 385; a figure
    /// whose ±1 % is below half a unit uses ±0.5; a share of 0.5 needs (1.96·0.5/0.01)² = 9,604 (s of 0/1 values: 0.5).
    @Test func runsNeededForAPrecision() throws {
        let precision = try #require(Precision(halfWidth: 0.01))
        // 100 values alternating 90 and 110: mean 100, s = 10·√(100/99).
        let costs = (0..<100).map { $0 % 2 == 0 ? 90.0 : 110.0 }
        let s = 10 * (100.0 / 99).squareRoot()
        let needed = try #require(try ConvergencePath(metric: .exitCostVND, sample: costs).runsNeeded(for: precision))
        #expect(needed == Int((1.959964 * s / 1).squared.rounded(.up)))
        // Surplus of mean 10 and s ≈ 1: ±1 % is 0.1, below the floor of 0.5: (1.96·1.005/0.5)² → 16.
        let surplus = (0..<100).map { $0 % 2 == 0 ? 9.0 : 11.0 }
        #expect(try ConvergencePath(metric: .surplusAtDeadline(.cadres), sample: surplus).runsNeeded(for: precision) == 16)
        // A share: the fewest n whose Wilson interval around the share seen is within ±0.01. At 0.5 Wilson's half-width
        // is z/(1 + z²/n)·√(0.25/n + z²/4n²) = 0.01 near n = 9,600 (the normal approximation's 9,604 less about z²).
        let shares = (0..<100).map { Double($0 % 2) }
        let half = try #require(try ConvergencePath(metric: .allWithinQuota, sample: shares).runsNeeded(for: precision))
        let wilson = { (n: Int) in Estimate.wilson(proportion: 0.5, count: n) }
        #expect(wilson(half).high - 0.5 <= 0.01 && wilson(half - 1).high - 0.5 > 0.01)
        #expect((9_590...9_604).contains(half))
        // Every replication 0 (or 1): not 1 replication (the normal approximation's SE is 0) but n with
        // z²/(n + z²) ≤ 0.01: n ≥ 99·z² = 380.3 → 381.
        let none = try ConvergencePath(metric: .allWithinQuota, sample: Array(repeating: 0, count: 50)).runsNeeded(for: precision)
        #expect(none == 381)
        let all = try ConvergencePath(metric: .allWithinQuota, sample: Array(repeating: 1, count: 50)).runsNeeded(for: precision)
        #expect(all == 381)
    }
}

private extension Double {
    var squared: Double { self * self }
}

