import Testing
@testable import MergerSim

/// Issue 21, item 3: a proposal is a run of the library (``ProposalRun``) whose groups carry typed reasons.
struct ProposalRunTests {
    func unit(_ code: String, area: String, population: Int) -> AdministrativeUnit {
        var unit = AdministrativeUnit.sample(area: area, population: population, type: .typeII, code: code)
        unit.province = "P"
        return unit
    }

    /// Mandatory mode: the weak unit is merged with the neighbour that suffices, by the exact search;
    /// each member says why it was taken, the group how it meets; the plan and the judge follow.
    @Test func aMandatoryRunGivesTypedReasonsAndAJudgedPlan() throws {
        let units = [unit("00001", area: "10", population: 5_000), unit("00002", area: "25", population: 12_000),
                     unit("00003", area: "40", population: 20_000)]
        let run = try ProposalRun(units: units, rules: try Rules.vn2025)
        let result = try run.propose(.init(mustMerge: [0], exempt: []), neighbours: Neighbours(pairs: [(0, 1), (1, 2)], count: 3))
        #expect(result.groups.count == 1)
        let group = try #require(result.groups.first)
        #expect(group.members == [0, 1] && group.reasons == [.mustMerge, .neighbour])
        #expect(group.rule == .exactSearch(borders: 2) && group.lead == 0 && group.standing == .meets && group.fallback == nil)
        #expect(result.plan.newUnits.map(\.code) == ["00002"] && result.plan.newUnits[0].members.map(\.code) == ["00001", "00002"])
        #expect(result.newUnitsMeeting == 1 && result.cannotBeFixed.isEmpty)
    }

    /// A unit that must merge with no neighbour at all is refused by name, not proposed.
    @Test func aUnitWithoutNeighboursIsRefused() throws {
        let units = [unit("00001", area: "10", population: 5_000), unit("00002", area: "25", population: 12_000)]
        let run = try ProposalRun(units: units, rules: try Rules.vn2025)
        #expect(throws: ProposalError.noNeighbour(unit: 0)) { try run.propose(.init(mustMerge: [0], exempt: []), neighbours: Neighbours(pairs: [], count: 2)) }
    }

    /// A unit whose only neighbour is exempt cannot be fixed; the mode says so in its standing.
    @Test func aUnitBesideOnlyAnExemptOneCannotBeFixed() throws {
        let units = [unit("00001", area: "10", population: 5_000), unit("00002", area: "25", population: 12_000)]
        let run = try ProposalRun(units: units, rules: try Rules.vn2025)
        let result = try run.propose(.init(mustMerge: [0], exempt: [1]), neighbours: Neighbours(pairs: [(0, 1)], count: 2))
        #expect(result.groups.map(\.standing) == [.cannotBeFixed(.noNeighbour)] && result.plan.newUnits.isEmpty)
        #expect(result.cannotBeFixed.count == 1 && result.groups[0].fallback == .noGroupingMeets)
    }
}
