import GRDB
import MergerSimInputs
import MergerSimReports

extension RunStore {
    /// What a merge did: runs copied, and runs left out because a run with the same key was stored already.
    public struct MergeCount: Sendable, Equatable {
        public var copied = 0
        public var skipped = 0
    }

    /// The tables holding a run's rows, under column `run`.
    static let runTables = ["summary", "timeline", "units_after", "replications", "precision_intervals"]

    /// Copies every run of `other` into this store, with its summary, timeline, units and replications,
    /// under new ids, each linked to its settings: a setting this store holds (the same key hash: another shard's
    /// run of it) is the one used, else it is copied with its values under a new id; runs of a sweep stored
    /// without a setting (a source before v5) are given one as an upgrade would. The settings given runs
    /// have their `setting_summary` written anew. A run whose key this store holds already is not copied again (a sweep's setting
    /// run twice, or the same shard merged twice), but the run stored is linked to the source's settings of it; runs
    /// without a key (single `simulate` runs) are always copied. The whole source goes in one transaction: all of it,
    /// or nothing on failure.
    ///
    /// `other` is only read, as it is: a store of an earlier schema is copied without being upgraded (a column
    /// it lacks is null here; its seeds are read as given). 64 when `other` is this store's file under any name.
    ///
    /// - Complexity: O(rows of `other`).
    @discardableResult
    public func merge(from other: RunStore) throws(InputError) -> MergeCount {
        guard !Self.isSameFile(other.path, path) else {
            throw InputError(.usage, file: other.path, reason: .store(.mergeIntoItself(store: path)))
        }
        var count = MergeCount()
        do {
            // One read of the source, so a process adding runs to it meanwhile changes nothing of the copy.
            try other.database.read { source in
                try database.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        count = try Self.copy(from: source, file: other.path, into: db)
                        return .commit
                    }
                }
            }
        } catch {
            throw failure(error, .merge)
        }
        return count
    }

    /// Copies the runs of `source` into `db`, in the caller's transaction. Columns are matched by name (a
    /// column the source lacks is null); rows are read by position from statements prepared once.
    private static func copy(from source: Database, file: String, into db: Database) throws -> MergeCount {
        var count = MergeCount()
        let runColumns = try db.columns(in: "runs").map(\.name).filter { $0 != "id" }
        let insertRun = try db.makeStatement(sql: "INSERT INTO runs (\(quoted(runColumns))) VALUES (\(marks(runColumns.count)))")
        // A source of an older schema may lack a table (v4's `precision_intervals`): its runs have no rows there.
        let tables = try runTables.filter { try source.tableExists($0) }.map { table in
            let names = try db.columns(in: table).map(\.name).filter { $0 != "run" }
            let present = Set(try source.columns(in: table).map(\.name))
            let list = names.map { present.contains($0) ? "\"\($0)\"" : "NULL" }.joined(separator: ", ")
            return (select: try source.makeStatement(sql: "SELECT \(list) FROM \(table) WHERE run = ? ORDER BY rowid"),
                    insert: try db.makeStatement(sql: "INSERT INTO \(table) (run, \(quoted(names))) VALUES (\(marks(names.count + 1)))"),
                    width: names.count)
        }
        let stored = try db.makeStatement(sql: "SELECT id FROM runs WHERE key = ?")
        let sourceSettings = try ["settings", "setting_values", "setting_runs"].allSatisfy { try source.tableExists($0) }
        let sourceLinks = sourceSettings ? try source.makeStatement(sql: "SELECT setting_id FROM setting_runs WHERE run = ? ORDER BY setting_id") : nil
        var settingIDs: [Int64: Int64] = [:]
        var touched = Set<Int64>()
        // This store's id of the source's setting `id`, copied with its values when this store lacks it.
        func settingID(_ id: Int64) throws -> Int64 {
            if let known = settingIDs[id] { return known }
            guard let row = try Row.fetchOne(source, sql: "SELECT sweep, number, seeds, key_hash FROM settings WHERE id = ?", arguments: [id]) else {
                throw InputError(.badData, file: file, reason: .store(.failed(.merge, detail: "run with setting_id \(id), a setting the store lacks")))
            }
            let values = try Row.fetchAll(source, sql: "SELECT key, value_num, value_text FROM setting_values WHERE setting_id = ? ORDER BY rowid",
                                          arguments: [id]).map { value in
                StoredSetting.Value(key: value["key"], text: value["value_text"], number: value["value_num"])
            }
            let seeds = try (row["seeds"] as String?).map { text throws(InputError) in
                try text.split(separator: " ").map { seed throws(InputError) in try Self.seed(String(seed).databaseValue, file: file) }
            }
            let mapped = try Self.settingID(StoredSetting(sweep: row["sweep"], number: row["number"], seeds: seeds, keyHash: row["key_hash"],
                                                          values: values), in: db)
            settingIDs[id] = mapped
            return mapped
        }
        for row in try Row.fetchAll(source, sql: "SELECT * FROM runs ORDER BY id") {
            let id: Int64 = row["id"]
            let links = try sourceLinks.map { try Int64.fetchAll($0, arguments: [id]) } ?? []
            if links.isEmpty, (row["sweep"] as String?) != nil {
                // A sweep's run without a setting gets one below, from its overrides: they must read.
                _ = try Self.overrides(row["overrides"], run: id, file: file)
            }
            let target: Int64
            if let key: String = row["key"], let known = try Int64.fetchOne(stored, arguments: [key]) {
                count.skipped += 1
                target = known
            } else {
                let seed = try Self.seed(row["seed"], file: file)
                try insertRun.execute(arguments: StatementArguments(runColumns.map { name in
                    name == "seed" ? databaseValue(seed: seed) : (row[name] as DatabaseValue?) ?? .null
                }))
                target = db.lastInsertedRowID
                for table in tables {
                    let rows = try Row.fetchCursor(table.select, arguments: [id])
                    var values = [DatabaseValue](repeating: .null, count: table.width + 1)
                    values[0] = target.databaseValue
                    while let child = try rows.next() {
                        for i in 0..<table.width { values[i + 1] = child[i] }
                        try table.insert.execute(arguments: StatementArguments(values))
                    }
                }
                count.copied += 1
            }
            // A run stored already takes the source's settings too (a point the other shard's design repeats).
            for link in links { touched.formUnion(try Self.link(run: target, to: settingID(link), in: db)) }
        }
        touched.formUnion(try linkUnsettledRuns(db, file: file))
        for id in touched.sorted() { try summarise(setting: id, in: db, file: file) }
        return count
    }

    private static func quoted(_ names: [String]) -> String { names.map { "\"\($0)\"" }.joined(separator: ", ") }
    private static func marks(_ n: Int) -> String { Array(repeating: "?", count: n).joined(separator: ", ") }
}
