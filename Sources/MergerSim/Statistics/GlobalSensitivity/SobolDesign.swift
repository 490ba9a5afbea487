import GSL

/// The points at which Saltelli's scheme evaluates a model to estimate Sobol indices of `k`
/// parameters, each scaled to [0, 1].
///
/// Two N × k matrices A and B are the two halves of one 2k-dimensional Sobol quasi-random sequence
/// (row j of A is the first k coordinates of point j, row j of B its last k), as Saltelli et al. (2010,
/// *Comput. Phys. Commun.* 181:259–270, §4) recommend over two independent sequences. For each
/// parameter i, A_B^(i) is A with its column i taken from B. The model is run at the rows of A, then
/// of B, then of A_B^(1), …, A_B^(k): N·(k + 2) points in all (``points``, in that order).
public struct SobolDesign: Sendable, Equatable {
    /// The number k of parameters.
    public let parameterCount: Int
    /// The number N of rows of A and of B.
    public let baseSamples: Int
    /// A and B, N rows of k coordinates each.
    public let a: [[Double]], b: [[Double]]

    /// The largest k: GSL's Sobol sequence has at most 40 dimensions and the design needs 2k.
    public static var maxParameters: Int { SobolSequence.maxDimensions / 2 }

    /// The design for `parameterCount` parameters and `baseSamples` rows.
    ///
    /// GSL's sequence starts at the cube's centre, which is skipped (as SALib does); the next `baseSamples`
    /// points are used as they come.
    /// - Throws: `GSLError` (`GSL_EINVAL`) unless 1 ≤ k ≤ ``maxParameters`` and N ≥ 2.
    public init(parameterCount: Int, baseSamples: Int) throws(GSLError) {
        guard (1...Self.maxParameters).contains(parameterCount), baseSamples >= 2 else {
            throw GSLError.invalidArgument("a Sobol design of \(parameterCount) parameters (1…\(Self.maxParameters)) and \(baseSamples) rows (at least 2)")
        }
        let sequence = try SobolSequence(dimensions: 2 * parameterCount)
        // The sequence's first point is the cube's centre in every dimension: row 0 of A, of B and of every A_B^(i)
        // would be one point, adding nothing to the sums while the variance counts it (indices low by (N − 1)/N).
        let rows = Array(try sequence.next(baseSamples + 1).dropFirst())
        self.parameterCount = parameterCount
        self.baseSamples = baseSamples
        a = rows.map { Array($0[0..<parameterCount]) }
        b = rows.map { Array($0[parameterCount...]) }
    }

    /// Row j of A_B^(i): row j of A with coordinate i from row j of B.
    public func mixed(_ i: Int, row j: Int) -> [Double] {
        var point = a[j]
        point[i] = b[j][i]
        return point
    }

    /// Every point the model runs at: A's rows, B's rows, then A_B^(i)'s rows for i = 0, …, k − 1.
    /// - Complexity: O(N·k²).
    public var points: [[Double]] {
        a + b + (0..<parameterCount).flatMap { i in (0..<baseSamples).map { mixed(i, row: $0) } }
    }

    /// The index in ``points`` of A_B^(i)'s row j.
    public func pointIndex(mixed i: Int, row j: Int) -> Int { (2 + i) * baseSamples + j }
}
