import Foundation
import Testing
import MergerSim
import MergerSimInputs
import MergerSimReports

/// One units-after: a run's outcome exposes the units with the quotas they are staffed to, the
/// envelope's where one is set, and keeps the formula quotas apart as the judged units.
struct UnitsAfterTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    @Test func theOutcomesUnitsAfterCarryTheEnvelopesQuotas() throws {
        let overrides = [try Override(parsing: "envelope.cadres_civil_servants=50"), try Override(parsing: "transition.runs=5")]
        let inputs = try ScenarioInputs(scenario: Scenario(path: phanRang, overrides: overrides))
        let outcome = try inputs.run(through: .reallocation)
        let after = Dictionary(uniqueKeysWithValues: outcome.after.map { ($0.unit.name, $0.quota.posts) })
        let judged = Dictionary(uniqueKeysWithValues: outcome.judged.map { ($0.unit.name, $0.quota.posts) })
        // By formula: Kinh Dinh 10 cadres and 16 civil servants, Phủ Hà 10 and 15 (51 in all).
        #expect(judged["Kinh Dinh"]?.cadres == 10 && judged["Kinh Dinh"]?.civilServants == 16)
        #expect(judged["Phủ Hà"]?.cadres == 10 && judged["Phủ Hà"]?.civilServants == 15)
        // The envelope of 50 shares the posts by workload: Kinh Dinh 27, Phủ Hà 23, cadres kept at the titles.
        #expect(after["Kinh Dinh"]?.cadres == 10 && after["Kinh Dinh"]?.civilServants == 17)
        #expect(after["Phủ Hà"]?.cadres == 10 && after["Phủ Hà"]?.civilServants == 13)
        #expect(outcome.after.reduce(0) { $0 + $1.quota.posts.cadres + $1.quota.posts.civilServants } == 50)
        #expect(outcome.after.map(\.quota) == outcome.reallocation?.after.map(\.quota))
    }

    @Test func withoutReallocationTheUnitsAfterAreTheJudgedOnes() throws {
        let inputs = try ScenarioInputs(scenario: Scenario(path: phanRang, overrides: [try Override(parsing: "envelope.cadres_civil_servants=50")]))
        let outcome = try inputs.run(through: .judging)
        #expect(outcome.reallocation == nil)
        #expect(outcome.after == outcome.judged)
    }
}

/// The deadline verdict is decided in MergerSim by its named thresholds.
struct DeadlineVerdictTests {
    @Test func thresholdsDecideTheVerdict() {
        #expect(DeadlineVerdict(probabilityAllWithinQuota: 1) == .met)
        #expect(DeadlineVerdict(probabilityAllWithinQuota: DeadlineVerdict.metThreshold) == .met)
        #expect(DeadlineVerdict(probabilityAllWithinQuota: 0.949) == .atRisk)
        #expect(DeadlineVerdict(probabilityAllWithinQuota: DeadlineVerdict.atRiskThreshold) == .atRisk)
        #expect(DeadlineVerdict(probabilityAllWithinQuota: 0.499) == .notMet)
        #expect(DeadlineVerdict(probabilityAllWithinQuota: 0) == .notMet)
    }
}
