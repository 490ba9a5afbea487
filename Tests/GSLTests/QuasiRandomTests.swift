import Testing
@testable import GSL

struct QuasiRandomTests {
    /// The first points of GSL's three-dimensional Sobol sequence, printed by a C program calling
    /// `gsl_qrng_get` (GSL 2.7): the centre, then the quarters, then eighths.
    @Test func firstPointsMatchGSLFromC() throws {
        let sequence = try SobolSequence(dimensions: 3)
        let points = try sequence.next(5)
        #expect(points == [[0.5, 0.5, 0.5], [0.75, 0.25, 0.75], [0.25, 0.75, 0.25], [0.375, 0.375, 0.625], [0.875, 0.875, 0.125]])
    }

    /// GSL's `gsl_qrng_alloc` accepts dimension 0 or 41 and returns a broken generator: the wrapper refuses them.
    @Test func dimensionOutsideOneToFortyIsAnError() throws {
        #expect(SobolSequence.maxDimensions == 40)
        #expect(throws: GSLError.self) { try SobolSequence(dimensions: 0) }
        #expect(throws: GSLError.self) { try SobolSequence(dimensions: 41) }
        #expect(try SobolSequence(dimensions: 40).next().count == 40)
    }

    /// Sobol's sequence from its origin puts one point in each of the 64 intervals [c/64, (c + 1)/64) of every
    /// coordinate in its first 64 points. GSL leaves the origin out, so its first 63 points fill the 63 intervals
    /// other than the first, one each.
    @Test func firstPointsStratifyEachCoordinate() throws {
        let sequence = try SobolSequence(dimensions: 6)
        let points = try sequence.next(63)
        for d in 0..<6 {
            let cells = Set(points.map { Int(($0[d] * 64).rounded(.down)) })
            #expect(cells == Set(1..<64))
        }
    }

    @Test func normalQuantileMatchesTheTables() {
        #expect(abs(NormalDistribution.quantile(0.975) - 1.959964) < 1e-6)
        #expect(abs(NormalDistribution.cdf(1.959964) - 0.975) < 1e-6)
    }
}
