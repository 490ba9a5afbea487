import Foundation
import Testing
import MergerSim
import MergerSimCLI
import MergerSimInputs

/// Issue 22: `mergersim sensitivity` covers the offer model, a named choice under an NC mark
/// (`transition.exits.offer_model: lasting | yearly`), beside the numbers it varied before.
struct SensitivityOfferModelTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
    let offerModel = "rules.transition.exits.offer_model"
    /// The five numbers under the exits' NC mark of every bundled rule set, with their plausible ranges from the
    /// rule files' `plausible:` section (issue 24; before, ±50 %: 0.005–0.015, 0.01–0.03, 0.025–0.075, 0.25–0.75, 0.05–0.15).
    let exitNumbers: [(key: String, value: String, low: String, high: String)] = [
        ("rules.transition.exits.voluntary_rate.cadres", "0.01", "0.005", "0.03"),
        ("rules.transition.exits.voluntary_rate.civil_servants", "0.02", "0.01", "0.05"),
        ("rules.transition.exits.voluntary_rate.non_professional", "0.05", "0.02", "0.1"),
        ("rules.transition.exits.early_retirement_uptake", "0.5", "0", "1"),
        ("rules.transition.exits.resignation_uptake", "0.1", "0", "1"),
    ]

    /// Every bundled rule set marks its exits NC and names `lasting`: the offer model is one choice
    /// parameter, lasting → yearly, under the exits' rule, after the numbers (which keep their ranges).
    @Test(arguments: ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
    func theOfferModelOfABundledRuleSetIsAChoiceToTheOtherModel(ruleSet: String) throws {
        let found = SensitivityParameters.candidates(keyPaths: try RuleSetLoader.keyPaths(ruleSet))
        let exits = found.filter { $0.key.hasPrefix("rules.transition.exits.") }
        #expect(exits.map(\.key) == exitNumbers.map(\.key) + [offerModel])
        #expect(exits.dropLast().map(\.valueText) == exitNumbers.map(\.value))
        #expect(exits.dropLast().map(\.lowText) == exitNumbers.map(\.low))
        #expect(exits.dropLast().map(\.highText) == exitNumbers.map(\.high))
        #expect(found.filter { $0.key == offerModel } == [
            SensitivityParameters.Parameter(key: offerModel, rule: "R-5.3", range: .choice(base: "lasting", alternative: "yearly")),
        ])
        #expect(found.last?.key == offerModel, "the choices come after every number, so the numbers' runs keep their places")
    }

    /// A rule set whose offer model is `yearly` gets `lasting` as the alternative.
    @Test func aYearlyRuleSetGetsLastingAsTheAlternative() throws {
        let yearly = Override(path: offerModel.split(separator: ".").map(String.init), value: "yearly")
        let keyPaths = try RuleSetLoader.keyPaths("vn-2023", overrides: [yearly])
        let found = SensitivityParameters.candidates(keyPaths: keyPaths).filter { $0.key == offerModel }
        #expect(found.map(\.range) == [.choice(base: "yearly", alternative: "lasting")])
        #expect(found.map(\.runs.count) == [1] && found.first?.runs.first?.value == "lasting")
    }

    /// End to end on Phan Rang, the offer model alone: the CSV names the two models, its low side is the
    /// base run, and each swing is the yearly run's mean minus the lasting run's, both read from the
    /// replications of `simulate` runs of their own (same seed, same runs); the base set to `yearly`
    /// turns the row round.
    @Test(arguments: ["lasting", "yearly"])
    func theSwingIsTheOtherModelsFiguresMinusTheRuleSets(base: String) throws {
        let other = base == "lasting" ? "yearly" : "lasting"
        let scratch = try Scratch()
        let runs = "12"
        let run = mergersim(["sensitivity", phanRang, "--runs", runs, "--out", scratch.path("sens"), "--quiet", "--only", offerModel,
                             "--set", "\(offerModel)=\(base)"])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("(1 varied, 2 runs,"), "the base and the other model's run: \(run.out)")
        #expect(run.out.split(separator: "\n").contains { $0.hasPrefix("1 ") && $0.contains(offerModel) && $0.contains("\(base) → \(other)") }, "\(run.out)")
        let rows = try csv(scratch.path("sens/sensitivity.csv"))
        #expect(rows.count == 5 && rows.allSatisfy { $0["parameter"] == offerModel && $0["rule"] == "R-5.3" })
        #expect(rows.allSatisfy { $0["value"] == base && $0["low"] == base && $0["high"] == other && $0["rank"] == "1" })

        var means: [String: [String: Double]] = [:], verdicts: [String: String] = [:]
        for model in [base, other] {
            let out = scratch.path("simulate-\(model)")
            let simulate = mergersim(["simulate", phanRang, "--runs", runs, "--out", out, "--set", "\(offerModel)=\(model)"])
            #expect(simulate.code == 0, "\(simulate.error)")
            let replications = try csv(out + "/replications.csv")
            #expect(replications.count == Int(runs))
            means[model] = Dictionary(uniqueKeysWithValues: rows.map(\.["metric"]).compactMap { $0 }.map { metric in
                (metric, replications.map { Double($0[metric] ?? "") ?? .nan }.reduce(0, +) / Double(replications.count))
            })
            let summary = Dictionary(uniqueKeysWithValues: try csv(out + "/summary.csv").map { ($0["metric"] ?? "", $0["value"] ?? "") })
            verdicts[model] = summary["deadline_verdict"]
            // The summary's own rounded mean agrees with the replications' (a check on the reading).
            let cadres = try #require(Double(summary["surplus_at_deadline_mean_cadres"] ?? ""))
            #expect(abs(cadres - (means[model]?["surplus_at_deadline_cadres"] ?? .nan)) < 0.006)
        }
        for row in rows {
            let metric = try #require(row["metric"])
            let baseMean = try #require(means[base]?[metric]), otherMean = try #require(means[other]?[metric])
            let scale = max(1, abs(baseMean), abs(otherMean)) * 1e-6
            #expect(abs(try #require(Double(row["base_mean"] ?? "")) - baseMean) <= scale, "\(metric)")
            #expect(abs(try #require(Double(row["low_mean"] ?? "")) - baseMean) <= scale, "the low side is the base run: \(metric)")
            #expect(abs(try #require(Double(row["high_mean"] ?? "")) - otherMean) <= scale, "\(metric)")
            #expect(abs(try #require(Double(row["swing"] ?? "")) - (otherMean - baseMean)) <= scale, "swing = \(other) − \(base): \(metric)")
            #expect(row["verdict_base"] == verdicts[base] && row["verdict_low"] == verdicts[base] && row["verdict_high"] == verdicts[other])
        }
        // Lasting offers take fewer people than yearly draws over five years: the swing has a sign, beyond noise.
        let exitCost = try #require(rows.first { $0["metric"] == "exit_cost_vnd" })
        let bound = try #require(Double(exitCost[base == "lasting" ? "swing_ci95_low" : "swing_ci95_high"] ?? ""))
        #expect(base == "lasting" ? bound > 0 : bound < 0, "yearly draws take more offers: \(exitCost)")
    }
}
