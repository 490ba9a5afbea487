/// Whether the staff are within quota at the deadline, judged on the share of replications in
/// which every unit is within quota in every category at its deadline
/// (``TransitionSummary/probabilityAllWithinQuota``).
///
/// The thresholds are mergersim's own, not the law's: the law sets the deadline, not how sure a
/// planner must be of meeting it.
public enum DeadlineVerdict: String, Hashable, Sendable, CaseIterable {
    /// Within quota in at least ``metThreshold`` of the replications.
    case met
    /// Within quota in at least ``atRiskThreshold`` of them, but fewer than ``metThreshold``.
    case atRisk = "at risk"
    /// Within quota in fewer than ``atRiskThreshold`` of them.
    case notMet = "not met"

    /// The least share of replications within quota for the deadline to count as met.
    public static let metThreshold = 0.95
    /// The least share of replications within quota for the deadline to count as at risk rather than not met.
    public static let atRiskThreshold = 0.5

    /// The verdict on a share of replications within quota at the deadline.
    ///
    /// - Parameter probability: the share, from 0 to 1.
    public init(probabilityAllWithinQuota probability: Double) {
        self = probability >= Self.metThreshold ? .met : probability >= Self.atRiskThreshold ? .atRisk : .notMet
    }
}
