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
