import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// A folder manifest written as pretty, key-sorted JSON ending in a line break.
protocol FolderManifest: Encodable {}

extension FolderManifest {
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}

/// A sweep folder's manifest.json: what was swept, how, and with which tool.
struct SweepManifest: FolderManifest {
    var tool = "mergersim"
    var version = MergerSimVersion.current
    var command: [String]
    var sweep: String
    var sweepFile: String
    var sweepSHA256: String
    var scenario: String
    var vary: [Factor]
    /// nil: each setting with the scenario's own seed.
    var seeds: [UInt64]?
    var runs: Int?
    var design: String
    var sampleSize: Int?
    var sampleSeed: UInt64?
    var overrides: [String]
    var settings: Int
    var shard: String?
    var settingsInThisPart: Int
    var outputs = [SweepFolder.storeName, "sweep.csv", "report.html", "manifest.json"]

    struct Factor: Encodable {
        var key: String
        var values: [String]?
        var min: Double?, max: Double?
    }

    enum CodingKeys: String, CodingKey {
        case tool, version, command, sweep, scenario, vary, seeds, runs, design, overrides, settings, shard, outputs
        case sweepFile = "sweep_file", sweepSHA256 = "sweep_sha256", sampleSize = "sample_size", sampleSeed = "sample_seed"
        case settingsInThisPart = "settings_in_this_part"
    }

    init(command: [String], file: SweepFile, plan: SweepPlan, shard: (index: Int, count: Int)?, settingsRun: Int) {
        self.command = command
        sweep = file.name
        sweepFile = file.path
        sweepSHA256 = SHA256.hex(file.bytes)
        scenario = file.scenarioPath
        vary = file.factors.map { factor in
            switch factor.values {
            case .list(let values): Factor(key: factor.key, values: values)
            case .range(let low, let high, _): Factor(key: factor.key, min: low, max: high)
            }
        }
        seeds = file.seeds
        runs = file.runs
        design = file.sample == nil ? "grid" : "latin_hypercube"
        sampleSize = file.sample?.count
        sampleSeed = file.sample?.seed
        overrides = plan.base.map(\.description)
        settings = plan.settings.count
        self.shard = shard.map { "\($0.index)/\($0.count)" }
        settingsInThisPart = settingsRun
    }

}
