import Foundation
import GRDB
import MergerSimInputs

/// Settings recovered for runs stored without one: a sweep's runs stored before v5, or merged from such a store.
extension RunStore {
    /// What one recovered setting is made of: a sweep's runs with the same scenario, rule files, replications and
    /// overrides (the seed apart).
    private struct Point: Hashable {
        var scenarioSHA256: String, rulesSHA256: String, rulesBeforeSHA256: String, runs: Int
        /// The overrides as stored, KEY=VALUE, without `transition.seed` (a run's seed is not its point's).
        var overrides: [String]
    }

    /// Gives settings to the runs of a sweep linked to none. The runs of a sweep at one ``Point`` are one setting
    /// (`seeds` null: it pools every seed stored); its values are the keys whose values differ between the sweep's
    /// points (every key when it has one), each point holding only the keys it sets. The settings are numbered as
    /// sweep.csv would only when the stored order tells it: the store holds no setting of the sweep, and the sweep's
    /// runs, by id, come point by point, every point at the same seeds in the same order (as one job running the
    /// sweep in order stores them); else `number` is null. Returns the settings given runs, whose `setting_summary`
    /// the caller writes.
    /// - Throws: ``InputError`` 65 naming the run and the store `file` when a run's overrides are not a JSON list of
    ///   KEY=VALUE texts.
    static func linkUnsettledRuns(_ db: Database, file: String) throws -> Set<Int64> {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, sweep, scenario_sha256, rules_sha256, rules_before_sha256, runs, overrides, seed FROM runs
            WHERE sweep IS NOT NULL AND NOT EXISTS (SELECT 1 FROM setting_runs WHERE setting_runs.run = runs.id) ORDER BY id
            """)
        var order: [String] = []
        var groups: [String: [(id: Int64, point: Point, seed: UInt64)]] = [:]
        for row in rows {
            let sweep: String = row["sweep"], id: Int64 = row["id"]
            let overrides = try Self.overrides(row["overrides"], run: id, file: file).filter { !$0.hasPrefix("transition.seed=") }
            let point = Point(scenarioSHA256: row["scenario_sha256"], rulesSHA256: row["rules_sha256"],
                              rulesBeforeSHA256: row["rules_before_sha256"], runs: row["runs"], overrides: overrides)
            if groups[sweep] == nil { order.append(sweep) }
            groups[sweep, default: []].append((id, point, try Self.seed(row["seed"], file: file)))
        }
        var touched = Set<Int64>()
        for sweep in order {
            let runs = groups[sweep] ?? []
            var points: [Point] = []
            for run in runs where !points.contains(run.point) { points.append(run.point) }
            let pairs = points.map { $0.overrides.map(Self.keyValue) }
            let keys = pairs.flatMap { $0.map(\.key) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let varied = points.count == 1 ? keys : keys.filter { key in Set(pairs.map { $0.last { $0.key == key }?.value }).count > 1 }
            let numbered = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM settings WHERE sweep = ?", arguments: [sweep]) == 0
                && Self.isInDesignOrder(runs.map { ($0.point, $0.seed) })
            for (index, (point, values)) in zip(points, pairs).enumerated() {
                var identity = ["mergersim recovered setting v1", "sweep \(sweep)", "scenario \(point.scenarioSHA256)", "rules \(point.rulesSHA256)",
                                "rules_before \(point.rulesBeforeSHA256)", "runs \(point.runs)"]
                identity += point.overrides.map { "set \($0)" }
                let kept = varied.compactMap { key in values.last { $0.key == key }.map { StoredSetting.Value(key: key, value: $0.value) } }
                let setting = StoredSetting(sweep: sweep, number: numbered ? index + 1 : nil, seeds: nil,
                                            keyHash: SHA256.hex(Array(identity.joined(separator: "\n").utf8)), values: kept)
                let id = try settingID(setting, in: db)
                for run in runs where run.point == point { touched.formUnion(try link(run: run.id, to: id, in: db)) }
            }
        }
        return touched
    }

    /// Whether runs in the order stored come point by point, each point at the same seeds in the same order.
    private static func isInDesignOrder(_ runs: [(point: Point, seed: UInt64)]) -> Bool {
        var blocks: [(point: Point, seeds: [UInt64])] = []
        for run in runs {
            if let last = blocks.last, last.point == run.point { blocks[blocks.count - 1].seeds.append(run.seed) } else { blocks.append((run.point, [run.seed])) }
        }
        return Set(blocks.map(\.point)).count == blocks.count && Set(blocks.map(\.seeds)).count <= 1
    }

    /// A stored run's overrides: a JSON list of KEY=VALUE texts.
    /// - Throws: ``InputError`` 65 naming run `run` of the store `file` when they are not.
    static func overrides(_ text: String, run: Int64, file: String) throws(InputError) -> [String] {
        let list: [String]
        do {
            list = try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw InputError(.badData, file: file, reason: .store(.badOverrides(run: run, stored: text)))
        }
        guard list.allSatisfy({ $0.contains("=") }) else { throw InputError(.badData, file: file, reason: .store(.badOverrides(run: run, stored: text))) }
        return list
    }

    /// `KEY=VALUE` split at its first `=` (the caller checked there is one).
    private static func keyValue(_ text: String) -> (key: String, value: String) {
        let equals = text.firstIndex(of: "=") ?? text.endIndex
        return (String(text[..<equals]), equals == text.endIndex ? "" : String(text[text.index(after: equals)...]))
    }
}
