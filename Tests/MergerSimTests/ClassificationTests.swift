import Testing
import MergerSim

/// points from population and area, score, type.
struct ClassificationTests {
    func points(_ unit: AdministrativeUnit, rules given: RuleSet? = nil) throws -> (population: Double, area: Double) {
        let rules = try given ?? Rules.vn2023
        let c = try rules.classification.classify(unit)
        return (c.populationPoints.doubleValue, c.areaPoints.doubleValue)
    }

    @Test func r3_1CommunePopulationPoints() throws {
        #expect(try points(.sample(area: "1", population: 3_500)).population == 10)
        #expect(try points(.sample(area: "1", population: 3_599)).population == 10)  // full steps only
        #expect(try points(.sample(area: "1", population: 3_600)).population == 10.5)
        #expect(try points(.sample(area: "1", population: 8_500)).population == 35)
        #expect(try points(.sample(area: "1", population: 90_000)).population == 35)  // maximum
    }

    @Test func r3_1CommuneAreaPoints() throws {
        #expect(try points(.sample(area: "10", population: 1)).area == 10)
        #expect(try points(.sample(area: "10.49", population: 1)).area == 10)
        #expect(try points(.sample(area: "10.5", population: 1)).area == 10.5)
        #expect(try points(.sample(area: "49", population: 1)).area == 30)  // maximum
    }

    @Test func r3_1MountainousAndBorderCommunesScaleThePopulationThresholds() throws {
        // 75 %: up to 2,625, steps of 75.
        #expect(try points(.sample(area: "1", population: 2_699, features: .init(mountainous: true))).population == 10)
        #expect(try points(.sample(area: "1", population: 2_700, features: .init(mountainous: true))).population == 10.5)
        // 30 %: up to 1,050, steps of 30.
        #expect(try points(.sample(area: "1", population: 1_080, features: .init(border: true))).population == 10.5)
        #expect(try points(.sample(area: "1", population: 1_080, features: .init(mountainous: true, border: true))).population == 10.5)
    }

    @Test func r3_2WardPoints() throws {
        let p = try points(.sample(.ward, district: .urbanDistrict, area: "2.1", population: 5_200))
        #expect(p.population == 10.5 && p.area == 10.5)
        let q = try points(.sample(.ward, district: .urbanDistrict, area: "2.09", population: 5_199))
        #expect(q.population == 10 && q.area == 10)
    }

    @Test func r3_3TownPoints() throws {
        let p = try points(.sample(.town, area: "5.2", population: 5_100))
        #expect(p.population == 10.5 && p.area == 10.5)
        let q = try points(.sample(.town, area: "5.19", population: 5_099))
        #expect(q.population == 10 && q.area == 10)
    }

    @Test func r3_0TypeThresholds75And50() throws {
        // Commune at 3,500 people and 10 km²: 20 points before other points.
        func type(_ other: String, _ given: RuleSet? = nil) throws -> UnitType {
            let rules = try given ?? Rules.vn2023
            return try rules.classification.classify(.sample(area: "10", population: 3_500, otherPoints: other)).type
        }
        #expect(try type("55") == .typeI)  // 75
        #expect(try type("54.99") == .typeII)
        #expect(try type("30") == .typeII)  // 50
        #expect(try type("29.5") == .typeIII)
        // Decree 307/2025 (vn-2026): Type II from 60.
        #expect(try type("40", try Rules.vn2026) == .typeII)
        #expect(try type("39.5", try Rules.vn2026) == .typeIII)
    }

    @Test func r3_0OtherPointsDefaultFromTheRuleSet() throws {
        let c = try Rules.vn2023.classification.classify(.sample(area: "10", population: 3_500))
        let defaultPoints = try Rules.vn2023.classification.otherPoints.default
        #expect(c.otherPointsDefaulted && c.otherPoints == defaultPoints)
        #expect(c.score.doubleValue == 20 + defaultPoints.doubleValue)
    }

    @Test func givenTypeIsKeptAndTheScoreStillComputed() throws {
        let c = try Rules.vn2023.classification.classify(.sample(area: "10", population: 3_500, type: .typeI, otherPoints: "0"))
        #expect(c.type == .typeI && c.typeGiven)
        #expect(c.score.doubleValue == 20)
    }
}
