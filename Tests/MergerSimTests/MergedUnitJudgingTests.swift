import Testing
import MergerSim

/// what a merged unit must reach, and what waives it.
struct MergedUnitJudgingTests {
    func merged(_ kind: UnitKind = .commune, district: DistrictKind? = nil, area: String, population: Int, members: Int,
                mountainous: Bool = false, province: String = "P") -> MergedUnit {
        var unit = AdministrativeUnit.sample(kind, district: district, area: area, population: population,
                                             features: .init(mountainous: mountainous), type: .typeII)
        unit.province = province
        let contributions = (0..<members).map { i in
            MergedUnit.Contribution(code: "m\(i)", share: FixedDecimal(millionths: FixedDecimal.scale), population: population / members,
                                    area: unit.area, staff: nil)
        }
        return MergedUnit(unit: unit, contributions: contributions, untouched: false)
    }

    @Test func r2_5MergedUnitMeetingBothStandards() throws {
        let result = try Rules.vn2023.judge(merged(area: "30", population: 8_000, members: 2), provinceClass: .other)
        #expect(result.outcome == .meets && result.standardsReason.rule == "R-2.5" && result.standardsReason.standing == .meets)
    }

    @Test func r2_5ThreeUnitsWaiveTheStandards() throws {
        let result = try Rules.vn2023.judge(merged(.ward, district: .provincialCity, area: "3.50", population: 24_656, members: 3), provinceClass: .other)
        #expect(!result.meetsArea && result.meetsPopulation)
        #expect(result.outcome == .waived)
        #expect(result.standardsReason.standing == .waived(members: 3, waivedFrom: 3))
        #expect(result.standardsReason.shortInArea && !result.standardsReason.shortInPopulation)
    }

    @Test func r2_5TwoUnitsNeedTheNoFurtherNeighbourException() throws {
        let result = try Rules.vn2023.judge(merged(.ward, district: .provincialCity, area: "2.4", population: 23_957, members: 2), provinceClass: .other)
        #expect(result.outcome == .needsException)
        #expect(result.standardsReason.standing == .needsTwoMemberException)
    }

    @Test func r2_6CommuneTargets() throws {
        // Other commune: ≥ 100 % of 30 km² and ≥ 200 % of 8,000 people.
        let ok = try Rules.vn2025.judge(merged(area: "30", population: 16_000, members: 2), provinceClass: .other)
        #expect(ok.outcome == .meets && ok.requiredPopulation == 16_000 && ok.requiredAreaKm2 == 30)
        let short = try Rules.vn2025.judge(merged(area: "30", population: 15_999, members: 2), provinceClass: .other)
        #expect(short.outcome == .below && !short.meetsPopulation)  // has no two-unit exception
        // Mountainous commune: ≥ 200 % of 50 km² and ≥ 100 % of 5,000.
        let mountain = try Rules.vn2025.judge(merged(area: "100", population: 5_000, members: 2, mountainous: true), provinceClass: .other)
        #expect(mountain.outcome == .meets && mountain.requiredAreaKm2 == 100 && mountain.requiredPopulation == 5_000)
        #expect(try Rules.vn2025.judge(merged(area: "99.99", population: 9_000, members: 2, mountainous: true), provinceClass: .other).outcome == .below)
    }

    @Test(arguments: [(ProvinceClass.centrallyRun, 45_000), (.mountainousBorder, 15_000), (.other, 21_000)])
    func r2_6WardTargetsByClassOfProvince(provinceClass: ProvinceClass, population: Int) throws {
        let meets = try Rules.vn2025.judge(merged(.ward, district: .urbanDistrict, area: "5.5", population: population, members: 2),
                                           provinceClass: provinceClass)
        #expect(meets.outcome == .meets && meets.requiredPopulation == Double(population))
        let below = try Rules.vn2025.judge(merged(.ward, district: .urbanDistrict, area: "5.5", population: population - 1, members: 2),
                                           provinceClass: provinceClass)
        #expect(below.outcome == .below)
        let waived = try Rules.vn2025.judge(merged(.ward, district: .urbanDistrict, area: "5.5", population: population - 1, members: 3),
                                            provinceClass: provinceClass)
        #expect(waived.outcome == .waived)
    }

    @Test func untouchedUnitsAreJudgedAgainstTheStandards() throws {
        var unit = merged(area: "29", population: 9_000, members: 1)
        unit.untouched = true
        let result = try Rules.vn2023.judge(unit, provinceClass: .other)
        #expect(result.outcome == .below && result.standardsReason.standing == .belowUntouched && result.standardsReason.measure == .standards)
    }
}
