import CGSL

/// Unconstrained minimisation of a smooth or non-smooth function of n variables,
/// with GSL's multidimensional minimisers (`gsl_multimin`).
///
/// - ``minimise(_:from:gradient:options:)``: `vector_bfgs2` (Fletcher's
///   BFGS with a cubic line search); needs the gradient; stops when
///   ‖∇f‖ < `gradientTolerance` (`gsl_multimin_test_gradient`).
/// - ``minimise(_:from:stepSizes:options:)``: `nmsimplex2` (Nelder–Mead);
///   needs no gradient; stops when the simplex's size < `sizeTolerance`
///   (`gsl_multimin_test_size`).
///
/// GSL minimisers are unconstrained: bounds are expressed by a change of
/// variables, constraints by penalties, in the caller's objective.
public enum Minimiser {
    /// When to stop iterating, and how the first steps are taken.
    public struct Options: Sendable, Equatable {
        public var maxIterations: Int
        /// BFGS: stop when the gradient's Euclidean norm is below this.
        public var gradientTolerance: Double
        /// BFGS: size of the first trial step.
        public var initialStep: Double
        /// BFGS: accuracy of the line search (GSL recommends 0.1).
        public var lineTolerance: Double
        /// Simplex: stop when the simplex's characteristic size is below this.
        public var sizeTolerance: Double

        public init(maxIterations: Int = 1_000, gradientTolerance: Double = 1e-8, initialStep: Double = 0.01,
                    lineTolerance: Double = 0.1, sizeTolerance: Double = 1e-8) {
            self.maxIterations = maxIterations
            self.gradientTolerance = gradientTolerance
            self.initialStep = initialStep
            self.lineTolerance = lineTolerance
            self.sizeTolerance = sizeTolerance
        }
    }

    /// Where a minimisation ended.
    public struct Result: Sendable, Equatable {
        /// The best point found.
        public let point: [Double]
        /// The function's value there.
        public let value: Double
        public let iterations: Int
        /// Whether the stopping test was met (rather than the iteration limit,
        /// or a line search that could make no further progress).
        public let converged: Bool
    }

    /// Minimises `function` from `start` with `vector_bfgs2`, given its `gradient`.
    ///
    /// - Parameters:
    ///   - function: f(x).
    ///   - gradient: writes ∇f(x) into its second argument (of the same length as x).
    public static func minimise(
        _ function: ([Double]) -> Double,
        from start: [Double],
        gradient: ([Double], inout [Double]) -> Void,
        options: Options = Options()
    ) throws(GSLError) -> Result {
        GSLRuntime.ready
        let n = start.count
        guard n > 0 else { throw GSLError(status: Int32(GSL_EBADLEN), operation: "vector_bfgs2 with no variables") }
        return try withoutActuallyEscaping(function) { f throws(GSLError) in
            try withoutActuallyEscaping(gradient) { g throws(GSLError) in
                let problem = SmoothProblem(function: f, gradient: g, dimension: n)
                return try problem.withCFunction { cFunction throws(GSLError) in
                    try runBFGS(cFunction, start: start, options: options)
                }
            }
        }
    }

    /// Minimises `function` from `start` with the Nelder–Mead simplex `nmsimplex2`.
    ///
    /// - Parameter stepSizes: the initial simplex's extent along each axis (default 1 each).
    public static func minimise(
        _ function: ([Double]) -> Double,
        from start: [Double],
        stepSizes: [Double]? = nil,
        options: Options = Options()
    ) throws(GSLError) -> Result {
        GSLRuntime.ready
        let n = start.count
        guard n > 0 else { throw GSLError(status: Int32(GSL_EBADLEN), operation: "nmsimplex2 with no variables") }
        let steps = stepSizes ?? Array(repeating: 1, count: n)
        guard steps.count == n else { throw GSLError(status: Int32(GSL_EBADLEN), operation: "nmsimplex2 step sizes of the wrong length") }
        return try withoutActuallyEscaping(function) { f throws(GSLError) in
            let problem = SmoothProblem(function: f, gradient: { _, _ in }, dimension: n)
            return try problem.withCFunction { _ throws(GSLError) in
                try runSimplex(problem, start: start, steps: steps, options: options)
            }
        }
    }

    private static func runBFGS(
        _ cFunction: UnsafeMutablePointer<gsl_multimin_function_fdf>, start: [Double], options: Options
    ) throws(GSLError) -> Result {
        let n = start.count
        guard let minimizer = gsl_multimin_fdfminimizer_alloc(cgsl_fdfminimizer_vector_bfgs2(), n) else {
            throw GSLError(status: Int32(GSL_ENOMEM), operation: "allocating vector_bfgs2")
        }
        defer { gsl_multimin_fdfminimizer_free(minimizer) }
        let x = try GSLVector(start)
        try GSLRuntime.check(
            gsl_multimin_fdfminimizer_set(minimizer, cFunction, x.pointer, options.initialStep, options.lineTolerance),
            "starting vector_bfgs2")
        var iterations = 0
        var converged = false
        while iterations < options.maxIterations {
            iterations += 1
            let status = gsl_multimin_fdfminimizer_iterate(minimizer)
            // GSL_ENOPROG: the line search cannot improve further; the point is as good as it gets.
            if status == Int32(GSL_ENOPROG) {
                converged = gsl_multimin_test_gradient(minimizer.pointee.gradient, options.gradientTolerance * 1e3) == GSLRuntime.success
                break
            }
            try GSLRuntime.check(status, "iterating vector_bfgs2")
            if gsl_multimin_test_gradient(minimizer.pointee.gradient, options.gradientTolerance) == GSLRuntime.success {
                converged = true
                break
            }
        }
        return Result(point: GSLVector.array(minimizer.pointee.x), value: minimizer.pointee.f,
                      iterations: iterations, converged: converged)
    }

    private static func runSimplex(
        _ problem: SmoothProblem, start: [Double], steps: [Double], options: Options
    ) throws(GSLError) -> Result {
        let n = start.count
        guard let minimizer = gsl_multimin_fminimizer_alloc(cgsl_fminimizer_nmsimplex2(), n) else {
            throw GSLError(status: Int32(GSL_ENOMEM), operation: "allocating nmsimplex2")
        }
        defer { gsl_multimin_fminimizer_free(minimizer) }
        let x = try GSLVector(start)
        let stepVector = try GSLVector(steps)
        let cFunction = UnsafeMutablePointer<gsl_multimin_function>.allocate(capacity: 1)
        defer { cFunction.deallocate() }
        cFunction.initialize(to: gsl_multimin_function(f: SmoothProblem.valueCallback, n: n, params: problem.context))
        try GSLRuntime.check(gsl_multimin_fminimizer_set(minimizer, cFunction, x.pointer, stepVector.pointer), "starting nmsimplex2")
        var iterations = 0
        var converged = false
        while iterations < options.maxIterations {
            iterations += 1
            try GSLRuntime.check(gsl_multimin_fminimizer_iterate(minimizer), "iterating nmsimplex2")
            let size = gsl_multimin_fminimizer_size(minimizer)
            if gsl_multimin_test_size(size, options.sizeTolerance) == GSLRuntime.success {
                converged = true
                break
            }
        }
        return Result(point: GSLVector.array(minimizer.pointee.x), value: minimizer.pointee.fval,
                      iterations: iterations, converged: converged)
    }
}
