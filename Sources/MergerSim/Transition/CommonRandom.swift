/// Common random numbers for the transition: every draw is a function of (seed, replication, person,
/// year, purpose) alone, not of the order in which draws are made.
///
/// Two scenarios that differ only in settings (transfer scope, envelopes, uptakes) therefore give the
/// same person the same draw in the same year of the same replication, so the paired differences
/// between them carry little Monte Carlo noise (the method of common random numbers). The mixer is
/// SplitMix64's finaliser (Steele, Lea & Flood 2014) applied to a key that combines the five counters
/// with odd multipliers; its 53 high bits make a uniform double in [0, 1).
public struct CommonRandom: Sendable, Hashable {
    public let seed: UInt64
    public let replication: UInt64
    /// The part of every key that depends on the seed and replication alone.
    private let base: UInt64

    /// What a draw is for, so the draws of one person in one year are independent.
    public enum Purpose: UInt64, Sendable {
        case voluntaryExit = 1, earlyRetirementOffer, resignationOffer, endOfPostOffer
    }

    public init(seed: UInt64, replication: Int) {
        self.seed = seed
        self.replication = UInt64(truncatingIfNeeded: replication)
        base = seed &+ self.replication &* 0x9E37_79B9_7F4A_7C15
    }

    /// A uniform draw in [0, 1) for `person` in `year` (0 when the draw is not tied to a year).
    @inline(__always)
    public func uniform(person: Int, year: Int, _ purpose: Purpose) -> Double {
        var z = base
        z ^= UInt64(truncatingIfNeeded: person) &* 0xBF58_476D_1CE4_E5B9
        z ^= UInt64(truncatingIfNeeded: year) &* 0x94D0_49BB_1331_11EB
        z ^= purpose.rawValue &* 0xD6E8_FEB8_6659_FD93
        z = Self.mix(z)
        return Double(z >> 11) * 0x1.0p-53
    }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
