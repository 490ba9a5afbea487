import Foundation
import GRDB
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 19: mergersim replaces only a folder its marker says it wrote, holding only plain files the
/// marker lists, unchanged, and none of the run's own inputs; temporaries are recognised by their
/// marker, never by their name alone; a run is stored before its folder takes the old one's place.
struct OutputFolderRuleTests {
    let safety = OutputSafetyTests()
    static let phanRangUnits = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path

    /// A proposal made into `myplan`, with neighbours from an adjacency file.
    func proposal(_ scratch: Scratch) throws -> String {
        let adjacency = try scratch.write("adj.csv", Array("code_a,code_b\n22753,22756\n22756,22759\n22759,22750\n22750,22753\n".utf8))
        let made = mergersim(["propose", Self.phanRangUnits, "--rules", "vn-2023", "--adjacency", adjacency, "--out", scratch.path("myplan")])
        #expect(made.code == 0, "\(made.error)")
        return scratch.path("myplan")
    }

    @Test func aRunNeverReplacesAFolderHoldingItsOwnInputs() throws {
        let scratch = try Scratch()
        let myplan = try proposal(scratch)
        // The planner's everyday step: edit the proposal's scenario, then run it into the same folder.
        let scenario = myplan + "/scenario.yaml"
        var yaml = try String(contentsOfFile: scenario, encoding: .utf8)
        yaml += "transition: {runs: 5, seed: 3}\n"
        try yaml.write(toFile: scenario, atomically: false, encoding: .utf8)
        let before = snapshot(URL(fileURLWithPath: myplan))
        let edited = mergersim(["simulate", scenario, "--out", myplan, "--quiet"])
        #expect(edited.code == 73, "\(edited.error)")
        #expect(edited.error.contains("input of this run"), "\(edited.error)")
        #expect(edited.out.isEmpty)
        #expect(snapshot(URL(fileURLWithPath: myplan)) == before)

        // Unedited, its scenario and plan are still the run's inputs: refused as well.
        let fresh = try proposal(try Scratch())
        let unedited = mergersim(["simulate", fresh + "/scenario.yaml", "--out", fresh, "--runs", "5", "--quiet"])
        #expect(unedited.code == 73 && unedited.error.contains("input of this run"), "\(unedited.error)")
        #expect(FileManager.default.fileExists(atPath: fresh + "/plan.csv"))

        // A file the run reads, hard-linked into an old run folder under a name the marker lists.
        let planner = try safety.plannersFolder()
        #expect(mergersim(["screen", planner.path("units.csv"), "--out", planner.path("run")]).code == 0)
        try FileManager.default.removeItem(atPath: planner.path("run/screening.csv"))
        try FileManager.default.linkItem(atPath: planner.path("units.csv"), toPath: planner.path("run/screening.csv"))
        let linked = mergersim(["screen", planner.path("units.csv"), "--out", planner.path("run")])
        #expect(linked.code == 73 && linked.error.contains("input of this run"), "\(linked.error)")
        #expect(planner.exists("units.csv") && planner.exists("run/screening.csv"))
    }

    @Test func aFileEditedSinceMergersimWroteItIsNotReplaced() throws {
        let scratch = try safety.plannersFolder()
        #expect(mergersim(["screen", scratch.path("units.csv"), "--out", scratch.path("run")]).code == 0)
        try Data("my edits\n".utf8).write(to: URL(fileURLWithPath: scratch.path("run/manifest.json")))
        let run = mergersim(["screen", scratch.path("units.csv"), "--out", scratch.path("run")])
        #expect(run.code == 73 && run.error.contains("changed since mergersim wrote them: manifest.json"), "\(run.error)")
        #expect(try String(contentsOfFile: scratch.path("run/manifest.json"), encoding: .utf8) == "my edits\n")
    }

    @Test func aFolderOrLinkUnderAListedNameIsNotReplaced() throws {
        let scratch = try safety.plannersFolder()
        let out = scratch.path("A")
        #expect(mergersim(["simulate", scratch.path("scenario.yaml"), "--out", out, "--quiet"]).code == 0)
        try FileManager.default.removeItem(atPath: out + "/report.html")
        try FileManager.default.createDirectory(atPath: out + "/report.html", withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: out + "/report.html/keep.txt"))
        let run = mergersim(["simulate", scratch.path("scenario.yaml"), "--out", out, "--quiet"])
        #expect(run.code == 73 && run.error.contains("report.html (a folder)"), "\(run.error)")
        #expect(scratch.exists("A/report.html/keep.txt"))
        // A link under a listed name: refused, and what it points to untouched.
        try FileManager.default.removeItem(atPath: out + "/report.html/keep.txt")
        try FileManager.default.removeItem(atPath: out + "/report.html")
        try FileManager.default.createSymbolicLink(atPath: out + "/report.html", withDestinationPath: scratch.path("notes.txt"))
        let linked = mergersim(["simulate", scratch.path("scenario.yaml"), "--out", out, "--quiet"])
        #expect(linked.code == 73 && linked.error.contains("report.html (a link)"), "\(linked.error)")
        #expect(try String(contentsOfFile: scratch.path("notes.txt"), encoding: .utf8) == "my notes\n")
    }

    @Test func aCopiedSweepFolderIsNeverTakenForARunFolder() throws {
        let scratch = try safety.plannersFolder()
        let sweepFile = try scratch.write("sweep.yaml", Array("scenario: scenario.yaml\nvary:\n  transfers.scope: [none, district]\nruns: 5\n".utf8))
        let swept = mergersim(["sweep", sweepFile, "--out", scratch.path("sw"), "--quiet"])
        #expect(swept.code == 0, "\(swept.error)")
        // A plain copy leaves the hidden marker behind.
        try FileManager.default.createDirectory(atPath: scratch.path("copy"), withIntermediateDirectories: false)
        for entry in try FileManager.default.contentsOfDirectory(atPath: scratch.path("sw")) where !entry.hasPrefix(".") {
            try FileManager.default.copyItem(atPath: scratch.path("sw/\(entry)"), toPath: scratch.path("copy/\(entry)"))
        }
        for folder in ["copy", "sw"] {
            let before = snapshot(URL(fileURLWithPath: scratch.path(folder)))
            let run = mergersim(["simulate", scratch.path("scenario.yaml"), "--out", scratch.path(folder), "--quiet"])
            #expect(run.code == 73, "\(run.error)")
            #expect(run.error.contains(folder == "sw" ? "this is a sweep folder" : "without its marker"), "\(run.error)")
            #expect(snapshot(URL(fileURLWithPath: scratch.path(folder))) == before)
        }
    }

    @Test func lookAlikeTemporariesAreLeftAlone() throws {
        let scratch = try safety.plannersFolder()
        #expect(mergersim(["screen", scratch.path("units.csv"), "--out", scratch.path("out")]).code == 0)
        let dead = safety.deadProcessID()
        // Plain files with a temporary's name, and folders of a dead process that no marker recognises.
        try scratch.write(".out.partial-999999-notes", Array("notes".utf8))
        try scratch.write(".out.previous-999998-x", Array("budget".utf8))
        try scratch.write(".out.partial-\(dead)-1", Array("a file".utf8))
        try FileManager.default.createDirectory(atPath: scratch.path(".out.previous-\(dead)-2"), withIntermediateDirectories: false)
        try scratch.write(".out.previous-\(dead)-2/mine.txt", Array("mine".utf8))
        let planted = snapshot(scratch.url).filter { $0.key.hasPrefix(".out.") }
        try FileManager.default.removeItem(atPath: scratch.path("out"))  // a missing output is not restored from them
        let run = mergersim(["screen", scratch.path("units.csv"), "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        #expect(snapshot(scratch.url).filter { $0.key.hasPrefix(".out.") } == planted)
        #expect(scratch.exists("out/screening.csv"))
    }

    @Test func aStoreInsideTheOutputFolderIsRefusedBeforeAnyComputation() throws {
        let scratch = try safety.plannersFolder()
        #expect(mergersim(["simulate", scratch.path("scenario.yaml"), "--out", scratch.path("X"), "--quiet"]).code == 0)
        let before = snapshot(URL(fileURLWithPath: scratch.path("X")))
        let run = mergersim(["simulate", scratch.path("scenario.yaml"), "--out", scratch.path("X"), "--store", scratch.path("X/runs.sqlite"), "--quiet"])
        #expect(run.code == 73 && run.error.contains("runs.sqlite is inside this folder"), "\(run.error)")
        #expect(run.out.isEmpty)
        #expect(snapshot(URL(fileURLWithPath: scratch.path("X"))) == before)
    }

    @Test func aRunTheStoreCannotTakeLeavesTheOldFolderAsItWas() throws {
        let scratch = try safety.plannersFolder()
        let out = scratch.path("run")
        #expect(mergersim(["simulate", scratch.path("scenario.yaml"), "--out", out, "--seed", "1", "--quiet"]).code == 0)
        let before = snapshot(URL(fileURLWithPath: out))
        let store = scratch.path("runs.sqlite")
        #expect(mergersim(["simulate", scratch.path("scenario.yaml"), "--out", scratch.path("other"), "--store", store, "--quiet"]).code == 0)
        // The store's next insert fails, as on a full disk.
        try DatabaseQueue(path: store).write { db in
            try db.execute(sql: "CREATE TRIGGER full BEFORE INSERT ON runs BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
        }
        let run = mergersim(["simulate", scratch.path("scenario.yaml"), "--out", out, "--seed", "2", "--store", store, "--quiet"])
        #expect(run.code == 73, "\(run.error)")
        #expect(run.error.contains("nothing was written") && !run.out.contains("Wrote"), "\(run.error)\n\(run.out)")
        #expect(snapshot(URL(fileURLWithPath: out)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".run.") }.isEmpty)
    }

    /// Two first runs into the same new folder at once, as real processes: both end well, the folder
    /// holds one whole run and no temporary is left.
    @Test func concurrentFirstRunsIntoOneNewFolderBothSucceed() throws {
        let scratch = try safety.plannersFolder()
        let files = Set(["screening.csv", "units_after.csv", "transfers.csv", "timeline.csv", "replications.csv", "summary.csv", "report.html",
                         "manifest.json", OutputFolder.markerName])
        for pair in 0..<15 {
            let out = "new-\(pair)"
            let processes = try (0..<2).map { _ in try startMergersim(["simulate", "scenario.yaml", "--out", out, "--quiet"], in: scratch.url) }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == [0, 0], "pair \(pair)")
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path(out))) == files)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".new-") }.isEmpty)
    }

    @Test func compareReplacesOnlyAComparisonItWroteUnchanged() throws {
        let scratch = try safety.plannersFolder()
        for run in ["a", "b"] {
            #expect(mergersim(["simulate", scratch.path("scenario.yaml"), "--out", scratch.path(run), "--quiet"]).code == 0)
        }
        // A user's table that looks like a comparison.
        let budget = try scratch.write("mydata.csv", Array("metric,2025,2026\nsalaries,1,2\n".utf8))
        let refused = mergersim(["compare", scratch.path("a"), scratch.path("b"), "--out", budget])
        #expect(refused.code == 73, "\(refused.error)")
        #expect(try String(contentsOfFile: budget, encoding: .utf8) == "metric,2025,2026\nsalaries,1,2\n")
        // Its own comparison, unchanged, it replaces; once edited, not.
        let own = scratch.path("c.csv")
        #expect(mergersim(["compare", scratch.path("a"), scratch.path("b"), "--out", own]).code == 0)
        #expect(mergersim(["compare", scratch.path("a"), scratch.path("b"), "--out", own]).code == 0)
        try Data("metric,a,b\nmine,1,2\n".utf8).write(to: URL(fileURLWithPath: own))
        #expect(mergersim(["compare", scratch.path("a"), scratch.path("b"), "--out", own]).code == 73)
        #expect(try String(contentsOfFile: own, encoding: .utf8) == "metric,a,b\nmine,1,2\n")
    }
}
