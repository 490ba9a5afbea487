import GSL

/// A 95 % confidence interval [low, high] from the bootstrap: the 2.5 % and 97.5 % quantiles of an
/// estimate recomputed on resamples drawn with replacement (Efron's percentile interval).
public struct BootstrapInterval: Sendable, Equatable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// Whether `value` lies within the interval, ends included.
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }

    /// The percentile interval of `replicates`, the estimate recomputed on each resample.
    /// - Throws: `GSLError` for no replicate or one that is NaN or infinite.
    public init(percentilesOf replicates: [Double]) throws(GSLError) {
        let q = try Statistics.quantiles(replicates, [0.025, 0.975])
        self.init(low: q[0], high: q[1])
    }
}

/// Resampling with replacement, seeded: each resample is `count` indices drawn uniformly from 0..<`count`.
public struct BootstrapResampler: Sendable {
    /// How many resamples an interval rests on.
    public let resamples: Int
    /// The seed of the GSL stream (mt19937) the indices are drawn from.
    public let seed: UInt64

    /// The default: 1 000 resamples, enough for the 2.5 % and 97.5 % quantiles to within a few
    /// hundredths of the interval's width.
    public static let defaultResamples = 1_000

    /// - Precondition: `resamples` ≥ 1 (the callers' own constant or a checked flag).
    public init(resamples: Int = defaultResamples, seed: UInt64) {
        precondition(resamples >= 1, "a bootstrap needs at least one resample")
        self.resamples = resamples
        self.seed = seed
    }

    /// The estimate `statistic` recomputed on each resample of `count` rows (one resample: the row
    /// indices it drew, repeats allowed), in a reproducible order; a resample on which the estimate is not
    /// defined (`statistic` gives nil, e.g. a tiny design whose resample has no variance) is left out, not
    /// counted as some value.
    /// - Throws: `GSLError` when the stream cannot be made, or what `statistic` throws.
    public func replicates(count: Int, _ statistic: ([Int]) throws(GSLError) -> [Double]?) throws(GSLError) -> [[Double]] {
        let source = try RandomSource(seed: seed)
        var replicates: [[Double]] = []
        replicates.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var rows = [Int](repeating: 0, count: count)
            for j in 0..<count { rows[j] = source.uniformInteger(below: count) }
            if let replicate = try statistic(rows) { replicates.append(replicate) }
        }
        return replicates
    }

    /// Per component of `statistic`'s result, the percentile interval over the resamples on which it is defined.
    /// - Throws: as ``replicates(count:_:)``; `GSLError` when the estimate is defined on fewer than half of the
    ///   resamples (its interval would rest on a biased few: the design is too small).
    public func intervals(count: Int, _ statistic: ([Int]) throws(GSLError) -> [Double]?) throws(GSLError) -> [BootstrapInterval] {
        let replicates = try replicates(count: count, statistic)
        guard 2 * replicates.count >= resamples else {
            throw GSLError.invalidArgument("a bootstrap interval from \(replicates.count) of \(resamples) resamples (the others have no variance): the design is too small")
        }
        guard let width = replicates.first?.count else { return [] }
        return try (0..<width).map { c throws(GSLError) in try BootstrapInterval(percentilesOf: replicates.map { $0[c] }) }
    }
}
