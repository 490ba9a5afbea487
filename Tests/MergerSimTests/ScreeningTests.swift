import Testing
import MergerSim

/// the mandatory-merger tests, with borderline rounding and exemptions.
struct ScreeningTests {
    /// A provincial-city ward (7,000 people, 5.5 km²) is the reference here.
    func ward(_ area: String, _ population: Int, exemption: Exemption? = nil) -> AdministrativeUnit {
        .sample(.ward, district: .provincialCity, area: area, population: population, exemption: exemption)
    }

    @Test func r2_1BothBelowHalf() throws {
        #expect(try Rules.vn2019.screen(ward("2.74", 3_499)).decision == .yes)  // 49.8 %, 49.99 %
        #expect(try Rules.vn2019.screen(ward("2.74", 3_500)).decision == .no)  // population exactly 50 %: not below
        #expect(try Rules.vn2019.screen(ward("2.76", 100)).decision == .no)  // area 50.2 %
        #expect(try Rules.vn2019.screen(ward("2.74", 3_499)).test?.rule == "R-2.1")
    }

    @Test func r2_2aBothBelow70Percent() throws {
        let result = try Rules.vn2023.screen(ward("3.84", 4_899))  // 69.8 %, 69.99 %
        #expect(result.decision == .yes && result.test?.rule == "R-2.2a")
        #expect(try Rules.vn2023.screen(ward("3.84", 4_900)).decision == .no)  // 70 % of 7,000 = 4,900
        #expect(try Rules.vn2023.screen(ward("3.86", 1_000)).decision == .no)
    }

    @Test func r2_2bTinyAreaUnlessPopulationIsThreeTimesTheStandard() throws {
        let result = try Rules.vn2023.screen(ward("1.09", 20_999))  // 19.8 %, 299.99 %
        #expect(result.decision == .yes && result.test?.rule == "R-2.2b")
        #expect(try Rules.vn2023.screen(ward("1.09", 21_000)).decision == .no)  // 300 %: not below
    }

    @Test func r2_3Round2026BothBelowTheNewStandard() throws {
        // vn-2026 commune: 16,000 people, 30 km².
        let result = try Rules.vn2026.screen(.sample(area: "29.99", population: 15_999))
        #expect(result.decision == .yes && result.test?.rule == "R-2.3")
        #expect(try Rules.vn2026.screen(.sample(area: "30.01", population: 15_999)).decision == .no)
        // "30" exactly on the line could be 29.5 to 30.5: borderline.
        #expect(try Rules.vn2026.screen(.sample(area: "30", population: 15_999)).decision == .borderline)
    }

    @Test func areaOnTheLineWithinItsRoundingIsBorderline() throws {
        // 1.1 km² is exactly 20 % of 5.5 km²; "1.1" may be anything from 1.05 to 1.15.
        let result = try Rules.vn2023.screen(ward("1.1", 10_660))
        #expect(result.decision == .borderline)
        #expect(result.test?.rule == "R-2.2b")
        // The same area given to the metre² is no longer borderline.
        #expect(try Rules.vn2023.screen(ward("1.100000", 10_660)).decision == .no)
        #expect(try Rules.vn2023.screen(ward("1.099999", 10_660)).decision == .yes)
        // Further from the line than the rounding: decided.
        #expect(try Rules.vn2023.screen(ward("1.2", 10_660)).decision == .no)
        #expect(try Rules.vn2023.screen(ward("1.0", 10_660)).decision == .yes)
    }

    @Test func r2_4ExemptionKeepsTheDecisionAndChangesTheVerdict() throws {
        let exempt = try Rules.vn2023.screen(ward("0.45", 5_200, exemption: .isolated))
        #expect(exempt.decision == .yes && exempt.verdict == .exempt)
        let borderlineExempt = try Rules.vn2023.screen(ward("1.1", 10_660, exemption: .other("arranged in 2019–2021")))
        #expect(borderlineExempt.decision == .borderline && borderlineExempt.verdict == .exempt)
        // An exemption of a unit that falls under no test changes nothing.
        #expect(try Rules.vn2023.screen(ward("5.5", 7_000, exemption: .stableBoundary)).verdict == .keep)
        #expect(try Rules.vn2023.screen(ward("0.45", 5_200)).verdict == .merge)
    }

    @Test func r2_4GroundsAreReadFromTheirLetters() {
        #expect(Exemption(text: "a") == .isolated)
        #expect(Exemption(text: "B") == .stableBoundary)
        #expect(Exemption(text: "c") == .distinctPosition)
        #expect(Exemption(text: "d") == .plannedUrban)
        #expect(Exemption(text: "island far offshore") == .other("island far offshore"))
        #expect(Exemption(text: "  ") == nil)
    }

    @Test func reducedStandardsAreTheOnesTested() throws {
        // An ethnic-minority mountainous commune at 50 %: 2,500 people; 1,249 is below 50 % of that for.
        let features = AdministrativeUnit.Features(mountainous: true, ethnicMinorityShare: FixedDecimal(parsing: "0.35"))
        let result = try Rules.vn2019.screen(.sample(area: "24", population: 1_249, features: features))
        #expect(result.decision == .yes)
        #expect(abs(result.populationPercent - 49.96) < 1e-9)
    }
}
