/// A figure of the transition's timeline, per year and ``TimelineCategory``.
public enum TimelineMetric: Hashable, Sendable, CaseIterable {
    /// People above the quota, summed over units.
    case surplus
    /// Units above their quota in the category (not given for ``TimelineCategory/all``: a unit over
    /// quota in any category is not a sum of the categories').
    case unitsOverQuota
    /// People in post.
    case headcount
    /// People received by transfer in the year.
    case transfersIn
    /// What the year's exit packages cost, in VND.
    case costVND
    /// People who left by one route in the year (only ``ExitRoute/recorded`` routes).
    case exits(ExitRoute)

    /// Every metric in timeline.csv's order.
    public static var allCases: [TimelineMetric] {
        [.surplus, .unitsOverQuota, .headcount, .transfersIn, .costVND] + ExitRoute.recorded.map(Self.exits)
    }

    /// The metrics given for `category`, in timeline.csv's order.
    public static func given(for category: TimelineCategory) -> [TimelineMetric] {
        category == .all ? allCases.filter { $0 != .unitsOverQuota } : allCases
    }

    /// The name timeline.csv and the run store write.
    public var name: String {
        switch self {
        case .surplus: "surplus"
        case .unitsOverQuota: "units_over_quota"
        case .headcount: "headcount"
        case .transfersIn: "transfers_in"
        case .costVND: "cost_vnd"
        case .exits(let route): "exits_\(route.rawValue)"
        }
    }

    /// Whether the figure is money (written in whole đồng).
    public var isMoney: Bool { self == .costVND }
}
