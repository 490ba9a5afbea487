import Foundation
import MergerSimInputs

/// What an interrupt (SIGINT, SIGTERM) does to a run: the temporary folder
/// being written is removed and the previous output stays as it was; a second
/// signal ends the process at once.
///
/// Only `main.swift` installs the handlers; commands run in tests are never
/// interrupted. The final swap of a run folder into place holds the lock, so
/// an interrupt waits for it (microseconds) rather than splitting it.
public enum Interrupts {
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var staging: URL?
        var message = "interrupted: nothing was written; any earlier output is as it was"
        var before: (@Sendable () -> Void)?
    }

    private static let state = State()

    /// Catches SIGINT and SIGTERM for the rest of the process. Call it first in `main`, before any
    /// thread starts: the signals are blocked in every thread and taken by one thread of their own,
    /// which answers even while the Monte Carlo keeps every core busy.
    public static func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let blocked = signals
        let watcher = Thread {
            var received: Int32 = 0
            var waitFor = blocked
            guard sigwait(&waitFor, &received) == 0 else { return }
            interrupted(by: received)
        }
        watcher.name = "mergersim-interrupts"
        watcher.start()
    }

    /// Records the temporary folder a run is writing (or the temporary file a sweep is writing), to be removed if it is interrupted.
    static func writing(_ staging: URL?) {
        state.lock.withLock { state.staging = staging }
    }

    /// ``writing(_:)`` for a caller already holding the lock (inside ``uninterrupted(_:)``).
    static func writingUnlocked(_ staging: URL?) {
        state.staging = staging
    }

    /// What the process says when interrupted (a sweep: the settings stored stay).
    public static func say(_ message: String) {
        state.lock.withLock { state.message = message }
    }

    /// What the process does when interrupted, before it says its message and ends (the workbench interrupts
    /// the simulations it started and waits for them to remove what they were writing).
    public static func before(_ body: @escaping @Sendable () -> Void) {
        state.lock.withLock { state.before = body }
    }

    /// Runs `body` with interrupts held off: the swap of a run folder into place.
    static func uninterrupted<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        state.lock.lock()
        defer { state.lock.unlock() }
        return try body()
    }

    private static func interrupted(by signalNumber: Int32) {
        // A second signal takes its default action in this thread: the process ends at once.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        state.lock.lock()
        if let staging = state.staging {
            // A run folder being written (removed as its marker lists it), or a sweep's file being written.
            switch FileKind.of(staging) {
            case .folder:
                // Renamed first, so that the files the run is still writing there cannot be made any more; then removed
                // as its marker lists them.
                let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
                let name = staging.lastPathComponent, cut = name.range(of: ".partial-")
                let aside = cut.map { staging.deletingLastPathComponent().appendingPathComponent(name[..<$0.upperBound] + unique) }
                if let aside, rename(staging.path, aside.path) == 0 { RunFolderMarker.remove(aside) } else { RunFolderMarker.remove(staging) }
            case .file: _ = unlink(staging.path)
            default: break
            }
        }
        state.before?()
        FileHandle.standardError.write(Data("\n\(state.message)\n".utf8))
        exit(128 + signalNumber)
    }
}
