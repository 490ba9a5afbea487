import GSL

/// First-order and total-order Sobol indices of one parameter, with bootstrap 95 % intervals.
///
/// The first-order index S1 is the share of the output's variance explained by the parameter alone,
/// V(E[Y | X_i]) / V(Y); the total-order index ST the share that disappears only when the parameter is
/// fixed, E(V[Y | X_~i]) / V(Y), its interactions included. ST ≥ S1; ST − S1 measures interactions; ST ≈ 0
/// means the parameter can be fixed anywhere in its range.
public struct SobolIndex: Sendable, Equatable {
    /// The parameter's position in the design (0-based).
    public var parameter: Int
    /// The first-order index and its interval.
    public var firstOrder: Double
    public var firstOrderInterval: BootstrapInterval
    /// The total-order index and its interval.
    public var totalOrder: Double
    public var totalOrderInterval: BootstrapInterval
}

/// Sobol indices estimated from a model's outputs at a ``SobolDesign``'s points.
public enum SobolEstimator {
    /// The indices of every parameter from `outputs`, the model's values at `design.points`, in order.
    ///
    /// With f_A, f_B and f_ABi the outputs at the rows of A, B and A_B^(i), and V the variance of the 2N
    /// values of f_A and f_B (divisor 2N):
    /// - first order (Saltelli et al. 2010, Table 2 (b)): S1_i = (1/N) Σ_j f_B(j)·(f_ABi(j) − f_A(j)) / V;
    /// - total order (Jansen 1999, in Saltelli et al. 2010, Table 2 (f)): ST_i = (1/2N) Σ_j (f_A(j) − f_ABi(j))² / V.
    ///
    /// The intervals resample the N rows j with replacement (each resample takes the same rows of A, B
    /// and every A_B^(i)) and recompute both indices, V included: the 2.5 % and 97.5 % percentiles.
    /// - Throws: `GSLError` (`GSL_EINVAL`) when `outputs` is not one finite value per point or V is 0 (a
    ///   constant output has no indices).
    /// - Complexity: O(N·k·resamples).
    public static func indices(design: SobolDesign, outputs: [Double], bootstrap: BootstrapResampler) throws(GSLError) -> [SobolIndex] {
        let n = design.baseSamples, k = design.parameterCount
        guard outputs.count == n * (k + 2), outputs.allSatisfy(\.isFinite) else {
            throw GSLError.invalidArgument("Sobol indices from \(outputs.count) outputs (the design has \(n * (k + 2)) points, each needs a finite output)")
        }
        let fA = Array(outputs[0..<n]), fB = Array(outputs[n..<(2 * n)])
        let fAB = (0..<k).map { i in Array(outputs[design.pointIndex(mixed: i, row: 0)..<design.pointIndex(mixed: i, row: 0) + n]) }
        let rows = Array(0..<n)
        guard let estimate = estimates(fA, fB, fAB, rows: rows) else {
            throw GSLError.invalidArgument("Sobol indices of an output with no variance (every run gave the same value)")
        }
        // A resample whose outputs are all equal (possible for a tiny N) has no indices: it is left out.
        let intervals = try bootstrap.intervals(count: n) { resample in estimates(fA, fB, fAB, rows: resample) }
        return (0..<k).map { i in
            SobolIndex(parameter: i, firstOrder: estimate[i], firstOrderInterval: intervals[i],
                       totalOrder: estimate[k + i], totalOrderInterval: intervals[k + i])
        }
    }

    /// [S1_0, …, S1_{k−1}, ST_0, …, ST_{k−1}] over the rows `rows` (repeats allowed); nil when V = 0.
    ///
    /// f_B is centred on the mean m of f_A and f_B before the first-order sum: Σ (f_B − m)(f_ABi − f_A) has the
    /// same expectation (E[f_ABi − f_A] = 0) and far less noise when the output's mean is large beside its spread.
    static func estimates(_ fA: [Double], _ fB: [Double], _ fAB: [[Double]], rows: [Int]) -> [Double]? {
        let n = Double(rows.count)
        var sum = 0.0
        for j in rows { sum += fA[j] + fB[j] }
        let mean = sum / (2 * n)
        var squares = 0.0
        for j in rows { squares += (fA[j] - mean) * (fA[j] - mean) + (fB[j] - mean) * (fB[j] - mean) }
        let variance = squares / (2 * n)
        guard variance > 0 else { return nil }
        var first: [Double] = [], total: [Double] = []
        for f in fAB {
            var s1 = 0.0, st = 0.0
            for j in rows {
                s1 += (fB[j] - mean) * (f[j] - fA[j])
                let d = fA[j] - f[j]
                st += d * d
            }
            first.append(s1 / n / variance)
            total.append(st / (2 * n) / variance)
        }
        return first + total
    }

    /// The indices of `model` over the unit cube: the design's points run in order, then ``indices(design:outputs:bootstrap:)``.
    /// - Throws: `GSLError` as the design and the estimator do.
    public static func indices(parameterCount: Int, baseSamples: Int, bootstrap: BootstrapResampler,
                               model: ([Double]) -> Double) throws(GSLError) -> [SobolIndex] {
        let design = try SobolDesign(parameterCount: parameterCount, baseSamples: baseSamples)
        return try indices(design: design, outputs: design.points.map(model), bootstrap: bootstrap)
    }
}
