import Foundation
import GRDB
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// Issue 19, item 11: the run store is safe to share, to read, to merge and to fill.
///
/// Cases about processes (several writers, a lock, a full disk) run `mergersim` as child processes.
struct RunStoreSafetyTests {
    static let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    /// A store made by real runs of Phan Rang, one per seed.
    static func realStore(_ scratch: Scratch, _ name: String = "real.sqlite", seeds: [String] = ["1", "2"]) throws -> String {
        let store = scratch.path(name)
        for (i, seed) in seeds.enumerated() {
            let run = mergersim(["simulate", phanRang, "--runs", "10", "--seed", seed, "--quiet", "--out", scratch.path("\(name)-run\(i)"), "--store", store])
            #expect(run.code == 0, "\(run.error)")
        }
        return store
    }

    /// The tables of a store as the first mergersim (schema v1, no `runs.transfers`) made them.
    static let schemaV1 = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        CREATE TABLE "mergersim_store" ("tool" TEXT NOT NULL);
        CREATE TABLE "runs" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "key" TEXT UNIQUE, "sweep" TEXT, "scenario" TEXT NOT NULL, "scenario_sha256" TEXT NOT NULL, "rules" TEXT NOT NULL, "rules_sha256" TEXT NOT NULL, "rules_before" TEXT NOT NULL, "rules_before_sha256" TEXT NOT NULL, "overrides" TEXT NOT NULL, "seed" INTEGER NOT NULL, "runs" INTEGER NOT NULL, "years" INTEGER NOT NULL, "tool_version" TEXT NOT NULL);
        CREATE TABLE "summary" ("run" INTEGER NOT NULL REFERENCES "runs"("id") ON DELETE CASCADE, "metric" TEXT NOT NULL, "value" ANY, PRIMARY KEY ("run", "metric"));
        CREATE TABLE "timeline" ("run" INTEGER NOT NULL REFERENCES "runs"("id") ON DELETE CASCADE, "year" INTEGER NOT NULL, "category" TEXT NOT NULL, "metric" TEXT NOT NULL, "mean" DOUBLE NOT NULL, "p05" DOUBLE NOT NULL, "p25" DOUBLE NOT NULL, "p50" DOUBLE NOT NULL, "p75" DOUBLE NOT NULL, "p95" DOUBLE NOT NULL, PRIMARY KEY ("run", "year", "category", "metric"));
        CREATE TABLE "units_after" ("run" INTEGER NOT NULL REFERENCES "runs"("id") ON DELETE CASCADE, "code" TEXT NOT NULL, "name" TEXT NOT NULL, "province" TEXT NOT NULL, "kind" TEXT NOT NULL, "standards_outcome" TEXT NOT NULL, "type" TEXT NOT NULL, "quota_cadres" INTEGER NOT NULL, "headcount_cadres" INTEGER, "surplus_cadres" INTEGER, "quota_civil_servants" INTEGER NOT NULL, "headcount_civil_servants" INTEGER, "surplus_civil_servants" INTEGER, "quota_non_professional" INTEGER NOT NULL, "headcount_non_professional" INTEGER, "surplus_non_professional" INTEGER, "p_within_quota_by_deadline" DOUBLE, "median_year_within_quota" INTEGER, PRIMARY KEY ("run", "code"));
        CREATE TABLE "replications" ("run" INTEGER NOT NULL REFERENCES "runs"("id") ON DELETE CASCADE, "replication" INTEGER NOT NULL, "surplus_at_deadline_cadres" INTEGER NOT NULL, "surplus_at_deadline_civil_servants" INTEGER NOT NULL, "surplus_at_deadline_non_professional" INTEGER NOT NULL, "exit_cost_vnd" DOUBLE NOT NULL, "all_within_quota" BOOLEAN NOT NULL, PRIMARY KEY ("run", "replication"));
        INSERT INTO mergersim_store VALUES ('mergersim');
        INSERT INTO grdb_migrations VALUES ('v1');
        """

    /// A store of an older schema (`version` 1 or 2) holding the runs of a real store, its last run's seed
    /// 2^64 − 1 kept as those versions kept it (the 64 bits as a signed integer: −1).
    static func oldStore(_ scratch: Scratch, version: Int) throws -> String {
        let real = try realStore(scratch, "real-v\(version).sqlite")
        let path = scratch.path("v\(version).sqlite")
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: schemaV1)
            if version == 2 {
                try db.execute(sql: "ALTER TABLE runs ADD COLUMN transfers TEXT; INSERT INTO grdb_migrations VALUES ('v2')")
            }
            try db.execute(sql: "ATTACH DATABASE ? AS real", arguments: [real])
            let columns = try db.columns(in: "runs", in: "main").map { "\"\($0.name)\"" }.joined(separator: ", ")
            try db.execute(sql: "INSERT INTO main.runs (\(columns)) SELECT \(columns) FROM real.runs")
            for table in ["summary", "timeline", "units_after", "replications"] {
                try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM real.\(table)")
            }
            try db.execute(sql: "UPDATE main.runs SET seed = -1 WHERE id = 2")
            try db.execute(sql: "DETACH DATABASE real")
        }
        return path
    }

    /// The number of runs in the store at `path`, read with SQLite alone.
    static func storedRuns(_ path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 }
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Runs `executable` to its end in `folder` with `environment` added: exit code, output and error.
    static func run(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> (code: Int32, out: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let name = UUID().uuidString
        let out = folder.appendingPathComponent("\(name).out"), error = folder.appendingPathComponent("\(name).err")
        try Data().write(to: out)
        try Data().write(to: error)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: error)
        try process.run()
        process.waitUntilExit()
        defer { for url in [out, error] { try? FileManager.default.removeItem(at: url) } }
        return (process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
                String(decoding: try Data(contentsOf: error), as: UTF8.self))
    }

    // MARK: a. sources are read as they are

    @Test func aStoreOfAnOlderSchemaIsReadAsItIsAndNeverChanged() throws {
        let scratch = try Scratch()
        let v1 = try Self.oldStore(scratch, version: 1)
        let before = try Self.bytes(v1)
        let compared = mergersim(["compare", "--store", v1, "1", "2"])
        #expect(compared.code == 0, "\(compared.error)")
        #expect(compared.out.contains("18446744073709551615"), "\(compared.out)")
        let merge = mergersim(["store", "merge", scratch.path("merged.sqlite"), v1])
        #expect(merge.code == 0, "\(merge.error)")
        #expect(try Self.bytes(v1) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix("v1.sqlite") } == ["v1.sqlite"])
        let merged = try DatabaseQueue(path: scratch.path("merged.sqlite")).read { db in
            try Row.fetchAll(db, sql: "SELECT CAST(seed AS TEXT) AS seed, transfers, (SELECT COUNT(*) FROM replications WHERE run = runs.id) AS n FROM runs ORDER BY id")
                .map { "\($0["seed"] as String) \($0["transfers"] as String? ?? "null") \($0["n"] as Int)" }
        }
        #expect(merged == ["1 null 10", "18446744073709551615 null 10"])
    }

    @Test func aStoreLeftByAKilledWriterIsReadAsItsLastWholeState() throws {
        let scratch = try Scratch()
        let store = try Self.realStore(scratch, seeds: ["1"])
        // A writer killed in the middle of a transaction leaves its journal (a "hot" journal) beside the store.
        let killed = try Self.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", """
            import os, sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("PRAGMA cache_size = 1")
            c.execute("BEGIN IMMEDIATE")
            for i in range(2000): c.execute("INSERT INTO summary (run, metric, value) VALUES (1, ?, ?)", ("m%d" % i, "x" * 200))
            os._exit(9)
            """, store], in: scratch.url)
        #expect(killed.code == 9 && scratch.exists("real.sqlite-journal"))
        let compared = mergersim(["compare", "--store", store, "1", "1"])
        #expect(compared.code == 0, "\(compared.error)")
        let merge = mergersim(["store", "merge", scratch.path("merged.sqlite"), store])
        #expect(merge.code == 0 && merge.out.contains("1 runs copied"), "\(merge.error)")
        #expect(try DatabaseQueue(path: store).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM summary WHERE metric LIKE 'm%'") } == 0)
    }

    // MARK: b. a store is never merged into itself

    @Test func aStoreIsNotMergedIntoItselfUnderAnyName() throws {
        let scratch = try Scratch()
        let store = try Self.realStore(scratch, seeds: ["1"])
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.sqlite"), withDestinationPath: store)
        try FileManager.default.linkItem(atPath: store, toPath: scratch.path("hard.sqlite"))
        let before = try Self.bytes(store)
        for (out, source) in [(store, scratch.url.path + "/./real.sqlite"), (scratch.path("link.sqlite"), store), (store, scratch.path("hard.sqlite"))] {
            let started = Date()
            let merge = mergersim(["store", "merge", out, source])
            #expect(merge.code == 64, "\(merge.error)")
            #expect(merge.error.contains("cannot merge a store into itself"), "\(merge.error)")
            #expect(Date().timeIntervalSince(started) < 5)
        }
        #expect(try Self.bytes(store) == before)
    }

    // MARK: c. several processes making one new store

    @Test func processesMakingOneNewStoreAtOnceStoreEveryRun() throws {
        let scratch = try Scratch()
        // Three new stores, each made by six processes at once (one race can be missed, three seldom are).
        for round in 1...3 {
            let store = scratch.path("shared\(round).sqlite")
            let processes = (1...6).map { i in
                let process = Process()
                process.executableURL = mergersimExecutable
                process.arguments = ["simulate", Self.phanRang, "--runs", "20", "--quiet", "--out", scratch.path("out\(round)-\(i)"), "--store", store]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: 6), "round \(round)")
            #expect(try Self.storedRuns(store) == 6, "round \(round)")
        }
    }

    // MARK: d. a half-made store is finished

    @Test func aFileWithNothingOfOursYetIsMadeIntoAStore() throws {
        let scratch = try Scratch()
        let empty = try scratch.write("empty.sqlite", [])
        let noTables = scratch.path("no-tables.sqlite")
        try DatabaseQueue(path: noTables).writeWithoutTransaction { db in try db.execute(sql: "CREATE TABLE t (x); DROP TABLE t") }
        let onlyMigrations = scratch.path("only-migrations.sqlite")
        try DatabaseQueue(path: onlyMigrations).write { db in try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)") }
        for path in [empty, noTables, onlyMigrations] {
            let run = mergersim(["simulate", Self.phanRang, "--runs", "5", "--quiet", "--out", scratch.path("out-\(UUID())"), "--store", path])
            #expect(run.code == 0, "\(path): \(run.error)")
            #expect(try Self.storedRuns(path) == 1)
        }
    }

    @Test func aDiskFillingWhileAStoreIsMadeLeavesNoHalfMadeStore() throws {
        let scratch = try Scratch()
        let source = try Self.realStore(scratch, seeds: ["1"])
        let out = scratch.path("new.sqlite")
        // The merge runs with files limited to 12 KiB: the store's tables do not fit, as on a full disk.
        let limited = """
            import os, resource, signal, sys
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (12288, 12288))
            os.execv(sys.argv[1], sys.argv[1:])
            """
        let full = try Self.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", limited, mergersimExecutable.path, "store", "merge", out, source], in: scratch.url)
        #expect(full.code == 73 && full.error.contains("could not be written"), "\(full.error)")
        let merge = mergersim(["store", "merge", out, source])
        #expect(merge.code == 0, "\(merge.error)")
        #expect(try Self.storedRuns(out) == 1)
    }

    // MARK: g. a damaged store

    @Test func aStoreThatFailsSQLitesCheckIsRefusedUntouched() throws {
        let scratch = try Scratch()
        let store = try Self.realStore(scratch, seeds: ["1"])
        let (root, pageSize) = try DatabaseQueue(path: store).read { db in
            (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'replications'") ?? 0,
             try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0)
        }
        // The last kilobyte of the replications' page (its rows' cells) overwritten.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: store))
        try handle.seek(toOffset: UInt64(root * pageSize - 1024))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 1024))
        try handle.close()
        let before = try Self.bytes(store)
        let run = mergersim(["simulate", Self.phanRang, "--runs", "5", "--quiet", "--out", scratch.path("out"), "--store", store])
        #expect(run.code == 73, "\(run.error)")
        #expect(run.error.contains("failed SQLite's check") && run.error.contains("page \(root)"), "\(run.error)")
        let compared = mergersim(["compare", "--store", store, "1", "1"])
        #expect(compared.code == 65 && compared.error.contains("failed SQLite's check"), "\(compared.error)")
        #expect(try Self.bytes(store) == before)
    }

    // MARK: h. seeds of 2^63 and more

    @Test func seedsOf2To63AndMoreReadBackAsGiven() throws {
        let scratch = try Scratch()
        let store = try Self.realStore(scratch, "seeds.sqlite", seeds: ["42", "18446744073709551615"])
        let raw = try DatabaseQueue(path: store).read { db in
            try Row.fetchAll(db, sql: "SELECT seed, typeof(seed) AS type FROM runs ORDER BY id").map { "\($0["seed"] as DatabaseValue) \($0["type"] as String)" }
        }
        #expect(raw == ["42 integer", "\"18446744073709551615\" text"])
        let compared = mergersim(["compare", "--store", store, "1", "2"])
        #expect(compared.code == 0 && compared.out.contains("18446744073709551615"), "\(compared.out)\(compared.error)")
        // A store of schema v2 that kept the seed as −1 holds it as given once written to.
        let v2 = try Self.oldStore(scratch, version: 2)
        #expect(mergersim(["simulate", Self.phanRang, "--runs", "5", "--quiet", "--out", scratch.path("out-v2"), "--store", v2]).code == 0)
        let seeds = try DatabaseQueue(path: v2).read { db in try String.fetchAll(db, sql: "SELECT CAST(seed AS TEXT) FROM runs ORDER BY id") }
        #expect(seeds == ["1", "18446744073709551615", "42"])
        // Merged, and summarised by a sweep.
        #expect(mergersim(["store", "merge", scratch.path("merged.sqlite"), store]).code == 0)
        #expect(try DatabaseQueue(path: scratch.path("merged.sqlite")).read { db in try String.fetchOne(db, sql: "SELECT seed FROM runs WHERE id = 2") } == "18446744073709551615")
        let sweep = try scratch.write("sweep.yaml", Array("scenario: \(Self.phanRang)\nvary:\n  transfers.scope: [none]\nseeds: [18446744073709551615]\nruns: 5\n".utf8))
        let swept = mergersim(["sweep", sweep, "--out", scratch.path("sweep"), "--quiet"])
        #expect(swept.code == 0, "\(swept.error)")
        #expect(try csv(scratch.path("sweep/sweep.csv")).allSatisfy { $0["seeds"] == "18446744073709551615" })
    }

    // MARK: i. a locked store

    /// A python3 process holding an exclusive lock on `store` for `seconds`, then ending (which frees the lock).
    ///
    /// It ends on its own clock rather than when a pipe closes: a pipe's end can be inherited by the other
    /// processes that tests running in parallel start, and then it never closes in time.
    static func lock(_ store: String, seconds: Double) throws -> Process {
        let process = Process(), output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            time.sleep(float(sys.argv[2]))
            """, store, String(seconds)]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        try process.run()
        let said = output.fileHandleForReading.availableData
        #expect(String(decoding: said, as: UTF8.self).hasPrefix("locked"))
        return process
    }

    @Test func aLockedStoreIsWaitedForAloudThenRefusedInASentence() throws {
        let scratch = try Scratch()
        let store = try Self.realStore(scratch, seeds: ["1"])
        let holder = try Self.lock(store, seconds: 8)
        defer { holder.waitUntilExit() }
        let started = Date()
        let run = try Self.run(mergersimExecutable, ["simulate", Self.phanRang, "--runs", "5", "--quiet", "--out", scratch.path("out"), "--store", store],
                               in: scratch.url, environment: ["MERGERSIM_STORE_TIMEOUT": "3"])
        let waited = Date().timeIntervalSince(started)
        #expect(run.code == 73, "\(run.error)")
        #expect(run.error.contains("waiting for another process using \(store)"), "\(run.error)")
        #expect(run.error.contains("stayed locked by another process for 3 s; try again when it has finished"), "\(run.error)")
        #expect(waited >= 3 && waited < 20)
    }

    @Test func aStoreLockedForAMomentIsWrittenOnceFree() throws {
        let scratch = try Scratch()
        let store = try Self.realStore(scratch, seeds: ["1"])
        let holder = try Self.lock(store, seconds: 2)
        let run = try Self.run(mergersimExecutable, ["simulate", Self.phanRang, "--runs", "5", "--quiet", "--out", scratch.path("out"), "--store", store], in: scratch.url)
        holder.waitUntilExit()
        #expect(run.code == 0, "\(run.error)")
        #expect(run.error.contains("waiting for another process using \(store)"), "\(run.error)")
        #expect(try Self.storedRuns(store) == 2)
    }

    // MARK: 12. compare --store on what is not a store

    @Test func compareNamesWhatIsWrongWithAStoreAndNeverMakesOrChangesOne() throws {
        let scratch = try Scratch()
        let junk = try scratch.write("junk.sqlite", Array("my notes".utf8))
        let empty = try scratch.write("empty.sqlite", [])
        let other = scratch.path("other.sqlite")
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE mine (x INTEGER)") }
        try FileManager.default.createDirectory(atPath: scratch.path("folder.sqlite"), withIntermediateDirectories: false)
        let before = snapshot(scratch.url)
        let cases: [(String, Int32, String)] = [
            (junk, 65, "not a mergersim run store"), (empty, 65, "not a mergersim run store"), (other, 65, "not a mergersim run store"),
            (scratch.path("missing.sqlite"), 66, "no such run store"), (scratch.path("folder.sqlite"), 66, "is a folder"),
        ]
        for (path, code, message) in cases {
            let run = mergersim(["compare", "--store", path, "1", "2"])
            #expect(run.code == code && run.error.contains(message), "\(path): \(run.code) \(run.error)")
        }
        #expect(snapshot(scratch.url) == before)
    }
}
