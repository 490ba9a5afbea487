import Foundation
import GRDB
import MergerSim
import MergerSimInputs

/// Settings: a point of a sweep's design (sweep.csv's `setting`), shared by its runs at every seed, with the
/// values that make it (`setting_values`), its replications' outcomes (view `replication_outcomes`) and its
/// headline estimates (`setting_summary`).
///
/// `setting_summary` is a table, not a view: its intervals need Student's t quantile (and Wilson's score
/// interval), which SQL does not compute. It is written by ``Estimate/init(of:sample:)``, as sweep.csv's are,
/// in the same transaction as each run of the setting, on `store merge` and when a store is upgraded.
extension RunStore {
    /// The store's tables and views that `store export` writes, by name.
    public enum Table: String, Sendable, CaseIterable {
        case replicationOutcomes = "replication_outcomes"
        case settingSummary = "setting_summary"
        case settings
        case runs
        case summary
        case timeline
        case unitsAfter = "units_after"
    }

    /// v5: `settings`, `setting_values`, `runs.setting_id`, view `replication_outcomes` and table `setting_summary`.
    /// A sweep's runs stored before are given settings from their overrides (``linkUnsettledRuns(_:)``).
    static func v5(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE settings (id INTEGER PRIMARY KEY AUTOINCREMENT, sweep TEXT NOT NULL, number INTEGER NOT NULL,
                key_hash TEXT NOT NULL UNIQUE);
            CREATE INDEX settings_sweep_number ON settings (sweep, number);
            CREATE TABLE setting_values (setting_id INTEGER NOT NULL REFERENCES settings (id) ON DELETE CASCADE, key TEXT NOT NULL,
                value_num REAL, value_text TEXT, PRIMARY KEY (setting_id, key));
            ALTER TABLE runs ADD COLUMN setting_id INTEGER REFERENCES settings (id);
            CREATE INDEX runs_setting ON runs (setting_id);
            CREATE TABLE setting_summary (setting_id INTEGER NOT NULL REFERENCES settings (id) ON DELETE CASCADE, sweep TEXT NOT NULL,
                setting INTEGER NOT NULL, metric TEXT NOT NULL, replications INTEGER NOT NULL, mean REAL NOT NULL, standard_error REAL,
                ci95_low REAL, ci95_high REAL, method TEXT NOT NULL, PRIMARY KEY (setting_id, metric));
            """)
        let metrics = HeadlineMetric.allCases.map { "replications.\($0.name) AS \($0.name)" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE VIEW replication_outcomes AS
            SELECT replications.run AS run, runs.setting_id AS setting_id, runs.sweep AS sweep, settings.number AS setting,
                   runs.seed AS seed, replications.replication AS replication, \(metrics)
            FROM replications JOIN runs ON runs.id = replications.run LEFT JOIN settings ON settings.id = runs.setting_id
            """)
        for id in try linkUnsettledRuns(db).sorted() { try summarise(setting: id, in: db, file: "runs") }
    }

    /// The id of `setting` in `db`, stored with its values when it is not there (found by its key hash).
    static func settingID(_ setting: StoredSetting, in db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM settings WHERE key_hash = ?", arguments: [setting.keyHash]) { return id }
        try db.execute(sql: "INSERT INTO settings (sweep, number, key_hash) VALUES (?, ?, ?)",
                       arguments: [setting.sweep, setting.number, setting.keyHash])
        let id = db.lastInsertedRowID
        for value in setting.values {
            try db.execute(sql: "INSERT INTO setting_values (setting_id, key, value_num, value_text) VALUES (?, ?, ?, ?)",
                           arguments: [id, value.key, value.number, value.text])
        }
        return id
    }

    /// Writes anew setting `id`'s rows of `setting_summary`: per headline metric, the estimate over every replication
    /// of every run of the setting (runs by seed, replications in order: sweep.csv's order for seeds listed rising).
    static func summarise(setting id: Int64, in db: Database, file: String) throws {
        try db.execute(sql: "DELETE FROM setting_summary WHERE setting_id = ?", arguments: [id])
        guard let setting = try Row.fetchOne(db, sql: "SELECT sweep, number FROM settings WHERE id = ?", arguments: [id]) else {
            throw InternalError("setting \(id) is not in the store")
        }
        var runs: [(seed: UInt64, id: Int64)] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, seed FROM runs WHERE setting_id = ? ORDER BY id", arguments: [id]) {
            runs.append((try Self.seed(row["seed"], file: file), row["id"]))
        }
        var headlines: [TransitionSummary.Headline] = []
        for run in runs.sorted(by: { ($0.seed, $0.id) < ($1.seed, $1.id) }) {
            headlines += try Row.fetchAll(db, sql: "SELECT * FROM replications WHERE run = ? ORDER BY replication", arguments: [run.id]).map { row in
                TransitionSummary.Headline(
                    surplusAtDeadline: PerCategory { row[HeadlineMetric.surplusAtDeadline($0).name] as Int },
                    exitCostVND: row[HeadlineMetric.exitCostVND.name], allWithinQuota: row[HeadlineMetric.allWithinQuota.name])
            }
        }
        guard !headlines.isEmpty else { return }
        for metric in HeadlineMetric.allCases {
            let estimate = try Estimate(of: metric, sample: headlines.map { $0[metric] })
            try db.execute(sql: "INSERT INTO setting_summary VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: [
                id, setting["sweep"] as String, setting["number"] as Int, metric.name, estimate.count, estimate.mean,
                estimate.standardError, estimate.low, estimate.high, estimate.method.rawValue,
            ])
        }
    }

    /// Gives settings to the runs of a sweep stored without one (stored before v5, or merged from such a store): the
    /// runs of a sweep with the same overrides are one setting, numbered after the sweep's settings already stored in
    /// the order first stored (sweep.csv's numbers for a sweep run whole with one job); its values are the keys whose
    /// values differ between the sweep's settings (every key when it has one). Returns the settings given runs, whose
    /// `setting_summary` the caller writes.
    static func linkUnsettledRuns(_ db: Database) throws -> Set<Int64> {
        let rows = try Row.fetchAll(db, sql: "SELECT id, sweep, overrides FROM runs WHERE sweep IS NOT NULL AND setting_id IS NULL ORDER BY id")
        var order: [String] = [], groups: [String: [(id: Int64, overrides: [String])]] = [:]
        for row in rows {
            let sweep: String = row["sweep"], text: String = row["overrides"]
            let overrides = try JSONDecoder().decode([String].self, from: Data(text.utf8))
            if groups[sweep] == nil { order.append(sweep) }
            groups[sweep, default: []].append((row["id"], overrides))
        }
        var touched = Set<Int64>()
        for sweep in order {
            let runs = groups[sweep] ?? []
            var points: [[String]] = []
            for run in runs where !points.contains(run.overrides) { points.append(run.overrides) }
            let pairs = points.map { $0.map { text in
                let equals = text.firstIndex(of: "=") ?? text.endIndex
                return (key: String(text[..<equals]), value: equals == text.endIndex ? "" : String(text[text.index(after: equals)...]))
            } }
            let keys = pairs.flatMap { $0.map(\.key) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let varied = points.count == 1 ? keys : keys.filter { key in Set(pairs.map { $0.last { $0.key == key }?.value }).count > 1 }
            var next = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM settings WHERE sweep = ?", arguments: [sweep]) ?? 0) + 1
            for (point, values) in zip(points, pairs) {
                let hash = SHA256.hex(Array((["mergersim stored setting v4", "sweep \(sweep)"] + point.map { "set \($0)" }).joined(separator: "\n").utf8))
                var id = try Int64.fetchOne(db, sql: "SELECT id FROM settings WHERE key_hash = ?", arguments: [hash])
                if id == nil {
                    let kept = varied.map { key in StoredSetting.Value(key: key, value: values.last { $0.key == key }?.value ?? "") }
                    id = try settingID(StoredSetting(sweep: sweep, number: next, keyHash: hash, values: kept), in: db)
                    next += 1
                }
                guard let id else { throw InternalError("a setting of sweep \(sweep) was neither found nor stored") }
                for run in runs where run.overrides == point {
                    try db.execute(sql: "UPDATE runs SET setting_id = ? WHERE id = ?", arguments: [id, run.id])
                }
                touched.insert(id)
            }
        }
        return touched
    }
}

extension RunStore {
    /// Links stored run `id` to `setting` when it is linked to another (a run a store of an earlier schema gave a
    /// setting from its overrides, found again by a sweep resumed): in one transaction, the run moves, both
    /// settings' summaries are written anew, and the setting left without runs is removed.
    public func link(run id: Int64, to setting: StoredSetting) throws(InputError) {
        do {
            try database.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let target = try Self.settingID(setting, in: db)
                    let current = try Int64.fetchOne(db, sql: "SELECT setting_id FROM runs WHERE id = ?", arguments: [id])
                    guard current != target else { return .rollback }
                    try db.execute(sql: "UPDATE runs SET setting_id = ? WHERE id = ?", arguments: [target, id])
                    try Self.summarise(setting: target, in: db, file: path)
                    if let current {
                        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE setting_id = ?", arguments: [current]) == 0 {
                            try db.execute(sql: "DELETE FROM setting_summary WHERE setting_id = ?", arguments: [current])
                            try db.execute(sql: "DELETE FROM setting_values WHERE setting_id = ?", arguments: [current])
                            try db.execute(sql: "DELETE FROM settings WHERE id = ?", arguments: [current])
                        } else {
                            try Self.summarise(setting: current, in: db, file: path)
                        }
                    }
                    return .commit
                }
            }
        } catch {
            throw failure(error, .write)
        }
    }
}
