import Foundation
import GRDB
import Testing
import MergerSimInputs
import MergerSimStore

/// Issue 22, `simulate --precision R` and `precision:` in a scenario: bad values refused (64 on the command
/// line, 65 at the scenario's line and column); a run until precise reported in the console, the
/// manifest and the store; an old store migrated.
struct PrecisionCommandTests {
    static let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    @Test(arguments: ["0", "-1", "nan", "abc", "inf", "-0.5"])
    func badPrecisionOnTheCommandLineIsAUsageError(value: String) throws {
        let scratch = try Scratch()
        let run = mergersim(["simulate", Self.phanRang, "--out", scratch.path("out"), "--quiet", "--precision=\(value)"])
        #expect(run.code == 64, "\(value): \(run.error)")
        #expect(!scratch.exists("out"))
    }

    @Test func precisionNeedsAtLeastTheMinimumRuns() throws {
        let scratch = try Scratch()
        let run = mergersim(["simulate", Self.phanRang, "--out", scratch.path("out"), "--quiet", "--precision", "0.1", "--runs", "50"])
        #expect(run.code == 64 && run.error.contains("at least 100"), "\(run.error)")
    }

    @Test(arguments: [
        ("transition: {precision: 0}\n", "6:25: transition precision must be a positive number"),
        ("transition: {precision: -0.1}\n", "6:25: transition precision must be a positive number"),
        ("transition: {runs: 50, precision: 0.1}\n", "6:35: transition precision needs runs of at least 100"),
        ("transition: {precision: high}\n", "6:25: "),
    ])
    func badPrecisionInAScenarioIsLocated(extra: String, says: String) throws {
        let (scratch, path) = try phanRangScenario("name: t\nrules: vn-2023\neffective_date: 2024-11-01\n" + extra)
        let run = mergersim(["simulate", path, "--out", scratch.path("out"), "--quiet"])
        #expect(run.code == 65, "\(run.error)")
        #expect(run.error.hasPrefix("error: \(path):\(says)"), "\(run.error)")
    }

    /// A loose precision stops at 100 runs: the console, the manifest, summary.csv and the store say so.
    @Test func aRunUntilPreciseIsReportedAndStored() throws {
        let scratch = try Scratch()
        let store = scratch.path("runs.sqlite")
        let run = mergersim(["simulate", Self.phanRang, "--out", scratch.path("out"), "--quiet", "--precision", "1000", "--runs", "400",
                             "--store", store])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("Precision ±1,000: every interval within ±R after 100 of at most 400 runs"), "\(run.out)")
        let manifest = try String(contentsOfFile: scratch.path("out/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"runs_used\" : 100") && manifest.contains("\"maximum_runs\" : 400") && manifest.contains("\"runs\" : 100"))
        let summary = try String(contentsOfFile: scratch.path("out/summary.csv"), encoding: .utf8)
        #expect(summary.contains("transition_runs,100") && summary.contains("precision_max_runs,400") && summary.contains("precision_reached,1"))
        try DatabaseQueue(path: store).read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT runs, precision, max_runs FROM runs"))
            #expect(row["runs"] as Int == 100 && row["precision"] as Double == 1000 && row["max_runs"] as Int == 400)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM precision_intervals WHERE within") == 5)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM replications") == 100)
        }
    }

    /// A store of schema v3 (v4's column and table taken out again) is migrated on opening: its run kept,
    /// with no precision, and a run until precise then stored beside it.
    @Test func aV3StoreIsMigrated() throws {
        let scratch = try Scratch()
        let store = scratch.path("old.sqlite")
        #expect(mergersim(["simulate", Self.phanRang, "--out", scratch.path("a"), "--quiet", "--runs", "5", "--store", store]).code == 0)
        try DatabaseQueue(path: store).writeWithoutTransaction { db in
            try db.execute(sql: """
                DROP TABLE precision_intervals; ALTER TABLE runs DROP COLUMN precision; ALTER TABLE runs DROP COLUMN max_runs;
                DELETE FROM grdb_migrations WHERE identifier = 'v4';
                """)
        }
        let run = mergersim(["simulate", Self.phanRang, "--out", scratch.path("b"), "--quiet", "--precision", "1000", "--runs", "200", "--store", store])
        #expect(run.code == 0, "\(run.error)")
        try DatabaseQueue(path: store).read { db in
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") == ["v1", "v2", "v3", "v4", "v5"])
            let rows = try Row.fetchAll(db, sql: "SELECT runs, precision, max_runs FROM runs ORDER BY id")
            #expect(rows.count == 2)
            #expect(rows[0]["runs"] as Int == 5 && (rows[0]["precision"] as Double?) == nil && (rows[0]["max_runs"] as Int?) == nil)
            #expect(rows[1]["runs"] as Int == 100 && rows[1]["max_runs"] as Int == 200)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM precision_intervals") == 5)
        }
    }
}
