import Foundation

/// Where a command writes what it says: standard output for results,
/// standard error for diagnostics. Tests pass one that records.
public struct Console: Sendable {
    public let out: @Sendable (String) -> Void
    public let error: @Sendable (String) -> Void

    /// Writes to standard error without a line end (for a progress bar).
    public let progress: @Sendable (String) -> Void
    /// Whether standard error is a terminal.
    public let isTerminal: Bool
    /// Whether progress is reported as `progress DONE TOTAL` lines on standard error, for a program that runs
    /// the command (the workbench sets `MERGERSIM_PROGRESS=lines` for its simulations and proposals).
    public var progressLines = false

    public init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
                progress: @escaping @Sendable (String) -> Void = { _ in }, isTerminal: Bool = false) {
        self.out = out
        self.error = error
        self.progress = progress
        self.isTerminal = isTerminal
    }

    /// The process's standard output and standard error.
    public static let standard = Console(
        out: { print($0) },
        error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
        progress: { FileHandle.standardError.write(Data($0.utf8)) },
        isTerminal: isatty(STDERR_FILENO) == 1, progressLines: ProcessInfo.processInfo.environment["MERGERSIM_PROGRESS"] == "lines")

    init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
         progress: @escaping @Sendable (String) -> Void, isTerminal: Bool, progressLines: Bool) {
        self.init(out: out, error: error, progress: progress, isTerminal: isTerminal)
        self.progressLines = progressLines
    }
}

/// A one-line progress bar on standard error, only on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let console: Console
    private let lock = NSLock()
    private var shown = -1

    init(total: Int, enabled: Bool, console: Console) {
        self.total = total
        self.enabled = enabled
        self.console = console
    }

    func update(_ done: Int) {
        if console.progressLines {
            let percent = done * 100 / max(1, total)
            lock.withLock {
                guard percent != shown || done == total else { return }
                shown = percent
                console.progress("progress \(done) \(total)\n")
            }
            return
        }
        guard enabled else { return }
        let percent = done * 100 / max(1, total)
        lock.withLock {
            guard percent != shown else { return }
            shown = percent
            let filled = percent / 5
            console.progress("\rtransition [" + String(repeating: "#", count: filled) + String(repeating: " ", count: 20 - filled)
                             + "] \(done)/\(total) runs")
        }
    }

    func finish() {
        if enabled && !console.progressLines { console.progress("\n") }
    }
}
