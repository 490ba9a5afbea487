import Foundation
import GSL
import Testing
@testable import MergerSim

/// Morris and Sobol estimators on functions whose answers are known in closed form, before any simulator.
struct GlobalSensitivityTests {
    // MARK: Ishigami (Ishigami and Homma 1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x ~ U[−π, π]³.

    static let a = 7.0, b = 0.1

    static func ishigami(_ u: [Double]) -> Double {
        let x = u.map { -Double.pi + 2 * Double.pi * $0 }
        return sin(x[0]) + a * pow(sin(x[1]), 2) + b * pow(x[2], 4) * sin(x[0])
    }

    /// The indices in closed form (Sobol' and Levitan 1999; Saltelli et al. 2008 §4.3): V1 = ½(1 + bπ⁴/5)², V2 = a²/8,
    /// V3 = 0, V13 = b²π⁸(1/18 − 1/50), V = V1 + V2 + V13.
    static var exact: (s1: [Double], st: [Double]) {
        let pi4 = pow(Double.pi, 4), pi8 = pow(Double.pi, 8)
        let v1 = 0.5 * pow(1 + b * pi4 / 5, 2), v2 = a * a / 8, v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50)
        let v = v1 + v2 + v13
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v])
    }

    @Test func ishigamiClosedFormIsThePublishedValues() {
        let e = Self.exact
        for (value, published) in zip(e.s1 + e.st, [0.314, 0.442, 0.000, 0.558, 0.442, 0.244]) {
            #expect(abs(value - published) < 0.0005)
        }
    }

    /// N = 2^13 rows (8 192 · 5 = 40 960 runs). Saltelli et al. (2010, Fig. 3) report errors of the Saltelli and Jansen
    /// estimators on quasi-random points below 10^−2 for N in the thousands; we allow 0.02 and check each interval.
    @Test func sobolIndicesOfIshigamiMatchTheClosedForm() throws {
        let indices = try SobolEstimator.indices(parameterCount: 3, baseSamples: 1 << 13, bootstrap: BootstrapResampler(resamples: 300, seed: 7),
                                                 model: Self.ishigami)
        let e = Self.exact
        for i in 0..<3 {
            #expect(abs(indices[i].firstOrder - e.s1[i]) < 0.02, "S1 of x\(i + 1): \(indices[i].firstOrder) against \(e.s1[i])")
            #expect(abs(indices[i].totalOrder - e.st[i]) < 0.02, "ST of x\(i + 1): \(indices[i].totalOrder) against \(e.st[i])")
            #expect(indices[i].firstOrderInterval.contains(e.s1[i]), "S1 interval of x\(i + 1): \(indices[i].firstOrderInterval)")
            #expect(indices[i].totalOrderInterval.contains(e.st[i]), "ST interval of x\(i + 1): \(indices[i].totalOrderInterval)")
            #expect(indices[i].firstOrderInterval.high - indices[i].firstOrderInterval.low < 0.2)
        }
    }

    /// A design's A and B are the two halves of one 2k-dimensional Sobol sequence; A_B^(i) mixes them in column i only.
    @Test func sobolDesignSplitsOneSequence() throws {
        let design = try SobolDesign(parameterCount: 2, baseSamples: 4)
        // The sequence's first point, the centre, is skipped: it would be row 0 of A, of B and of every A_B^(i) at once.
        let sequence = Array(try SobolSequence(dimensions: 4).next(5).dropFirst())
        #expect(design.a == sequence.map { Array($0[0..<2]) })
        #expect(design.b == sequence.map { Array($0[2..<4]) })
        let many = try SobolDesign(parameterCount: 3, baseSamples: 16)
        #expect(!many.points.contains([0.5, 0.5, 0.5]) && many.a[0] != many.b[0])
        #expect(design.points.count == 4 * (2 + 2))
        #expect(design.points[design.pointIndex(mixed: 1, row: 3)] == [design.a[3][0], design.b[3][1]])
        #expect(throws: GSLError.self) { try SobolDesign(parameterCount: 21, baseSamples: 8) }
        #expect(throws: GSLError.self) { try SobolDesign(parameterCount: 2, baseSamples: 1) }
    }

    /// y = 2·x1 + x2 (no interaction): S1 = ST = 4/5 and 1/5, the variance shares c_i² / Σ c_j².
    @Test func additiveFunctionHasFirstEqualToTotal() throws {
        let indices = try SobolEstimator.indices(parameterCount: 2, baseSamples: 1 << 12, bootstrap: BootstrapResampler(resamples: 100, seed: 1)) {
            2 * $0[0] + $0[1]
        }
        #expect(abs(indices[0].firstOrder - 0.8) < 0.01 && abs(indices[0].totalOrder - 0.8) < 0.01)
        #expect(abs(indices[1].firstOrder - 0.2) < 0.01 && abs(indices[1].totalOrder - 0.2) < 0.01)
    }

    @Test func constantOutputHasNoIndices() throws {
        let design = try SobolDesign(parameterCount: 2, baseSamples: 8)
        #expect(throws: GSLError.self) {
            try SobolEstimator.indices(design: design, outputs: [Double](repeating: 3, count: design.points.count), bootstrap: BootstrapResampler(seed: 1))
        }
        #expect(throws: GSLError.self) {
            try SobolEstimator.indices(design: design, outputs: [1, 2], bootstrap: BootstrapResampler(seed: 1))
        }
    }

    @Test func sameSeedSameIntervals() throws {
        let run = { (seed: UInt64) throws(GSLError) in
            try SobolEstimator.indices(parameterCount: 3, baseSamples: 256, bootstrap: BootstrapResampler(resamples: 200, seed: seed), model: Self.ishigami)
        }
        #expect(try run(11) == run(11))
        #expect(try run(11).map(\.firstOrderInterval) != run(12).map(\.firstOrderInterval))
    }

    // MARK: Morris

    /// Each trajectory is k + 1 points on the p-level grid, each move changing one coordinate by ±Δ = p/(2(p − 1)),
    /// every coordinate moving once.
    @Test func morrisTrajectoriesMoveOneCoordinateByDelta() throws {
        let design = try MorrisDesign(parameterCount: 5, trajectories: 30, levels: 4, seed: 3)
        #expect(design.delta == 4.0 / 6)
        #expect(design.points.count == 30 * 6)
        for trajectory in design.trajectories {
            #expect(Set(trajectory.steps.map(\.parameter)) == Set(0..<5))
            for (s, step) in trajectory.steps.enumerated() {
                let before = trajectory.points[s], after = trajectory.points[s + 1]
                let moved = (0..<5).filter { before[$0] != after[$0] }
                #expect(moved == [step.parameter])
                #expect(abs(abs(step.change) - 2.0 / 3) < 1e-15)
                #expect(after.allSatisfy { x in [0, 1.0 / 3, 2.0 / 3, 1].contains { abs($0 - x) < 1e-15 } })
            }
        }
    }

    /// y = Σ c_i·(low_i + range_i·u_i): every elementary effect is c_i·range_i, so μ = c_i·range_i, μ* = |c_i|·range_i, σ = 0.
    @Test func linearFunctionHasExactEffectsAndNoSpread() throws {
        let c = [3.0, -2.0, 0.5, 0], low = [10.0, 0, -1, 5], range = [4.0, 0.25, 2, 8]
        let effects = try MorrisEstimator.effects(parameterCount: 4, trajectories: 20, seed: 5, bootstrap: BootstrapResampler(resamples: 100, seed: 5)) { u in
            (0..<4).reduce(0) { $0 + c[$1] * (low[$1] + range[$1] * u[$1]) }
        }
        for i in 0..<4 {
            #expect(abs(effects[i].mu - c[i] * range[i]) < 1e-12)
            #expect(abs(effects[i].muStar - abs(c[i]) * range[i]) < 1e-12)
            #expect(effects[i].sigma < 1e-12)
            #expect(abs(effects[i].muStarInterval.low - abs(c[i]) * range[i]) < 1e-12)
            #expect(abs(effects[i].muStarInterval.high - abs(c[i]) * range[i]) < 1e-12)
        }
    }

    /// y = x1 + 4·x2·x3: x1's effect is always 1 (σ = 0); x2's is 4·x3 and x3's 4·x2, which vary with the other (σ > 0).
    @Test func interactionGivesSpread() throws {
        let effects = try MorrisEstimator.effects(parameterCount: 3, trajectories: 40, seed: 9, bootstrap: BootstrapResampler(resamples: 200, seed: 9)) {
            $0[0] + 4 * $0[1] * $0[2]
        }
        #expect(effects[0].sigma < 1e-12 && abs(effects[0].muStar - 1) < 1e-12)
        #expect(effects[1].sigma > 0.5 && effects[2].sigma > 0.5)
        // E|EE_2| = 4·E[x3] = 2 over the four levels; the interval should hold it.
        #expect(effects[1].muStarInterval.contains(2) && effects[2].muStarInterval.contains(2))
        #expect(effects[1].muStarInterval.low < effects[1].muStar && effects[1].muStar < effects[1].muStarInterval.high)
    }

    @Test func morrisSeedsReproduce() throws {
        #expect(try MorrisDesign(parameterCount: 4, trajectories: 10, seed: 42) == MorrisDesign(parameterCount: 4, trajectories: 10, seed: 42))
        #expect(try MorrisDesign(parameterCount: 4, trajectories: 10, seed: 42).points != MorrisDesign(parameterCount: 4, trajectories: 10, seed: 43).points)
        #expect(throws: GSLError.self) { try MorrisDesign(parameterCount: 2, trajectories: 10, levels: 5, seed: 1) }
        #expect(throws: GSLError.self) { try MorrisDesign(parameterCount: 2, trajectories: 1, seed: 1) }
    }
}
