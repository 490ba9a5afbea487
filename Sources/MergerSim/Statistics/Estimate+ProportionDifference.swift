import GSL

/// The counts of paired 0/1 outcomes: replication by replication, which of the two runs gave 1.
public struct PairedOutcomeCounts: Sendable, Equatable {
    /// Pairs where both runs gave 1.
    public var both: Int
    /// Pairs where only the first run (a) gave 1.
    public var onlyA: Int
    /// Pairs where only the second run (b) gave 1.
    public var onlyB: Int
    /// Pairs where neither gave 1.
    public var neither: Int

    public init(both: Int, onlyA: Int, onlyB: Int, neither: Int) {
        self.both = both
        self.onlyA = onlyA
        self.onlyB = onlyB
        self.neither = neither
    }

    /// The counts of two samples of 0/1 values, pair by pair (a value other than 1 counts as 0).
    /// - Precondition: the samples have the same count.
    public init(_ a: [Double], _ b: [Double]) {
        precondition(a.count == b.count, "paired samples of different sizes")
        var counts = PairedOutcomeCounts(both: 0, onlyA: 0, onlyB: 0, neither: 0)
        for (x, y) in zip(a, b) {
            switch (x == 1, y == 1) {
            case (true, true): counts.both += 1
            case (true, false): counts.onlyA += 1
            case (false, true): counts.onlyB += 1
            case (false, false): counts.neither += 1
            }
        }
        self = counts
    }

    /// The number of pairs.
    public var count: Int { both + onlyA + onlyB + neither }
}

extension Estimate {
    /// The difference `b − a` of two samples of `metric`: for a probability (``HeadlineMetric/allWithinQuota``)
    /// Newcombe's hybrid score interval (``proportionDifference(_:_:paired:)``), which stays within [−1, 1];
    /// otherwise Student's t (``difference(_:_:paired:)``).
    /// - Throws: `GSLError` for an empty sample or one with NaN or infinity.
    public static func difference(of metric: HeadlineMetric, _ a: [Double], _ b: [Double], paired: Bool) throws(GSLError) -> Estimate {
        metric == .allWithinQuota ? try proportionDifference(a, b, paired: paired) : try difference(a, b, paired: paired)
    }

    /// The difference `b − a` of two proportions (samples of 0 and 1) with Newcombe's hybrid score 95 %
    /// interval, built from the two Wilson score intervals (l, u) of p̂a and p̂b:
    ///
    ///     low  = d − √((p̂b − lb)² − 2φ(p̂b − lb)(ua − p̂a) + (ua − p̂a)²)
    ///     high = d + √((ub − p̂b)² − 2φ(ub − p̂b)(p̂a − la) + (p̂a − la)²)
    ///
    /// with d = p̂b − p̂a and φ = 0 for independent samples (Newcombe 1998, method 10); for paired samples φ is
    /// the correlation of the pairs' 2 × 2 table with Newcombe's correction (``pairedCorrelation(_:)``; Newcombe
    /// 1998b, method 10). The standard error is Welch's √(p̂a(1 − p̂a)/na + p̂b(1 − p̂b)/nb) unpaired, s/√n of the
    /// pairs' differences paired.
    /// - Throws: `GSLError` for an empty sample or one with NaN or infinity.
    /// - Precondition: paired samples have the same count.
    public static func proportionDifference(_ a: [Double], _ b: [Double], paired: Bool) throws(GSLError) -> Estimate {
        let ma = try Statistics.mean(a), mb = try Statistics.mean(b)
        var estimate = paired ? try Estimate(sample: zip(a, b).map { $1 - $0 })
                              : Estimate(mean: mb - ma, count: min(a.count, b.count))
        estimate.mean = mb - ma
        estimate.method = .newcombe
        if !paired {
            estimate.standardError = (ma * (1 - ma) / Double(a.count) + mb * (1 - mb) / Double(b.count)).squareRoot()
        }
        let phi = paired ? pairedCorrelation(PairedOutcomeCounts(a, b)) : 0
        let interval = newcombe(a: (ma, a.count), b: (mb, b.count), correlation: phi)
        estimate.low = interval.low
        estimate.high = interval.high
        return estimate
    }

    /// Newcombe's hybrid score 95 % interval of `b.proportion − a.proportion` (see
    /// ``proportionDifference(_:_:paired:)``), with `correlation` φ (0 for independent samples); within [−1, 1].
    public static func newcombe(a: (proportion: Double, count: Int), b: (proportion: Double, count: Int),
                                correlation phi: Double = 0) -> (low: Double, high: Double) {
        let (pa, pb) = (a.proportion, b.proportion)
        let wa = wilson(proportion: pa, count: a.count), wb = wilson(proportion: pb, count: b.count)
        let d = pb - pa
        func root(_ x: Double, _ y: Double) -> Double { max(0, x * x - 2 * phi * x * y + y * y).squareRoot() }
        let low = d - root(pb - wb.low, wa.high - pa)
        let high = d + root(wb.high - pb, pa - wa.low)
        return (max(-1, low), min(1, high))
    }

    /// Newcombe's corrected correlation φ of a paired 2 × 2 table (1998b): with A = both·neither − onlyA·onlyB
    /// and n pairs, φ = (A − n/2)/√(row and column totals' product) when A > n/2, 0 when 0 ≤ A ≤ n/2,
    /// A/√(…) when A < 0; 0 when a margin is empty.
    public static func pairedCorrelation(_ t: PairedOutcomeCounts) -> Double {
        let margins = [t.both + t.onlyA, t.onlyB + t.neither, t.both + t.onlyB, t.onlyA + t.neither].map(Double.init)
        guard !margins.contains(0) else { return 0 }
        let product = margins.reduce(1, *).squareRoot()
        let a = Double(t.both) * Double(t.neither) - Double(t.onlyA) * Double(t.onlyB)
        let n = Double(t.count)
        if a > n / 2 { return (a - n / 2) / product }
        if a >= 0 { return 0 }
        return a / product
    }

    /// The variance-reduction factor of pairing two samples replication by replication: Welch's unpaired
    /// variance of the difference of means, s²a/na + s²b/nb, over the paired one, s²(b − a)/n. Nil when
    /// either variance is not defined (fewer than two pairs) or both are 0; +∞ when only the paired one is 0.
    /// - Throws: `GSLError` for a sample with NaN or infinity.
    /// - Precondition: the samples have the same count.
    public static func varianceReduction(_ a: [Double], _ b: [Double]) throws(GSLError) -> Double? {
        precondition(a.count == b.count, "paired samples of different sizes")
        guard a.count > 1 else { return nil }
        let n = Double(a.count)
        let unpaired = (pow2(try Statistics.standardDeviation(a)) + pow2(try Statistics.standardDeviation(b))) / n
        let pairedVariance = pow2(try Statistics.standardDeviation(zip(a, b).map { $1 - $0 })) / n
        if pairedVariance == 0 { return unpaired == 0 ? nil : .infinity }
        return unpaired / pairedVariance
    }
}

private func pow2(_ x: Double) -> Double { x * x }
