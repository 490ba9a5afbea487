import Foundation
import MergerSimCLI

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

/// A fresh temporary folder, removed when the value is released.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("mergersim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
}

/// Runs `mergersim` with `arguments`, returning the exit code and what it said.
func mergersim(_ arguments: [String]) -> (code: Int32, out: String, error: String) {
    let recording = RecordingConsole()
    let code = MergerSimCommand.run(arguments, console: recording.console)
    return (code, recording.out, recording.error)
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
