import Testing
import MergerSim

/// which standard applies, and whether it is met.
struct StandardsTests {
    @Test func r1_1MountainousCommuneNeeds5000PeopleAnd50Km2() throws {
        let unit = AdministrativeUnit.sample(area: "50", population: 5_000, features: .init(mountainous: true))
        let standard = try Rules.vn2023.standard(for: unit)
        #expect(standard.standard.rule == "R-1.1")
        #expect(standard.meetsPopulation(5_000) && !standard.meetsPopulation(4_999))
        #expect(standard.meetsArea(FixedDecimal(parsing: "50")!) && !standard.meetsArea(FixedDecimal(parsing: "49.99")!))
    }

    @Test func r1_2OtherCommuneNeeds8000PeopleAnd30Km2() throws {
        let standard = try Rules.vn2023.standard(for: .sample(area: "30", population: 8_000))
        #expect(standard.standard.rule == "R-1.2")
        #expect(standard.standard.population == 8_000 && standard.areaKm2 == 30)
    }

    @Test(arguments: [(DistrictKind.urbanDistrict, "R-1.3", 15_000), (.provincialCity, "R-1.4", 7_000), (.districtTown, "R-1.5", 5_000)])
    func r1_3to1_5WardStandardFollowsItsDistrict(district: DistrictKind, rule: String, population: Int) throws {
        let standard = try Rules.vn2023.standard(for: .sample(.ward, district: district, area: "5.5", population: population))
        #expect(standard.standard.rule == rule)
        #expect(standard.standard.population == population && standard.areaKm2 == 5.5)
    }

    @Test func r1_6TownNeeds8000PeopleAnd14Km2() throws {
        let standard = try Rules.vn2023.standard(for: .sample(.town, area: "14", population: 8_000))
        #expect(standard.standard.rule == "R-1.6" && standard.standard.population == 8_000 && standard.areaKm2 == 14)
    }

    @Test func wardWithoutDistrictKindCannotBeJudgedUnder1211() throws {
        let rules = try Rules.vn2023
        #expect(throws: RuleApplicationError.self) {
            try rules.standard(for: .sample(.ward, area: "1", population: 10_000))
        }
        do {
            _ = try rules.standard(for: .sample(.ward, area: "1", population: 10_000))
        } catch {
            #expect(error.field == "district_kind")
        }
    }

    @Test func r1_7EthnicMinorityReductionSteps5PointsPer10PercentDownTo20() throws {
        func percent(_ share: String, mountainous: Bool = true, border: Bool = false) throws -> Int {
            let features = AdministrativeUnit.Features(mountainous: mountainous, border: border, ethnicMinorityShare: FixedDecimal(parsing: share))
            return try Rules.vn2023.standard(for: .sample(area: "60", population: 1_000, features: features)).populationPercent
        }
        #expect(try percent("0.29") == 100)  // below 30 %: no reduction
        #expect(try percent("0.30") == 50)
        #expect(try percent("0.399999") == 50)
        #expect(try percent("0.40") == 45)  // exactly one further 10 %: no floating-point slip
        #expect(try percent("0.70") == 30)
        #expect(try percent("0.90") == 20)
        #expect(try percent("1") == 20)  // floor
        #expect(try percent("0.5", mountainous: false, border: true) == 40)  // land border qualifies too
        #expect(try percent("0.5", mountainous: false) == 100)  // neither mountainous nor border
    }

    @Test func r1_7OnlyTheMostFavourableReductionApplies() throws {
        let features = AdministrativeUnit.Features(mountainous: true, coastalDifficult: true, redRiverDelta: true,
                                                   ethnicMinorityShare: FixedDecimal(parsing: "0.45"))
        let standard = try Rules.vn2023.standard(for: .sample(area: "10", population: 1_000, features: features))
        #expect(standard.populationPercent == 45)  // ethnic 45 % beats coastal 50 %
        #expect(standard.areaPercent == 70)  // Red River Delta
        #expect(standard.population == 2_250 && abs(standard.areaKm2 - 35) < 1e-12)
        #expect(standard.reductions.map(\.factor) == [.ethnicMinority(share: try #require(FixedDecimal(parsing: "0.45")), percent: 45), .redRiverDelta(percent: 70)])
    }

    @Test func r1_7ReductionsAreForRuralUnitsOnly() throws {
        let features = AdministrativeUnit.Features(coastalDifficult: true, redRiverDelta: true)
        let standard = try Rules.vn2023.standard(for: .sample(.ward, district: .provincialCity, area: "1", population: 1, features: features))
        #expect(standard.populationPercent == 100 && standard.areaPercent == 100 && standard.reductions.isEmpty)
    }

    @Test func r2_7StandardsFrom2026() throws {
        let rules = try Rules.vn2026
        #expect(try rules.standard(for: .sample(area: "1", population: 1)).standard.population == 16_000)
        let mountainous = try rules.standard(for: .sample(area: "1", population: 1, features: .init(mountainous: true)))
        #expect(mountainous.standard.population == 5_000 && mountainous.areaKm2 == 100)
        let island = try rules.standard(for: .sample(area: "1", population: 1, features: .init(island: true)))
        #expect(island.standard.population == 2_500 && island.areaKm2 == 15)
        // Districts are gone: a ward needs no district kind.
        let ward = try rules.standard(for: .sample(.ward, area: "1", population: 1))
        #expect(ward.standard.population == 21_000 && ward.areaKm2 == 5.5)
    }
}
