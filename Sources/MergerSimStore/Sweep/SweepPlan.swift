import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// A sweep file made into settings: each row of its design (grid or sample) once per seed, each with
/// the overrides that make it (the command line's `--set` first, then the varied values).
public struct SweepPlan: Sendable {
    public let file: SweepFile
    public let design: SweepDesign
    /// `--set` overrides given to the sweep itself, applied to every setting before the varied values.
    public let base: [Override]
    public let settings: [Setting]

    /// One run of the sweep: a setting (a point of the design) at one seed.
    public struct Setting: Sendable, Equatable {
        /// 1-based place of the run in the whole sweep (design row by row, seed by seed within a row).
        public var number: Int
        /// The design row (0-based) it runs.
        public var row: Int
        /// The setting's number as sweep.csv's `setting`, the console and the store's `settings.number` name it:
        /// for a sweep, its design row counted from 1 (every seed of a row is the same setting).
        public var settingNumber: Int
        public var values: [String]
        /// nil: the scenario's seed.
        public var seed: UInt64?
        /// Every seed the setting is run at (the sweep file's `seeds`, in order; nil: the scenario's), the same for each
        /// of its runs: the store's setting pools these.
        public var seeds: [UInt64?]
        public var overrides: [Override]
        /// The values that make this setting a point of the design (the store's `setting_values`): a sweep's varied keys.
        public var varied: [Override]

        /// A run `number` of design row `row` at `seed`. `settingNumber` defaults to `number` and `varied` to every
        /// override, `seeds` to `[seed]`: each run a setting of its own, as a sensitivity analysis runs each point once at one seed.
        public init(number: Int, row: Int, values: [String], seed: UInt64?, overrides: [Override],
                    settingNumber: Int? = nil, varied: [Override]? = nil, seeds: [UInt64?]? = nil) {
            self.number = number
            self.row = row
            self.settingNumber = settingNumber ?? number
            self.values = values
            self.seed = seed
            self.seeds = seeds ?? [seed]
            self.overrides = overrides
            self.varied = varied ?? overrides
        }
    }

    public init(file: SweepFile, base: [Override] = []) throws {
        for override in base {
            let clash = override.key == "transition.runs" && file.runs != nil ? "runs" : override.key == "transition.seed" && file.seeds != nil ? "seeds" : nil
            if let clash {
                throw InputError(.usage, file: "--set \(override)", reason: .sweep(.setClash(clash: clash, file: file.path)))
            }
        }
        self.file = file
        self.base = base
        design = try file.design()
        let seeds: [UInt64?] = file.seeds ?? [nil]
        var settings: [Setting] = []
        for (row, values) in design.settings.enumerated() {
            let varied = zip(file.factors, values).map { Override(path: $0.key.split(separator: ".").map(String.init), value: $1) }
            for seed in seeds {
                settings.append(Setting(number: settings.count + 1, row: row, values: values, seed: seed, overrides: base + varied,
                                        settingNumber: row + 1, varied: varied, seeds: seeds))
            }
        }
        self.settings = settings
    }

    /// The settings of part `index` (1-based) of `count`: every count-th setting from the index-th, so
    /// the parts are about equal and together are the whole sweep.
    public func shard(_ index: Int, of count: Int) -> [Setting] {
        settings.filter { ($0.number - 1) % count == index - 1 }
    }

    /// Checks every design row's values as the scenario and its rule sets would (cheap: no units are
    /// read), so a value refused in the last setting stops the sweep before the first runs. A value
    /// refused is reported at its key in the sweep file (65).
    public func check() throws(InputError) {
        var seen = Set<[String]>()
        for setting in settings where seen.insert(setting.values).inserted {
            do {
                let scenario = try Scenario(path: file.scenarioPath, overrides: setting.overrides)
                var defaults: [RunManifest.DefaultEntry] = []
                _ = try ScenarioInputs.ruleSets(of: scenario, defaults: &defaults)
            } catch {
                throw file.located(error, values: setting.values)
            }
        }
    }

    /// The key a setting is stored under: a hash of everything that makes its result (the scenario,
    /// rule and input files' contents, the overrides, seed and replications), so a setting stored
    /// is recognised when the sweep starts again, and a changed file makes a new one.
    public static func key(_ inputs: ScenarioInputs) -> String {
        var text = "mergersim sweep setting v1\n"
        text += "rules \(inputs.rules.sha256)\nrules_before \(inputs.rulesBefore.sha256)\n"
        for input in inputs.inputs { text += "\(input.role) \(input.sha256)\n" }
        for override in inputs.scenario.overrides { text += "set \(override)\n" }
        text += "seed \(inputs.run.settings.seed)\nruns \(inputs.run.settings.runs)\n"
        return SHA256.hex(Array(text.utf8))
    }

    /// The key a setting (a point of a design at its seeds) is stored under in `settings.key_hash`: a hash of the
    /// sweep's name, the setting's number, its seeds (in order) and what makes its result but the seed (as ``key(_:)``
    /// without it), so the runs of one setting at its seeds, in one store or in shards merged, share one setting, and
    /// the same point run at other seeds is another setting (its summary pools what its sweep.csv pools).
    public static func settingKey(_ inputs: ScenarioInputs, sweep: String, number: Int, seeds: [UInt64]) -> String {
        var text = "mergersim sweep point v2\nsweep \(sweep)\nsetting \(number)\nseeds \(seeds.map(String.init).joined(separator: " "))\n"
        text += "rules \(inputs.rules.sha256)\nrules_before \(inputs.rulesBefore.sha256)\n"
        for input in inputs.inputs { text += "\(input.role) \(input.sha256)\n" }
        for override in inputs.scenario.overrides where override.key != "transition.seed" { text += "set \(override)\n" }
        text += "runs \(inputs.run.settings.runs)\n"
        return SHA256.hex(Array(text.utf8))
    }
}
