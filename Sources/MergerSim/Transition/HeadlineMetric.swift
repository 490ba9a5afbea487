/// A headline figure of one replication (``TransitionSummary/Headline``), as replications.csv, sweeps,
/// comparisons, sensitivity analyses and the run store name it.
public enum HeadlineMetric: Hashable, Sendable, CaseIterable {
    /// Surplus at the end of the category's deadline year.
    case surplusAtDeadline(StaffCategory)
    /// Exit packages over every year, in VND.
    case exitCostVND
    /// Every unit within quota in every category at its deadline: 1 or 0, so its mean is the probability.
    case allWithinQuota

    /// Surplus per category, exit cost, all within quota: the column order of replications.csv.
    public static var allCases: [HeadlineMetric] { StaffCategory.allCases.map(Self.surplusAtDeadline) + [.exitCostVND, .allWithinQuota] }

    /// The column name.
    public var name: String {
        switch self {
        case .surplusAtDeadline(let category): "surplus_at_deadline_\(category.rawValue)"
        case .exitCostVND: "exit_cost_vnd"
        case .allWithinQuota: "all_within_quota"
        }
    }
}

extension TransitionSummary.Headline {
    /// The value of `metric` in this replication.
    public subscript(metric: HeadlineMetric) -> Double {
        switch metric {
        case .surplusAtDeadline(let category): Double(surplusAtDeadline[category])
        case .exitCostVND: exitCostVND
        case .allWithinQuota: allWithinQuota ? 1 : 0
        }
    }
}
