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

/// A setting as the store keeps it (tables `settings` and `setting_values`): a point of a design, shared by its
/// runs at every seed.
public struct StoredSetting: Sendable, Equatable {
    /// The sweep's name (`runs.sweep`).
    public var sweep: String
    /// sweep.csv's `setting`: the design row, counted from 1.
    public var number: Int
    /// ``SweepPlan/settingKey(_:sweep:number:)``: the same setting in two stores (shards) has the same hash.
    public var keyHash: String
    /// The values that make the setting, in the design's order.
    public var values: [Value]

    /// One key's value: a number (`value_num`, REAL) or else text (`value_text`).
    public struct Value: Sendable, Equatable {
        public var key: String
        public var number: Double?
        public var text: String?

        /// `value` as written in the sweep file: a decimal number is kept as a number, anything else as text.
        public init(key: String, value: String) {
            self.key = key
            let decimal = !value.isEmpty && value.allSatisfy { "0123456789+-.eE".contains($0) }
            if decimal, let x = Double(value), x.isFinite {
                number = x
                text = nil
            } else {
                number = nil
                text = value
            }
        }
    }

    public init(sweep: String, number: Int, keyHash: String, values: [Value]) {
        self.sweep = sweep
        self.number = number
        self.keyHash = keyHash
        self.values = values
    }

    /// The setting `setting` of sweep `sweep` is at, for a run of `inputs`.
    public init(_ setting: SweepPlan.Setting, sweep: String, inputs: ScenarioInputs) {
        self.init(sweep: sweep, number: setting.settingNumber,
                  keyHash: SweepPlan.settingKey(inputs, sweep: sweep, number: setting.settingNumber),
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
