import Foundation
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// A console that keeps what a command says.
final class RecordingConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var outLines: [String] = []
    private var errorLines: [String] = []

    var console: Console {
        Console(out: { text in self.lock.withLock { self.outLines.append(text) } },
                error: { text in self.lock.withLock { self.errorLines.append(text) } })
    }

    var out: String { lock.withLock { outLines.joined(separator: "\n") } }
    var error: String { lock.withLock { errorLines.joined(separator: "\n") } }
}

/// A fresh temporary folder for one test.
///
/// Folders are not removed when the value is released (an optimised build may release it while a command
/// still reads it): they live under one folder per test process, and each run removes the folders of
/// test processes that have ended.
final class Scratch: Sendable {
    let url: URL

    /// `…/mergersim-tests/PID`, made once per process after sweeping the folders of ended processes.
    static let processFolder: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mergersim-tests")
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
            if let pid = Int32(entry), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(entry))
            }
        }
        return root.appendingPathComponent(String(getpid()))
    }()

    init() throws {
        url = Self.processFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
}

/// The rows of a CSV file mergersim wrote, by column name, read with mergersim's own reader.
func csv(_ path: String) throws -> [[String: String]] {
    let table = try CSVTable(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
    return table.records.map { record in Dictionary(uniqueKeysWithValues: zip(table.header, record.fields)) }
}

/// Runs `mergersim` with `arguments`, returning the exit code and what it said.
func mergersim(_ arguments: [String]) -> (code: Int32, out: String, error: String) {
    let recording = RecordingConsole()
    let code = MergerSimCommand.run(arguments, console: recording.console)
    return (code, recording.out, recording.error)
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// An executable of the package built beside the tests (`swift build --build-tests` and `swift test` build every target).
func builtExecutable(_ name: String) -> URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for folder in [beside, beside.deletingLastPathComponent(), repositoryRoot.appendingPathComponent(".build/debug")] {
        let candidate = folder.appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return repositoryRoot.appendingPathComponent(".build/debug/\(name)")
}

let mergersimExecutable = builtExecutable("mergersim")

/// Starts `mergersim` as a process in `folder`, its output collected in files there.
func startMergersim(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Process {
    let process = Process()
    process.executableURL = mergersimExecutable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// Runs `mergersim` as a process in `folder` (with `environment` added to this process's) to its end: the exit code and what it wrote to standard error.
func runMergersim(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> (code: Int32, error: String) {
    let process = Process()
    process.executableURL = mergersimExecutable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let errorPipe = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errorPipe
    try process.run()
    let error = errorPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: error, as: UTF8.self))
}

/// Every file below `url` with its bytes, to compare a folder before and after.
func snapshot(_ url: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: url.path) else { return files }
    for case let path as String in walker {
        var isDirectory: ObjCBool = false
        let full = url.appendingPathComponent(path).path
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = FileManager.default.contents(atPath: full) ?? Data()
        } else {
            files[path + "/"] = Data()
        }
    }
    return files
}

/// A scratch folder with copies of the Phan Rang units and plan and a scenario of `yaml` naming them
/// (`units: units.csv`, `plan: plan.csv` are added): the folder and the scenario's path.
func phanRangScenario(_ yaml: String) throws -> (Scratch, String) {
    let scratch = try Scratch()
    let folder = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024")
    for file in ["units.csv", "plan.csv"] {
        try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: scratch.url.appendingPathComponent(file))
    }
    return (scratch, try scratch.write("scenario.yaml", Array(("units: units.csv\nplan: plan.csv\n" + yaml).utf8)))
}
