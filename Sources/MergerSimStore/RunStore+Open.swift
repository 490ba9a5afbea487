import Foundation
import GRDB
import MergerSimInputs
import MergerSimReports

/// Opening a store: waiting aloud for another process's lock, SQLite's check of the file, and errors
/// turned into sentences.
extension RunStore {
    /// What a store says while it waits for another process (a line for standard error, rendered in the
    /// reader's language by the receiver).
    public typealias Notice = @Sendable (LockWaitNotice) -> Void

    /// Writes a notice, in English, to the process's standard error.
    public static let standardErrorNotice: Notice = { FileHandle.standardError.write(Data(($0.english + "\n").utf8)) }

    /// How long a store waits for another process's lock before giving up: 30 s, or for tests the seconds
    /// in the environment variable `MERGERSIM_STORE_TIMEOUT`.
    static func lockTimeout() throws(InputError) -> Double {
        guard let text = ProcessInfo.processInfo.environment["MERGERSIM_STORE_TIMEOUT"] else { return 30 }
        guard let seconds = Double(text), seconds.isFinite, seconds > 0 else {
            throw InputError(.usage, file: "MERGERSIM_STORE_TIMEOUT", reason: .store(.badTimeout(text: text)))
        }
        return seconds
    }

    /// The connection's settings: SQLite calls `wait` while another process holds a lock on the file.
    static func configuration(readonly: Bool, path: String, timeout: Double, notice: @escaping Notice) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        let wait = LockWait(path: path, timeout: timeout, notice: notice)
        configuration.busyMode = .callback { tries in wait.again(tries: tries) }
        return configuration
    }

    /// Refuses a file that fails SQLite's `PRAGMA quick_check`, with the check's first finding.
    static func check(_ db: Database, path: String, kind: InputError.Kind) throws {
        // The first row is "ok", or the first finding (SQLite may fail on the damage after listing some).
        let rows = try String.fetchCursor(db, sql: "PRAGMA quick_check")
        guard let first = try rows.next(), first != "ok" else { return }
        let finding = first.split(separator: "\n").first { !$0.hasPrefix("***") }.map(String.init) ?? first
        throw damaged(path: path, kind: kind, finding: finding)
    }

    static func damaged(path: String, kind: InputError.Kind, finding: String) -> InputError {
        InputError(kind, file: path, reason: .store(.damaged(finding: finding, path: path)))
    }

    /// `error` as a sentence about the store: a lock held too long, a damaged file, a file that is not SQLite,
    /// a full disk; anything else is `kind` with SQLite's words.
    func failure(_ error: any Error, _ doing: StoreReason.Action) -> InputError {
        Self.failure(error, path: path, timeout: timeout, kind: writable ? .unwritable : .badData, doing)
    }

    static func failure(_ error: any Error, path: String, timeout: Double, kind: InputError.Kind, _ doing: StoreReason.Action) -> InputError {
        if let error = error as? InputError { return error }
        guard let error = error as? DatabaseError else { return InputError(kind, file: path, reason: .store(.failed(doing, detail: "\(error)"))) }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return InputError(.unwritable, file: path, reason: .store(.locked(seconds: seconds(timeout))))
        case .SQLITE_NOTADB:
            return InputError(kind, file: path, reason: .store(.notSQLite(forWriting: kind == .unwritable)))
        case .SQLITE_CORRUPT:
            return damaged(path: path, kind: kind, finding: error.message ?? "database disk image is malformed")
        case .SQLITE_FULL:
            return InputError(.unwritable, file: path, reason: .store(.diskFull))
        case .SQLITE_IOERR:
            return InputError(kind == .badData ? .unreadable : .unwritable, file: path,
                              reason: .store(.ioError(reading: kind == .badData, detail: error.message ?? "disk I/O error")))
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return InputError(kind == .badData ? .unreadable : kind, file: path, reason: .store(.cannotOpen(detail: error.message ?? "\(error)")))
        default:
            return InputError(kind, file: path, reason: .store(.failed(doing, detail: "\(error)")))
        }
    }

    static func seconds(_ x: Double) -> String { x == x.rounded() && x < 1e9 ? String(Int(x)) : String(x) }

    /// Whether `a` and `b` name the same file (the same device and inode: through a link, `./`, or another path);
    /// false when either cannot be found.
    public static func isSameFile(_ a: String, _ b: String) -> Bool {
        guard let first = FileIdentity(path: a) else { return false }
        return first == FileIdentity(path: b)
    }
}

/// SQLite's busy handler for one connection: waits in short sleeps; after a second says once what it waits
/// for; gives up (SQLITE_BUSY) after the timeout. Each lock waited for starts again from zero.
final class LockWait: @unchecked Sendable {
    private let lock = NSLock()
    private var started = 0.0
    private var told = false
    let path: String, timeout: Double, notice: RunStore.Notice

    init(path: String, timeout: Double, notice: @escaping RunStore.Notice) {
        self.path = path
        self.timeout = timeout
        self.notice = notice
    }

    /// Called by SQLite with the number of tries so far for this lock; true to try again.
    func again(tries: Int) -> Bool {
        let now = ProcessInfo.processInfo.systemUptime
        let (waited, tell): (Double, Bool) = lock.withLock {
            if tries == 0 { started = now; told = false }
            let waited = now - started
            let tell = waited >= min(1, timeout / 2) && !told
            if tell { told = true }
            return (waited, tell)
        }
        if tell { notice(LockWaitNotice(path: path, seconds: RunStore.seconds(timeout))) }
        guard waited < timeout else { return false }
        usleep(useconds_t(min(0.02, timeout - waited) * 1_000_000) + 1)
        return true
    }
}

/// The line a store says once while it waits for another process's lock on `path`, for at most `seconds`.
public struct LockWaitNotice: Phrase, Sendable, Equatable {
    /// The store's path, as given.
    public let path: String
    /// The most seconds waited, written with a point (`30`, `0.5`).
    public let seconds: String

    /// The notice for `path`, waited on for at most `seconds`.
    public init(path: String, seconds: String) {
        self.path = path
        self.seconds = seconds
    }

    /// The label's key and its English text (a test checks the English label table says the same).
    public static let key = "console.store.waiting", template = "waiting for another process using {path} to finish with it (at most {seconds} s)…"

    /// The line in English.
    public var english: String { Self.template.filled(with: ["path": path, "seconds": seconds]) }

    /// The line in `labels`' language, the seconds with its decimal mark.
    public func text(_ labels: Labels) -> String {
        labels(Self.key, ["path": path, "seconds": labels.decimalMark(seconds)])
    }
}
