import Testing
@testable import MergerSim

/// The keyed draws of the transition are uniform and show no pattern across people, years or purposes.
struct CommonRandomTests {
    @Test func drawsAreUniformAndUncorrelated() {
        let random = CommonRandom(seed: 42, replication: 3)
        var bins = [Int](repeating: 0, count: 64)
        var sum = 0.0, sumNext = 0.0, sumYear = 0.0, sumPurpose = 0.0, count = 0.0
        for person in 0..<50_000 {
            for year in 0..<4 {
                let u = random.uniform(person: person, year: year, .resignationOffer)
                bins[Int(u * 64)] += 1
                let next = random.uniform(person: person + 1, year: year, .resignationOffer)
                let nextYear = random.uniform(person: person, year: year + 1, .resignationOffer)
                let otherPurpose = random.uniform(person: person, year: year, .earlyRetirementOffer)
                sum += u
                sumNext += (u - 0.5) * (next - 0.5)
                sumYear += (u - 0.5) * (nextYear - 0.5)
                sumPurpose += (u - 0.5) * (otherPurpose - 0.5)
                count += 1
            }
        }
        // χ² with 63 degrees of freedom: below 110 with probability above 0.9997.
        let expected = count / 64
        let chiSquare = bins.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 110, "χ² \(chiSquare)")
        #expect(abs(sum / count - 0.5) < 0.005)
        // Correlations (covariance / variance 1/12) between neighbours in person, year and purpose: within 5 standard errors.
        let limit = 5 / count.squareRoot()
        for (name, covariance) in [("person", sumNext), ("year", sumYear), ("purpose", sumPurpose)] {
            #expect(abs(covariance / count * 12) < limit, "correlation across \(name): \(covariance / count * 12)")
        }
        // Replications and seeds draw differently for the same person.
        #expect(random.uniform(person: 7, year: 1, .voluntaryExit) != CommonRandom(seed: 42, replication: 4).uniform(person: 7, year: 1, .voluntaryExit))
        #expect(random.uniform(person: 7, year: 1, .voluntaryExit) != CommonRandom(seed: 43, replication: 3).uniform(person: 7, year: 1, .voluntaryExit))
    }
}
