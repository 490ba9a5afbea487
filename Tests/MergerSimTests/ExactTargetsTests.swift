import Testing
@testable import MergerSim

/// Issue 21, item 5: the proposer decides targets by the judge's own exact rule (whole millionths of a km², whole people).
struct ExactTargetsTests {
    func unit(_ code: String, area: String, population: Int) -> AdministrativeUnit {
        var unit = AdministrativeUnit.sample(area: area, population: population, type: .typeII, code: code)
        unit.province = "P"
        return unit
    }

    /// 0.7 + 0.1 km² against a 0.8 km² target: in `Double` the sum is 0.7999…, so the proposer said no
    /// where the judge, in millionths, says yes. Both now decide with ``RequiredFigures``.
    @Test func pointSevenAndPointOneReachPointEightSquareKilometres() {
        let units = [unit("00001", area: "0.7", population: 600), unit("00002", area: "0.1", population: 400)]
        let targets = GroupTargets(area: [0.8, 0.8], population: [1_000, 1_000], waivedFromMembers: nil)
        #expect(targets.meets([0, 1], in: units))
        #expect(!targets.meets([0], in: units))
    }

    /// The rule's figure, a fraction of a millionth or of a person, is reached exactly when it is reached rounded up.
    @Test func requiredFiguresRoundUpToWholeMillionthsAndPeople() {
        let figures = RequiredFigures(scaledAreaMillionths: 8_000_000_001, scaledPopulation: 160_000_000)
        #expect(figures == RequiredFigures(areaMillionths: 800_001, population: 16_000))
        #expect(figures.reached(areaMillionths: 800_000, population: 16_000) == (area: false, population: true))
        #expect(figures.met(areaMillionths: 800_001, population: 16_000))
    }

    /// The judge's verdict on a merger and the proposer's use the same figures.
    @Test func theProposersTargetsAreTheJudgesFigures() throws {
        let units = [unit("00001", area: "10", population: 5_000), unit("00002", area: "25", population: 12_000)]
        let targets = try GroupTargets(units: units, rules: try Rules.vn2025, provinceClasses: ProvinceClasses())
        // Other commune under: 30 km² and 16,000 people.
        #expect(targets.required[1] == RequiredFigures(areaMillionths: 30_000_000, population: 16_000))
    }
}
