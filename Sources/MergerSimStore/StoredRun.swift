import MergerSim
import MergerSimInputs
import MergerSimReports

/// One run as the store keeps it: what it was made from, and its figures.
public struct StoredRun: Sendable {
    /// A sweep's name for the setting (nil for a single `simulate`): a stored key is never stored twice.
    public var key: String?
    public var sweep: String?
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
    public init(inputs: ScenarioInputs, outcome: ScenarioRun.Outcome, summary: RunSummary, key: String? = nil, sweep: String? = nil) {
        self.key = key
        self.sweep = sweep
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
