/// What one replication of the transition records.
public struct Replication: Sendable, Equatable {
    /// The state on the effective date, before any year (surplus, units over quota, headcount; no flows).
    public var start = YearRecord()
    /// One record per year: index 0 is the end of year 1.
    public var years: [YearRecord]
    /// Per unit: the first year at whose end it is within quota in every category (0: from the start), or nil.
    public var yearWithinQuota: [Int?]
    /// Who left, when and how, when asked for (to compare scenarios person by person).
    public var leavers: [Leaver]?

    /// The state at the end of one year, per category.
    public struct YearRecord: Sendable, Equatable {
        public var surplus = Headcount.zero
        public var unitsOverQuota = Headcount.zero
        public var headcount = Headcount.zero
        public var transfersIn = Headcount.zero
        public var costVND = PerCategory<Double>(repeating: 0)
        public var exits = PerCategory<ExitCounts>(repeating: ExitCounts())

        public init() {}
    }

    /// People who left in a year by route (fields, not an array: the transition counts every exit here).
    public struct ExitCounts: Sendable, Hashable, Codable {
        public var retirement = 0, earlyRetirement = 0, resignation = 0, voluntary = 0, categoryEnded = 0

        public init() {}

        public subscript(route: TransitionModel.Route) -> Int {
            get {
                switch route {
                case .retirement: retirement
                case .earlyRetirement: earlyRetirement
                case .resignation: resignation
                case .voluntary: voluntary
                case .categoryEnded: categoryEnded
                }
            }
            set {
                switch route {
                case .retirement: retirement = newValue
                case .earlyRetirement: earlyRetirement = newValue
                case .resignation: resignation = newValue
                case .voluntary: voluntary = newValue
                case .categoryEnded: categoryEnded = newValue
                }
            }
        }

        public var total: Int { retirement + earlyRetirement + resignation + voluntary + categoryEnded }
    }

    /// One person's exit.
    public struct Leaver: Sendable, Hashable {
        public var person: Int
        public var year: Int
        public var route: TransitionModel.Route
    }
}
