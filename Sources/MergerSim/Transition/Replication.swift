/// What one replication of the transition records.
public struct Replication: Sendable, Equatable {
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

    /// People who left in a year by route.
    public struct ExitCounts: Sendable, Hashable, Codable {
        public var byRoute: [Int] = Array(repeating: 0, count: TransitionModel.Route.allCases.count)

        public init() {}

        public subscript(route: TransitionModel.Route) -> Int {
            get { byRoute[route.index] }
            set { byRoute[route.index] = newValue }
        }

        public var total: Int { byRoute.reduce(0, +) }
    }

    /// One person's exit.
    public struct Leaver: Sendable, Hashable {
        public var person: Int
        public var year: Int
        public var route: TransitionModel.Route
    }
}

extension TransitionModel.Route {
    /// 0… in the order of `allCases`.
    public var index: Int {
        switch self {
        case .retirement: 0
        case .earlyRetirement: 1
        case .resignation: 2
        case .voluntary: 3
        case .categoryEnded: 4
        }
    }
}
