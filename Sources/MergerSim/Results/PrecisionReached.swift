/// What a run until precise (``ScenarioRun/Settings/precision``) did: the replications it used and the
/// intervals it reached at its last check.
public struct PrecisionReached: Sendable, Equatable {
    /// The precision asked for.
    public var precision: Precision
    /// The replications run and summarised: the first check at which every interval was within its ±R,
    /// else the maximum.
    public var runsUsed: Int
    /// The most replications the run could use (`--runs`, or the scenario's runs).
    public var maximumRuns: Int
    /// Each headline figure's interval after ``runsUsed`` replications, in ``HeadlineMetric/allCases`` order.
    public var intervals: [PrecisionInterval]

    public init(precision: Precision, runsUsed: Int, maximumRuns: Int, intervals: [PrecisionInterval]) {
        self.precision = precision
        self.runsUsed = runsUsed
        self.maximumRuns = maximumRuns
        self.intervals = intervals
    }

    /// Whether every interval is within its ±R (false: the run stopped at the maximum first).
    public var isReached: Bool { intervals.allSatisfy(\.isWithin) }
}
