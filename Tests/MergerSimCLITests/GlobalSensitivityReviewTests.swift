import Foundation
import Testing
import MergerSim
import MergerSimInputs
@testable import MergerSimStore

/// Issue 24, from the review of the global methods: a number keeps whole values only when the rule file writes
/// it whole, and a Sobol metric constant where its indices are computed is reported constant, not an error after
/// every run is done.
struct GlobalSensitivityReviewTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    /// A share the rule file writes `1.0` over 0–1 stays a share at u = 0.4 (it was rounded to 0: the check read
    /// the re-formatted "1", not the file's text); an age written `25` over 18–30 stays whole.
    @Test func wholeValuesOnlyWhereTheFileWritesThemWhole() {
        var share = SensitivityParameters.Parameter(key: "rules.x.share", rule: "R-0", range: .numeric(value: 1, low: 0, high: 1), rangeSource: .ruleSet)
        share.whole = false
        #expect(GlobalSensitivityAnalysis.value(of: share, at: 0.4) == "0.4")
        var age = SensitivityParameters.Parameter(key: "rules.x.age", rule: "R-0", range: .numeric(value: 25, low: 18, high: 30), rangeSource: .ruleSet)
        age.whole = true
        #expect(GlobalSensitivityAnalysis.value(of: age, at: 0.4) == "23")
    }

    /// The rule file's own text decides: the cadres' insured-from age (`25`) is whole; their mean salary coefficient,
    /// written `3.0`, is not (its re-formatted text, "3", would have said it was); an uptake (`0.25`) is not.
    @Test func theFilesTextDecidesWholeness() throws {
        let analysis = try SensitivityAnalysis(scenarioPath: phanRang, base: [], only: ["rules"])
        func parameter(_ suffix: String) -> SensitivityParameters.Parameter? { analysis.parameters.first { $0.key.hasSuffix(suffix) } }
        #expect(parameter("cadres.insured_from_age")?.whole == true)
        #expect(parameter("cadres.salary_coefficient_mean")?.whole == false)
        #expect(parameter("cadres.salary_coefficient_mean")?.valueText == "3")
        #expect(parameter("exits.early_retirement_uptake")?.whole == false)
    }

    /// Sobol: a share constant over A and B (the indices' variance) but varying on one A_B^(i) row is constant,
    /// not a GSL error thrown after the runs.
    @Test func aSobolMetricConstantOnAAndBIsReportedConstant() throws {
        let oneAtATime = try SensitivityAnalysis(scenarioPath: phanRang, base: [], only: ["rules.transition.exits.resignation_uptake",
                                                                                          "rules.transition.exits.early_retirement_uptake"])
        let global = try GlobalSensitivityAnalysis(oneAtATime: oneAtATime, method: .sobol, size: 4, seed: 1, base: [])
        guard case .sobol(let design) = global.design else { Issue.record("not a Sobol design"); return }
        let n = design.baseSamples, count = design.points.count
        var share = Array(repeating: 0.0, count: count)
        share[2 * n] = 1  // the first row of A_B^(0)
        let varying = (0..<count).map(Double.init)
        var outputs: [HeadlineMetric: [Double]] = [:]
        for metric in HeadlineMetric.allCases { outputs[metric] = metric == .allWithinQuota ? share : varying }
        let results = try global.results(outputs: outputs, resamples: 50)
        #expect(results.constant == [.allWithinQuota])
        #expect(results.sobol.contains { $0.metric == .exitCostVND })
    }
}
