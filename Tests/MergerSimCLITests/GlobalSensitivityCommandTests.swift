import Foundation
import Testing
import MergerSim
import MergerSimCLI
import MergerSimInputs
import MergerSimStore

/// Issue 24: `sensitivity --method morris|sobol` runs a design's points as settings with the scenario's seed.
struct GlobalSensitivityCommandTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
    let exits = "rules.transition.exits"
    let metrics = ["surplus_at_deadline_cadres", "surplus_at_deadline_civil_servants", "surplus_at_deadline_non_professional",
                   "exit_cost_vnd", "all_within_quota"]

    /// Morris over the five exit numbers: one row per metric and number; μ* ≥ |μ|; a category's voluntary rate moves no
    /// other category's surplus (μ* = 0 exactly: the same seed, and no other path); started again, every run is stored.
    @Test func morrisWritesEveryMetricAndResumes() throws {
        let scratch = try Scratch()
        let arguments = ["sensitivity", phanRang, "--runs", "4", "--only", exits, "--method", "morris", "--trajectories", "3",
                         "--out", scratch.path("m"), "--quiet"]
        let run = mergersim(arguments)
        #expect(run.code == 0, "\(run.error)")
        let rows = try csv(scratch.path("m/morris.csv"))
        #expect(rows.count == 5 * metrics.count)
        #expect(Set(rows.compactMap { $0["metric"] }) == Set(metrics))
        for row in rows {
            let mu = try #require(Double(row["mu"] ?? "")), muStar = try #require(Double(row["mu_star"] ?? ""))
            #expect(muStar >= abs(mu) - 1e-9)
            #expect(row["range_source"] == "rule_set")
        }
        let untouched = try #require(rows.first { $0["metric"] == "surplus_at_deadline_cadres" && $0["key"] == "\(exits).voluntary_rate.civil_servants" })
        #expect(untouched["mu_star"] == "0" && untouched["sigma"] == "0")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("m/manifest.json")))) as? [String: Any]
        #expect(manifest?["method"] as? String == "morris" && manifest?["sample_size"] as? Int == 3 && manifest?["points"] as? Int == 18)
        #expect(manifest?["seed"] as? Int == 42)
        let again = mergersim(arguments)
        #expect(again.out.contains("18 runs, 18 stored already"), "\(again.out)")
        #expect(try csv(scratch.path("m/morris.csv")) == rows, "the same seed gives the same design and the same runs")
    }

    /// Sobol over the five exit numbers with N = 4: N·(k + 2) = 28 points, a row per metric and number, each
    /// interval around its estimate's bootstrap; the sample size must be a power of 2.
    @Test func sobolWritesIndicesAndRefusesANonPowerOfTwo() throws {
        let scratch = try Scratch()
        let run = mergersim(["sensitivity", phanRang, "--runs", "3", "--only", exits, "--method", "sobol", "--samples", "4",
                             "--out", scratch.path("s"), "--quiet", "--lang", "vi"])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("Chỉ số Sobol") && run.out.contains("28 lần chạy"), "\(run.out)")
        let rows = try csv(scratch.path("s/sobol.csv"))
        #expect(Set(rows.compactMap { $0["key"] }).count == 5)
        #expect(rows.first.map { Array($0.keys).sorted() } == ["high", "key", "low", "metric", "range_source", "s1", "s1_ci95_high", "s1_ci95_low",
                                                              "st", "st_ci95_high", "st_ci95_low"])
        let refused = mergersim(["sensitivity", phanRang, "--method", "sobol", "--samples", "100", "--out", scratch.path("t")])
        #expect(refused.code == 64 && refused.error.contains("--samples"), "\(refused.error)")
    }

    /// The design maps each coordinate onto the parameter's range; a whole number stays whole.
    @Test func designPointsBecomeValuesInTheRange() throws {
        let analysis = try SensitivityAnalysis(scenarioPath: phanRang, base: [], only: ["rules.transition.synthetic_roster.cadres"])
        let global = try GlobalSensitivityAnalysis(oneAtATime: analysis, method: .morris, size: 2, seed: 1, base: [])
        #expect(global.parameters.count == 7)
        for setting in global.settings {
            for (p, text) in zip(global.parameters, setting.values) {
                guard case .numeric(_, let low, let high) = p.range, let x = Double(text) else { Issue.record("\(p.key) = \(text)"); continue }
                #expect(low <= x && x <= high, "\(p.key) = \(text)")
                if p.key.hasSuffix("minimum_age") { #expect(x == x.rounded()) }
            }
        }
    }
}
