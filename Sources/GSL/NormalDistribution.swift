import CGSL

/// The standard normal distribution's cumulative distribution function and its inverse, from GSL.
public enum NormalDistribution {
    /// Φ(x), the probability that a standard normal draw is at most `x` (`gsl_cdf_ugaussian_P`).
    public static func cdf(_ x: Double) -> Double { gsl_cdf_ugaussian_P(x) }

    /// Φ⁻¹(p), the standard normal quantile at probability `p` (`gsl_cdf_ugaussian_Pinv`):
    /// 1.959964 at p = 0.975; −∞ at 0 and +∞ at 1.
    /// - Precondition: 0 ≤ `p` ≤ 1.
    public static func quantile(_ p: Double) -> Double {
        precondition((0...1).contains(p), "normal quantile at p = \(p), outside [0, 1]")
        return gsl_cdf_ugaussian_Pinv(p)
    }
}
