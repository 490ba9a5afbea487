import Testing
import GSL
@testable import MergerSim

/// Issue 22, runs until precise: the stopping rule on hand-worked intervals, and a run that stops at the
/// same replication whatever the batch size or the cores, within 100 and the most runs.
struct PrecisionTests {
    func moments(_ values: [Double]) -> RunningMoments {
        var m = RunningMoments()
        for x in values { m.add(x) }
        return m
    }

    /// 30 of 100: Wilson's 95 % interval is [0.21895, 0.39585] (worked by hand from the formula, z = 1.95996):
    /// 0.0958 above p̂, so within ±0.1 and not within ±0.09.
    @Test func wilsonIntervalOfAProportion() throws {
        let m = moments(Array(repeating: 1, count: 30) + Array(repeating: 0, count: 70))
        let within = try #require(Precision(halfWidth: 0.1)).wilson(.allWithinQuota, m)
        #expect(abs(within.low - 0.2189488529) < 1e-9 && abs(within.high - 0.3958485463) < 1e-9)
        #expect(within.isWithin && within.allowed == 0.1)
        #expect(!(try #require(Precision(halfWidth: 0.09)).wilson(.allWithinQuota, m).isWithin))
        // None of 100: [0, 0.036993], so ±0.04 holds and ±0.03 does not.
        let none = moments(Array(repeating: 0, count: 100))
        #expect(abs(try #require(Precision(halfWidth: 0.04)).wilson(.allWithinQuota, none).high - 0.0369934982) < 1e-9)
        #expect(try #require(Precision(halfWidth: 0.04)).wilson(.allWithinQuota, none).isWithin)
        #expect(!(try #require(Precision(halfWidth: 0.03)).wilson(.allWithinQuota, none).isWithin))
    }

    /// 10, 20, 30, 40, 50 twenty times: mean 30, s = √(20000/99) = 14.21338, t(0.975, 99) = 1.984217,
    /// half-width 2.82025: within ±10 % (3), not ±9 % (2.7).
    @Test func studentTIntervalOfAMeanIsRelative() throws {
        let m = moments((0..<100).map { Double(($0 % 5 + 1) * 10) })
        let interval = try #require(Precision(halfWidth: 0.1)).studentT(.exitCostVND, m)
        #expect(abs(interval.mean - 30) < 1e-12 && abs(interval.halfWidth - 2.82025) < 1e-4)
        #expect(interval.isWithin && abs(interval.allowed - 3) < 1e-12)
        #expect(!(try #require(Precision(halfWidth: 0.09)).studentT(.exitCostVND, m).isWithin))
        // The same values a tenth as large: ±10 % of 3 is 0.3, below the floor of 0.5, which is allowed instead.
        let small = try #require(Precision(halfWidth: 0.1)).studentT(.exitCostVND, moments((0..<100).map { Double($0 % 5 + 1) }))
        #expect(abs(small.halfWidth - 0.282025) < 1e-5 && small.allowed == Precision.absoluteFloor && small.isWithin)
    }

    /// A mean of 0 (all zeros) has a half-width of 0; a mean near it (one 1 in 100: half-width 0.0198) is
    /// within the absolute floor of half a person, though far from ±1 % of 0.01.
    @Test func meanNearZeroUsesTheAbsoluteFloor() throws {
        let precision = try #require(Precision(halfWidth: 0.01))
        let zeros = try precision.studentT(.surplusAtDeadline(.cadres), moments(Array(repeating: 0, count: 100)))
        #expect(zeros.halfWidth == 0 && zeros.isWithin)
        let one = try precision.studentT(.surplusAtDeadline(.cadres), moments([1] + Array(repeating: 0, count: 99)))
        #expect(abs(one.halfWidth - 0.0198422) < 1e-6 && one.allowed == Precision.absoluteFloor && one.isWithin)
    }

    @Test func precisionIsPositiveAndFinite() {
        for bad: Double in [0, -1, .nan, .infinity, -.infinity] { #expect(Precision(halfWidth: bad) == nil) }
        #expect(Precision(halfWidth: 0.01)?.halfWidth == 0.01)
    }

    @Test func checkpointsDependOnTheMaximumAlone() {
        #expect(Precision.checkpoints(maximumRuns: 350) == [100, 200, 300, 350])
        #expect(Precision.checkpoints(maximumRuns: 300) == [100, 200, 300])
        #expect(Precision.checkpoints(maximumRuns: 100) == [100])
        #expect(Precision.checkpoints(maximumRuns: 40) == [40])
    }

    /// Units of 15 a category over quotas of 11 (as TransitionTests builds them).
    func model() throws -> TransitionModel {
        let rules = try Rules.vn2023.transition, effective = CalendarDate(iso: "2024-11-01")!
        let units = (0..<8).map { i in
            TransferUnit(code: "U\(i)", province: "P", district: "D", location: Coordinate(latitude: 11 + Double(i) / 100, longitude: 108),
                         staff: Headcount(cadres: 15, civilServants: 15, nonProfessional: 15),
                         quota: Headcount(cadres: 11, civilServants: 11 + (i % 2 == 0 ? 4 : -4), nonProfessional: 11))
        }
        var workforce = Workforce(units: units)
        let people = try rules.syntheticRoster.roster(units.map { ($0.code, $0.staff) }, on: effective, retirement: rules.retirement, seed: 9)
        for person in people { workforce.add(person, inUnit: Int(person.unitCode.dropFirst())!, retirement: rules.retirement, defaults: rules.syntheticRoster) }
        return try TransitionModel(workforce: workforce, rules: rules, effective: effective, years: 3, nonProfessionalEnds: nil,
                                   transfers: TransferSettings(scope: .none), pairs: [])
    }

    /// The same runs used, intervals and replications with batches of 100, 70 and 1,000, in parallel or
    /// serially; the replications are those of a plain run of as many; the intervals are those of the
    /// headlines by GSL's mean and standard deviation (an independent oracle).
    @Test func stopsAtTheSameRunWhateverTheBatchOrCores() throws {
        let model = try model(), precision = try #require(Precision(halfWidth: 0.02))
        let a = try model.simulate(until: precision, maximumRuns: 1_000, seed: 5, batch: 100, parallel: true)
        let b = try model.simulate(until: precision, maximumRuns: 1_000, seed: 5, batch: 70, parallel: false)
        let c = try model.simulate(until: precision, maximumRuns: 1_000, seed: 5, batch: 1_000, parallel: true)
        #expect(a.reached == b.reached && a.reached == c.reached)
        #expect(a.replications == b.replications && a.replications == c.replications)
        let used = a.reached.runsUsed
        #expect(used % 100 == 0 && used >= 100 && used <= 1_000)
        #expect(a.replications == model.simulate(runs: used, seed: 5, parallel: false))
        let summary = try TransitionSummary(a.replications, years: 3, units: 8)
        for interval in a.reached.intervals where interval.method == .studentT {
            let estimate = try Estimate(sample: summary.headlines.map { $0[interval.metric] })
            #expect(abs(estimate.mean - interval.mean) <= 1e-9 * max(1, abs(estimate.mean)))
            #expect(abs((estimate.high ?? 0) - interval.high) <= 1e-6 * max(1, abs(estimate.high ?? 0)))
        }
        // Stopped at the first check where every interval was within: the check before was not.
        if used > 100 {
            let before = try model.simulate(until: precision, maximumRuns: used - 100, seed: 5)
            #expect(!before.reached.isReached)
        }
        #expect(a.reached.isReached || used == 1_000)
    }

    /// A loose precision stops at the minimum of 100; an impossible one at the most runs, not reached.
    @Test func minimumAndMaximumRunsHold() throws {
        let model = try model()
        let loose = try model.simulate(until: try #require(Precision(halfWidth: 1e9)), maximumRuns: 500, seed: 1)
        #expect(loose.reached.runsUsed == 100 && loose.replications.count == 100 && loose.reached.isReached)
        let tight = try model.simulate(until: try #require(Precision(halfWidth: 1e-9)), maximumRuns: 250, seed: 1)
        #expect(tight.reached.runsUsed == 250 && tight.replications.count == 250 && !tight.reached.isReached)
        #expect(tight.reached.maximumRuns == 250 && tight.reached.intervals.map(\.metric) == HeadlineMetric.allCases)
    }
}
