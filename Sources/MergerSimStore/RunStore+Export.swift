import Foundation
import GRDB
import MergerSimInputs
import MergerSimReports

/// A table or view of a run store as text rows, as `mergersim store export` writes it to CSV.
public struct StoreExport: Sendable, Equatable {
    /// What was exported.
    public let table: RunStore.Table
    /// The columns' names: the store's own (``RunStore/Table/settings`` adds one column per key of `setting_values`).
    public let header: [String]
    /// The rows, as the CSV writes them: whole numbers as they are, reals with up to 6 decimals (as sweep.csv's),
    /// text as it is, null empty.
    public let rows: [[String]]

    /// The CSV file (text a spreadsheet would run as a formula neutralised, as every mergersim CSV).
    public func csv() -> Data {
        var writer = CSVWriter(header: header, spreadsheet: true)
        for row in rows { writer.append(row) }
        return writer.data
    }
}

extension RunStore {
    /// The rows of `table` in a stable order (by run, setting, then as stored); only reads the store.
    /// - Throws: ``InputError`` 65 when the store is of an earlier schema without `table`, or cannot be read.
    public func export(_ table: Table) throws(InputError) -> StoreExport {
        let needed = table == .settings ? ["settings", "setting_values"] : [table.rawValue]
        let missing = try read { db in
            try needed.first { name in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = ?", arguments: [name]) == 0 }
        }
        if let missing { throw InputError(.badData, file: path, reason: .store(.tableMissing(table: missing, store: path))) }
        if table == .settings { return try wideSettings() }
        let order = switch table {
        case .replicationOutcomes: "run, setting_id, replication"
        case .settingSummary: "sweep, setting, rowid"
        case .runs: "id"
        case .settings, .summary, .timeline, .unitsAfter: "run, rowid"
        }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.rawValue) ORDER BY \(order)")
            let header = try db.columns(in: table.rawValue).map(\.name)
            return StoreExport(table: table, header: header, rows: rows.map { row in header.indices.map { Self.text(row[$0]) } })
        }
    }

    /// `settings` wide: id, sweep, number, seeds, key_hash, then one column per key of `setting_values` (in the order first
    /// stored), each setting's value there as written (empty where the setting has no such key).
    private func wideSettings() throws(InputError) -> StoreExport {
        try read { db in
            let settings = try Row.fetchAll(db, sql: "SELECT id, sweep, number, seeds, key_hash FROM settings ORDER BY sweep, number, id")
            let values = try Row.fetchAll(db, sql: "SELECT setting_id, key, value_num, value_text FROM setting_values ORDER BY rowid")
            var keys: [String] = [], byKey: [Int64: [String: String]] = [:]
            for value in values {
                let key: String = value["key"]
                if !keys.contains(key) { keys.append(key) }
                byKey[value["setting_id"], default: [:]][key] = value["value_text"]
            }
            let rows = settings.map { setting in
                (0..<5).map { Self.text(setting[$0]) } + keys.map { byKey[setting["id"]]?[$0] ?? "" }
            }
            return StoreExport(table: .settings, header: ["id", "sweep", "number", "seeds", "key_hash"] + keys, rows: rows)
        }
    }

    /// A stored value as the export writes it.
    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: ""
        case .int64(let n): String(n)
        case .double(let x): x.isFinite ? ReportFormat.trimmed(x, decimals: 6) : String(x)
        case .string(let s): s
        case .blob(let data): data.base64EncodedString()
        }
    }
}
