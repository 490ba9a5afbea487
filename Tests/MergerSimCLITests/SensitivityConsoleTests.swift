import Foundation
import Testing
import MergerSimCLI

/// Issue 24, from the native reader: the tornado table gives the share of runs with every unit within quota in
/// percentage points (it printed +1,000 for a swing of the whole range) and never a negative zero.
struct SensitivityConsoleTests {
    @Test func theShareSwingsInPercentagePointsAndZeroHasNoSign() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let run = mergersim(["sensitivity", scenario, "--runs", "10", "--only", "rules.transition.exits", "--out", scratch.path("out"), "--quiet"])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("Δ share ok (pp)"))
        let rows = try csv(scratch.path("out/sensitivity.csv"))
        let share = try #require(rows.first { $0["parameter"] == "rules.transition.exits.resignation_uptake" && $0["metric"] == "all_within_quota" })
        let swing = try #require(Double(share["swing"] ?? ""))
        let line = try #require(run.out.split(separator: "\n").first { $0.contains("rules.transition.exits.resignation_uptake ") })
        #expect(line.contains(String(format: "%+.1f", swing * 100)), "\(line)")
        #expect(!run.out.contains("-0.0"))
    }
}
