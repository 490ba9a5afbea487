import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 8: mergersim never deletes or replaces what it did not write.
///
/// Commands that name the current folder run as processes in a scratch folder (a refusal that failed
/// must never reach the repository the tests run in).
struct OutputSafetyTests {
    static let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024")

    /// A scratch folder holding a planner's own files and a copy of the Phan Rang scenario (named `name`).
    func plannersFolder(name: String = "pr", runs: Int = 3) throws -> Scratch {
        let scratch = try Scratch()
        for file in ["units.csv", "plan.csv"] {
            try FileManager.default.copyItem(at: Self.phanRang.appendingPathComponent(file), to: scratch.url.appendingPathComponent(file))
        }
        let yaml = "name: \"\(name)\"\nrules: vn-2023\neffective_date: 2024-11-01\nunits: units.csv\nplan: plan.csv\n"
            + "transfers: {scope: district}\ntransition: {runs: \(runs), seed: 7}\n"
        try scratch.write("scenario.yaml", Array(yaml.utf8))
        try scratch.write("notes.txt", Array("my notes\n".utf8))
        return scratch
    }

    @Test(arguments: [["simulate", "scenario.yaml", "--out", "."], ["simulate", "scenario.yaml", "--out", ""],
                      ["simulate", "scenario.yaml", "--out", "./"], ["screen", "units.csv", "--out", "."],
                      ["screen", "units.csv", "--out", ".."], ["screen", "units.csv", "--out", "/"]])
    func theCurrentFolderAndThoseAboveItAreRefused(arguments: [String]) throws {
        let scratch = try plannersFolder()
        let before = snapshot(scratch.url)
        let run = try runMergersim(arguments + ["--quiet"].filter { _ in arguments[0] == "simulate" }, in: scratch.url)
        #expect(run.code == 73, "\(run.error)")
        #expect(run.error.contains("current folder or a folder above it") || run.error.contains("root of the file system"), "\(run.error)")
        #expect(snapshot(scratch.url) == before)
        // Nothing was made beside the folder either (no temporary of it).
        let beside = try FileManager.default.contentsOfDirectory(atPath: scratch.url.deletingLastPathComponent().path)
        #expect(beside.filter { $0.contains(scratch.url.lastPathComponent) } == [scratch.url.lastPathComponent])
    }

    @Test func aFolderHoldingOtherFilesIsRefusedBeforeAnyComputation() throws {
        let scratch = try plannersFolder()
        let mine = scratch.url.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: mine.appendingPathComponent("report.docx"))
        for arguments in [["simulate", scratch.path("scenario.yaml"), "--out", mine.path, "--quiet"],
                          ["screen", scratch.path("units.csv"), "--out", mine.path]] {
            let run = mergersim(arguments)
            #expect(run.code == 73, "\(run.error)")
            #expect(run.error.contains("files that mergersim did not write (report.docx)"), "\(run.error)")
            #expect(run.out.isEmpty)  // refused before the summary was computed
        }
        #expect(snapshot(mine) == ["report.docx": Data("keep me".utf8)])
        // A file where the folder would go, and a link, are refused too.
        let file = try scratch.write("out.txt", Array("x".utf8))
        #expect(mergersim(["screen", scratch.path("units.csv"), "--out", file]).code == 73)
        #expect(mergersim(["screen", scratch.path("units.csv"), "--out", file + "/run"]).code == 73)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: mine.path)
        #expect(mergersim(["screen", scratch.path("units.csv"), "--out", scratch.path("link")]).code == 73)
        #expect(snapshot(mine) == ["report.docx": Data("keep me".utf8)])
    }

    @Test func aRunFolderIsReplacedButNotWhenSomeoneAddedAFile() throws {
        let scratch = try plannersFolder()
        let out = scratch.path("run")
        #expect(mergersim(["screen", scratch.path("units.csv"), "--out", out]).code == 0)
        #expect(scratch.exists("run/\(OutputFolder.markerName)"))
        #expect(mergersim(["screen", scratch.path("units.csv"), "--out", out]).code == 0)  // its own folder: replaced
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent("comments.txt"))
        let run = mergersim(["screen", scratch.path("units.csv"), "--out", out])
        #expect(run.code == 73 && run.error.contains("also holds files that mergersim did not write (comments.txt)"), "\(run.error)")
        #expect(scratch.exists("run/comments.txt") && scratch.exists("run/screening.csv"))
        // An empty folder is used; a folder without the marker (a copy of a run, or one written before the
        // marker existed) is not mergersim's to replace, whatever its manifest says.
        try FileManager.default.createDirectory(atPath: scratch.path("empty"), withIntermediateDirectories: true)
        #expect(mergersim(["screen", scratch.path("units.csv"), "--out", scratch.path("empty")]).code == 0)
        try FileManager.default.removeItem(atPath: scratch.path("empty/\(OutputFolder.markerName)"))
        let copy = mergersim(["screen", scratch.path("units.csv"), "--out", scratch.path("empty")])
        #expect(copy.code == 73 && copy.error.contains("without its marker"), "\(copy.error)")
        // No temporaries are left beside the folders.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test(arguments: ["..", ".", "a/b", "../up", "tab\there", "line\nbreak", "nul\u{0}byte", ".hidden", String(repeating: "x", count: 300), ""])
    func unsafeScenarioNamesAreRefusedBeforeAnyComputation(name: String) throws {
        let scratch = try plannersFolder(name: name.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\u{0}", with: "\\0"))
        let before = snapshot(scratch.url)
        let run = try runMergersim(["simulate", "scenario.yaml", "--quiet"], in: scratch.url)
        #expect(run.code == 65, "\(run.error)")
        #expect(run.error.contains("scenario.yaml:1:7: name ") && run.error.contains("cannot name the output folder"), "\(run.error)")
        #expect(snapshot(scratch.url) == before)
        #expect(mergersim(["validate", scratch.path("scenario.yaml")]).code == 65)
    }

    @Test func compareNeverReplacesAFolderOrSomeoneElsesFile() throws {
        let scratch = try plannersFolder()
        for run in ["a", "b"] {
            #expect(mergersim(["simulate", scratch.path("scenario.yaml"), "--out", scratch.path(run), "--quiet"]).code == 0)
        }
        let folder = scratch.url.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("inside.txt"))
        let refused = mergersim(["compare", scratch.path("a"), scratch.path("b"), "--out", folder.path])
        #expect(refused.code == 73 && refused.error.contains("this is a folder"), "\(refused.error)")
        #expect(snapshot(folder) == ["inside.txt": Data("x".utf8)])
        #expect(mergersim(["compare", scratch.path("a"), scratch.path("b"), "--out", scratch.path("notes.txt")]).code == 73)
        #expect(try String(contentsOfFile: scratch.path("notes.txt"), encoding: .utf8) == "my notes\n")
        #expect(mergersim(["compare", scratch.path("a"), scratch.path("b"), "--out", ""]).code == 73)
        // Its own comparison it replaces.
        #expect(mergersim(["compare", scratch.path("a"), scratch.path("b"), "--out", scratch.path("c.csv")]).code == 0)
        #expect(mergersim(["compare", scratch.path("a"), scratch.path("b"), "--out", scratch.path("c.csv")]).code == 0)
    }

    @Test func staleTemporariesOfDeadRunsAreSweptAndAMissingOutputRestored() throws {
        let scratch = try plannersFolder()
        #expect(mergersim(["screen", scratch.path("units.csv"), "--out", scratch.path("run")]).code == 0)
        let original = snapshot(scratch.url.appendingPathComponent("run"))
        // A run killed between its two renames: the output sits at .run.previous-PID-N and run/ is missing.
        let dead = deadProcessID()
        try FileManager.default.moveItem(atPath: scratch.path("run"), toPath: scratch.path(".run.previous-\(dead)-1"))
        try FileManager.default.copyItem(atPath: scratch.path(".run.previous-\(dead)-1"), toPath: scratch.path(".run.partial-\(dead)-2"))
        try FileManager.default.createDirectory(atPath: scratch.path(".run.partial-\(dead)-3"), withIntermediateDirectories: false)
        // Temporaries of a live process (pid 1) and a folder someone else made are left alone.
        try FileManager.default.createDirectory(atPath: scratch.path(".run.partial-1-4"), withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: scratch.path(".run.partial-\(dead)-5"), withIntermediateDirectories: false)
        try Data("x".utf8).write(to: URL(fileURLWithPath: scratch.path(".run.partial-\(dead)-5/theirs.txt")))
        _ = try OutputFolder(scratch.path("run"))
        #expect(snapshot(scratch.url.appendingPathComponent("run")) == original)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".") }.sorted()
        // An empty folder with a temporary's name is not recognised by any marker, so it stays too.
        #expect(hidden == [".run.partial-1-4", ".run.partial-\(dead)-3", ".run.partial-\(dead)-5"])
    }

    /// SIGINT and SIGTERM at random moments of a run, once with a second signal: the destination always
    /// holds a complete run (the old one or the new), and no temporary folder is left.
    @Test func interruptedRunsLeaveThePreviousOutputInPlace() throws {
        let scratch = try plannersFolder(runs: 8_000)
        let out = scratch.path("run")
        #expect(mergersim(["simulate", scratch.path("scenario.yaml"), "--out", out, "--runs", "2", "--quiet"]).code == 0)
        let files = Set(["screening.csv", "units_after.csv", "transfers.csv", "timeline.csv", "replications.csv", "summary.csv", "report.html", "manifest.json",
                         OutputFolder.markerName])
        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        for attempt in 0..<8 {
            let process = try startMergersim(["simulate", "scenario.yaml", "--out", "run", "--quiet"], in: scratch.url)
            usleep(UInt32.random(in: 50_000...1_500_000, using: &generator))
            process.interrupt()
            if attempt == 3 { usleep(2_000); kill(process.processIdentifier, SIGTERM) }
            if attempt % 2 == 1 { process.terminate() }
            process.waitUntilExit()
            if process.terminationStatus != 0 { interrupted += 1 }
            let contents = Set(try FileManager.default.contentsOfDirectory(atPath: out))
            #expect(contents == files, "attempt \(attempt): \(contents)")
            let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".run.") }
            #expect(left.isEmpty || attempt == 3, "attempt \(attempt): \(left)")  // a second signal may leave one, swept next run
        }
        #expect(interrupted >= 4, "most attempts should stop the run before its end")
        // SIGKILL at any moment: the next run sweeps what it left and writes a complete folder.
        let killed = try startMergersim(["simulate", "scenario.yaml", "--out", "run", "--quiet"], in: scratch.url)
        usleep(700_000)
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: out)) == files)
        #expect(mergersim(["simulate", scratch.path("scenario.yaml"), "--out", out, "--runs", "2", "--quiet"]).code == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix(".run.") }.isEmpty)
    }

    /// The pid of a process that has ended.
    func deadProcessID() -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try? process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
