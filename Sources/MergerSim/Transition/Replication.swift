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
        public var exits = PerCategory<ExitCounts>(repeating: .zero)

        public init() {}
    }

    /// One person's exit.
    public struct Leaver: Sendable, Hashable {
        public var person: Int
        public var year: Int
        public var route: ExitRoute
    }
}
