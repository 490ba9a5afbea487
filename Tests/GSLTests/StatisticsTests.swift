import Testing
@testable import GSL

struct StatisticsTests {
    let sample: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]

    @Test func meanAndStandardDeviation() throws {
        #expect(try Statistics.mean(sample) == 5)
        // Σ(x − 5)² = 32, n − 1 = 7.
        #expect(abs(try Statistics.standardDeviation(sample) - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(try Statistics.standardDeviation([3]) == 0)
    }

    @Test func quantilesInterpolateBetweenOrderStatistics() throws {
        // Sorted: 2 4 4 4 5 5 7 9; p = 0.5 → index 3.5 → (4 + 5) / 2.
        #expect(try Statistics.quantiles(sample.reversed(), [0, 0.5, 1]) == [2, 4.5, 9])
        // p = 0.05 → index 0.35 → 2 + 0.35·(4 − 2).
        #expect(abs(try Statistics.quantile(sample, 0.05) - 2.7) < 1e-12)
    }

    @Test func emptyOrNonFiniteSamplesAreErrors() {
        #expect(throws: GSLError.self) { try Statistics.mean([]) }
        #expect(throws: GSLError.self) { try Statistics.quantile([1, .nan], 0.5) }
        #expect(throws: GSLError.self) { try Statistics.quantile([1, 2], 1.5) }
    }

    /// Student's t quantiles from printed tables: t(0.975; 1) = 12.706, t(0.975; 3) = 3.182, t(0.975; 30) = 2.042.
    @Test func studentTQuantilesMatchTheTables() throws {
        #expect(abs(try Statistics.studentTQuantile(0.975, degreesOfFreedom: 1) - 12.7062) < 1e-4)
        #expect(abs(try Statistics.studentTQuantile(0.975, degreesOfFreedom: 3) - 3.18245) < 1e-5)
        #expect(abs(try Statistics.studentTQuantile(0.975, degreesOfFreedom: 30) - 2.04227) < 1e-5)
        #expect(throws: GSLError.self) { try Statistics.studentTQuantile(1, degreesOfFreedom: 3) }
        #expect(throws: GSLError.self) { try Statistics.studentTQuantile(0.5, degreesOfFreedom: 0) }
    }
}
