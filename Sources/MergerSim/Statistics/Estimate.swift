import GSL

/// A Monte Carlo estimate: a sample's mean with its standard error and 95 % confidence interval
/// (Student's t; for a proportion, Wilson's score interval, which stays within 0 and 1), or the same for
/// the difference between two samples.
///
/// A comparison of two runs asks whether a difference exceeds Monte Carlo noise. Runs that share a
/// seed draw the same randomness replication by replication (common random numbers), so their
/// differences are taken replication by replication (`paired`), which removes the noise they share;
/// otherwise the two means are compared with Welch's unequal-variance interval.
public struct Estimate: Sendable, Equatable {
    public var mean: Double
    /// The standard error of the mean; nil from a single value.
    public var standardError: Double?
    /// The 95 % confidence interval; nil from a single value.
    public var low: Double?, high: Double?
    /// Values the estimate rests on (pairs, for a paired difference).
    public var count: Int
    /// How the interval was made.
    public var method: Method = .studentT

    /// How an estimate's interval is made.
    public enum Method: String, Sendable {
        /// Student's t around the mean (Welch's degrees of freedom for an unpaired difference).
        case studentT = "t"
        /// Wilson's score interval of a proportion.
        case wilson
        /// Newcombe's hybrid score interval of a difference of proportions (from the two Wilson intervals).
        case newcombe
    }

    /// The estimate fitting `metric`: Wilson's interval for a probability (``HeadlineMetric/allWithinQuota``,
    /// whose values are 0 or 1), Student's t otherwise.
    /// - Throws: `GSLError` for an empty sample or one with NaN or infinity.
    public init(of metric: HeadlineMetric, sample: [Double]) throws(GSLError) {
        if metric == .allWithinQuota {
            try self.init(proportionOf: sample)
        } else {
            try self.init(sample: sample)
        }
    }

    /// The share of ones in `sample` (values 0 or 1, anything else counting as its value in the mean), its
    /// standard error √(p̂(1 − p̂)/n) and Wilson's 95 % score interval, which never leaves [0, 1] and is not
    /// empty when every value is the same.
    /// - Throws: `GSLError` for an empty sample or one with NaN or infinity.
    public init(proportionOf sample: [Double]) throws(GSLError) {
        mean = try Statistics.mean(sample)
        count = sample.count
        method = .wilson
        let n = Double(sample.count)
        standardError = (mean * (1 - mean) / n).squareRoot()
        let interval = Self.wilson(proportion: mean, count: sample.count)
        low = interval.low
        high = interval.high
    }

    /// Wilson's 95 % score interval of a proportion `p` of `count` trials: centre (p + z²/2n)/(1 + z²/n),
    /// half-width z/(1 + z²/n)·√(p(1 − p)/n + z²/4n²), clipped to [0, 1] (exactly 0 at p = 0, 1 at p = 1);
    /// [0, 1] from no trial.
    public static func wilson(proportion p: Double, count: Int) -> (low: Double, high: Double) {
        guard count > 0 else { return (0, 1) }
        let n = Double(count), z = Precision.z975, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At p = 0 (or 1) the bound is exactly 0 (or 1); the formula leaves a rounding error there.
        return (p <= 0 ? 0 : max(0, centre - half), p >= 1 ? 1 : min(1, centre + half))
    }

    /// The mean of `sample`, its standard error s/√n and the interval mean ± t(0.975, n − 1)·SE.
    /// - Throws: `GSLError` for an empty sample or one with NaN or infinity.
    public init(sample: [Double]) throws(GSLError) {
        mean = try Statistics.mean(sample)
        count = sample.count
        guard sample.count > 1 else { return }
        let se = try Statistics.standardDeviation(sample) / Double(sample.count).squareRoot()
        try setInterval(se, degreesOfFreedom: Double(sample.count - 1))
    }

    /// The difference `b − a` of two samples: replication by replication when `paired` (the samples
    /// must then have one value per replication each, in the same order), else Welch's interval with
    /// the Welch–Satterthwaite degrees of freedom.
    /// - Precondition: paired samples have the same count (callers pair runs of the same runs).
    public static func difference(_ a: [Double], _ b: [Double], paired: Bool) throws(GSLError) -> Estimate {
        if paired {
            precondition(a.count == b.count, "paired samples of different sizes")
            return try Estimate(sample: zip(a, b).map { $1 - $0 })
        }
        let ma = try Statistics.mean(a), mb = try Statistics.mean(b)
        var estimate = Estimate(mean: mb - ma, count: min(a.count, b.count))
        guard a.count > 1, b.count > 1 else { return estimate }
        let va = pow2(try Statistics.standardDeviation(a)) / Double(a.count)
        let vb = pow2(try Statistics.standardDeviation(b)) / Double(b.count)
        let se = (va + vb).squareRoot()
        let dof = se == 0 ? Double(a.count + b.count - 2)
            : pow2(va + vb) / (pow2(va) / Double(a.count - 1) + pow2(vb) / Double(b.count - 1))
        try estimate.setInterval(se, degreesOfFreedom: dof)
        return estimate
    }

    init(mean: Double, count: Int) {
        self.mean = mean
        self.count = count
    }

    private mutating func setInterval(_ se: Double, degreesOfFreedom: Double) throws(GSLError) {
        standardError = se
        let half = try Statistics.studentTQuantile(0.975, degreesOfFreedom: degreesOfFreedom) * se
        low = mean - half
        high = mean + half
    }

    /// Whether the interval leaves out zero: the difference exceeds the Monte Carlo noise at 95 %.
    public var excludesZero: Bool {
        guard let low, let high else { return false }
        return low > 0 || high < 0
    }
}

private func pow2(_ x: Double) -> Double { x * x }
