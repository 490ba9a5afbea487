import Testing
@testable import GSL

struct MinimiserTests {
    /// Rosenbrock's function: minimum 0 at (1, 1).
    static func rosenbrock(_ x: [Double]) -> Double {
        let a = 1 - x[0], b = x[1] - x[0] * x[0]
        return a * a + 100 * b * b
    }

    static func rosenbrockGradient(_ x: [Double], _ g: inout [Double]) {
        g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] * x[0])
        g[1] = 200 * (x[1] - x[0] * x[0])
    }

    @Test func bfgs2FindsRosenbrocksMinimum() throws {
        let result = try Minimiser.minimise(Self.rosenbrock, from: [-1.2, 1], gradient: Self.rosenbrockGradient,
                                            options: .init(maxIterations: 500, gradientTolerance: 1e-6))
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-4 && abs(result.point[1] - 1) < 1e-4)
        #expect(result.value < 1e-8)
    }

    @Test func bfgs2FindsAShiftedQuadraticsCentre() throws {
        let centre = [3.0, -2.0, 0.5]
        let f: ([Double]) -> Double = { x in zip(x, centre).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
        let result = try Minimiser.minimise(f, from: [0, 0, 0], gradient: { x, g in
            for i in x.indices { g[i] = 2 * (x[i] - centre[i]) }
        })
        #expect(result.converged)
        for (found, expected) in zip(result.point, centre) { #expect(abs(found - expected) < 1e-6) }
    }

    @Test func nmsimplex2FindsRosenbrocksMinimumWithoutAGradient() throws {
        let result = try Minimiser.minimise(Self.rosenbrock, from: [-1.2, 1], stepSizes: [0.5, 0.5],
                                            options: .init(maxIterations: 5_000, sizeTolerance: 1e-8))
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-3 && abs(result.point[1] - 1) < 1e-3)
    }

    @Test func nmsimplex2FindsAQuarticsMinimum() throws {
        // (x − 2)⁴ + (y + 1)² + (x − 2)²(y + 1)²: minimum 0 at (2, −1), flat along x.
        let f: ([Double]) -> Double = { x in
            let a = x[0] - 2, b = x[1] + 1
            return a * a * a * a + b * b + a * a * b * b
        }
        let result = try Minimiser.minimise(f, from: [0, 0], options: .init(maxIterations: 5_000, sizeTolerance: 1e-6))
        #expect(result.converged)
        #expect(abs(result.point[0] - 2) < 1e-2 && abs(result.point[1] + 1) < 1e-4, "\(result)")
    }

    @Test func iterationLimitIsReportedAsNotConverged() throws {
        let result = try Minimiser.minimise(Self.rosenbrock, from: [-1.2, 1], options: .init(maxIterations: 3))
        #expect(!result.converged)
        #expect(result.iterations == 3)
    }

    @Test func noVariablesIsAnError() {
        #expect(throws: GSLError.self) { try Minimiser.minimise({ _ in 0 }, from: []) }
    }
}
