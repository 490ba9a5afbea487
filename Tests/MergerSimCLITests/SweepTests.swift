import Foundation
import GRDB
import Testing
import GSL
import MergerSim
import MergerSimCLI
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// Issue 11: sweeps into a run store: sizes, resumption after an interruption, shards and merge.
struct SweepTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    /// A sweep file over Phan Rang in the scratch folder.
    func sweepFile(_ scratch: Scratch, _ body: String, name: String = "sweep.yaml") throws -> String {
        try scratch.write(name, Array("scenario: \(phanRang)\n\(body)".utf8))
    }

    @Test func gridAndLatinHypercubeSizes() throws {
        let scope = SweepDesign.Factor(key: "transfers.scope", values: .list(["none", "district"]))
        let uptake = SweepDesign.Factor(key: "rules.transition.exits.resignation_uptake", values: .list(["0.1", "0.2", "0.3"]))
        let grid = SweepDesign.grid([scope, uptake])
        #expect(grid.settings.count == 6)
        #expect(Set(grid.settings).count == 6)
        #expect(grid.settings.first == ["none", "0.1"] && grid.settings.last == ["district", "0.3"])

        let n = 10
        let range = SweepDesign.Factor(key: "rules.transition.exits.resignation_uptake", values: .range(min: 0.1, max: 0.3, whole: false))
        let envelope = SweepDesign.Factor(key: "envelope.cadres_civil_servants", values: .range(min: 40, max: 60, whole: true))
        let sample = SweepDesign.latinHypercube([range, envelope, scope], count: n, random: try RandomSource(seed: 7))
        #expect(sample.settings.count == n)
        // Each of the n strata of a range is used exactly once.
        let strata = sample.settings.map { Int(((Double($0[0])! - 0.1) / 0.2 * Double(n)).rounded(.down)) }
        #expect(strata.sorted() == Array(0..<n))
        #expect(sample.settings.allSatisfy { Int($0[1]).map { (40...60).contains($0) } ?? false })
        // A list of two is used n/2 times each.
        #expect(sample.settings.filter { $0[2] == "none" }.count == n / 2)
        // Seeded: the same seed gives the same sample, another seed another.
        #expect(SweepDesign.latinHypercube([range, envelope, scope], count: n, random: try RandomSource(seed: 7)) == sample)
        #expect(SweepDesign.latinHypercube([range, envelope, scope], count: n, random: try RandomSource(seed: 8)) != sample)

        let scratch = try Scratch()
        let file = try SweepFile(path: try sweepFile(scratch, "vary:\n  transfers.scope: [none, district]\n  rules.transition.exits.resignation_uptake: [0.1, 0.2, 0.3]\nseeds: [1, 2]\nruns: 5\n"))
        let plan = try SweepPlan(file: file)
        #expect(plan.settings.count == 12)
        #expect(plan.shard(1, of: 5).count + plan.shard(2, of: 5).count + plan.shard(3, of: 5).count + plan.shard(4, of: 5).count + plan.shard(5, of: 5).count == 12)
        #expect(Set((1...5).flatMap { plan.shard($0, of: 5).map(\.number) }) == Set(1...12))
    }

    @Test func aSweepStoresEverySettingAndSummarisesItsUncertainty() throws {
        let scratch = try Scratch()
        let file = try sweepFile(scratch, "vary:\n  rules.transition.exits.resignation_uptake: [0.1, 0.3]\nseeds: [1, 2]\nruns: 30\n")
        let run = mergersim(["sweep", file, "--out", scratch.path("out"), "--quiet", "--xlsx"])
        #expect(run.code == 0, "\(run.error)")
        #expect(try WorkbookTests.Opened(scratch.path("out/report.xlsx")).sheetNames == ["Sweep", "Assumptions", "Column dictionary"])
        let rows = try csv(scratch.path("out/sweep.csv"))
        // Per design row (two), one row per headline metric, in replications.csv's order.
        let metrics = ["surplus_at_deadline_cadres", "surplus_at_deadline_civil_servants", "surplus_at_deadline_non_professional",
                       "exit_cost_vnd", "all_within_quota"]
        #expect(rows.map { $0["metric"] ?? "" } == metrics + metrics)
        let database = try DatabaseQueue(path: scratch.path("out/runs.sqlite"))
        let (runs, within) = try database.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0,
             try Double.fetchOne(db, sql: """
                SELECT AVG(all_within_quota) FROM replications JOIN runs ON runs.id = replications.run
                WHERE runs.overrides LIKE '%uptake=0.3%'
                """) ?? -1)
        }
        #expect(runs == 4)
        // The setting's mean pools both seeds' replications (60), as the store holds them.
        let row = try #require(rows.first { $0["rules.transition.exits.resignation_uptake"] == "0.3" && $0["metric"] == "all_within_quota" })
        #expect(row["replications"] == "60" && row["seeds"] == "1 2")
        #expect(abs(Double(row["mean"] ?? "")! - within) < 1e-6)
        let low = Double(row["ci95_low"] ?? "")!, high = Double(row["ci95_high"] ?? "")!, mean = Double(row["mean"] ?? "")!
        #expect(low <= mean && mean <= high)
    }

    @Test func aSweepKilledMidwayResumesWithoutStoringASettingTwice() throws {
        let scratch = try Scratch()
        let file = try sweepFile(scratch, "vary:\n  rules.transition.exits.resignation_uptake: [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]\nseeds: [1, 2]\nruns: 200\n")
        let out = scratch.path("out"), store = scratch.path("out/runs.sqlite")
        let process = Process()
        process.executableURL = mergersimExecutable
        process.arguments = ["sweep", file, "--out", out, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var stored = 0
        let deadline = Date().addingTimeInterval(120)
        while stored < 2, process.isRunning, Date() < deadline {
            usleep(20_000)
            if FileManager.default.fileExists(atPath: store) {
                var configuration = Configuration()
                configuration.busyMode = .timeout(10)
                configuration.readonly = true
                stored = try DatabaseQueue(path: store, configuration: configuration).read { db in
                    try db.tableExists("runs") ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 : 0
                }
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let atKill = try DatabaseQueue(path: store).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 }
        #expect(atKill >= 2 && atKill < 12, "the sweep was killed with \(atKill) of 12 settings stored")
        let resumed = mergersim(["sweep", file, "--out", out, "--quiet"])
        #expect(resumed.code == 0, "\(resumed.error)")
        #expect(resumed.out.contains("\(12 - atKill) run now, \(atKill) already stored"))
        let keys = try DatabaseQueue(path: store).read { db in try String.fetchAll(db, sql: "SELECT key FROM runs") }
        #expect(keys.count == 12 && Set(keys).count == 12)
        // The same as a sweep never interrupted.
        let whole = mergersim(["sweep", file, "--out", scratch.path("whole"), "--quiet"])
        #expect(whole.code == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("whole/sweep.csv"))) == Data(contentsOf: URL(fileURLWithPath: out + "/sweep.csv")))
    }

    @Test func aSettingInterruptedWhileBeingStoredLeavesNothingOfItself() throws {
        let scratch = try Scratch()
        let file = try sweepFile(scratch, "vary:\n  transfers.scope: [none, district]\nruns: 20\n")
        let out = scratch.path("out")
        try SweepFolder(out).prepare()
        _ = try RunStore(path: scratch.path("out/runs.sqlite"))
        // The write fails halfway through the second setting's replications, as a crash there would.
        try DatabaseQueue(path: scratch.path("out/runs.sqlite")).write { db in
            try db.execute(sql: """
                CREATE TRIGGER crash BEFORE INSERT ON replications WHEN NEW.run = 2 AND NEW.replication = 10
                BEGIN SELECT RAISE(ABORT, 'crash'); END
                """)
        }
        let failed = mergersim(["sweep", file, "--out", out, "--quiet"])
        #expect(failed.code == 73, "\(failed.error)")
        let database = try DatabaseQueue(path: scratch.path("out/runs.sqlite"))
        let counts: [Int] = try database.read { db in
            try ["runs", "summary", "timeline", "units_after", "replications"].map { table in
                try Int.fetchOne(db, sql: table == "runs" ? "SELECT COUNT(*) FROM runs" : "SELECT COUNT(*) FROM \(table) WHERE run <> 1") ?? -1
            }
        }
        #expect(counts == [1, 0, 0, 0, 0])
        try database.write { db in try db.execute(sql: "DROP TRIGGER crash") }
        let resumed = mergersim(["sweep", file, "--out", out, "--quiet"])
        #expect(resumed.code == 0, "\(resumed.error)")
        #expect(resumed.out.contains("2 settings, 2 runs; 1 run now, 1 already stored"))
    }

    @Test func shardsMergedEqualTheWholeSweep() throws {
        let scratch = try Scratch()
        let file = try sweepFile(scratch, "vary:\n  transfers.scope: [none, district]\n  rules.transition.exits.resignation_uptake: [0.1, 0.3]\nseeds: [3]\nruns: 25\n")
        #expect(mergersim(["sweep", file, "--out", scratch.path("whole"), "--quiet"]).code == 0)
        for i in 1...3 { #expect(mergersim(["sweep", file, "--out", scratch.path("part\(i)"), "--shard", "\(i)/3", "--quiet"]).code == 0) }
        try FileManager.default.createDirectory(atPath: scratch.path("merged"), withIntermediateDirectories: false)
        let merge = mergersim(["store", "merge", scratch.path("merged/runs.sqlite")] + (1...3).map { scratch.path("part\($0)/runs.sqlite") }
                              + [scratch.path("part1/runs.sqlite")])
        #expect(merge.code == 0, "\(merge.error)")
        #expect(merge.out.contains("4 runs (4 copied, 2 stored already)"))
        let summarised = mergersim(["sweep", file, "--out", scratch.path("merged"), "--quiet"])
        #expect(summarised.out.contains("0 run now, 4 already stored"), "\(summarised.out)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("merged/sweep.csv"))) == Data(contentsOf: URL(fileURLWithPath: scratch.path("whole/sweep.csv"))))
        // Per replication, the merged store holds the same figures as the whole sweep's.
        func replications(_ folder: String) throws -> [String] {
            try DatabaseQueue(path: scratch.path("\(folder)/runs.sqlite")).read { db in
                try String.fetchAll(db, sql: """
                    SELECT runs.key || ':' || replication || ':' || surplus_at_deadline_cadres || ':' || exit_cost_vnd
                    FROM replications JOIN runs ON runs.id = replications.run ORDER BY 1
                    """)
            }
        }
        #expect(try replications("merged") == replications("whole"))
    }

    @Test func badSweepsAreRefusedWhereTheProblemIs() throws {
        let scratch = try Scratch()
        let cases: [(String, Int32, String)] = [
            ("vary:\n  transfers.scope: [none, county]\n", 65, "sweep.yaml:3:3: vary.transfers.scope = county"),
            ("vary:\n  rules.transition.exits.resignation_uptake: {min: 0.1, max: 0.3}\n", 65, "sweep.yaml:3:46: vary.rules.transition.exits.resignation_uptake: a range {min, max} needs sample"),
            ("vary:\n  rules.transition.exits.no_such_key: [1]\n", 65, "vary.rules.transition.exits.no_such_key = 1"),
            ("vary:\n  transfers.scope: [none]\nrunz: 5\n", 65, "sweep.yaml:4:1: unknown key \"runz\""),
            ("vary:\n  transfers.scope: [none, none]\n", 65, "none is listed twice"),
            ("vary:\n  transfers.scope: [none]\nseeds: [1, -2]\n", 65, "seeds: each seed is a whole number"),
            ("vary:\n  transfers.scope: [none]\nsample: {n: 5, method: sobol}\n", 65, "the one method is latin_hypercube"),
            ("vary:\n  transition.runs: [10, 20]\nruns: 5\n", 65, "sweep.yaml:3:3: vary.transition.runs: the sweep's runs would take its place"),
        ]
        for (body, code, message) in cases {
            let run = mergersim(["sweep", try sweepFile(scratch, body), "--out", scratch.path("never")])
            #expect(run.code == code && run.error.contains(message), "\(body): \(run.error)")
            #expect(!scratch.exists("never"))
        }
        // A folder with someone else's files is refused and left as it was.
        let file = try sweepFile(scratch, "vary:\n  transfers.scope: [none]\nruns: 5\n")
        try FileManager.default.createDirectory(atPath: scratch.path("mine"), withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: scratch.path("mine/sweep.csv")))
        let refused = mergersim(["sweep", file, "--out", scratch.path("mine")])
        #expect(refused.code == 73 && refused.error.contains("did not write"), "\(refused.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("mine")) == ["sweep.csv"])
        #expect(mergersim(["sweep", file, "--shard", "3/2"]).code == 64)
        // The command line's runs replace the file's (issue 24: --set transition.runs was refused); both at once are not.
        let clash = mergersim(["sweep", file, "--set", "transition.runs=3", "--runs", "4"])
        #expect(clash.code == 64 && clash.error.contains("give one of them"), "\(clash.error)")
        let replaced = mergersim(["sweep", file, "--set", "transition.runs=3", "--quiet", "--out", scratch.path("three")])
        #expect(replaced.code == 0 && replaced.out.contains("1 setting, 1 run; 1 run now"), "\(replaced.error)")
        #expect(try String(contentsOfFile: scratch.path("three/manifest.json"), encoding: .utf8).contains("\"runs\" : 3,"))
    }
}
