import GSL

/// A headline figure's running estimate as replications accumulate: the mean and its 95 % interval after
/// the first n replications, for n at evenly spaced checkpoints up to the whole sample. A research report
/// draws it to show whether a run has enough replications: the mean settles and the interval narrows as
/// 1/√n. The interval is the one ``Estimate/init(of:sample:)`` gives the figure (Wilson's for a probability).
public struct ConvergencePath: Sendable, Equatable {
    public var metric: HeadlineMetric
    /// In increasing order of `runs`; the last is the whole sample.
    public var points: [Point]

    /// The estimate after the first `runs` replications.
    public struct Point: Sendable, Equatable {
        public var runs: Int
        public var estimate: Estimate
    }

    /// The running estimate of `metric` over `sample` (in replication order) at about `checkpoints` points:
    /// n = ⌈k·N/checkpoints⌉ for k = 1…checkpoints, from 2 replications (one gives no interval), each n once.
    /// - Throws: `GSLError` for an empty sample or one with NaN or infinity.
    public init(metric: HeadlineMetric, sample: [Double], checkpoints: Int = 24) throws(GSLError) {
        self.metric = metric
        let total = sample.count
        let steps = max(1, checkpoints)
        var counts: [Int] = []
        for k in 1...steps {
            let n = min(total, max(2, (k * total + steps - 1) / steps))
            if counts.last != n { counts.append(n) }
        }
        if total == 1 { counts = [1] }
        points = try counts.map { n throws(GSLError) in Point(runs: n, estimate: try Estimate(of: metric, sample: Array(sample.prefix(n)))) }
    }

    /// About how many replications the figure needs for its 95 % interval to be within what `precision` allows,
    /// by the rule `--precision` applies, from the whole sample:
    /// - a probability (its interval Wilson's): the fewest n at which Wilson's interval around the share seen is
    ///   within ±R (at a share of 0 or 1 too, where the normal approximation would say one replication);
    /// - another figure: ⌈(z·s/allowed)²⌉ with s = SE·√n and allowed = max(R·|mean|, ``Precision/absoluteFloor``).
    /// Nil without a standard error.
    public func runsNeeded(for precision: Precision) -> Int? {
        guard let last = points.last, let se = last.estimate.standardError, se.isFinite else { return nil }
        if metric == .allWithinQuota {
            let p = last.estimate.mean
            func within(_ n: Int) -> Bool {
                let interval = Estimate.wilson(proportion: p, count: n)
                return interval.high - p <= precision.halfWidth && p - interval.low <= precision.halfWidth
            }
            // Wilson's half-width shrinks as n grows: double to a bracket, then halve it.
            var high = 1
            while !within(high) {
                guard high < 1 << 40 else { return nil }
                high *= 2
            }
            var low = high / 2
            while high - low > 1 {
                let mid = (low + high) / 2
                if within(mid) { high = mid } else { low = mid }
            }
            return high
        }
        let s = se * Double(last.runs).squareRoot()
        let allowed = max(precision.halfWidth * abs(last.estimate.mean), Precision.absoluteFloor)
        let needed = (Precision.z975 * s / allowed) * (Precision.z975 * s / allowed)
        return max(1, Int(needed.rounded(.up)))
    }

    /// Every headline figure's path over `headlines`, in ``HeadlineMetric/allCases`` order.
    public static func paths(_ headlines: [TransitionSummary.Headline], checkpoints: Int = 24) throws(GSLError) -> [ConvergencePath] {
        try HeadlineMetric.allCases.map { metric throws(GSLError) in
            try ConvergencePath(metric: metric, sample: headlines.map { $0[metric] }, checkpoints: checkpoints)
        }
    }
}
