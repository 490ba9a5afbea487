import GSL

/// What a run gives a one-at-a-time sensitivity analysis: its replications' headline figures and the
/// transition's verdict on the deadline.
public struct HeadlineResult: Sendable, Equatable {
    /// Per replication, in replication order.
    public var headlines: [TransitionSummary.Headline]
    public var verdict: DeadlineVerdict

    public init(headlines: [TransitionSummary.Headline], verdict: DeadlineVerdict) {
        self.headlines = headlines
        self.verdict = verdict
    }

    /// The replications' values of `metric`, in replication order.
    public func sample(_ metric: HeadlineMetric) -> [Double] { headlines.map { $0[metric] } }
}

/// One parameter's effect on one headline metric: the means at the base, at the parameter's low and at
/// its high, and the swing high − low with its Monte Carlo uncertainty.
public struct HeadlineSwing: Sendable, Equatable {
    public var metric: HeadlineMetric
    /// Means over the replications of the base run and of the runs at the low and the high value.
    public var base: Double, low: Double, high: Double
    /// high − low, paired replication by replication when the two runs have as many replications
    /// (same seed: common random numbers), Welch's unpaired difference otherwise.
    public var swing: Estimate
    public var verdicts: Verdicts

    /// The deadline verdicts of the three runs.
    public struct Verdicts: Sendable, Equatable {
        public var base: DeadlineVerdict, low: DeadlineVerdict, high: DeadlineVerdict

        public init(base: DeadlineVerdict, low: DeadlineVerdict, high: DeadlineVerdict) {
            self.base = base
            self.low = low
            self.high = high
        }

        /// The low or the high value changes the verdict from the base's.
        public var flip: Bool { low != base || high != base }
    }

    /// The swing of every headline metric (in ``HeadlineMetric`` order) between the runs at a parameter's
    /// `low` and `high`, beside the `base` run.
    /// - Throws: `GSLError` for a run without replications.
    public static func swings(base: HeadlineResult, low: HeadlineResult, high: HeadlineResult) throws(GSLError) -> [HeadlineSwing] {
        let verdicts = Verdicts(base: base.verdict, low: low.verdict, high: high.verdict)
        return try HeadlineMetric.allCases.map { metric throws(GSLError) in
            let a = low.sample(metric), b = high.sample(metric)
            return HeadlineSwing(metric: metric, base: try Estimate(sample: base.sample(metric)).mean, low: try Estimate(sample: a).mean,
                                 high: try Estimate(sample: b).mean, swing: try Estimate.difference(a, b, paired: a.count == b.count),
                                 verdicts: verdicts)
        }
    }

    /// The swing relative to the base mean (a base of magnitude below 1 counts as 1); for
    /// ``HeadlineMetric/allWithinQuota``, a probability, the swing itself. Its magnitude.
    public var relativeSwing: Double {
        abs(swing.mean) / (metric == .allWithinQuota ? 1 : max(abs(base), 1))
    }

    /// A parameter's largest ``relativeSwing`` over its metrics (0 for none).
    public static func largestRelativeSwing(_ swings: [HeadlineSwing]) -> Double { swings.map(\.relativeSwing).max() ?? 0 }

    /// A parameter's place in a ranking: a verdict flip first (1,000 on top), then its largest relative swing.
    public static func score(_ swings: [HeadlineSwing]) -> Double {
        largestRelativeSwing(swings) + (swings.first?.verdicts.flip == true ? 1_000 : 0)
    }

    /// Ranks of parameters by ``score(_:)``, highest first (rank 1); ties keep the given order.
    ///
    /// - Returns: per parameter, in the given order, its rank.
    public static func ranks(_ byParameter: [[HeadlineSwing]]) -> [Int] {
        let order = byParameter.indices.sorted { score(byParameter[$0]) > score(byParameter[$1]) }
        var ranks = Array(repeating: 0, count: byParameter.count)
        for (rank, index) in order.enumerated() { ranks[index] = rank + 1 }
        return ranks
    }
}
