import CGSL

/// Descriptive statistics of a sample, computed by GSL (`gsl_statistics_double`).
public enum Statistics {
    /// The arithmetic mean (`gsl_stats_mean`).
    public static func mean(_ sample: [Double]) throws(GSLError) -> Double {
        try requireValues(sample, "mean")
        return sample.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// The sample standard deviation, with n − 1 in the denominator (`gsl_stats_sd`).
    /// A single value has standard deviation 0.
    public static func standardDeviation(_ sample: [Double]) throws(GSLError) -> Double {
        try requireValues(sample, "standard deviation")
        guard sample.count > 1 else { return 0 }
        return sample.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
    }

    /// The quantile at fraction `p` ∈ [0, 1], by linear interpolation between
    /// order statistics: (n − 1)·p (`gsl_stats_quantile_from_sorted_data`).
    public static func quantile(_ sample: [Double], _ p: Double) throws(GSLError) -> Double {
        try quantiles(sample, [p])[0]
    }

    /// Several quantiles of one sample, sorting it once.
    public static func quantiles(_ sample: [Double], _ fractions: [Double]) throws(GSLError) -> [Double] {
        try requireValues(sample, "quantile")
        guard fractions.allSatisfy({ (0...1).contains($0) }) else {
            throw GSLError(status: Int32(GSL_EDOM), operation: "quantile fraction outside [0, 1]")
        }
        var sorted = sample
        sorted.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        return sorted.withUnsafeBufferPointer { buffer in
            fractions.map { gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, $0) }
        }
    }

    /// The quantile at probability `p` ∈ (0, 1) of Student's t distribution with `degreesOfFreedom` > 0
    /// (`gsl_cdf_tdist_Pinv`): 12.706 at p = 0.975 with 1, 1.960 in the limit of many.
    public static func studentTQuantile(_ p: Double, degreesOfFreedom: Double) throws(GSLError) -> Double {
        GSLRuntime.ready
        guard p > 0, p < 1, degreesOfFreedom > 0, degreesOfFreedom.isFinite else {
            throw GSLError(status: Int32(GSL_EDOM), operation: "t quantile at p = \(p) with \(degreesOfFreedom) degrees of freedom")
        }
        let value = gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
        guard value.isFinite else { throw GSLError(status: Int32(GSL_EDOM), operation: "t quantile at p = \(p)") }
        return value
    }

    private static func requireValues(_ sample: [Double], _ what: String) throws(GSLError) {
        GSLRuntime.ready
        guard !sample.isEmpty else { throw GSLError(status: Int32(GSL_EBADLEN), operation: "\(what) of an empty sample") }
        guard sample.allSatisfy(\.isFinite) else { throw GSLError(status: Int32(GSL_EDOM), operation: "\(what) of a sample with NaN or infinity") }
    }
}
