import CGSL

/// The Swift closures of a minimisation, reachable from GSL's C callbacks.
///
/// GSL calls non-capturing C function pointers with a `void *params`; this
/// object travels there (retained for the duration of the minimisation) and
/// the callbacks read it back to call the Swift closures.
final class SmoothProblem {
    let function: ([Double]) -> Double
    let gradient: ([Double], inout [Double]) -> Void
    let dimension: Int
    private var unmanaged: Unmanaged<SmoothProblem>?

    init(function: @escaping ([Double]) -> Double, gradient: @escaping ([Double], inout [Double]) -> Void, dimension: Int) {
        self.function = function
        self.gradient = gradient
        self.dimension = dimension
    }

    /// The opaque pointer handed to GSL as `params`; valid inside ``withCFunction(_:)``.
    var context: UnsafeMutableRawPointer { unmanaged!.toOpaque() }

    /// Runs `body` with a `gsl_multimin_function_fdf` that stays allocated (GSL keeps
    /// the pointer passed to `_set`) and this object retained, then frees both.
    func withCFunction<R>(_ body: (UnsafeMutablePointer<gsl_multimin_function_fdf>) throws(GSLError) -> R) throws(GSLError) -> R {
        unmanaged = Unmanaged.passRetained(self)
        let cFunction = UnsafeMutablePointer<gsl_multimin_function_fdf>.allocate(capacity: 1)
        defer {
            cFunction.deallocate()
            unmanaged?.release()
            unmanaged = nil
        }
        cFunction.initialize(to: gsl_multimin_function_fdf(
            f: Self.valueCallback, df: Self.gradientCallback, fdf: Self.valueAndGradientCallback,
            n: dimension, params: context))
        return try body(cFunction)
    }

    private static func problem(_ params: UnsafeMutableRawPointer?) -> SmoothProblem {
        Unmanaged<SmoothProblem>.fromOpaque(params!).takeUnretainedValue()
    }

    static let valueCallback: @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?) -> Double = { x, params in
        let problem = problem(params)
        return problem.function(GSLVector.array(x))
    }

    static let gradientCallback: @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<gsl_vector>?) -> Void = { x, params, g in
        let problem = problem(params)
        var gradient = [Double](repeating: 0, count: problem.dimension)
        problem.gradient(GSLVector.array(x), &gradient)
        GSLVector.store(gradient, into: g)
    }

    static let valueAndGradientCallback: @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<gsl_vector>?) -> Void = { x, params, f, g in
        let problem = problem(params)
        let point = GSLVector.array(x)
        f?.pointee = problem.function(point)
        var gradient = [Double](repeating: 0, count: problem.dimension)
        problem.gradient(point, &gradient)
        GSLVector.store(gradient, into: g)
    }
}

/// An owned `gsl_vector`, copied from and to Swift arrays.
final class GSLVector {
    let pointer: UnsafeMutablePointer<gsl_vector>

    init(_ values: [Double]) throws(GSLError) {
        guard let pointer = gsl_vector_alloc(values.count) else {
            throw GSLError(status: Int32(GSL_ENOMEM), operation: "allocating a vector of \(values.count)")
        }
        self.pointer = pointer
        Self.store(values, into: pointer)
    }

    deinit { gsl_vector_free(pointer) }

    static func array(_ vector: UnsafePointer<gsl_vector>?) -> [Double] {
        guard let vector else { return [] }
        return (0..<vector.pointee.size).map { gsl_vector_get(vector, $0) }
    }

    static func store(_ values: [Double], into vector: UnsafeMutablePointer<gsl_vector>?) {
        guard let vector else { return }
        for (i, value) in values.enumerated() where i < vector.pointee.size {
            gsl_vector_set(vector, i, value)
        }
    }
}
