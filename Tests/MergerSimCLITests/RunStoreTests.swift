import Foundation
import GRDB
import Testing
import MergerSim
import MergerSimCLI
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// Issue 11: `simulate --store FILE` records each run in a SQLite run store that other tools can read.
struct RunStoreTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    @Test func simulateRecordsTheRunWhole() throws {
        let scratch = try Scratch()
        let store = scratch.path("runs.sqlite")
        for uptake in ["0.1", "0.3"] {
            let run = mergersim(["simulate", phanRang, "--out", scratch.path("run-\(uptake)"), "--quiet", "--store", store,
                                 "--set", "transition.runs=40", "--set", "rules.transition.exits.resignation_uptake=\(uptake)"])
            #expect(run.code == 0, "\(run.error)")
        }
        let database = try DatabaseQueue(path: store)
        try database.read { db in
            let runs = try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id")
            #expect(runs.count == 2)
            #expect(runs.map { $0["overrides"] as String } == [#"["transition.runs=40","rules.transition.exits.resignation_uptake=0.1"]"#,
                                                                #"["transition.runs=40","rules.transition.exits.resignation_uptake=0.3"]"#])
            #expect(runs.allSatisfy { $0["seed"] as Int == 42 && $0["runs"] as Int == 40 && $0["rules"] as String == "vn-2023" })
            // The summary holds summary.csv's figures, numbers as numbers.
            let written = try csv(scratch.path("run-0.1/summary.csv"))
            let stored = try Row.fetchAll(db, sql: "SELECT metric, value FROM summary WHERE run = 1")
            #expect(stored.count == written.count)
            let cost = try #require(try Double.fetchOne(db, sql: "SELECT value FROM summary WHERE run = 1 AND metric = 'exit_cost_vnd_mean'"))
            #expect(String(format: "%.0f", cost) == written.first { $0["metric"] == "exit_cost_vnd_mean" }?["value"])
            // One row per replication; their mean is the timeline's mean at the deadline.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM replications WHERE run = 1") == 40)
            let mean = try #require(try Double.fetchOne(db, sql: "SELECT AVG(surplus_at_deadline_cadres) FROM replications WHERE run = 1"))
            let years = try #require(try Int.fetchOne(db, sql: "SELECT years FROM runs WHERE id = 1"))
            let timeline = try #require(try Double.fetchOne(db, sql: "SELECT mean FROM timeline WHERE run = 1 AND year = ? AND category = 'cadres' AND metric = 'surplus'",
                                                           arguments: [years]))
            #expect(abs(mean - timeline) < 1e-9)
            let units = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM units_after WHERE run = 2")
            #expect(units == (try csv(scratch.path("run-0.3/units_after.csv"))).count)
        }
    }

    @Test func aRunWithAStoredKeyIsNotStoredTwice() throws {
        let scratch = try Scratch()
        let store = try RunStore(path: scratch.path("s.sqlite"))
        let inputs = try ScenarioInputs(scenario: Scenario(path: phanRang, overrides: [Override(parsing: "transition.runs=5")]))
        let outcome = try inputs.run()
        let summary = RunSummary(before: outcome.before, after: outcome.after, deadline: nil)
        let run = StoredRun(inputs: inputs, outcome: outcome, summary: summary, key: "setting-1")
        #expect(try store.record(run) != nil)
        #expect(try store.record(run) == nil)
        #expect(try store.count() == 1)
        #expect(try store.contains(key: "setting-1") && !(try store.contains(key: "setting-2")))
        // Opened again, the schema is migrated once and the run is there.
        #expect(try RunStore(path: scratch.path("s.sqlite")).count() == 1)
    }

    /// Issue 21, item 2: the verdict is read back typed; a value mergersim does not know is an error, not "".
    @Test func anUnknownStoredVerdictIsAnError() throws {
        let scratch = try Scratch()
        let store = try RunStore(path: scratch.path("s.sqlite"))
        let inputs = try ScenarioInputs(scenario: Scenario(path: phanRang, overrides: [Override(parsing: "transition.runs=5")]))
        let outcome = try inputs.run()
        let summary = RunSummary(inputs.run, outcome)
        let id = try #require(try store.record(StoredRun(inputs: inputs, outcome: outcome, summary: summary)))
        #expect(try store.deadlineVerdict(ofRun: id) == summary.transition?.verdict)
        #expect(try store.headlineResult(ofRun: id).headlines.count == 5)
        try DatabaseQueue(path: scratch.path("s.sqlite")).write { db in
            try db.execute(sql: "UPDATE summary SET value = 'probably' WHERE metric = 'deadline_verdict'")
        }
        #expect {
            try store.deadlineVerdict(ofRun: id)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.kind == .badData && error.message.contains("\"probably\"") && error.message.contains("\"at risk\"")
        }
        try DatabaseQueue(path: scratch.path("s.sqlite")).write { db in
            try db.execute(sql: "DELETE FROM summary WHERE metric = 'deadline_verdict'")
        }
        #expect(throws: InputError.self) { try store.deadlineVerdict(ofRun: id) }
    }

    @Test func aFileThatIsNotAStoreIsRefusedAndLeftAsItWas() throws {
        let scratch = try Scratch()
        let junk = try scratch.write("notes.sqlite", Array("my notes".utf8))
        let other = scratch.path("other.sqlite")
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE mine (x INTEGER)") }
        let otherBytes = try Data(contentsOf: URL(fileURLWithPath: other))
        for path in [junk, other] {
            let run = mergersim(["simulate", phanRang, "--out", scratch.path("out"), "--quiet", "--store", path, "--set", "transition.runs=5"])
            #expect(run.code == 73, "\(run.error)")
            #expect(run.error.contains("not a mergersim run store"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: junk)) == Data("my notes".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == otherBytes)
    }
}

/// Issue 11, item 6: the manifest as researchers read it.
struct ManifestForResearchersTests {
    @Test func valuesAreJSONKeysSnakeCaseAndPathsRelativeToTheScenario() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        #expect(mergersim(["simulate", scenario, "--runs", "5", "--quiet", "--out", scratch.path("out"), "--set", "transfers.scope=none"]).code == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: scratch.path("out/manifest.json")))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // One key style: snake_case everywhere outside the rule set's own values.
        func keys(_ node: Any, skipping: Set<String>) -> [String] {
            if let object = node as? [String: Any] {
                return object.flatMap { key, value in [key] + (skipping.contains(key) ? [] : keys(value, skipping: skipping)) }
            }
            if let array = node as? [Any] { return array.flatMap { keys($0, skipping: skipping) } }
            return []
        }
        let all = keys(manifest, skipping: ["value"])
        #expect(all.contains("rules_before") && all.contains("effective_date"))
        #expect(all.allSatisfy { $0 == $0.lowercased() && !$0.contains("-") }, "\(all.filter { $0 != $0.lowercased() })")
        // Inputs relative to the scenario file.
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["path"] as? String } == ["scenario.yaml", "units.csv", "plan.csv"])
        // Assumption values are JSON values, not JSON text.
        let assumptions = try #require(manifest["assumptions"] as? [[String: Any]])
        let exits = try #require(assumptions.first { $0["path"] as? String == "transition.exits" }?["value"] as? [String: Any])
        #expect(exits["resignation_uptake"] as? Double == 0.1)
        #expect(manifest["transfers"] as? String == "scope=none cross_category=false")
        #expect(manifest["overrides"] as? [String] == ["transfers.scope=none"])
    }
}
