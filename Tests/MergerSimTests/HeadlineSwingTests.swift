import Testing
import MergerSim

/// Issue 21, item 8: a sensitivity analysis's statistics over results in memory, no store, against
/// hand-worked numbers.
struct HeadlineSwingTests {
    /// Replications of cadre surplus, exit cost and all within quota (other categories 0).
    func result(_ cadres: [Int], _ cost: [Double], _ within: [Bool], _ verdict: DeadlineVerdict) -> HeadlineResult {
        HeadlineResult(headlines: cadres.indices.map {
            TransitionSummary.Headline(surplusAtDeadline: PerCategory(cadres: cadres[$0], civilServants: 0, nonProfessional: 0),
                                       exitCostVND: cost[$0], allWithinQuota: within[$0])
        }, verdict: verdict)
    }

    var base: HeadlineResult { result([4, 6, 5], [100, 100, 100], [false, true, false], .atRisk) }

    /// Low and high, three replications each, same seed (paired):
    /// cadres 2, 4, 6 → 6, 10, 8: differences 4, 6, 2, mean 4, s = 2, SE = 2/√3 = 1.154701,
    /// t(0.975; 2) = 4.302653, so the 95 % CI is 4 ± 4.968275 (it holds 0);
    /// cost 100, 300, 200 → 100, 100, 100: mean −100, relative to the base's 100: 1 (the largest);
    /// all within quota 0, 1, 1 → 1, 1, 1: +1/3. The verdict goes from at risk to met at the high: a flip.
    @Test func swingsOfAHandWorkedCase() throws {
        let low = result([2, 4, 6], [100, 300, 200], [false, true, true], .atRisk)
        let high = result([6, 10, 8], [100, 100, 100], [true, true, true], .met)
        let swings = try HeadlineSwing.swings(base: base, low: low, high: high)
        #expect(swings.map(\.metric) == [.surplusAtDeadline(.cadres), .surplusAtDeadline(.civilServants),
                                         .surplusAtDeadline(.nonProfessional), .exitCostVND, .allWithinQuota])
        let cadres = swings[0]
        #expect(cadres.base == 5 && cadres.low == 4 && cadres.high == 8)
        #expect(cadres.swing.mean == 4 && cadres.swing.count == 3)
        #expect(abs(try #require(cadres.swing.standardError) - 1.154701) < 1e-6)
        let low95 = try #require(cadres.swing.low), high95 = try #require(cadres.swing.high)
        #expect(abs(low95 - -0.968275) < 1e-5 && abs(high95 - 8.968275) < 1e-5)
        #expect(!cadres.swing.excludesZero)
        #expect(swings[1].swing.mean == 0 && swings[1].swing.standardError == 0)
        #expect(swings[3].swing.mean == -100 && swings[3].relativeSwing == 1)
        #expect(abs(swings[4].swing.mean - 1.0 / 3) < 1e-12 && abs(swings[4].relativeSwing - 1.0 / 3) < 1e-12)
        #expect(abs(cadres.relativeSwing - 0.8) < 1e-12)
        #expect(swings.allSatisfy { $0.verdicts == .init(base: .atRisk, low: .atRisk, high: .met) && $0.verdicts.flip })
        #expect(HeadlineSwing.largestRelativeSwing(swings) == 1)
        #expect(HeadlineSwing.score(swings) == 1_001)
    }

    /// A parameter that flips the verdict ranks before one with a larger swing; one that moves nothing ranks last.
    @Test func aVerdictFlipRanksFirst() throws {
        let still = try HeadlineSwing.swings(base: base, low: base, high: base)
        let flip = try HeadlineSwing.swings(base: base, low: base, high: result([4, 6, 5], [100, 100, 100], [true, true, true], .met))
        let wide = try HeadlineSwing.swings(base: base, low: base, high: result([14, 16, 15], [100, 100, 100], [false, true, false], .atRisk))
        #expect(HeadlineSwing.score(still) == 0)
        #expect(HeadlineSwing.score(wide) == 2, "10 more cadres over a base mean of 5")
        #expect(HeadlineSwing.ranks([still, flip, wide]) == [3, 1, 2])
    }

    /// Runs of different sizes are not paired: Welch's difference of the means.
    @Test func runsOfDifferentSizesAreNotPaired() throws {
        let low = result([2, 4], [100, 100], [false, false], .notMet)
        let high = result([6, 10, 8], [100, 100, 100], [false, false, false], .notMet)
        let cadres = try HeadlineSwing.swings(base: base, low: low, high: high)[0]
        #expect(cadres.swing.mean == 5 && cadres.swing.count == 2)
    }
}
