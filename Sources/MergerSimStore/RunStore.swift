import Foundation
import GRDB
import MergerSim
import MergerSimInputs
import MergerSimReports

/// The run store: one SQLite file holding runs for analysis (pandas, R and the `sqlite3` shell read it
/// directly). Each run goes in whole in one transaction, so a store interrupted mid-write holds the
/// runs before it and nothing of the one being written. The schema is in the README; its version is
/// kept in GRDB's table `grdb_migrations`.
///
/// Several processes may share a store: making it, upgrading it and each run's write hold SQLite's write
/// lock, and a process finding the store locked waits (saying so after a second) up to 30 s. A store is
/// made whole or not at all: its tables, marker and migrations go in one transaction. A file that exists
/// but is not a mergersim store, or fails SQLite's check, is refused and never written to.
public final class RunStore: Sendable {
    let database: DatabaseQueue
    public let path: String
    /// Whether the store was opened to be written (``init(path:waiting:)``) or only read (``init(reading:waiting:)``).
    let writable: Bool
    /// The seconds to wait for another process's lock.
    let timeout: Double

    /// Opens the store at `path` to record runs, making it when there is none (73 when it cannot be written,
    /// or the file there is not a mergersim store, was written by a later mergersim, fails SQLite's check, or
    /// stays locked by another process). An empty file, or one holding no tables (a store whose making
    /// stopped), is made into a store. Every check is done here, before anything is computed.
    public init(path: String, waiting notice: @escaping Notice = RunStore.standardErrorNotice) throws(InputError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(.unwritable, file: path, reason: .store(.folderMissing(folder: folder)))
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw InputError(.unwritable, file: path, reason: .store(.folderNotStore))
        }
        let timeout = try Self.lockTimeout()
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: false, path: path, timeout: timeout, notice: notice))
            try queue.writeWithoutTransaction { db in
                // v3 makes `runs` anew: with foreign keys on, dropping the old table would delete every run's rows.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                // One write lock from the first look at the file to the last migration: another process making or
                // upgrading the same store waits, then finds it made.
                try db.inTransaction(.immediate) {
                    try Self.check(db, path: path, kind: .unwritable)
                    switch try Self.contents(db) {
                    case .nothing: try Self.migrate(db, applied: [], path: path)
                    case .store(let applied): try Self.migrate(db, applied: applied, path: path)
                    case .laterStore:
                        throw InputError(.unwritable, file: path, reason: .store(.laterSchemaToWrite))
                    case .other:
                        throw InputError(.unwritable, file: path, reason: .store(.notStoreToWrite))
                    }
                    return .commit
                }
                try db.execute(sql: "PRAGMA foreign_keys = ON")
            }
        } catch {
            throw Self.failure(error, path: path, timeout: timeout, kind: .unwritable, .openForWriting)
        }
        database = queue
        self.path = path
        self.timeout = timeout
        writable = true
    }

    /// Opens the store at `path` only to read it: never made, changed or upgraded; a store of an earlier
    /// schema is read as it is (66 when the file is missing or cannot be read; 65 when it is not a mergersim
    /// store, was written by a later mergersim, or fails SQLite's check).
    public init(reading path: String, waiting notice: @escaping Notice = RunStore.standardErrorNotice) throws(InputError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InputError(.unreadable, file: path, reason: .store(.noSuchStore))
        }
        guard !isFolder.boolValue else { throw InputError(.unreadable, file: path, reason: .store(.folderNotStoreToRead)) }
        guard FileManager.default.isReadableFile(atPath: path) else { throw InputError(.unreadable, file: path, reason: .store(.unreadable)) }
        let timeout = try Self.lockTimeout()
        let queue: DatabaseQueue
        do {
            let configuration = Self.configuration(readonly: true, path: path, timeout: timeout, notice: notice)
            do {
                queue = try DatabaseQueue(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY && FileManager.default.fileExists(atPath: path + "-journal") {
                // A writer stopped mid-write (a killed sweep) left its journal, which a read-only connection cannot roll
                // back: SQLite does so on the first read-write access, as any reader of the file would, restoring the
                // last whole state (no committed run changes). Then the store is opened read-only again.
                try DatabaseQueue(path: path, configuration: Self.configuration(readonly: false, path: path, timeout: timeout, notice: notice))
                    .writeWithoutTransaction { db in _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
                queue = try DatabaseQueue(path: path, configuration: configuration)
            }
            try queue.read { db in
                try Self.check(db, path: path, kind: .badData)
                switch try Self.contents(db) {
                case .store: break
                case .laterStore:
                    throw InputError(.badData, file: path, reason: .store(.laterSchemaToRead))
                case .nothing, .other:
                    throw InputError(.badData, file: path, reason: .store(.notStore))
                }
            }
        } catch {
            throw Self.failure(error, path: path, timeout: timeout, kind: .badData, .read)
        }
        database = queue
        self.path = path
        self.timeout = timeout
        writable = false
    }

    /// Whether a run with `key` is stored (a sweep's setting, to resume without storing it twice).
    public func contains(key: String) throws(InputError) -> Bool {
        try read { db in try Self.isStored(key: key, in: db) }
    }

    private static func isStored(key: String, in db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE key = ?", arguments: [key]) ?? 0 > 0
    }

    /// The number of runs stored.
    public func count() throws(InputError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 }
    }

    /// Stores `run` in one transaction; returns its id. A run whose key is stored already is not stored again (nil):
    /// its setting, when it has one, is linked to the run stored (another job stored it for a point a design repeats).
    @discardableResult
    public func record(_ run: StoredRun) throws(InputError) -> Int64? {
        do {
            return try database.writeWithoutTransaction { db in
            var id: Int64?
            try db.inTransaction(.immediate) {
                if let key = run.key, let stored = try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE key = ?", arguments: [key]) {
                    guard let setting = run.setting else { return .rollback }
                    let touched = try Self.link(run: stored, to: Self.settingID(setting, in: db), in: db)
                    for id in touched.sorted() { try Self.summarise(setting: id, in: db, file: path) }
                    return touched.isEmpty ? .rollback : .commit
                }
                id = try Self.insert(run, into: db, file: path)
                return .commit
            }
            return id
            }
        } catch {
            throw failure(error, .write)
        }
    }

    private static func insert(_ run: StoredRun, into db: Database, file: String) throws -> Int64 {
        let overrides = String(decoding: try JSONEncoder().encode(run.overrides), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO runs (key, sweep, scenario, scenario_sha256, rules, rules_sha256, rules_before, rules_before_sha256,
                              overrides, seed, runs, years, tool_version, transfers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [run.key, run.sweep, run.scenario, run.scenarioSHA256, run.rules, run.rulesSHA256, run.rulesBefore,
                             run.rulesBeforeSHA256, overrides, databaseValue(seed: run.seed), run.runs, run.years, MergerSimVersion.current,
                             run.transfers])
        let id = db.lastInsertedRowID
        let settingID = try run.setting.map { setting in try Self.settingID(setting, in: db) }
        if let precision = run.precision {
            try db.execute(sql: "UPDATE runs SET precision = ?, max_runs = ? WHERE id = ?",
                           arguments: [precision.precision.halfWidth, precision.maximumRuns, id])
            for interval in precision.intervals {
                try db.execute(sql: "INSERT INTO precision_intervals VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: [id, interval.metric.name, interval.method.rawValue, interval.mean, interval.low, interval.high,
                                           interval.allowed, interval.isWithin])
            }
        }
        for (metric, value) in run.summary {
            try db.execute(sql: "INSERT INTO summary (run, metric, value) VALUES (?, ?, ?)",
                           arguments: [id, metric, Double(value).map { $0.databaseValue } ?? value.databaseValue])
        }
        for row in run.timeline {
            try db.execute(sql: "INSERT INTO timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, row.year, row.category.name, row.metric.name, row.mean, row.p05, row.p25, row.p50, row.p75, row.p95])
        }
        for unit in run.units {
            var values: [any DatabaseValueConvertible & Sendable] = [id, unit.code, unit.name, unit.province, unit.kind, unit.standardsOutcome, unit.type]
            for c in StaffCategory.allCases {
                values.append(unit.quota[c])
                values.append(unit.headcount.map { $0[c] }.databaseValue)
                values.append(unit.surplus.map { $0[c] }.databaseValue)
            }
            values.append(unit.probabilityWithinQuota.databaseValue)
            values.append(unit.medianYearWithinQuota.databaseValue)
            let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
            try db.execute(sql: "INSERT INTO units_after VALUES (\(marks))", arguments: StatementArguments(values))
        }
        for (index, headline) in run.replications.enumerated() {
            try db.execute(sql: "INSERT INTO replications VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, index, headline.surplusAtDeadline.cadres, headline.surplusAtDeadline.civilServants,
                                       headline.surplusAtDeadline.nonProfessional, headline.exitCostVND, headline.allWithinQuota])
        }
        if let settingID { for setting in try link(run: id, to: settingID, in: db).sorted() { try summarise(setting: setting, in: db, file: file) } }
        return id
    }
}
