import GSL

/// How precise a Monte Carlo run must be before it stops: the 95 % interval of every headline figure
/// (``HeadlineMetric``) within ±R of its mean.
///
/// - A probability (``HeadlineMetric/allWithinQuota``): ±R is absolute, and the interval is Wilson's
///   score interval, which need not be centred on the estimate p̂: the rule is met when
///   p̂ − R ≤ low and high ≤ p̂ + R.
/// - Any other figure (surplus at the deadline, exit cost): ±R is relative, R·|mean|, around the
///   Student's t interval mean ± t(0.975, n − 1)·s/√n. A mean of 0 (or near it) would ask for an
///   interval of width 0; so the half-width may also be at most ``absoluteFloor`` (half a person, half
///   a dong): an interval that narrow cannot change the figure by one whole unit.
///
/// Replications run in batches and the rule is checked only at the ``checkpoints(maximumRuns:)``,
/// every ``step`` replications from ``minimumRuns``, which depend on nothing but the maximum: with
/// replication i always drawn from `CommonRandom(seed:replication: i)`, the runs used and every figure
/// are the same for a seed whatever the batch size or the cores.
public struct Precision: Sendable, Equatable {
    /// R: the half-width allowed, absolute for a probability, relative to |mean| otherwise.
    public let halfWidth: Double

    /// The fewest replications a run stops at.
    public static let minimumRuns = 100
    /// Replications between two checks of the rule.
    public static let step = 100
    /// The half-width every non-probability figure may have whatever its mean: half of one person or one dong.
    public static let absoluteFloor = 0.5
    /// The standard normal quantile z(0.975) of Wilson's interval.
    public static let z975 = 1.959963984540054

    /// A precision of `halfWidth`; nil unless it is a positive finite number.
    public init?(halfWidth: Double) {
        guard halfWidth.isFinite, halfWidth > 0 else { return nil }
        self.halfWidth = halfWidth
    }

    /// The replication counts at which the rule is checked: ``minimumRuns``, then every ``step``, and
    /// `maximumRuns` last (alone, when it is below the minimum).
    public static func checkpoints(maximumRuns: Int) -> [Int] {
        guard maximumRuns > minimumRuns else { return [max(maximumRuns, 0)] }
        let steps = Array(stride(from: minimumRuns, to: maximumRuns, by: step))
        return steps + [maximumRuns]
    }

    /// The 95 % interval of each headline figure over `moments` (one per ``HeadlineMetric``, in its
    /// ``HeadlineMetric/allCases`` order), with the half-width this precision allows it.
    /// - Throws: `GSLError` when the t quantile cannot be had (an internal failure).
    public func intervals(_ moments: [HeadlineMetric: RunningMoments]) throws(GSLError) -> [PrecisionInterval] {
        var intervals: [PrecisionInterval] = []
        for metric in HeadlineMetric.allCases {
            let m = moments[metric] ?? RunningMoments()
            intervals.append(metric == .allWithinQuota ? wilson(metric, m) : try studentT(metric, m))
        }
        return intervals
    }

    /// Wilson's score interval of a proportion (its values 0 or 1): centre (p̂ + z²/2n)/(1 + z²/n),
    /// half-width z/(1 + z²/n)·√(p̂(1 − p̂)/n + z²/4n²).
    func wilson(_ metric: HeadlineMetric, _ m: RunningMoments) -> PrecisionInterval {
        let interval = Estimate.wilson(proportion: m.mean, count: m.count)
        return PrecisionInterval(metric: metric, method: .wilson, count: m.count, mean: m.mean,
                                 low: interval.low, high: interval.high, allowed: halfWidth)
    }

    /// Student's t interval of a mean: mean ± t(0.975, n − 1)·s/√n (no interval from fewer than two values).
    func studentT(_ metric: HeadlineMetric, _ m: RunningMoments) throws(GSLError) -> PrecisionInterval {
        let allowed = max(halfWidth * abs(m.mean), Self.absoluteFloor)
        guard m.count > 1 else {
            return PrecisionInterval(metric: metric, method: .studentT, count: m.count, mean: m.mean, low: -.infinity, high: .infinity, allowed: allowed)
        }
        let se = m.standardDeviation / Double(m.count).squareRoot()
        let half = try Statistics.studentTQuantile(0.975, degreesOfFreedom: Double(m.count - 1)) * se
        return PrecisionInterval(metric: metric, method: .studentT, count: m.count, mean: m.mean,
                                 low: m.mean - half, high: m.mean + half, allowed: allowed)
    }
}

/// One headline figure's 95 % interval at a check of a ``Precision``.
public struct PrecisionInterval: Sendable, Equatable {
    /// How the interval was made.
    public enum Method: String, Sendable {
        /// Student's t around the mean.
        case studentT = "t"
        /// Wilson's score interval of a proportion.
        case wilson
    }

    public var metric: HeadlineMetric
    public var method: Method
    /// Replications the interval rests on.
    public var count: Int
    /// The mean (for a probability, p̂).
    public var mean: Double
    public var low: Double, high: Double
    /// The half-width allowed: R for a probability, max(R·|mean|, ``Precision/absoluteFloor``) otherwise.
    public var allowed: Double

    public init(metric: HeadlineMetric, method: Method, count: Int, mean: Double, low: Double, high: Double, allowed: Double) {
        self.metric = metric
        self.method = method
        self.count = count
        self.mean = mean
        self.low = low
        self.high = high
        self.allowed = allowed
    }

    /// How far the interval reaches from the mean: max(mean − low, high − mean).
    public var halfWidth: Double { max(mean - low, high - mean) }

    /// Whether the interval lies within ±``allowed`` of the mean.
    public var isWithin: Bool { halfWidth <= allowed }
}

/// A sample's count, mean and sum of squared deviations, updated one value at a time (Welford's
/// method, numerically stable for exit costs of 10¹² VND), so a check costs nothing proportional to
/// the replications already run.
public struct RunningMoments: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    /// Σ (x − mean)².
    public private(set) var squaredDeviations = 0.0

    public init() {}

    /// Adds `x`.
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (x - mean)
    }

    /// The sample standard deviation, n − 1 in the denominator (0 for fewer than two values).
    public var standardDeviation: Double { count > 1 ? (squaredDeviations / Double(count - 1)).squareRoot() : 0 }
}
