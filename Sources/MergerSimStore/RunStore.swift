import Foundation
import GRDB
import MergerSim
import MergerSimIO

/// The run store: one SQLite file holding runs for analysis (pandas, R and the `sqlite3` shell read it
/// directly). Each run goes in whole in one transaction, so a store interrupted mid-write holds the
/// runs before it and nothing of the one being written. The schema is in the README; its version is
/// kept by GRDB's migrator (table `grdb_migrations`).
///
/// A file that exists but is not a mergersim store is refused (73), never written to.
public final class RunStore: Sendable {
    let database: DatabaseQueue
    public let path: String

    /// The migrations, in order; a store written by a later mergersim with migrations this one does not know is refused.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "mergersim_store") { t in
                t.column("tool", .text).notNull()
            }
            try db.execute(sql: "INSERT INTO mergersim_store (tool) VALUES ('mergersim')")
            try db.create(table: "runs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("key", .text).unique()
                t.column("sweep", .text)
                t.column("scenario", .text).notNull()
                t.column("scenario_sha256", .text).notNull()
                t.column("rules", .text).notNull()
                t.column("rules_sha256", .text).notNull()
                t.column("rules_before", .text).notNull()
                t.column("rules_before_sha256", .text).notNull()
                t.column("overrides", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("runs", .integer).notNull()
                t.column("years", .integer).notNull()
                t.column("tool_version", .text).notNull()
            }
            try db.create(table: "summary") { t in
                t.column("run", .integer).notNull().references("runs", onDelete: .cascade)
                t.column("metric", .text).notNull()
                t.column("value", .any)
                t.primaryKey(["run", "metric"])
            }
            try db.create(table: "timeline") { t in
                t.column("run", .integer).notNull().references("runs", onDelete: .cascade)
                t.column("year", .integer).notNull()
                t.column("category", .text).notNull()
                t.column("metric", .text).notNull()
                for column in ["mean", "p05", "p25", "p50", "p75", "p95"] { t.column(column, .double).notNull() }
                t.primaryKey(["run", "year", "category", "metric"])
            }
            try db.create(table: "units_after") { t in
                t.column("run", .integer).notNull().references("runs", onDelete: .cascade)
                t.column("code", .text).notNull()
                t.column("name", .text).notNull()
                t.column("province", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("standards_outcome", .text).notNull()
                t.column("type", .text).notNull()
                for c in StaffCategory.allCases.map(\.rawValue) {
                    t.column("quota_\(c)", .integer).notNull()
                    t.column("headcount_\(c)", .integer)
                    t.column("surplus_\(c)", .integer)
                }
                t.column("p_within_quota_by_deadline", .double)
                t.column("median_year_within_quota", .integer)
                t.primaryKey(["run", "code"])
            }
            try db.create(table: "replications") { t in
                t.column("run", .integer).notNull().references("runs", onDelete: .cascade)
                t.column("replication", .integer).notNull()
                for c in StaffCategory.allCases.map(\.rawValue) { t.column("surplus_at_deadline_\(c)", .integer).notNull() }
                t.column("exit_cost_vnd", .double).notNull()
                t.column("all_within_quota", .boolean).notNull()
                t.primaryKey(["run", "replication"])
            }
        }
        migrator.registerMigration("v2") { db in
            // The transfers in force, a setting comparisons name when it differs.
            try db.alter(table: "runs") { t in t.add(column: "transfers", .text) }
        }
        return migrator
    }

    /// Opens the store at `path`, making it when there is none (73 when it cannot be written, or the
    /// file there is not a mergersim store).
    public init(path: String) throws(InputError) {
        self.path = path
        let existed = FileManager.default.fileExists(atPath: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(.unwritable, file: path, "the folder \(folder) does not exist; make it first, or give a store in a folder that does")
        }
        do {
            // Another process reading the store (pandas, sqlite3, a sweep's poller) holds its lock briefly: wait for it.
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            database = try DatabaseQueue(path: path, configuration: configuration)
            if existed {
                let ours = try database.read { db in
                    try db.tableExists("mergersim_store") && String.fetchOne(db, sql: "SELECT tool FROM mergersim_store") == "mergersim"
                }
                guard ours else { throw InputError(.unwritable, file: path, "this file is not a mergersim run store; give a new file or a store mergersim made") }
                let unknown = try database.read { db in try Self.migrator.hasBeenSuperseded(db) }
                guard !unknown else { throw InputError(.unwritable, file: path, "this store was written by a later mergersim (a newer schema); use that version") }
            }
            try Self.migrator.migrate(database)
        } catch let error as InputError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw InputError(.unwritable, file: path, "this file is not a mergersim run store (not SQLite); give a new file")
        } catch {
            throw InputError(.unwritable, file: path, "the run store cannot be opened or written: \(error)")
        }
    }

    /// Whether a run with `key` is stored (a sweep's setting, to resume without storing it twice).
    public func contains(key: String) throws(InputError) -> Bool {
        try access { db in try Self.isStored(key: key, in: db) }
    }

    private static func isStored(key: String, in db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE key = ?", arguments: [key]) ?? 0 > 0
    }

    /// The number of runs stored.
    public func count() throws(InputError) -> Int {
        try access { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? 0 }
    }

    /// Stores `run` in one transaction; returns its id. A run whose key is stored already is not stored again (nil).
    @discardableResult
    public func record(_ run: StoredRun) throws(InputError) -> Int64? {
        do {
            return try database.writeWithoutTransaction { db in
            var id: Int64?
            try db.inTransaction {
                if let key = run.key, try Self.isStored(key: key, in: db) {
                    return .rollback
                }
                id = try Self.insert(run, into: db)
                return .commit
            }
            return id
            }
        } catch {
            throw InputError(.unwritable, file: path, "the run store cannot be written: \(error)")
        }
    }

    private static func insert(_ run: StoredRun, into db: Database) throws -> Int64 {
        let overrides = String(decoding: try JSONEncoder().encode(run.overrides), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO runs (key, sweep, scenario, scenario_sha256, rules, rules_sha256, rules_before, rules_before_sha256,
                              overrides, seed, runs, years, tool_version, transfers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [run.key, run.sweep, run.scenario, run.scenarioSHA256, run.rules, run.rulesSHA256, run.rulesBefore,
                             run.rulesBeforeSHA256, overrides, Int64(bitPattern: run.seed), run.runs, run.years, MergerSimVersion.current,
                             run.transfers])
        let id = db.lastInsertedRowID
        for (metric, value) in run.summary {
            try db.execute(sql: "INSERT INTO summary (run, metric, value) VALUES (?, ?, ?)",
                           arguments: [id, metric, Double(value).map { $0.databaseValue } ?? value.databaseValue])
        }
        for row in run.timeline {
            try db.execute(sql: "INSERT INTO timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, row.year, row.category, row.metric, row.mean, row.p05, row.p25, row.p50, row.p75, row.p95])
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
        return id
    }

    private func access<T>(_ body: (Database) throws -> T) throws(InputError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw InputError(.unwritable, file: path, "the run store cannot be read: \(error)")
        }
    }
}
