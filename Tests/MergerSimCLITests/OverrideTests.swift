import Foundation
import Testing
import MergerSim
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 11: `--set KEY=VALUE` on scenario keys and rule-set values, checked as the files are.
struct OverrideTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    @Test func parsesKeyPathsAndValues() throws {
        let override = try Override(parsing: "rules.transition.exits.resignation_uptake=0.3")
        #expect(override.path == ["rules", "transition", "exits", "resignation_uptake"])
        #expect(override.value == "0.3")
        #expect(override.target.0 == .rules && override.target.1 == ["transition", "exits", "resignation_uptake"])
        #expect(try Override(parsing: "rules=vn-2026").target.0 == .scenario, "rules alone is the scenario's key")
        #expect(try Override(parsing: "name=a=b").value == "a=b", "the value runs from the first =")
        for bad in ["transfers.scope", "=none", "transfers..scope=none", "a b=1"] {
            #expect(throws: InputError.self, "\(bad)") { try Override(parsing: bad) }
        }
    }

    @Test func scenarioKeysTakeTheValueAsTheFileWould() throws {
        let scenario = try Scenario(path: phanRang, overrides: [Override(parsing: "transfers.scope=none"), Override(parsing: "transition.runs=200"),
                                                               Override(parsing: "envelope.cadres_civil_servants=900")])
        #expect(scenario.settings.transfers?.scope == TransferSettings.Scope.Name.none)
        #expect(scenario.transferSettings.scope == .none)
        #expect(scenario.settings.transition?.runs == 200)
        #expect(scenario.envelopes.first?.positions == 900)
        // A key the file leaves out can be given, within the keys a scenario may have.
        let dated = try Scenario(path: phanRang, overrides: [Override(parsing: "deadlines.non_professional=2026-01-01")])
        #expect(dated.deadlines[.nonProfessional]?.description == "2026-01-01")
    }

    @Test func ruleSetValuesReachTheRunAndTheManifest() throws {
        let scratch = try Scratch()
        let run = mergersim(["simulate", phanRang, "--out", scratch.path("run"), "--quiet", "--set", "transition.runs=20",
                             "--set", "rules.transition.exits.resignation_uptake=0.3"])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("Overrides (--set): transition.runs=20, rules.transition.exits.resignation_uptake=0.3"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("run/manifest.json")))) as? [String: Any])
        #expect(manifest["overrides"] as? [String] == ["transition.runs=20", "rules.transition.exits.resignation_uptake=0.3"])
        #expect(manifest["runs"] as? Int == 20)
        let inputs = try ScenarioInputs(scenario: Scenario(path: phanRang, overrides: [Override(parsing: "rules.transition.exits.resignation_uptake=0.3")]))
        #expect(inputs.rules.rules.transition.exits.resignationUptake == 0.3)
        #expect(inputs.rules.sha256 == (try RuleSetLoader.load(inputs.rules.rules.id)).sha256, "the hash stays the file's; the override is listed apart")
    }

    @Test(arguments: [
        ("transfers.scop=none", "unknown key \"scop\" in transfers; it has cross_category, max_km, scope"),
        ("transition.runs=abc", "expected a whole number"),
        ("transition.runs=0", "transition runs must be from 1"),
        ("transfers.scope=radius", "need max_km"),
        ("name.first=x", "holds a single value"),
        ("rules.transition.exits.nope=1", "no key \"nope\" in transition.exits; it has"),
        ("rules.transition.exits.resignation_uptake=1.3", "a rate or uptake must be from 0 to 1"),
        ("rules.transition.exits.voluntary_rate=0.1", "voluntary_rate"),
        ("rules.standards.99.population=1", "not one of its positions"),
    ])
    func badOverridesAreUsageErrorsNamingTheKey(given: String, says: String) {
        let run = mergersim(["validate", phanRang, "--set", given])
        #expect(run.code == 64, "\(given): \(run.error)")
        #expect(run.error.contains("--set \(given)"), "\(run.error)")
        #expect(run.error.contains(says), "\(run.error)")
    }

    @Test func screenTakesRuleSetValuesOnly() throws {
        let scratch = try Scratch()
        let units = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path
        let refused = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("a"), "--set", "transfers.scope=none"])
        #expect(refused.code == 64 && refused.error.contains("only rule-set values"))
        // Halving the population standard of wards turns failures into passes, as an edited file would.
        let plain = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("b")])
        // The standard of wards in a provincial city, found by its key path.
        let keys = try RuleSetLoader.keyPaths("vn-2023")
        let ward = try #require(keys.first { $0.path.hasPrefix("standards.") && $0.path.hasSuffix(".district_kind") && $0.value == "provincial_city" })
        let population = ward.path.replacingOccurrences(of: ".district_kind", with: ".population")
        let eased = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("c"), "--set", "rules.\(population)=1"])
        #expect(plain.code == 0 && eased.code == 0, "\(eased.error)")
        #expect(try csv(scratch.path("b/screening.csv")) != (try csv(scratch.path("c/screening.csv"))))
    }

    @Test func rulesKeysListsEveryValueSetCanChange() {
        let run = mergersim(["rules", "vn-2025", "--keys"])
        #expect(run.code == 0)
        #expect(run.out.contains("rules.transition.exits.resignation_uptake"))
        #expect(run.out.split(separator: "\n").allSatisfy { $0.hasPrefix("rules.") })
    }
}
