import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 19, items 9 and 10: what an Excel workbook cannot hold is refused with its place or its sheet (never an
/// internal error), a missing, read-only or full TMPDIR never makes an internal error, and an interrupted
/// `--xlsx` run leaves no workbook behind in TMPDIR.
struct WorkbookLimitsTests {
    static let header = InputBoundsTests.unitsHeader

    /// A units file of one unit named `name`.
    func units(named name: String) -> [UInt8] {
        Array((Self.header + "\n1,\(name),ward,P,D,provincial_city,1.5,9000,II,10,12,12,11.5,108.9,10,0.1\n").utf8)
    }

    // MARK: 9 (a): a name longer than a cell holds

    @Test func aNameLongerThanACellHoldsIsRefusedWithItsPlace() throws {
        let scratch = try Scratch()
        let path = try scratch.write("units.csv", units(named: String(repeating: "ả", count: 32_768)))
        for xlsx in [true, false] {
            let run = mergersim(["screen", path, "--rules", "vn-2023", "--round", "2023", "--out", scratch.path("out")] + (xlsx ? ["--xlsx"] : []))
            #expect(run.code == 65, "\(run.error)")
            #expect(run.error.contains("\(path):2:3: name is 32,768 characters long; a unit's name holds at most 32,767"), "\(run.error)")
            #expect(!scratch.exists("out"))
        }
    }

    @Test func aNameOfExactlyACellsLengthReachesTheWorkbookWhole() throws {
        let scratch = try Scratch()
        let name = String(repeating: "ả", count: 32_767)
        let path = try scratch.write("units.csv", units(named: name))
        let run = mergersim(["screen", path, "--rules", "vn-2023", "--round", "2023", "--out", scratch.path("out"), "--xlsx"])
        #expect(run.code == 0, "\(run.error)")
        let book = try WorkbookTests.Opened(scratch.path("out/report.xlsx"))
        #expect(book.sheets[0]["B2"]?.value == name)
    }

    @Test func otherTextLongerThanACellIsCutVisiblyInTheWorkbookOnly() throws {
        let scratch = try Scratch()
        let members = (0..<8_000).map { String(format: "%05d", $0) }.joined(separator: ";")
        var table = ReportTable([.init("code", .identifier), .init("members", .identifier)])
        table.append([.text("X"), .text(members)])
        let url = scratch.url.appendingPathComponent("report.xlsx")
        try WorkbookReport.write(to: url, sheets: [("units_after", table)], assumptions: .none, labels: try Labels(.en))
        let cell = try #require(try WorkbookTests.Opened(url.path).sheets[0]["B2"]?.value)
        #expect(cell.count <= 32_767 && cell.hasPrefix(String(members.prefix(30_000))))
        #expect(cell.hasSuffix("… (cut: 47,999 characters in all; the CSV file holds the whole text)"), "\(cell.suffix(80))")
    }

    // MARK: 9 (b): more rows than a sheet holds

    @Test func aSheetOverExcelsRowsIsRefusedNamingItAndItsRows() throws {
        let labels = try Labels(.en)
        #expect(throws: Never.self) { try WorkbookReport.checkRows([("units_before", 1_048_575)], labels: labels) }
        #expect(throws: InputError(.usage, file: "--xlsx", "the sheet \"Units before\" would have 1,048,576 rows below its header; "
                                   + "an Excel sheet holds at most 1,048,575: leave out --xlsx (the CSV files hold every row)")) {
            try WorkbookReport.checkRows([("summary", 10), ("units_before", 1_048_576)], labels: labels)
        }
    }

    @Test func theSheetsRowsAreCheckedBeforeAnyCellIsWritten() throws {
        let scratch = try Scratch()
        var table = ReportTable([.init("code", .identifier)])
        for _ in 0..<1_048_576 { table.append([.text("a")]) }
        let url = scratch.url.appendingPathComponent("report.xlsx")
        let started = Date()
        #expect {
            try WorkbookReport.write(to: url, sheets: [("transfers", table)], assumptions: .none, labels: try Labels(.en))
        } throws: { error in
            (error as? InputError)?.exitCode == 64 && (error as? InputError)?.message.contains("\"Transfers\" would have 1,048,576 rows") == true
        }
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(!scratch.exists("report.xlsx"))
    }

    /// Before the Monte Carlo: the units sheets' rows are known from the inputs, and the transfers are bounded by the people.
    @Test func aRunsSheetsAreBoundedFromItsInputs() throws {
        let (scratch, path) = try phanRangScenario("name: t\nrules: vn-2023\neffective_date: 2024-11-01\n")
        let inputs = try ScenarioInputs(path: path)
        let bounds = Dictionary(uniqueKeysWithValues: WorkbookReport.rowBounds(of: inputs).map { ($0.key, $0.rows) })
        let run = mergersim(["simulate", path, "--runs", "2", "--quiet", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        #expect(bounds["units_before"] == (try csv(scratch.path("out/screening.csv"))).count)
        #expect(bounds["units_after"] == (try csv(scratch.path("out/units_after.csv"))).count)
        let people = inputs.units.reduce(0) { $0 + ($1.staff?.total ?? 0) }
        let transfers = try csv(scratch.path("out/transfers.csv")).count
        #expect(bounds["transfers"] == people && people >= transfers)
        #expect(throws: Never.self) { try WorkbookReport.checkRows(of: inputs, labels: try Labels(.en)) }
    }

    // MARK: 9 (c): TMPDIR missing, read-only or full

    /// `screen --xlsx` in a child process with `TMPDIR` set to `tmpdir`: it succeeds or says it cannot write (73), never exit 1.
    func screenWithTMPDIR(_ tmpdir: String, in scratch: Scratch) throws {
        let lines = try String(contentsOfFile: repositoryRoot.appendingPathComponent("scenarios/vn-2025/units.csv").path, encoding: .utf8)
            .split(separator: "\n").prefix(30)
        try scratch.write("units.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
        let run = try runMergersim(["screen", "units.csv", "--rules", "vn-2023", "--round", "2023", "--out", "out", "--xlsx"],
                                   in: scratch.url, environment: ["TMPDIR": tmpdir])
        #expect(run.code == 0 || run.code == 73, "TMPDIR \(tmpdir): \(run.code) \(run.error)")
        #expect(!run.error.contains("internal error"), "\(run.error)")
        if run.code == 73 { #expect(run.error.contains("report.xlsx") && run.error.contains("TMPDIR"), "\(run.error)") }
        if run.code == 0 { #expect(scratch.exists("out/report.xlsx")) }
    }

    @Test func aMissingTMPDIRIsNoInternalError() throws {
        let scratch = try Scratch()
        try screenWithTMPDIR(scratch.path("missing"), in: scratch)
    }

    @Test(.enabled(if: Tmpfs.available, "mounting a tmpfs needs root")) func aReadOnlyTMPDIRIsNoInternalError() throws {
        let scratch = try Scratch()
        try Tmpfs.mounted(at: scratch.url.appendingPathComponent("tmp"), options: "ro,size=1m") { tmp in
            try screenWithTMPDIR(tmp.path, in: scratch)
        }
    }

    @Test(.enabled(if: Tmpfs.available, "mounting a tmpfs needs root")) func aFullTMPDIRIsNoInternalError() throws {
        let scratch = try Scratch()
        try Tmpfs.mounted(at: scratch.url.appendingPathComponent("tmp"), options: "size=64k") { tmp in
            Tmpfs.fill(tmp)
            try screenWithTMPDIR(tmp.path, in: scratch)
        }
    }

    @Test(.enabled(if: Tmpfs.available, "mounting a tmpfs needs root")) func aWorkbookThatCannotBeWrittenIs73() throws {
        let scratch = try Scratch()
        var csv = ReportTable([.init("code", .identifier), .init("name", .name)])
        for i in 0..<2_000 { csv.append([.text("\(i)"), .text("Xã số \(i) với một tên dài để lấp đầy đĩa")]) }
        try Tmpfs.mounted(at: scratch.url.appendingPathComponent("full"), options: "size=64k") { full in
            Tmpfs.fill(full)
            #expect {
                try WorkbookReport.write(to: full.appendingPathComponent("report.xlsx"), sheets: [("units_before", csv)],
                                         assumptions: .none, labels: try Labels(.en))
            } throws: { error in (error as? InputError)?.exitCode == 73 }
        }
        #expect {
            try WorkbookReport.write(to: scratch.url.appendingPathComponent("missing/report.xlsx"), sheets: [("units_before", csv)],
                                     assumptions: .none, labels: try Labels(.en))
        } throws: { error in (error as? InputError)?.exitCode == 73 }
    }

    // MARK: 10: Ctrl-C during --xlsx

    /// SIGINT at random moments of `simulate --xlsx`, most of them while the workbook is being made:
    /// nothing named `mergersim-*` is ever left in the child's TMPDIR.
    @Test func anInterruptedWorkbookLeavesNothingInTMPDIR() throws {
        let scratch = try Scratch()
        let tmp = scratch.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let scenario = repositoryRoot.appendingPathComponent("scenarios/vn-2025/scenario.yaml").path
        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        for attempt in 0..<8 {
            let process = try startMergersim(["simulate", scenario, "--runs", "1", "--quiet", "--xlsx", "--out", "run"],
                                             in: scratch.url, environment: ["TMPDIR": tmp.path])
            // Wait for the run's staging folder (its files, then the workbook, are written there), then a random while.
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning, Date() < deadline, Self.staging(in: scratch.url).isEmpty { usleep(1_000) }
            usleep(UInt32.random(in: 0...(attempt % 2 == 0 ? 20_000 : 200_000), using: &generator))
            process.interrupt()
            process.waitUntilExit()
            if process.terminationStatus != 0 { interrupted += 1 }
            #expect(Self.ours(in: tmp).isEmpty, "attempt \(attempt): \(Self.ours(in: tmp))")
            #expect(Self.staging(in: scratch.url).isEmpty, "attempt \(attempt): \(Self.staging(in: scratch.url))")
        }
        #expect(interrupted >= 1, "no attempt stopped the run before its end")
    }

    /// The run's temporary folders beside `run` in `folder`.
    static func staging(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".run.partial-") }
    }

    /// Everything named `mergersim-*` below `folder`.
    static func ours(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { ($0 as NSString).lastPathComponent.hasPrefix("mergersim-") }
    }
}

/// Small file systems of their own (tmpfs) for the read-only and full cases; mounting needs root.
enum Tmpfs {
    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Whether this process may mount a tmpfs (tried once).
    static let available: Bool = {
        guard getuid() == 0, let probe = try? Scratch() else { return false }
        let folder = probe.url.appendingPathComponent("probe")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return false }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", folder.path]) else { return false }
        return run("/bin/umount", [folder.path])
    }()

    /// Runs `body` with a tmpfs mounted at `folder` (made if missing), unmounted after.
    static func mounted(at folder: URL, options: String, _ body: (URL) throws -> Void) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try #require(run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", folder.path]), "mount -t tmpfs -o \(options)")
        defer { _ = run("/bin/umount", [folder.path]) }
        try body(folder)
    }

    /// Fills the file system of `folder` to its last byte.
    static func fill(_ folder: URL) {
        let path = folder.appendingPathComponent("filler").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        let block = Data(count: 4_096)
        while (try? handle.write(contentsOf: block)) != nil {}
        let byte = Data(count: 1)
        while (try? handle.write(contentsOf: byte)) != nil {}
    }
}
