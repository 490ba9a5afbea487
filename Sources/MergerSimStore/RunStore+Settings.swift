import Foundation
import GRDB
import MergerSim
import MergerSimInputs

/// Settings: a point of a sweep's design (sweep.csv's `setting`) at the seeds the sweep runs it, with the values that
/// make it (`setting_values`), the runs that make it (`setting_runs`: a run may make several settings, as a design
/// that repeats a point does), its replications' outcomes (view `replication_outcomes`) and its headline estimates
/// (`setting_summary`).
///
/// `setting_summary` is a table, not a view: its intervals need Student's t quantile (and Wilson's score
/// interval), which SQL does not compute. It is written by ``Estimate/init(of:sample:)``, as sweep.csv's are,
/// in the same transaction as each run linked to the setting, on `store merge` and when a store is upgraded.
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

    /// v5: `settings`, `setting_values`, `setting_runs`, view `replication_outcomes` and table `setting_summary`.
    /// A sweep's runs stored before are given settings from their overrides (``linkUnsettledRuns(_:file:)``); errors
    /// name the store at `path`.
    static func v5(_ db: Database, path: String) throws {
        try db.execute(sql: """
            CREATE TABLE settings (id INTEGER PRIMARY KEY AUTOINCREMENT, sweep TEXT NOT NULL, number INTEGER, seeds TEXT,
                key_hash TEXT NOT NULL UNIQUE);
            CREATE INDEX settings_sweep_number ON settings (sweep, number);
            CREATE TABLE setting_values (setting_id INTEGER NOT NULL REFERENCES settings (id) ON DELETE CASCADE, key TEXT NOT NULL,
                value_num REAL, value_text TEXT NOT NULL, PRIMARY KEY (setting_id, key));
            CREATE TABLE setting_runs (setting_id INTEGER NOT NULL REFERENCES settings (id) ON DELETE CASCADE,
                run INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE, PRIMARY KEY (setting_id, run));
            CREATE INDEX setting_runs_run ON setting_runs (run);
            CREATE TABLE setting_summary (setting_id INTEGER NOT NULL REFERENCES settings (id) ON DELETE CASCADE, sweep TEXT NOT NULL,
                setting INTEGER, metric TEXT NOT NULL, replications INTEGER NOT NULL, mean REAL NOT NULL, standard_error REAL,
                ci95_low REAL, ci95_high REAL, method TEXT NOT NULL, PRIMARY KEY (setting_id, metric));
            """)
        let metrics = HeadlineMetric.allCases.map { "replications.\($0.name) AS \($0.name)" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE VIEW replication_outcomes AS
            SELECT replications.run AS run, setting_runs.setting_id AS setting_id, runs.sweep AS sweep, settings.number AS setting,
                   runs.seed AS seed, replications.replication AS replication, \(metrics)
            FROM replications JOIN runs ON runs.id = replications.run LEFT JOIN setting_runs ON setting_runs.run = runs.id
                 LEFT JOIN settings ON settings.id = setting_runs.setting_id
            """)
        for id in try linkUnsettledRuns(db, file: path).sorted() { try summarise(setting: id, in: db, file: path) }
    }

    /// The id of `setting` in `db`, stored with its values when it is not there (found by its key hash).
    static func settingID(_ setting: StoredSetting, in db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM settings WHERE key_hash = ?", arguments: [setting.keyHash]) { return id }
        try db.execute(sql: "INSERT INTO settings (sweep, number, seeds, key_hash) VALUES (?, ?, ?, ?)",
                       arguments: [setting.sweep, setting.number, setting.seeds.map(seedsText), setting.keyHash])
        let id = db.lastInsertedRowID
        for value in setting.values {
            try db.execute(sql: "INSERT INTO setting_values (setting_id, key, value_num, value_text) VALUES (?, ?, ?, ?)",
                           arguments: [id, value.key, value.number, value.text])
        }
        return id
    }

    /// `settings.seeds`: the seeds in order, space-separated, as sweep.csv's `seeds` column.
    static func seedsText(_ seeds: [UInt64]) -> String { seeds.map(String.init).joined(separator: " ") }

    /// Links run `run` to setting `setting` (nothing when linked already). A setting a sweep makes claims the run from
    /// the settings an upgrade recovered (`seeds` null); a recovered setting left without runs is removed (it was a
    /// guess at the point, not a point of a design). Returns the settings whose `setting_summary` the caller writes anew
    /// (empty when nothing changed).
    static func link(run: Int64, to setting: Int64, in db: Database) throws -> Set<Int64> {
        try db.execute(sql: "INSERT OR IGNORE INTO setting_runs (setting_id, run) VALUES (?, ?)", arguments: [setting, run])
        guard db.changesCount > 0 else { return [] }
        var touched: Set<Int64> = [setting]
        guard try Bool.fetchOne(db, sql: "SELECT seeds IS NOT NULL FROM settings WHERE id = ?", arguments: [setting]) == true else { return touched }
        let recovered = try Int64.fetchAll(db, sql: """
            SELECT setting_runs.setting_id FROM setting_runs JOIN settings ON settings.id = setting_runs.setting_id
            WHERE setting_runs.run = ? AND settings.seeds IS NULL
            """, arguments: [run])
        for id in recovered {
            try db.execute(sql: "DELETE FROM setting_runs WHERE setting_id = ? AND run = ?", arguments: [id, run])
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM setting_runs WHERE setting_id = ?", arguments: [id]) == 0 {
                try db.execute(sql: "DELETE FROM setting_summary WHERE setting_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM setting_values WHERE setting_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM settings WHERE id = ?", arguments: [id])
            } else {
                touched.insert(id)
            }
        }
        return touched
    }

    /// Writes anew setting `id`'s rows of `setting_summary`: per headline metric, the estimate over every replication
    /// of every run linked to the setting (runs in the order of the setting's seeds, replications in order: sweep.csv's
    /// order; a recovered setting's runs by seed rising).
    static func summarise(setting id: Int64, in db: Database, file: String) throws {
        try db.execute(sql: "DELETE FROM setting_summary WHERE setting_id = ?", arguments: [id])
        guard let setting = try Row.fetchOne(db, sql: "SELECT sweep, number, seeds FROM settings WHERE id = ?", arguments: [id]) else {
            throw InternalError("setting \(id) is not in the store")
        }
        let order = ((setting["seeds"] as String?) ?? "").split(separator: " ").compactMap { UInt64($0) }
        var runs: [(place: Int, seed: UInt64, id: Int64)] = []
        let rows = try Row.fetchAll(db, sql: "SELECT runs.id, runs.seed FROM runs JOIN setting_runs ON setting_runs.run = runs.id "
                                        + "WHERE setting_runs.setting_id = ? ORDER BY runs.id", arguments: [id])
        for row in rows {
            let seed = try Self.seed(row["seed"], file: file)
            runs.append((order.firstIndex(of: seed) ?? order.count, seed, row["id"]))
        }
        var headlines: [TransitionSummary.Headline] = []
        for run in runs.sorted(by: { ($0.place, $0.seed, $0.id) < ($1.place, $1.seed, $1.id) }) {
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
                id, setting["sweep"] as String, setting["number"] as Int?, metric.name, estimate.count, estimate.mean,
                estimate.standardError, estimate.low, estimate.high, estimate.method.rawValue,
            ])
        }
    }
}

extension RunStore {
    /// Links stored run `id` to `setting` (a sweep resumed, or a design repeating a point, finds the run stored): in one
    /// transaction, the link is added, the run leaves the settings an upgrade recovered, and the summaries are written
    /// anew. Nothing changes when the run is linked to the setting already; no setting made by a sweep is ever removed.
    public func link(run id: Int64, to setting: StoredSetting) throws(InputError) {
        do {
            try database.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let touched = try Self.link(run: id, to: Self.settingID(setting, in: db), in: db)
                    guard !touched.isEmpty else { return .rollback }
                    for setting in touched.sorted() { try Self.summarise(setting: setting, in: db, file: path) }
                    return .commit
                }
            }
        } catch {
            throw failure(error, .write)
        }
    }
}
