import GSL

/// Morris's screening measures of one parameter over r elementary effects, with a bootstrap 95 %
/// interval on μ*.
///
/// An elementary effect is the change of the output when the parameter alone moves by Δ of its range,
/// divided by that move: EE = (y(x + Δe_i) − y(x)) / Δ, in output units per whole range. μ is their mean,
/// μ* the mean of their absolute values (Campolongo et al. 2007; it ranks parameters by overall
/// influence even when effects of opposite signs cancel in μ), σ their standard deviation (n − 1), large
/// when the effect depends on where the others are: interactions or non-linearity.
public struct MorrisEffect: Sendable, Equatable {
    /// The parameter's position in the design (0-based).
    public var parameter: Int
    public var mu: Double
    public var muStar: Double
    public var sigma: Double
    /// The percentile interval of μ*, resampling the trajectories.
    public var muStarInterval: BootstrapInterval
}

/// Morris's measures from a model's outputs at a ``MorrisDesign``'s points.
public enum MorrisEstimator {
    /// The elementary effects of each parameter, one per trajectory, from `outputs` (the model's values at
    /// `design.points`, in order): `effects[i][t]` is parameter i's effect in trajectory t.
    /// - Throws: `GSLError` (`GSL_EINVAL`) when `outputs` is not one finite value per point.
    public static func elementaryEffects(design: MorrisDesign, outputs: [Double]) throws(GSLError) -> [[Double]] {
        let k = design.parameterCount
        guard outputs.count == design.trajectories.count * (k + 1), outputs.allSatisfy(\.isFinite) else {
            throw GSLError.invalidArgument("Morris effects from \(outputs.count) outputs (the design has \(design.trajectories.count * (k + 1)) points, each needs a finite output)")
        }
        var effects = [[Double]](repeating: [], count: k)
        for (t, trajectory) in design.trajectories.enumerated() {
            let start = t * (k + 1)
            for (s, step) in trajectory.steps.enumerated() {
                effects[step.parameter].append((outputs[start + s + 1] - outputs[start + s]) / step.change)
            }
        }
        return effects
    }

    /// μ, μ* and σ of every parameter, and μ*'s bootstrap interval (resampling the r trajectories with replacement).
    /// - Throws: `GSLError` as ``elementaryEffects(design:outputs:)``.
    /// - Complexity: O(r·k·resamples).
    public static func effects(design: MorrisDesign, outputs: [Double], bootstrap: BootstrapResampler) throws(GSLError) -> [MorrisEffect] {
        let effects = try elementaryEffects(design: design, outputs: outputs)
        let r = design.trajectories.count
        let intervals = try bootstrap.intervals(count: r) { rows in
            effects.map { ee in rows.reduce(0) { $0 + abs(ee[$1]) } / Double(rows.count) }
        }
        return try effects.enumerated().map { i, ee throws(GSLError) in
            MorrisEffect(parameter: i, mu: try Statistics.mean(ee), muStar: try Statistics.mean(ee.map(abs)),
                         sigma: try Statistics.standardDeviation(ee), muStarInterval: intervals[i])
        }
    }

    /// The measures of `model` over the unit cube: the design's points run in order, then ``effects(design:outputs:bootstrap:)``.
    /// - Throws: `GSLError` as the design and the estimator do.
    public static func effects(parameterCount: Int, trajectories: Int, levels: Int = MorrisDesign.defaultLevels, seed: UInt64,
                               bootstrap: BootstrapResampler, model: ([Double]) -> Double) throws(GSLError) -> [MorrisEffect] {
        let design = try MorrisDesign(parameterCount: parameterCount, trajectories: trajectories, levels: levels, seed: seed)
        return try effects(design: design, outputs: design.points.map(model), bootstrap: bootstrap)
    }
}
