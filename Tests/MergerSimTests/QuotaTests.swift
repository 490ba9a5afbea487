import Testing
import MergerSim

/// quotas by category.
struct QuotaTests {
    func quota(_ unit: AdministrativeUnit, _ given: RuleSet? = nil) throws -> Quota {
        let rules = try given ?? Rules.vn2023
        return try rules.screen(unit).quota
    }

    func urbanWard(_ population: Int, area: String = "5.5", type: UnitType = .typeII) -> AdministrativeUnit {
        .sample(.ward, district: .urbanDistrict, area: area, population: population, type: type)
    }

    @Test func r4_1CombinedQuotaByKindAndType() throws {
        let wardI = try quota(urbanWard(15_000, type: .typeI)).posts
        #expect(wardI.cadres + wardI.civilServants == 23)
        #expect(try quota(urbanWard(15_000, type: .typeIII)).posts.civilServants + 10 == 19)
        let communeI = try quota(.sample(area: "30", population: 8_000, type: .typeI)).posts
        #expect(communeI.cadres + communeI.civilServants == 22)
        let townII = try quota(.sample(.town, area: "14", population: 8_000, type: .typeII)).posts
        #expect(townII.cadres + townII.civilServants == 20)
    }

    @Test func r4_2UrbanWardGetsOneExtraPerFullThirdOfTheStandard() throws {
        // Standard 15,000; a third is 5,000.
        #expect(try quota(urbanWard(20_001)).extras == 1)
        #expect(try quota(urbanWard(19_999)).extras == 0)
        #expect(try quota(urbanWard(20_000)).extras == 1)
        #expect(try quota(urbanWard(30_000)).extras == 3)
    }

    @Test func r4_2OtherUnitsGetOneExtraPerFullHalf() throws {
        let ward = { (population: Int) in AdministrativeUnit.sample(.ward, district: .provincialCity, area: "5.5", population: population, type: .typeII) }
        #expect(try quota(ward(10_500)).extras == 1)  // 7,000 + 3,500
        #expect(try quota(ward(10_499)).extras == 0)
        #expect(try quota(.sample(area: "30", population: 12_000, type: .typeII)).extras == 1)  // commune: 8,000 + 4,000
        #expect(try quota(.sample(area: "30", population: 11_999, type: .typeII)).extras == 0)
    }

    @Test func r4_2AreaExtrasPerFullStandardAboveIt() throws {
        #expect(try quota(urbanWard(15_000, area: "11")).extras == 1)
        #expect(try quota(urbanWard(15_000, area: "10.99")).extras == 0)
        #expect(try quota(urbanWard(15_000, area: "16.5")).extras == 2)
        // Population and area extras add up; they go to civil servants.
        let both = try quota(urbanWard(20_000, area: "11"))
        #expect(both.extras == 2)
        #expect(both.posts.civilServants == 21 - 10 + 2)
    }

    @Test func r4_3NonProfessionalByTypePlusTheExtras() throws {
        #expect(try quota(urbanWard(15_000, type: .typeI)).posts.nonProfessional == 14)
        #expect(try quota(urbanWard(15_000, type: .typeII)).posts.nonProfessional == 12)
        #expect(try quota(urbanWard(15_000, type: .typeIII)).posts.nonProfessional == 10)
        #expect(try quota(urbanWard(20_000, type: .typeIII)).posts.nonProfessional == 11)
    }

    @Test func r4_5CadresAreTheCadreTitles() throws {
        let titles = try Rules.vn2023.quotas.cadreTitles
        #expect(titles.count(kind: .commune, type: .typeI) == 12)  // two People's Committee vice-chairs
        #expect(titles.count(kind: .commune, type: .typeII) == 11)
        #expect(titles.count(kind: .ward, type: .typeI) == 11)  // no Farmers' Union chair
        #expect(titles.count(kind: .ward, type: .typeIII) == 10)
        #expect(try quota(urbanWard(15_000, type: .typeII)).posts == Headcount(cadres: 10, civilServants: 11, nonProfessional: 12))
    }

    @Test func r4_5NgheAnSplitIsAboutTwelveCadresAUnit() throws {
        // 514 cadres for 43 new units ≈ 11.95: between the Type II and Type I commune counts.
        let titles = try Rules.vn2023.quotas.cadreTitles
        let perUnit = 514.0 / 43
        #expect(Double(titles.count(kind: .commune, type: .typeII)) < perUnit)
        #expect(perUnit <= Double(titles.count(kind: .commune, type: .typeI)))
    }

    /// the government bloc's 32 posts (+1 per 2,000 residents above 16,000, per 1,000 if mountainous;
    /// cap 50 for a commune, 70 for a ward or special zone) plus 27 Party and mass-organisation posts (NC default).
    @Test func r4_7InterimNormIsTheBlocPlusPartyAndMassOrganisationPosts() throws {
        func total(_ unit: AdministrativeUnit, party: Int? = nil) throws -> Int {
            let posts = try Rules.vn2025.quotas.quota(for: unit, type: .typeII, standard: try Rules.vn2025.standards[0], partyMassOrgPosts: party).posts
            return posts.cadres + posts.civilServants
        }
        #expect(try total(.sample(area: "30", population: 20_000, type: .typeII)) == 34 + 27)              // 61
        #expect(try total(.sample(area: "60", population: 20_000, features: .init(mountainous: true), type: .typeII)) == 36 + 27)  // 63
        #expect(try total(.sample(.ward, district: .urbanDistrict, area: "5.5", population: 200_000, type: .typeII)) == 70 + 27)  // 97
        #expect(try total(.sample(area: "30", population: 15_000, type: .typeII)) == 59)                    // 32 + 27
        #expect(try total(.sample(area: "30", population: 17_999, type: .typeII)) == 32 + 27)
        #expect(try total(.sample(area: "30", population: 18_000, type: .typeII)) == 33 + 27)
        #expect(try total(.sample(area: "30", population: 100_000, type: .typeII)) == 50 + 27)             // commune cap
        // Hải Phòng 59 = 32 + 27; Hồ Chí Minh City 60 a unit: a province's own number.
        #expect(try total(.sample(area: "30", population: 15_000, type: .typeII), party: 28) == 60)
        // Cadre titles: the bloc's (People's Council and Committee chairs and vice-chairs: 4) inside the bloc,
        // the Party and mass-organisation ones (7 in a commune, 6 in a ward) inside theirs.
        let commune = try Rules.vn2025.quotas.quota(for: .sample(area: "30", population: 15_000, type: .typeII), type: .typeII,
                                                    standard: try Rules.vn2025.standards[0])
        #expect(commune.posts == Headcount(cadres: 4 + 7, civilServants: 59 - 11, nonProfessional: 0))
        #expect(commune.rules.contains("R-4.7 party/mass-org +27"))
        // Non-professional posts ended on 1 Aug 2025.
        #expect(commune.posts.nonProfessional == 0)
    }

    /// R-4.7 (Res. 76/2025 Art. 11): a new unit's cadres and civil servants are at most its predecessors'.
    @Test func r4_7PredecessorsCapBindsOnlyWhenBelowTheNorm() throws {
        func judged(cadres: Int, civilServants: Int) throws -> UnitAfterResult {
            let staff = Headcount(cadres: cadres, civilServants: civilServants, nonProfessional: 0)
            let unit = AdministrativeUnit.sample(area: "30", population: 15_000, type: .typeII, staff: staff)
            let merged = MergedUnit(unit: unit, contributions: [
                .init(code: "a", share: FixedDecimal(millionths: 1_000_000), population: 7_500, area: unit.area, staff: staff),
                .init(code: "b", share: FixedDecimal(millionths: 1_000_000), population: 7_500, area: unit.area, staff: .zero),
            ], untouched: false)
            return try Rules.vn2025.judge(merged, provinceClass: .other)
        }
        let binding = try judged(cadres: 20, civilServants: 30)   // 50 < 59
        #expect(binding.quota.posts == Headcount(cadres: 11, civilServants: 39, nonProfessional: 0))
        #expect(binding.quota.rules.last == "R-4.7 predecessors' cap 50")
        #expect(binding.standardsReason.predecessorsCap == .init(predecessors: 50, rule: "R-4.7", instrument: "Res. 76/2025 Art. 11"))
        let free = try judged(cadres: 25, civilServants: 40)      // 65 ≥ 59
        #expect(free.quota.posts == Headcount(cadres: 11, civilServants: 48, nonProfessional: 0))
        #expect(free.standardsReason.predecessorsCap == nil)
        let tiny = try judged(cadres: 5, civilServants: 2)        // fewer than the cadre titles: cadres give way last
        #expect(tiny.quota.posts == Headcount(cadres: 7, civilServants: 0, nonProfessional: 0))
    }

    @Test func r4_6Deadlines() throws {
        #expect(try Rules.vn2019.deadline.date?.description == "2024-12-31")
        #expect(try Rules.vn2023.deadline.yearsAfterEffective == 5)
    }

    @Test func surplusIsHeadcountAboveQuota() throws {
        let staffed = AdministrativeUnit.sample(.ward, district: .urbanDistrict, area: "5.5", population: 15_000, type: .typeII,
                                                staff: Headcount(cadres: 12, civilServants: 9, nonProfessional: 12))
        let result = try Rules.vn2023.screen(staffed)
        #expect(result.surplus == Headcount(cadres: 2, civilServants: 0, nonProfessional: 0))
    }
}
