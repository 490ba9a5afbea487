import Foundation
import Testing
import MergerSim
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 11: `mergersim sensitivity` ranks the NC values by how far they move the headline figures.
struct SensitivityTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
    let keys = ["rules.transition.exits.voluntary_rate.cadres", "rules.transition.exits.resignation_uptake"]

    /// The test makes one of two values decisive (the other next to irrelevant), then the other way round;
    /// each time the decisive one must rank first.
    @Test(arguments: [(0.2, 0.0002, 0), (0.0002, 0.3, 1)])
    func theValueMadeDecisiveRanksFirst(voluntary: Double, uptake: Double, decisive: Int) throws {
        let scratch = try Scratch()
        // Issue 24: each value's range is the rule set's plausible range, set here to ±50 % of the value set.
        let ranges = [(keys[0], voluntary), (keys[1], uptake)].flatMap { key, value in
            ["--set", "rules.plausible.\(key.dropFirst("rules.".count)).min=\(value * 0.5)",
             "--set", "rules.plausible.\(key.dropFirst("rules.".count)).max=\(value * 1.5)"]
        }
        let run = mergersim(["sensitivity", phanRang, "--runs", "60", "--out", scratch.path("out"), "--quiet",
                             "--only", keys[0], "--only", keys[1],
                             "--set", "\(keys[0])=\(voluntary)", "--set", "\(keys[1])=\(uptake)"] + ranges)
        #expect(run.code == 0, "\(run.error)")
        let rows = try csv(scratch.path("out/sensitivity.csv"))
        #expect(Set(rows.map { $0["parameter"]! }) == Set(keys))
        // Per parameter (two), one row per headline metric.
        let metrics = ["surplus_at_deadline_cadres", "surplus_at_deadline_civil_servants", "surplus_at_deadline_non_professional",
                       "exit_cost_vnd", "all_within_quota"]
        #expect(rows.count == 2 * metrics.count && Set(rows.map { $0["metric"] ?? "" }) == Set(metrics))
        let first = try #require(rows.first { $0["rank"] == "1" })
        #expect(first["parameter"] == keys[decisive])
        // The plausible range set (±50 % of the value set), and the swing is high minus low.
        let cadres = try #require(rows.first { $0["parameter"] == keys[decisive] && $0["metric"] == "surplus_at_deadline_cadres" })
        let value = decisive == 0 ? voluntary : uptake
        #expect(Double(cadres["low"]!)! == value * 0.5 && abs(Double(cadres["high"]!)! - value * 1.5) < 1e-12)
        #expect(abs(Double(cadres["swing"]!)! - (Double(cadres["high_mean"]!)! - Double(cadres["low_mean"]!)!)) < 1e-6)
        #expect(Double(cadres["swing_ci95_high"]!)! < 0, "more exits leave fewer surplus cadres, beyond noise")
        #expect(run.out.split(separator: "\n").contains { $0.hasPrefix("1 ") && $0.contains(keys[decisive]) }, "\(run.out)")
        // Stored: the base and each value's low and high; started again, nothing runs twice.
        let again = mergersim(["sensitivity", phanRang, "--runs", "60", "--out", scratch.path("out"), "--quiet",
                               "--only", keys[0], "--only", keys[1], "--set", "\(keys[0])=\(voluntary)", "--set", "\(keys[1])=\(uptake)"] + ranges)
        #expect(again.out.contains("5 runs, 5 stored already"), "\(again.out)")
    }

    @Test func everyNumberUnderAnNCMarkIsACandidateWithItsRange() throws {
        let paths: [(path: String, value: String)] = [
            ("transition.exits.rule", "R-5.3"), ("transition.exits.status", "NC"), ("transition.exits.resignation_uptake", "0.1"),
            ("transition.exits.early_retirement_uptake", "0.8"), ("transition.exits.voluntary_rate.cadres", "0.01"),
            ("quotas.rule", "R-4.1"), ("quotas.base", "9"), ("deadline.status", "NC"), ("deadline.years", "5"), ("deadline.from", "2025-07-01"),
            ("classification.other_points.default", "0"), ("classification.other_points.status", "NC"),
        ]
        let found = SensitivityParameters.candidates(keyPaths: paths)
        #expect(found.map(\.key) == ["rules.transition.exits.resignation_uptake", "rules.transition.exits.early_retirement_uptake",
                                     "rules.transition.exits.voluntary_rate.cadres", "rules.deadline.years"])
        let ranges = try found.map { p in
            guard case .numeric(let value, let low, let high) = p.range else { throw RangeIsNotANumber(key: p.key) }
            return (value, low, high)
        }
        #expect(ranges[0].0 == 0.1 && ranges[0].1 == 0.05 && abs(ranges[0].2 - 0.15) < 1e-12 && found[0].rule == "R-5.3")
        #expect(ranges[1].2 == 1, "an uptake stays at most 1")
        #expect(ranges[3].1 == 2 && ranges[3].2 == 8, "whole numbers go to the whole numbers below and above")
        // What the overrides and the CSV write: unchanged by the typed range.
        #expect(found.map(\.lowText) == ["0.05", "0.4", "0.005", "2"] && found.map(\.highText) == ["0.15", "1", "0.015", "8"])
        #expect(found.map(\.valueText) == ["0.1", "0.8", "0.01", "5"])
    }

    struct RangeIsNotANumber: Error { var key: String }
}
