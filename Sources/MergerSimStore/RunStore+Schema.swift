import GRDB
import MergerSim
import MergerSimInputs
import MergerSimReports

/// The store's schema: its migrations, applied all together in the caller's transaction, and what a file
/// holds of it. The migrations applied are named in GRDB's table `grdb_migrations`, as GRDB's own
/// migrator names them, so stores made before and after read the same.
extension RunStore {
    /// A step of the schema, in order; a store holding a step this mergersim does not know is refused.
    struct Migration: Sendable {
        let identifier: String
        /// Applies the step to the store whose path (for errors) is given.
        let apply: @Sendable (Database, String) throws -> Void
    }

    static let migrations = [Migration(identifier: "v1") { db, _ in try v1(db) }, Migration(identifier: "v2") { db, _ in try v2(db) },
                             Migration(identifier: "v3") { db, _ in try v3(db) }, Migration(identifier: "v4") { db, _ in try v4(db) },
                             Migration(identifier: "v5") { db, path in try v5(db, path: path) }]

    /// What a file holds, as the store sees it.
    enum Contents: Equatable {
        /// No tables, or nothing but an empty `grdb_migrations` (a store whose making stopped before its first step).
        case nothing
        /// A mergersim store with these migrations applied.
        case store(applied: Set<String>)
        /// A mergersim store with migrations of a later mergersim.
        case laterStore
        /// Tables that are not a mergersim store.
        case other
    }

    static func contents(_ db: Database) throws -> Contents {
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"))
        if tables.isEmpty { return .nothing }
        let hasMigrations = tables.contains("grdb_migrations")
        let applied = hasMigrations ? Set(try String.fetchAll(db, sql: "SELECT CAST(identifier AS TEXT) FROM grdb_migrations")) : []
        if tables == ["grdb_migrations"], applied.isEmpty { return .nothing }
        guard hasMigrations, tables.contains("mergersim_store"),
              try DatabaseValue.fetchOne(db, sql: "SELECT tool FROM mergersim_store") == "mergersim".databaseValue else { return .other }
        return applied.isSubset(of: migrations.map(\.identifier)) ? .store(applied: applied) : .laterStore
    }

    /// Applies the migrations `applied` lacks to the store at `path`, in the caller's transaction (with foreign keys
    /// off: v3 rebuilds `runs`); an error names `path`, and the caller's rollback leaves the file as it was.
    static func migrate(_ db: Database, applied: Set<String>, path: String) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for migration in migrations where !applied.contains(migration.identifier) {
            try migration.apply(db, path)
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
        }
    }

    /// The seed as a column value: an integer below 2^63, else the text of its decimal value (SQLite's integers stop at 2^63 − 1).
    static func databaseValue(seed: UInt64) -> DatabaseValue {
        seed <= UInt64(Int64.max) ? Int64(seed).databaseValue : String(seed).databaseValue
    }

    /// A stored seed as given. Stores before v3 kept seeds of 2^63 and more as the negative integer of the same 64 bits.
    static func seed(_ value: DatabaseValue, file: String) throws(InputError) -> UInt64 {
        switch value.storage {
        case .int64(let n): return UInt64(bitPattern: n)
        case .string(let text): if let seed = UInt64(text) { return seed }
        default: break
        }
        throw InputError(.badData, file: file, reason: .store(.badSeed(value: "\(value)")))
    }

    static func v1(_ db: Database) throws {
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

    /// The transfers in force, a setting comparisons name when it differs.
    static func v2(_ db: Database) throws {
        try db.alter(table: "runs") { t in t.add(column: "transfers", .text) }
    }

    /// `runs.seed` without a declared type, so a seed of 2^63 or more can be kept exactly as text (an INTEGER
    /// column would turn that text into an inexact real). SQLite cannot change a column's type: `runs` is
    /// made anew, its rows copied, and seeds kept as negative integers turned into the text of their value.
    static func v3(_ db: Database) throws {
        let columns = "id, key, sweep, scenario, scenario_sha256, rules, rules_sha256, rules_before, rules_before_sha256, overrides, seed, runs, years, tool_version, transfers"
        try db.execute(sql: """
            CREATE TABLE "runs_v3" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "key" TEXT UNIQUE, "sweep" TEXT, "scenario" TEXT NOT NULL,
                "scenario_sha256" TEXT NOT NULL, "rules" TEXT NOT NULL, "rules_sha256" TEXT NOT NULL, "rules_before" TEXT NOT NULL,
                "rules_before_sha256" TEXT NOT NULL, "overrides" TEXT NOT NULL, "seed" NOT NULL, "runs" INTEGER NOT NULL,
                "years" INTEGER NOT NULL, "tool_version" TEXT NOT NULL, "transfers" TEXT);
            INSERT INTO runs_v3 (\(columns)) SELECT \(columns) FROM runs ORDER BY id;
            DROP TABLE runs;
            ALTER TABLE runs_v3 RENAME TO runs;
            """)
        for row in try Row.fetchAll(db, sql: "SELECT id, seed FROM runs WHERE typeof(seed) = 'integer' AND seed < 0") {
            let seed: Int64 = row["seed"], id: Int64 = row["id"]
            try db.execute(sql: "UPDATE runs SET seed = ? WHERE id = ?", arguments: [String(UInt64(bitPattern: seed)), id])
        }
    }

    /// Runs until precise: `runs.precision` (R, null for a run of exactly `runs`) and `runs.max_runs` (the most it
    /// could use; `runs` is then the replications used), and each headline figure's 95 % interval reached in
    /// `precision_intervals`. Runs stored before keep nulls and no intervals.
    static func v4(_ db: Database) throws {
        try db.alter(table: "runs") { t in
            t.add(column: "precision", .double)
            t.add(column: "max_runs", .integer)
        }
        try db.create(table: "precision_intervals") { t in
            t.column("run", .integer).notNull().references("runs", onDelete: .cascade)
            t.column("metric", .text).notNull()
            t.column("method", .text).notNull()
            for column in ["mean", "low", "high", "allowed"] { t.column(column, .double).notNull() }
            t.column("within", .boolean).notNull()
            t.primaryKey(["run", "metric"])
        }
    }
}
