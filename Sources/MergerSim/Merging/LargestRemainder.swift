/// Whole-number apportionment by the largest-remainder (Hamilton) method.
public enum LargestRemainder {
    /// Splits `total` into parts proportional to `weights`, summing to `total` exactly.
    ///
    /// Each part gets ⌊total·wᵢ/Σw⌋; the units left over go one each to the
    /// largest remainders, ties to the earlier index, so the result is
    /// deterministic. Exact integer arithmetic (weights are whole numbers,
    /// e.g. shares in millionths).
    ///
    /// - Precondition: weights ≥ 0 with a positive sum; total ≥ 0.
    /// - Complexity: O(n log n).
    public static func apportion(_ total: Int64, weights: [Int64]) -> [Int64] {
        let sum = weights.reduce(0, +)
        precondition(sum > 0 && total >= 0 && weights.allSatisfy { $0 >= 0 }, "apportionment needs non-negative weights with a positive sum")
        var parts: [Int64] = []
        var remainders: [(remainder: Int64, index: Int)] = []
        parts.reserveCapacity(weights.count)
        for (i, weight) in weights.enumerated() {
            let (quotient, remainder) = Self.multipliedDivided(total, weight, sum)
            parts.append(quotient)
            remainders.append((remainder, i))
        }
        var left = total - parts.reduce(0, +)
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        for entry in remainders where left > 0 {
            parts[entry.index] += 1
            left -= 1
        }
        return parts
    }

    /// (a·b) / c and its remainder without overflow for a, b < 2⁶².
    private static func multipliedDivided(_ a: Int64, _ b: Int64, _ c: Int64) -> (Int64, Int64) {
        let product = a.multipliedFullWidth(by: b)
        let (quotient, remainder) = c.dividingFullWidth(product)
        return (quotient, remainder)
    }
}
