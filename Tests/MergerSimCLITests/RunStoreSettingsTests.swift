import Foundation
import GRDB
import Testing
import MergerSimInputs
import MergerSimStore

/// Issue 24, item 1: a tidy store. A setting is a point of the design (sweep.csv's `setting`), a run a setting at one
/// seed; the store holds settings, their values, each replication's outcomes and each setting's estimates, and
/// `store export` writes them as CSV.
struct RunStoreSettingsTests {
    static let uptake = "rules.transition.exits.resignation_uptake"
    static let body = "name: tidy\nvary:\n  transfers.scope: [none, district]\n  \(uptake): [0.1, 0.3]\nseeds: [1, 2]\nruns: 12\n"

    func sweepFile(_ scratch: Scratch, _ body: String = body) throws -> String {
        let path = scratch.path("sweep.yaml")
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        try Data("scenario: \(scenario)\n\(body)".utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The sweep's folder, run once per test (4 settings × 2 seeds).
    func sweep(_ scratch: Scratch, _ arguments: [String] = [], folder: String = "out") throws -> (out: String, folder: String) {
        let run = mergersim(["sweep", try sweepFile(scratch), "--out", scratch.path(folder)] + arguments)
        #expect(run.code == 0, "\(run.error)")
        return (run.out, scratch.path(folder))
    }

    /// The console's "setting N, seed S: stored as run R … (k=v, k=v)" names sweep.csv's row N: its values are the run's.
    /// Before, the console counted runs (design row × seed): its "setting 3" was sweep.csv's setting 2.
    @Test func theSettingNamedOnTheConsoleIsTheSweepCSVRowHoldingItsValues() throws {
        let scratch = try Scratch()
        let (out, folder) = try sweep(scratch)
        let rows = try csv(folder + "/sweep.csv")
        let lines = out.split(separator: "\n").filter { $0.hasPrefix("setting ") }
        #expect(lines.count == 8)
        let database = try DatabaseQueue(path: folder + "/runs.sqlite")
        for line in lines {
            let head = line.split(separator: ":")[0]  // "setting 2, seed 1"
            let words = head.split(separator: " ")
            let setting = String(words[1].dropLast()), seed = String(words[3])
            let values = line[line.index(after: try #require(line.lastIndex(of: "(")))...].dropLast().split(separator: ", ")
            let row = try #require(rows.first { $0["setting"] == setting && $0["metric"] == "exit_cost_vnd" })
            #expect(values == ["transfers.scope=\(row["transfers.scope"] ?? "")", "\(Self.uptake)=\(row[Self.uptake] ?? "")"], "\(line)")
            #expect(row["seeds"] == "1 2")
            let run = try #require(Int64(line.split(separator: "run ")[1].split(separator: " ")[0]))
            let stored = try database.read { db in
                try Row.fetchOne(db, sql: "SELECT runs.seed, settings.number FROM runs JOIN setting_runs ON setting_runs.run = runs.id "
                                 + "JOIN settings ON settings.id = setting_runs.setting_id WHERE runs.id = ?",
                                 arguments: [run])
            }
            #expect(stored?["seed"] == Int(seed) && stored?["number"] == Int(setting), "\(line)")
        }
        let vi = try sweep(scratch, ["--lang", "vi"], folder: "out-vi")
        #expect(vi.out.contains("bộ tham số 4, số khởi tạo ngẫu nhiên 2: chạy xong trong "), "\(vi.out)")
        let resumed = mergersim(["sweep", try sweepFile(scratch), "--out", folder])
        #expect(resumed.out.contains("setting 3, seed 2: stored already (run 6)"), "\(resumed.out)")
    }

    /// `setting_summary` holds sweep.csv's numbers (as written there), and its means are the replications' (SQL's AVG).
    @Test func theSettingSummaryHoldsSweepCSVsNumbers() throws {
        let scratch = try Scratch()
        let (_, folder) = try sweep(scratch, ["--quiet"])
        let rows = try csv(folder + "/sweep.csv")
        let exported = try RunStore(reading: folder + "/runs.sqlite").export(.settingSummary)
        #expect(exported.header == ["setting_id", "sweep", "setting", "metric", "replications", "mean", "standard_error", "ci95_low", "ci95_high", "method"])
        #expect(exported.rows.count == rows.count)
        for (stored, written) in zip(exported.rows, rows) {
            #expect(stored[2] == written["setting"] && stored[3] == written["metric"] && stored[4] == written["replications"])
            #expect(Array(stored[5...8]) == ["mean", "standard_error", "ci95_low", "ci95_high"].map { written[$0] ?? "" }, "\(stored) \(written)")
            #expect(stored[9] == (written["metric"] == "all_within_quota" ? "wilson" : "t"))
        }
        try DatabaseQueue(path: folder + "/runs.sqlite").read { db in
            let average = try Double.fetchOne(db, sql: "SELECT AVG(exit_cost_vnd) FROM replication_outcomes WHERE setting = 3")
            let mean = try Double.fetchOne(db, sql: "SELECT mean FROM setting_summary WHERE setting = 3 AND metric = 'exit_cost_vnd'")
            let (sql, stored) = (try #require(average), try #require(mean))
            #expect(sql == stored || abs(sql - stored) < 1e-6 * abs(stored))
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM replication_outcomes") == 8 * 12)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT seed) FROM replication_outcomes WHERE setting = 3") == 2)
        }
    }

    /// Each table's export: its header, and a row checked by hand against the sweep file and sweep.csv.
    @Test func everyTableExportsAsCSV() throws {
        let scratch = try Scratch()
        let (_, folder) = try sweep(scratch, ["--quiet"])
        let store = folder + "/runs.sqlite"
        func export(_ table: String) -> [String] {
            let run = mergersim(["store", "export", store, "--table", table])
            #expect(run.code == 0, "\(run.error)")
            return run.out.split(separator: "\n").map(String.init)
        }
        let settings = export("settings")
        #expect(settings.first == "id,sweep,number,seeds,key_hash,transfers.scope,\(Self.uptake)")
        // The grid runs the last key fastest: setting 2 is (none, 0.3), at seeds 1 and 2.
        let second = settings[2].split(separator: ",").map(String.init)
        #expect(second[1...3] == ["tidy", "2", "1 2"] && second[5...6] == ["none", "0.3"] && second[4].count == 64)
        let outcomes = export("replication_outcomes")
        #expect(outcomes.first == "run,setting_id,sweep,setting,seed,replication,surplus_at_deadline_cadres,surplus_at_deadline_civil_servants,"
                + "surplus_at_deadline_non_professional,exit_cost_vnd,all_within_quota")
        #expect(outcomes.count == 1 + 8 * 12)
        // Run 2 is setting 1 at seed 2; its first replication is replication 0.
        #expect(outcomes[13].hasPrefix("2,1,tidy,1,2,0,"))
        let summary = export("setting_summary")
        #expect(summary.first == "setting_id,sweep,setting,metric,replications,mean,standard_error,ci95_low,ci95_high,method")
        let written = try csv(folder + "/sweep.csv").first { $0["setting"] == "4" && $0["metric"] == "all_within_quota" }
        #expect(summary.contains("4,tidy,4,all_within_quota,24,\(written?["mean"] ?? ""),\(written?["standard_error"] ?? ""),"
                                 + "\(written?["ci95_low"] ?? ""),\(written?["ci95_high"] ?? ""),wilson"), "\(summary)")
        #expect(export("runs").first?.hasPrefix("id,key,sweep,scenario,") == true)
        #expect(export("runs").first?.hasSuffix(",precision,max_runs") == true)
        #expect(export("summary").first == "run,metric,value")
        #expect(export("timeline").first == "run,year,category,metric,mean,p05,p25,p50,p75,p95")
        #expect(export("units_after").first?.hasPrefix("run,code,name,province,kind,standards_outcome,type,quota_cadres,") == true)
        // To a file through the output policy: written, then replaced; a file mergersim did not write is refused.
        let out = scratch.path("summary.csv")
        for _ in 0..<2 {
            let run = mergersim(["store", "export", store, "--table", "setting_summary", "--out", out])
            #expect(run.code == 0 && run.out == "\(store): 20 rows of setting_summary written to \(out)", "\(run)")
        }
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self) == summary.joined(separator: "\n") + "\n")
        let mine = scratch.path("mine.csv")
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: mine))
        #expect(mergersim(["store", "export", store, "--out", mine]).code == 73)
        #expect(try Data(contentsOf: URL(fileURLWithPath: mine)) == Data("x\n".utf8))
    }

    @Test func exportErrorsSayWhatIsWrong() throws {
        let scratch = try Scratch()
        let missing = scratch.path("missing.sqlite")
        let unknown = mergersim(["store", "export", missing, "--table", "units"])
        #expect(unknown.code == 64)
        #expect(unknown.error == "error: --table: there is no table units to export; give one of replication_outcomes, setting_summary, settings, "
                + "runs, summary, timeline, units_after")
        let none = mergersim(["store", "export", missing])
        #expect(none.code == 66 && none.error == "error: \(missing): no such run store", "\(none.error)")
        let vi = mergersim(["store", "export", missing, "--table", "units", "--lang", "vi"])
        #expect(vi.error.hasPrefix("lỗi: --table: không có bảng units để xuất"), "\(vi.error)")
    }

    /// A store of schema v4 (made from a v5 store by SQL, as v4 made it): read as it is; upgraded when opened to write,
    /// its sweep's runs given the settings sweep.csv names, with sweep.csv's numbers.
    @Test func aV4StoreIsReadAsItIsAndUpgradedWithItsSettings() throws {
        let scratch = try Scratch()
        let (_, folder) = try sweep(scratch, ["--quiet"])
        let store = folder + "/runs.sqlite"
        let before = try RunStore(reading: store).export(.settingSummary)
        let made = try RunStore(reading: store).export(.settings)
        try Self.makeV4(store)
        let old = try RunStore(reading: store)
        #expect(try old.count() == 8)
        #expect(try old.headlines(ofRun: 3).count == 12)
        let refused = mergersim(["store", "export", store, "--table", "settings"])
        #expect(refused.code == 65)
        #expect(refused.error == "error: \(store): the store has no settings (an earlier mergersim made it); "
                + "`mergersim store merge NEW.sqlite \(store)` copies its runs into a store that has it")
        // Read-only: still v4.
        #expect(try DatabaseQueue(path: store).read { db in try db.tableExists("settings") } == false)
        let upgraded = try RunStore(path: store)
        let settings = try upgraded.export(.settings)
        #expect(settings.header == ["id", "sweep", "number", "seeds", "key_hash", "transfers.scope", Self.uptake])
        // Stored in order by one job: sweep.csv's numbers are recovered; the seeds are every seed stored (null).
        #expect(settings.rows.map { [$0[2], $0[3], $0[5], $0[6]] }
                == [["1", "", "none", "0.1"], ["2", "", "none", "0.3"], ["3", "", "district", "0.1"], ["4", "", "district", "0.3"]])
        let after = try upgraded.export(.settingSummary)
        #expect(after.rows.map { Array($0[2...]) } == before.rows.map { Array($0[2...]) })
        // The sweep resumed finds every run stored and links each to the setting it makes now: the settings are the
        // ones the sweep made before the store was v4 (the same hashes), with the same summary.
        let resumed = mergersim(["sweep", try sweepFile(scratch), "--out", folder, "--quiet"])
        #expect(resumed.code == 0 && resumed.out.contains("0 run now, 8 already stored"), "\(resumed)")
        let relinked = try RunStore(reading: store)
        #expect(try relinked.export(.settings).rows.map { Array($0[1...]) } == made.rows.map { Array($0[1...]) })
        #expect(try relinked.export(.settingSummary).rows.map { Array($0[2...]) } == before.rows.map { Array($0[2...]) })
    }

    /// Two shards, each holding one seed of every setting, merged: one setting per design row, sweep.csv's numbers.
    @Test func shardsMergedKeepOneSettingPerDesignRow() throws {
        let scratch = try Scratch()
        let whole = try sweep(scratch, ["--quiet"]).folder
        for i in 1...2 { _ = try sweep(scratch, ["--quiet", "--shard", "\(i)/2"], folder: "part\(i)") }
        try FileManager.default.createDirectory(atPath: scratch.path("merged"), withIntermediateDirectories: false)
        let merged = scratch.path("merged/runs.sqlite")
        let run = mergersim(["store", "merge", merged, scratch.path("part1/runs.sqlite"), scratch.path("part2/runs.sqlite")])
        #expect(run.code == 0, "\(run.error)")
        let store = try RunStore(reading: merged)
        #expect(try store.export(.settings).rows.map { Array($0[1...]) } == RunStore(reading: whole + "/runs.sqlite").export(.settings).rows.map { Array($0[1...]) })
        #expect(try store.export(.settingSummary).rows.map { Array($0[1...]) }
                == RunStore(reading: whole + "/runs.sqlite").export(.settingSummary).rows.map { Array($0[1...]) })
        try DatabaseQueue(path: merged).read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM settings") == 4)
            #expect(try Int.fetchAll(db, sql: "SELECT COUNT(*) FROM setting_runs GROUP BY setting_id") == [2, 2, 2, 2])
        }
    }

    /// A sensitivity analysis's runs are settings too, each point one (the base, each value's low and high); a key
    /// set with `--set` and varied is one value, the varied one (it was stored twice, and the run refused, 73).
    @Test func aSensitivityAnalysisStoresEachPointAsASetting() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let run = mergersim(["sensitivity", scenario, "--runs", "5", "--out", scratch.path("out"), "--quiet",
                             "--only", Self.uptake, "--set", "\(Self.uptake)=0.2"])
        #expect(run.code == 0, "\(run.error)")
        let settings = try RunStore(reading: scratch.path("out/runs.sqlite")).export(.settings)
        #expect(settings.header == ["id", "sweep", "number", "seeds", "key_hash", Self.uptake])
        #expect(settings.rows.map { [$0[2], $0[5]] } == [["1", "0.2"], ["2", "0"], ["3", "1"]])
    }

    /// `store` as schema v4 made it: no settings, no views (v5 adds tables and a view only).
    static func makeV4(_ store: String) throws {
        try DatabaseQueue(path: store).write { db in
            try db.execute(sql: """
                DROP VIEW replication_outcomes;
                DROP TABLE setting_summary;
                DROP TABLE setting_runs;
                DROP TABLE setting_values;
                DROP TABLE settings;
                DELETE FROM grdb_migrations WHERE identifier = 'v5';
                """)
        }
        try DatabaseQueue(path: store).writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
    }
}

/// Issue 24: the README's pandas example runs as written on a store the README's sweep command makes (the bundled
/// Phan Rang sweep, here with 8 replications a run instead of 1,000).
struct RunStoreReadmeTests {
    @Test func theREADMEsPandasExampleRunsAsWritten() throws {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", "import pandas"]
        try python.run()
        python.waitUntilExit()
        guard python.terminationStatus == 0 else {
            Issue.record("pandas is missing: `make deps` installs it (python3 -m pip install pandas); the README's pandas example cannot be run")
            return
        }
        let readme = String(decoding: try Data(contentsOf: repositoryRoot.appendingPathComponent("README.md")), as: UTF8.self)
        let marker = try #require(readme.range(of: "<!-- run-store pandas example -->"))
        let block = readme[marker.upperBound...]
        let start = try #require(block.range(of: "```python\n")), end = try #require(block[start.upperBound...].range(of: "```"))
        let example = String(block[start.upperBound..<end.lowerBound])

        let scratch = try Scratch()
        let bundled = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/sweep.yaml").path
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: bundled)), as: UTF8.self)
        #expect(text.contains("runs: 1000") && text.contains("name: phan-rang-uptake"))
        let sweep = text.replacingOccurrences(of: "runs: 1000", with: "runs: 8")
            .replacingOccurrences(of: "scenario: scenario.yaml", with: "scenario: \(repositoryRoot.path)/scenarios/phan-rang-2024/scenario.yaml")
        try Data(sweep.utf8).write(to: URL(fileURLWithPath: scratch.path("sweep.yaml")))
        try FileManager.default.createDirectory(atPath: scratch.path("output"), withIntermediateDirectories: false)
        let run = mergersim(["sweep", scratch.path("sweep.yaml"), "--out", scratch.path("output/phan-rang-uptake"), "--quiet"])
        #expect(run.code == 0, "\(run.error)")

        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        script.arguments = ["python3", "-c", example]
        script.currentDirectoryURL = scratch.url
        let out = Pipe(), error = Pipe()
        script.standardOutput = out
        script.standardError = error
        try script.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaint = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        script.waitUntilExit()
        #expect(script.terminationStatus == 0, "\(complaint)")
        // Six settings (2 scopes × 3 uptakes), each with its mean share of replications within quota; then sweep.csv's rows.
        #expect(printed.contains("district") && printed.contains("none") && printed.contains("0.3"), "\(printed)")
        #expect(printed.contains("ci95_low") && printed.contains("replications"), "\(printed)")
        let rows = try csv(scratch.path("output/phan-rang-uptake/sweep.csv")).filter { $0["metric"] == "exit_cost_vnd" }
        #expect(rows.count == 6 && rows.allSatisfy { $0["replications"] == "16" })
    }
}
