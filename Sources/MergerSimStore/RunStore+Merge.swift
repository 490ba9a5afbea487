import GRDB
import MergerSimIO

extension RunStore {
    /// What a merge did: runs copied, and runs left out because a run with the same key was stored already.
    public struct MergeCount: Sendable, Equatable {
        public var copied = 0
        public var skipped = 0
    }

    /// Copies every run of `other` into this store, with its summary, timeline, units and replications,
    /// under new ids. A run whose key this store holds already is not copied again (a sweep's setting
    /// run twice, or the same shard merged twice); runs without a key (single `simulate` runs) are
    /// always copied. The whole source goes in one transaction: all of it, or nothing on failure.
    ///
    /// - Complexity: O(rows of `other`).
    @discardableResult
    public func merge(from other: RunStore) throws(InputError) -> MergeCount {
        guard other.path != path else { throw InputError(.usage, file: other.path, "a store cannot be merged into itself") }
        var count = MergeCount()
        do {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [other.path])
                defer { _ = try? db.execute(sql: "DETACH DATABASE source") }
                try db.inTransaction {
                    let columns = try ["summary", "timeline", "units_after", "replications"].map { table in
                        (table, try db.columns(in: table).map(\.name).filter { $0 != "run" })
                    }
                    let runColumns = try db.columns(in: "runs").map(\.name).filter { $0 != "id" }
                    let list = runColumns.map { "\"\($0)\"" }.joined(separator: ", ")
                    for row in try Row.fetchAll(db, sql: "SELECT id, key FROM source.runs ORDER BY id") {
                        let id: Int64 = row["id"], key: String? = row["key"]
                        if let key, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM main.runs WHERE key = ?", arguments: [key]) ?? 0 > 0 {
                            count.skipped += 1
                            continue
                        }
                        try db.execute(sql: "INSERT INTO main.runs (\(list)) SELECT \(list) FROM source.runs WHERE id = ?", arguments: [id])
                        let newID = db.lastInsertedRowID
                        for (table, names) in columns {
                            let quoted = names.map { "\"\($0)\"" }.joined(separator: ", ")
                            try db.execute(sql: "INSERT INTO main.\(table) (run, \(quoted)) SELECT ?, \(quoted) FROM source.\(table) WHERE run = ? ORDER BY rowid",
                                           arguments: [newID, id])
                        }
                        count.copied += 1
                    }
                    return .commit
                }
            }
        } catch {
            throw InputError(.unwritable, file: path, "the stores cannot be merged: \(error)")
        }
        return count
    }
}
