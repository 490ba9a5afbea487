import CGSL

/// A seeded stream of random numbers: GSL's Mersenne Twister (`gsl_rng_mt19937`).
///
/// Every random draw in mergersim comes from one of these, so a run seeded
/// with the same number reproduces bit for bit, as the same C program would:
/// seed 42 gives `uniform()` = 0.37454011430963874 first.
///
/// A source is a mutable stream, not shared between threads: give each
/// parallel task its own, seeded from ``derivedSeed(_:)``.
public final class RandomSource {
    private let rng: UnsafeMutablePointer<gsl_rng>
    /// The seed this stream started from.
    public let seed: UInt64

    /// A Mersenne Twister stream started from `seed`.
    ///
    /// GSL seeds mt19937 with an `unsigned long`; seed 0 is GSL's default seed (4357).
    public init(seed: UInt64) throws(GSLError) {
        GSLRuntime.ready
        guard let rng = gsl_rng_alloc(cgsl_rng_mt19937()) else {
            throw GSLError(status: Int32(GSL_ENOMEM), operation: "allocating the mt19937 generator")
        }
        gsl_rng_set(rng, UInt(seed))
        self.rng = rng
        self.seed = seed
    }

    deinit { gsl_rng_free(rng) }

    /// A uniform draw from [0, 1) (`gsl_rng_uniform`).
    public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// The largest `upperBound` ``uniformInteger(below:)`` takes: mt19937's range, 2³² − 1. Beyond it
    /// `gsl_rng_uniform_int` fails, and with GSL's handler off it would silently return 0.
    public static let maxUpperBound = Int(UInt32.max)

    /// A uniform integer from 0 to `upperBound − 1` (`gsl_rng_uniform_int`).
    /// - Precondition: 0 < `upperBound` ≤ ``maxUpperBound`` (a caller's bound beyond it is a programming error).
    public func uniformInteger(below upperBound: Int) -> Int {
        precondition(upperBound > 0 && upperBound <= Self.maxUpperBound, "uniformInteger: upper bound \(upperBound) out of 1...2^32-1")
        return Int(gsl_rng_uniform_int(rng, UInt(upperBound)))
    }

    /// A normal draw with the given mean and standard deviation (`gsl_ran_gaussian`, Box–Muller ratio method).
    public func gaussian(mean: Double = 0, standardDeviation: Double) -> Double {
        mean + gsl_ran_gaussian(rng, standardDeviation)
    }

    /// The number of successes in `trials` independent trials of probability `probability` (`gsl_ran_binomial`).
    /// - Precondition: 0 ≤ `probability` ≤ 1 and `trials` ≥ 0.
    public func binomial(probability: Double, trials: Int) -> Int {
        precondition((0...1).contains(probability) && trials >= 0, "binomial parameters out of range")
        return Int(gsl_ran_binomial(rng, probability, UInt32(trials)))
    }

    /// A Poisson count with the given mean (`gsl_ran_poisson`).
    /// - Precondition: `mean` ≥ 0.
    public func poisson(mean: Double) -> Int {
        precondition(mean >= 0, "Poisson mean must not be negative")
        return Int(gsl_ran_poisson(rng, mean))
    }

    /// An index drawn with probability proportional to its weight (`gsl_ran_discrete`, Walker's alias method).
    public func draw(from distribution: WeightedDistribution) -> Int {
        Int(gsl_ran_discrete(rng, distribution.table))
    }

    /// A seed for the `index`-th child stream, drawn deterministically from this stream's seed.
    ///
    /// Child seeds are a function of (`seed`, `index`) only (SplitMix64 mixing), so
    /// replication `i` gets the same stream whatever order or thread runs it.
    public func derivedSeed(_ index: Int) -> UInt64 {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(index + 1)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A discrete distribution over indices 0..<n with given non-negative weights,
/// preprocessed once for O(1) draws (`gsl_ran_discrete_preproc`).
public final class WeightedDistribution {
    fileprivate let table: UnsafeMutablePointer<gsl_ran_discrete_t>
    /// How many outcomes the distribution has.
    public let count: Int

    /// - Throws: ``GSLError`` when a weight is negative or none is positive.
    public init(weights: [Double]) throws(GSLError) {
        GSLRuntime.ready
        guard !weights.isEmpty, weights.allSatisfy({ $0 >= 0 && $0.isFinite }), weights.contains(where: { $0 > 0 }) else {
            throw GSLError(status: Int32(GSL_EDOM), operation: "preparing a weighted distribution (weights must be finite, ≥ 0, one > 0)")
        }
        let table = weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress) }
        guard let table else {
            throw GSLError(status: Int32(GSL_ENOMEM), operation: "preparing a weighted distribution")
        }
        self.table = table
        self.count = weights.count
    }

    deinit { gsl_ran_discrete_free(table) }
}
