import MergerSim
import MergerSimInputs
import MergerSimReports

/// One run as the store keeps it: what it was made from, and its figures.
public struct StoredRun: Sendable {
    /// A sweep's name for the setting (nil for a single `simulate`): a stored key is never stored twice.
    public var key: String?
    public var sweep: String?
    /// The setting (a point of a sweep's or a sensitivity analysis's design) the run is at; nil for a run outside one.
    public var setting: StoredSetting?
    public var scenario: String
    public var scenarioSHA256: String
    public var rules: String, rulesSHA256: String
    public var rulesBefore: String, rulesBeforeSHA256: String
    /// The transfers in force (``Scenario/transfersDescription``).
    public var transfers: String
    /// The overrides, KEY=VALUE, in order.
    public var overrides: [String]
    public var seed: UInt64
    /// Replications run (with a precision: those used).
    public var runs: Int
    /// A run until precise: R, the most runs and the intervals reached.
    public var precision: PrecisionReached?
    public var years: Int
    /// summary.csv's metrics and values, as written there.
    public var summary: [(name: String, value: String)]
    public var timeline: [TransitionSummary.Row]
    public var units: [Unit]
    public var replications: [TransitionSummary.Headline]

    /// The main columns of a unit after the plan.
    public struct Unit: Sendable {
        public var code: String, name: String, province: String, kind: String, standardsOutcome: String, type: String
        public var quota: Headcount
        public var headcount: Headcount?
        public var surplus: Headcount?
        public var probabilityWithinQuota: Double?
        public var medianYearWithinQuota: Int?
    }

    /// A run of `inputs` with its `outcome` (through the transition) and its summary.
    public init(inputs: ScenarioInputs, outcome: ScenarioRun.Outcome, summary: RunSummary, key: String? = nil, sweep: String? = nil,
                setting: StoredSetting? = nil) {
        self.key = key
        self.sweep = sweep
        self.setting = setting
        scenario = inputs.scenario.settings.name
        scenarioSHA256 = SHA256.hex(inputs.scenario.bytes)
        rules = inputs.rules.rules.id
        rulesSHA256 = inputs.rules.sha256
        rulesBefore = inputs.rulesBefore.rules.id
        rulesBeforeSHA256 = inputs.rulesBefore.sha256
        overrides = inputs.scenario.overrides.map(\.description)
        transfers = inputs.scenario.transfersDescription
        seed = inputs.run.settings.seed
        let transition = outcome.transition
        runs = transition?.runs ?? inputs.run.settings.runs
        precision = transition?.precision
        years = transition?.model.years ?? 0
        self.summary = SummaryReport.rows(summary)
        timeline = transition?.summary.rows ?? []
        replications = transition?.summary.headlines ?? []
        units = outcome.after.enumerated().map { i, r in
            Unit(code: r.unit.code, name: r.unit.name, province: r.unit.province, kind: r.unit.kind.rawValue,
                 standardsOutcome: r.outcome.rawValue, type: r.classification.type.rawValue, quota: r.quota.posts,
                 headcount: r.unit.staff, surplus: r.surplus,
                 probabilityWithinQuota: transition?.summary.probabilityWithinQuota[i],
                 medianYearWithinQuota: transition?.summary.medianYearWithinQuota[i])
        }
    }
}

/// A setting as the store keeps it (tables `settings`, `setting_values` and `setting_runs`): a point of a design with the
/// seeds it is run at. A run may make several settings (a design that repeats a point: each point keeps its setting).
public struct StoredSetting: Sendable, Equatable {
    /// The sweep's name (`runs.sweep`).
    public var sweep: String
    /// sweep.csv's `setting`: the design row, counted from 1; nil for a setting an upgrade recovered whose place in
    /// the design the stored runs do not tell.
    public var number: Int?
    /// The seeds the sweep runs the setting at, in the sweep file's order (sweep.csv's `seeds`): part of the setting's
    /// identity, so its summary pools the runs sweep.csv pools. Nil for a setting an upgrade recovered from a store
    /// before v5, which pools every seed stored.
    public var seeds: [UInt64]?
    /// ``SweepPlan/settingKey(_:sweep:number:seeds:)``: the same setting in two stores (shards) has the same hash.
    public var keyHash: String
    /// The values that make the setting, in the design's order.
    public var values: [Value]

    /// One key's value: its text as written (`value_text`), and the number it is when it is a plain decimal (`value_num`).
    public struct Value: Sendable, Equatable {
        public var key: String
        /// The value as written in the sweep file or override (`01` stays `01`).
        public var text: String
        /// The value read as `DecimalText.decimal` reads it (plain decimal notation: `0.25`, `-3`); nil for any other text.
        public var number: Double?

        /// `value` as written, with its number when it is one in plain decimal notation.
        public init(key: String, value: String) {
            self.init(key: key, text: value, number: DecimalText.decimal(value))
        }

        init(key: String, text: String, number: Double?) {
            self.key = key
            self.text = text
            self.number = number
        }
    }

    public init(sweep: String, number: Int?, seeds: [UInt64]?, keyHash: String, values: [Value]) {
        self.sweep = sweep
        self.number = number
        self.seeds = seeds
        self.keyHash = keyHash
        self.values = values
    }

    /// The setting `setting` of sweep `sweep` is at, for a run of `inputs` (a seed nil in `setting.seeds` is the run's).
    public init(_ setting: SweepPlan.Setting, sweep: String, inputs: ScenarioInputs) {
        let seeds = setting.seeds.map { $0 ?? inputs.run.settings.seed }
        self.init(sweep: sweep, number: setting.settingNumber, seeds: seeds,
                  keyHash: SweepPlan.settingKey(inputs, sweep: sweep, number: setting.settingNumber, seeds: seeds),
                  values: Self.lastByKey(setting.varied).map { Value(key: $0.key, value: $0.value) })
    }

    /// `overrides` with each key once, at its first place, holding its last value (a later override wins, as the scenario applies them).
    static func lastByKey(_ overrides: [Override]) -> [Override] {
        var last: [String: Override] = [:]
        for override in overrides { last[override.key] = override }
        var seen = Set<String>()
        return overrides.compactMap { seen.insert($0.key).inserted ? last[$0.key] : nil }
    }
}
