import Foundation
import GRDB
import MergerSim
import MergerSimInputs
import MergerSimReports

extension RunStore {
    /// The id of the run stored under `key`, if any.
    public func runID(key: String) throws(InputError) -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE key = ?", arguments: [key]) }
    }

    /// The ids of every run stored, in the order they were stored.
    public func runIDs() throws(InputError) -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM runs ORDER BY id") }
    }

    /// What a stored run was made from (nil when no run has that id).
    public func description(ofRun id: Int64) throws(InputError) -> RunDescription? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]) else { return nil }
            let overridesText: String = row["overrides"]
            let overrides = try JSONDecoder().decode([String].self, from: Data(overridesText.utf8))
            let seed = try Self.seed(row["seed"], file: path)
            return RunDescription(id: id, key: row["key"], scenario: row["scenario"], scenarioSHA256: row["scenario_sha256"],
                                  rules: row["rules"], rulesSHA256: row["rules_sha256"], rulesBefore: row["rules_before"],
                                  rulesBeforeSHA256: row["rules_before_sha256"], overrides: overrides,
                                  seed: seed, runs: row["runs"], years: row["years"], toolVersion: row["tool_version"],
                                  transfers: row["transfers"])
        }
    }

    /// The per-replication headline figures of run `id`, in replication order.
    public func headlines(ofRun id: Int64) throws(InputError) -> [TransitionSummary.Headline] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM replications WHERE run = ? ORDER BY replication", arguments: [id]).map { row in
                TransitionSummary.Headline(
                    surplusAtDeadline: PerCategory { row[HeadlineMetric.surplusAtDeadline($0).name] as Int },
                    exitCostVND: row[HeadlineMetric.exitCostVND.name], allWithinQuota: row[HeadlineMetric.allWithinQuota.name])
            }
        }
    }

    /// The transition's verdict on the deadline of run `id`, decoded from its summary.
    /// - Throws: ``InputError`` 65 when the run has no verdict or one mergersim does not know.
    public func deadlineVerdict(ofRun id: Int64) throws(InputError) -> DeadlineVerdict {
        let name = SummaryMetric.deadlineVerdict.name
        let value = try read { db in
            try DatabaseValue.fetchOne(db, sql: "SELECT value FROM summary WHERE run = ? AND metric = ?", arguments: [id, name])
        }
        guard let value else { throw .badData(path, reason: .store(.noSummaryMetric(run: id, metric: name))) }
        let stored = switch value.storage {
        case .string(let text): text
        case .null: ""
        case .int64(let n): String(n)
        case .double(let x): String(x)
        case .blob: "(bytes)"
        }
        guard let verdict = DeadlineVerdict(rawValue: stored) else {
            throw .badData(path, reason: .store(.notVerdict(run: id, metric: name, stored: stored, known: DeadlineVerdict.allCases.map(\.rawValue))))
        }
        return verdict
    }

    /// The replications' headline figures and the deadline verdict of run `id`, as a sensitivity analysis reads them.
    public func headlineResult(ofRun id: Int64) throws(InputError) -> HeadlineResult {
        HeadlineResult(headlines: try headlines(ofRun: id), verdict: try deadlineVerdict(ofRun: id))
    }

    /// summary.csv's metrics and values of run `id`, in the order stored.
    public func summary(ofRun id: Int64) throws(InputError) -> [(metric: String, value: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT metric, value FROM summary WHERE run = ? ORDER BY rowid", arguments: [id]).map { row in
                let value: DatabaseValue = row["value"]
                let text: String
                switch value.storage {
                case .null: text = ""
                case .int64(let n): text = String(n)
                case .double(let x): text = x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
                case .string(let s): text = s
                case .blob: text = ""
                }
                return (row["metric"], text)
            }
        }
    }

    /// The timeline of run `id`: (year, category, metric) → mean.
    public func timelineMeans(ofRun id: Int64) throws(InputError) -> [(year: Int, category: String, metric: String, mean: Double)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT year, category, metric, mean FROM timeline WHERE run = ? ORDER BY rowid", arguments: [id]).map {
                ($0["year"], $0["category"], $0["metric"], $0["mean"])
            }
        }
    }

    /// The units after the plan of run `id`: code → (standards outcome, surplus per category).
    public func units(ofRun id: Int64) throws(InputError) -> [(code: String, outcome: String, surplus: PerCategory<Int?>)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM units_after WHERE run = ? ORDER BY rowid", arguments: [id]).map { row in
                (row["code"], row["standards_outcome"], PerCategory { row["surplus_\($0.rawValue)"] as Int? })
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(InputError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw failure(error, .read)
        }
    }
}

/// A stored run's provenance (the `runs` table's row).
public struct RunDescription: Sendable, Equatable {
    public var id: Int64
    public var key: String?
    public var scenario: String, scenarioSHA256: String
    public var rules: String, rulesSHA256: String
    public var rulesBefore: String, rulesBeforeSHA256: String
    public var overrides: [String]
    public var seed: UInt64
    public var runs: Int
    public var years: Int
    public var toolVersion: String
    /// nil for runs stored before the store recorded it (and in stores of schema v1, read as they are).
    public var transfers: String?
}
