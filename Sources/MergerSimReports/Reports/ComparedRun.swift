import Foundation
import MergerSim
import MergerSimInputs

/// One run as `compare` reads it, from a run folder or a run store: the settings that made it, its
/// summary, its replications' headline figures, its timeline and its units after the plan.
public struct ComparedRun: Sendable {
    /// The column name: the folder's last path component, or `run ID`.
    public var name: String
    /// The settings a comparison names when they differ, in a fixed order (see ``settingNames``).
    public var settings: [String: String]
    public var summary: [(metric: String, value: String)]
    /// Per replication (empty for a folder written before replications.csv).
    public var headlines: [TransitionSummary.Headline]
    /// "year category metric" → mean.
    public var timeline: [(key: String, mean: Double)]
    /// Unit code → its standards outcome and surplus per category (text as written).
    public var units: [(code: String, values: [String: String])]

    /// The settings named when they differ, in order.
    public static let settingNames = ["scenario", "rules", "rules_before", "transfers", "overrides", "seed", "runs"]
    /// The columns of a unit compared by `--units`.
    public static let unitColumns = ["standards_outcome"] + StaffCategory.allCases.map { "surplus_\($0.rawValue)" }

    public init(name: String, settings: [String: String], summary: [(metric: String, value: String)], headlines: [TransitionSummary.Headline],
                timeline: [(key: String, mean: Double)], units: [(code: String, values: [String: String])]) {
        self.name = name
        self.settings = settings
        self.summary = summary
        self.headlines = headlines
        self.timeline = timeline
        self.units = units
    }

    /// Reads a run folder `simulate` wrote: summary.csv (required), and manifest.json, replications.csv,
    /// timeline.csv and units_after.csv where present.
    /// - Throws: ``InputError`` 66 for a folder without a readable summary, 65 for a malformed file.
    public init(folder: String) throws(InputError) {
        let url = URL(fileURLWithPath: folder)
        func file(_ name: String) -> String { url.appendingPathComponent(name).path }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }
        name = url.standardizedFileURL.lastPathComponent
        let summaryTable = try CSVTable(bytes: try FileInput.read(file("summary.csv")), file: file("summary.csv"))
        try summaryTable.require(columns: ["metric", "value"])
        var summary: [(String, String)] = []
        for record in summaryTable.records {
            let row = RecordReader(table: summaryTable, record: record)
            summary.append((try row.required("metric"), row.text("value") ?? ""))
        }
        self.summary = summary
        settings = exists("manifest.json") ? try Self.settings(manifest: file("manifest.json")) : [:]
        headlines = exists("replications.csv") ? try ReplicationsReport.read(file("replications.csv")) : []
        var timeline: [(String, Double)] = []
        if exists("timeline.csv") {
            let table = try CSVTable(bytes: try FileInput.read(file("timeline.csv")), file: file("timeline.csv"))
            try table.require(columns: ["year", "category", "metric", "mean"])
            for record in table.records {
                let row = RecordReader(table: table, record: record)
                guard let text = row.text("mean"), let mean = Double(text), mean.isFinite else {
                    throw row.error("mean", reason: .output(.meanNotNumber(text: row.text("mean") ?? "")))
                }
                timeline.append(("\(try row.required("year")) \(try row.required("category")) \(try row.required("metric"))", mean))
            }
        }
        self.timeline = timeline
        var units: [(String, [String: String])] = []
        if exists("units_after.csv") {
            let table = try CSVTable(bytes: try FileInput.read(file("units_after.csv")), file: file("units_after.csv"))
            try table.require(columns: ["code"] + Self.unitColumns)
            for record in table.records {
                let row = RecordReader(table: table, record: record)
                units.append((try row.required("code"), Dictionary(uniqueKeysWithValues: Self.unitColumns.map { ($0, row.text($0) ?? "") })))
            }
        }
        self.units = units
    }

    /// The settings of a run folder's manifest (snake_case keys; camelCase ones of older folders too).
    static func settings(manifest path: String) throws(InputError) -> [String: String] {
        struct Rules: Decodable { var id: String; var sha256: String }
        struct Manifest: Decodable {
            var scenario: String?
            var rules: Rules?
            var rules_before: Rules?, rulesBefore: Rules?
            var transfers: String?
            var overrides: [String]?
            var seed: UInt64?
            var runs: Int?
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: Data(try FileInput.read(path)))
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError.badData(path, reason: .output(.manifestUnreadable(detail: "\(error)")))
        }
        var settings: [String: String] = [:]
        settings["scenario"] = manifest.scenario
        settings["rules"] = manifest.rules.map { "\($0.id) (\($0.sha256.prefix(12)))" }
        settings["rules_before"] = (manifest.rules_before ?? manifest.rulesBefore).map { "\($0.id) (\($0.sha256.prefix(12)))" }
        settings["transfers"] = manifest.transfers
        settings["overrides"] = manifest.overrides.map { $0.isEmpty ? "none" : $0.joined(separator: " ") }
        settings["seed"] = manifest.seed.map(String.init)
        settings["runs"] = manifest.runs.map(String.init)
        return settings
    }
}
