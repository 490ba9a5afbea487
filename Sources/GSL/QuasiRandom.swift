import CGSL

/// Sobol's low-discrepancy sequence in the unit cube [0, 1)^d, from GSL (`gsl_qrng_sobol`, the
/// Antonov–Saleev Gray-code construction with Bratley and Fox's direction numbers).
///
/// Unlike a random stream, the points fill the cube evenly: the first 2^m points of each coordinate
/// (from the origin) are the 2^m dyadic fractions j/2^m, so an integral over the cube converges about as 1/n rather than 1/√n.
/// GSL leaves out the origin and starts at the cube's centre (0.5, …, 0.5). The sequence is deterministic:
/// two sequences of the same dimension give the same points.
///
/// A sequence is a mutable stream, not shared between threads.
public final class SobolSequence {
    private let generator: UnsafeMutablePointer<gsl_qrng>
    /// The dimension d of every point.
    public let dimensions: Int

    /// The largest dimension GSL's Sobol generator supports (its direction numbers go up to 40).
    public static var maxDimensions: Int { Int(cgsl_qrng_sobol().pointee.max_dimension) }

    /// A Sobol sequence of points with `dimensions` coordinates.
    ///
    /// GSL's `gsl_qrng_alloc` does not refuse an unsupported dimension (it ignores its
    /// initialiser's status and returns a generator that would give garbage), so the dimension is
    /// checked here.
    /// - Throws: ``GSLError`` (`GSL_EINVAL`) unless 1 ≤ `dimensions` ≤ ``maxDimensions``;
    ///   (`GSL_ENOMEM`) when GSL cannot allocate the generator.
    public init(dimensions: Int) throws(GSLError) {
        GSLRuntime.ready
        guard (1...Self.maxDimensions).contains(dimensions) else {
            throw GSLError(status: Int32(GSL_EINVAL), operation: "a Sobol sequence of dimension \(dimensions) (GSL supports 1…\(Self.maxDimensions))")
        }
        guard let generator = gsl_qrng_alloc(cgsl_qrng_sobol(), UInt32(dimensions)) else {
            throw GSLError(status: Int32(GSL_ENOMEM), operation: "allocating a Sobol sequence of dimension \(dimensions)")
        }
        self.generator = generator
        self.dimensions = dimensions
    }

    deinit { gsl_qrng_free(generator) }

    /// The next point of the sequence (`gsl_qrng_get`), `dimensions` coordinates in [0, 1).
    /// - Throws: ``GSLError`` when GSL fails, e.g. once the sequence is exhausted (2^30 points).
    public func next() throws(GSLError) -> [Double] {
        var point = [Double](repeating: 0, count: dimensions)
        let status = point.withUnsafeMutableBufferPointer { gsl_qrng_get(generator, $0.baseAddress) }
        try GSLRuntime.check(status, "drawing the next point of a Sobol sequence")
        return point
    }

    /// The next `count` points, in order.
    /// - Throws: ``GSLError`` as ``next()``.
    public func next(_ count: Int) throws(GSLError) -> [[Double]] {
        var points: [[Double]] = []
        points.reserveCapacity(count)
        for _ in 0..<count { points.append(try next()) }
        return points
    }
}
