import Foundation
import GSL

/// The settings of a sweep: which values each varied key takes in each setting, as a full grid or
/// a Latin hypercube sample, each setting then run once per seed.
///
/// Values stay text (YAML scalars), since each becomes a `--set KEY=VALUE` override and is checked
/// exactly as a scenario or rule file's value would be.
public struct SweepDesign: Sendable, Equatable {
    /// One varied key: a list of values, or a range to sample (Latin hypercube only).
    public struct Factor: Sendable, Equatable {
        public var key: String
        public var values: Values

        public init(key: String, values: Values) {
            self.key = key
            self.values = values
        }
    }

    public enum Values: Sendable, Equatable {
        case list([String])
        /// A continuous range [min, max]; `whole` rounds each draw to a whole number (both ends written as integers).
        case range(min: Double, max: Double, whole: Bool)
    }

    public let factors: [Factor]
    /// One value per factor, in the factors' order, per setting.
    public let settings: [[String]]

    /// Every combination of the factors' lists, the last factor varying fastest.
    /// - Precondition: every factor is a non-empty list (the sweep file's reader refuses others).
    public static func grid(_ factors: [Factor]) -> SweepDesign {
        var settings: [[String]] = [[]]
        for factor in factors {
            guard case .list(let values) = factor.values else { preconditionFailure("a grid varies lists only") }
            settings = settings.flatMap { prefix in values.map { prefix + [$0] } }
        }
        return SweepDesign(factors: factors, settings: settings)
    }

    /// `n` settings by Latin hypercube sampling: each factor's range (or list) cut into `n` equal
    /// strata, each stratum used exactly once, the strata of different factors paired by independent
    /// random permutations, and a uniform point within each stratum; all from `random`.
    ///
    /// A range gives min + u·(max − min); a list gives the value at ⌊u·count⌋, so each value of a
    /// list of k is used ⌊n/k⌋ or ⌈n/k⌉ times.
    /// - Complexity: O(n · factors).
    public static func latinHypercube(_ factors: [Factor], count n: Int, random: RandomSource) -> SweepDesign {
        var columns: [[String]] = []
        for factor in factors {
            var strata = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { strata.swapAt(i, random.uniformInteger(below: i + 1)) }
            columns.append(strata.map { stratum in
                let u = (Double(stratum) + random.uniform()) / Double(n)
                switch factor.values {
                case .list(let values):
                    return values[min(values.count - 1, Int(u * Double(values.count)))]
                case .range(let low, let high, let whole):
                    let x = low + u * (high - low)
                    return whole ? String(Int(x.rounded())) : String(format: "%.6g", x)
                }
            })
        }
        return SweepDesign(factors: factors, settings: (0..<n).map { i in columns.map { $0[i] } })
    }
}
