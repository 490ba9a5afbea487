import Foundation
import GRDB
import Testing
import MergerSim
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// Issue 24, the store's settings made right: every design point keeps its setting, a setting is its point at its
/// seeds, an upgrade from v4 recovers only what the runs tell, values keep their text, and a failed upgrade changes nothing.
struct RunStoreSettingIdentityTests {
    static let uptake = RunStoreSettingsTests.uptake
    static let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    /// `table` of `store`, every row.
    func rows(_ store: String, _ table: RunStore.Table) throws -> [[String]] {
        try RunStore(reading: store).export(table).rows
    }

    /// Sobol with one value and N = 4 makes N·(k + 2) = 12 points, and its design repeats points (with k = 1 the
    /// matrix A_B is B): each point is a setting with its summary, though fewer runs are stored. Before, a repeated
    /// point moved the run to its setting and deleted the earlier one. With `--jobs 2` the same settings; a resume
    /// changes neither `settings` nor `setting_summary`.
    @Test func everyPointOfASobolDesignKeepsItsSetting() throws {
        let scratch = try Scratch()
        func sobol(_ folder: String, _ extra: [String] = []) throws -> String {
            let run = mergersim(["sensitivity", Self.phanRang, "--runs", "3", "--only", Self.uptake, "--method", "sobol", "--samples", "4",
                                 "--out", scratch.path(folder), "--quiet"] + extra)
            #expect(run.code == 0, "\(run.error)")
            return scratch.path(folder + "/runs.sqlite")
        }
        let store = try sobol("one")
        let settings = try rows(store, .settings), summary = try rows(store, .settingSummary)
        #expect(settings.map { $0[2] } == (1...12).map(String.init))
        #expect(summary.count == 12 * HeadlineMetric.allCases.count)
        #expect(Set(summary.map { $0[0] }) == Set(settings.map { $0[0] }))
        try DatabaseQueue(path: store).read { db in
            let runs = try #require(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs"))
            #expect(runs < 12, "the design repeats a point")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM setting_runs") == 12)
            // Each setting's value is its run's override.
            let mismatched = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM setting_runs JOIN runs ON runs.id = setting_runs.run
                JOIN setting_values ON setting_values.setting_id = setting_runs.setting_id
                WHERE instr(runs.overrides, setting_values.key || '=' || setting_values.value_text) = 0
                """)
            #expect(mismatched == 0)
        }
        let parallel = try sobol("two", ["--jobs", "2"])
        #expect(try rows(parallel, .settings).map { Array($0[1...]) } == settings.map { Array($0[1...]) })
        #expect(try rows(parallel, .settingSummary).map { Array($0[1...]) } == summary.map { Array($0[1...]) })
        _ = try sobol("one")
        #expect(try rows(store, .settings) == settings)
        #expect(try rows(store, .settingSummary) == summary)
    }

    /// The path another job takes when a design repeats a point (`--jobs 2`: both jobs run it, one stores it first):
    /// `record` finds the key stored and links the second point's setting to the run, with its summary. Before, it
    /// returned nil and linked nothing, so the second point had no setting. Recording it again changes nothing.
    @Test func aRunStoredByAnotherJobIsLinkedToTheRepeatedPoint() throws {
        let scratch = try Scratch()
        let store = try RunStore(path: scratch.path("s.sqlite"))
        let inputs = try ScenarioInputs(scenario: Scenario(path: Self.phanRang, overrides: [Override(parsing: "transition.runs=5")]))
        let outcome = try inputs.run()
        let summary = RunSummary(inputs.run, outcome)
        func point(_ number: Int) -> StoredSetting {
            StoredSetting(sweep: "design", number: number, seeds: [42], keyHash: "point \(number)", values: [.init(key: "transition.runs", value: "5")])
        }
        let first = try #require(try store.record(StoredRun(inputs: inputs, outcome: outcome, summary: summary, key: "k", sweep: "design", setting: point(1))))
        let repeated = StoredRun(inputs: inputs, outcome: outcome, summary: summary, key: "k", sweep: "design", setting: point(2))
        #expect(try store.record(repeated) == nil)
        let summaries = try store.export(.settingSummary).rows
        #expect(summaries.map { $0[2] } == Array(repeating: "1", count: 5) + Array(repeating: "2", count: 5))
        #expect(summaries.filter { $0[2] == "1" }.map { Array($0[3...]) } == summaries.filter { $0[2] == "2" }.map { Array($0[3...]) })
        try DatabaseQueue(path: scratch.path("s.sqlite")).read { (db: Database) throws in
            #expect(try Int64.fetchAll(db, sql: "SELECT run FROM setting_runs ORDER BY setting_id") == [first, first])
        }
        #expect(try store.record(repeated) == nil)
        #expect(try store.export(.settingSummary).rows == summaries)
    }

    /// A setting is its point at the sweep's seeds: a folder holding seeds 1, 2 and 3 of a sweep, then swept at seeds 1
    /// and 2, has the two-seed settings with sweep.csv's numbers (24 replications, not 36), beside the three-seed ones.
    @Test func aSettingSummaryPoolsTheSeedsItsSweepCSVPools() throws {
        let scratch = try Scratch()
        let three = RunStoreSettingsTests.body.replacingOccurrences(of: "seeds: [1, 2]", with: "seeds: [1, 2, 3]")
        let first = mergersim(["sweep", try RunStoreSettingsTests().sweepFile(scratch, three), "--out", scratch.path("out"), "--quiet"])
        #expect(first.code == 0, "\(first.error)")
        let second = mergersim(["sweep", try RunStoreSettingsTests().sweepFile(scratch), "--out", scratch.path("out"), "--quiet"])
        #expect(second.code == 0 && second.out.contains("0 run now, 8 already stored"), "\(second)")
        let store = scratch.path("out/runs.sqlite")
        #expect(try rows(store, .settings).map { [$0[2], $0[3]] } == (1...4).flatMap { [["\($0)", "1 2 3"], ["\($0)", "1 2"]] })
        let twoSeeds = Set(try rows(store, .settings).filter { $0[3] == "1 2" }.map { $0[0] })
        let summary = try rows(store, .settingSummary).filter { twoSeeds.contains($0[0]) }
        let written = try csv(scratch.path("out/sweep.csv"))
        #expect(summary.count == written.count)
        for row in written {
            let stored = try #require(summary.first { $0[2] == row["setting"] && $0[3] == row["metric"] })
            #expect(stored[4] == "24" && stored[4] == row["replications"])
            #expect(Array(stored[5...8]) == ["mean", "standard_error", "ci95_low", "ci95_high"].map { row[$0] ?? "" }, "\(stored) \(row)")
        }
        #expect(try rows(store, .settingSummary).filter { !twoSeeds.contains($0[0]) }.allSatisfy { $0[4] == "36" })
    }

    /// A value keeps its text as written; its number only when it is plain decimal notation (as the sweep file reads it).
    @Test func aSettingValueKeepsItsTextAndANumberOnlyForADecimal() {
        let cases: [(String, Double?)] = [("01", 1), ("0.10", 0.1), (".5", 0.5), ("-3", -3), ("1e3", nil), ("0x1F", nil), ("inf", nil),
                                          ("1_000", nil), ("district", nil), ("", nil)]
        for (text, number) in cases {
            let value = StoredSetting.Value(key: "k", value: text)
            #expect(value.text == text && value.number == number, "\(text)")
        }
    }

    /// A v4 store whose runs are out of order (two swapped by SQL, as `--jobs 2` can store them), one run of an edited
    /// scenario and one whose point leaves the uptake unset: the upgrade numbers no setting (the order does not tell
    /// sweep.csv's), keeps the edited run apart, and stores only the keys a point sets.
    @Test func anUpgradeRecoversOnlyWhatTheStoredRunsTell() throws {
        let scratch = try Scratch()
        let store = try RunStoreSettingsTests().sweep(scratch, ["--quiet"]).folder + "/runs.sqlite"
        try RunStoreSettingsTests.makeV4(store)
        try DatabaseQueue(path: store).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                for table in ["runs", "summary", "timeline", "units_after", "replications", "precision_intervals"] {
                    let column = table == "runs" ? "id" : "run"
                    try db.execute(sql: "UPDATE \(table) SET \(column) = -1 WHERE \(column) = 1")
                    try db.execute(sql: "UPDATE \(table) SET \(column) = 1 WHERE \(column) = 3")
                    try db.execute(sql: "UPDATE \(table) SET \(column) = 3 WHERE \(column) = -1")
                }
                try db.execute(sql: "UPDATE runs SET scenario_sha256 = 'edited' WHERE id = 8")
                try db.execute(sql: "UPDATE runs SET overrides = '[\"transfers.scope=district\"]' WHERE id = 7")
                return .commit
            }
        }
        _ = try RunStore(path: store)
        let settings = try rows(store, .settings)
        #expect(settings.count == 5)
        #expect(settings.allSatisfy { $0[2] == "" && $0[3] == "" }, "\(settings)")
        try DatabaseQueue(path: store).read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM setting_values WHERE value_text = ''") == 0)
            let ofRun7 = try String.fetchAll(db, sql: """
                SELECT key FROM setting_values JOIN setting_runs ON setting_runs.setting_id = setting_values.setting_id WHERE run = 7
                """)
            #expect(ofRun7 == ["transfers.scope"])
            #expect(try Int.fetchAll(db, sql: "SELECT COUNT(*) FROM setting_runs WHERE setting_id = (SELECT setting_id FROM setting_runs WHERE run = 8)") == [1])
            // Runs 1 and 3 (swapped) are still each with the runs of their own point.
            let partners = try Int64.fetchAll(db, sql: """
                SELECT b.run FROM setting_runs a JOIN setting_runs b ON a.setting_id = b.setting_id AND b.run != a.run WHERE a.run = 3
                """)
            #expect(partners == [2], "run 3 now holds setting 1 at seed 1; run 2 is setting 1 at seed 2")
        }
    }

    /// A run's overrides that are not JSON stop the upgrade with an error naming the store and the run (65), and leave
    /// the v4 file byte for byte as it was, readable; `store merge` from it names the run and the source.
    @Test func aFailedUpgradeNamesTheRunAndLeavesTheStoreAsItWas() throws {
        let scratch = try Scratch()
        let folder = try RunStoreSettingsTests().sweep(scratch, ["--quiet"]).folder
        let store = folder + "/runs.sqlite"
        try RunStoreSettingsTests.makeV4(store)
        try DatabaseQueue(path: store).write { db in try db.execute(sql: "UPDATE runs SET overrides = 'not json' WHERE id = 5") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: store))
        let resumed = mergersim(["sweep", try RunStoreSettingsTests().sweepFile(scratch), "--out", folder, "--quiet"])
        #expect(resumed.code == 65)
        #expect(resumed.error == "error: \(store): run 5's overrides (not json) are not a JSON list of KEY=VALUE texts", "\(resumed.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == bytes)
        #expect(try RunStore(reading: store).count() == 8)
        try FileManager.default.createDirectory(atPath: scratch.path("merged"), withIntermediateDirectories: false)
        let merged = mergersim(["store", "merge", scratch.path("merged/runs.sqlite"), store])
        #expect(merged.code == 65 && merged.error.hasPrefix("error: \(store): run 5's overrides"), "\(merged.error)")
    }
}
