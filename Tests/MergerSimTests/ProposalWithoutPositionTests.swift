import Testing
@testable import MergerSim

/// Issue 23, "units without a position": in target mode a unit with no position and no neighbour (an island
/// district or special zone) stays a unit of its own, counted in its province's count; an adjacency that
/// places it lets it take part like any other unit.
struct ProposalWithoutPositionTests {
    /// Four mainland units in a row 5 km apart (positions given) and an island without a position.
    func units() -> [AdministrativeUnit] {
        var units = (0..<4).map { i in
            var unit = AdministrativeUnit.sample(area: "10", population: 4_000 + 1_000 * i, type: .typeII, code: "0000\(i + 1)")
            unit.province = "P"
            unit.location = Coordinate(latitude: 11, longitude: 108 + 0.045 * Double(i))
            return unit
        }
        var island = AdministrativeUnit.sample(.islandDistrict, area: "3", population: 7_000, type: .typeII, code: "D0001")
        island.province = "P"
        units.append(island)
        return units
    }

    @Test func theIslandIsKeptAloneAndCountedInItsProvince() throws {
        let units = units()
        let run = try ProposalRun(units: units, rules: try Rules.vn2025)
        // Neighbours as the centres give them: the island (index 4) borders nobody.
        let neighbours = Neighbours(pairs: [(0, 1), (1, 2), (2, 3)], count: 5)
        #expect(run.isWithoutPosition(4, neighbours: neighbours) && !run.isWithoutPosition(0, neighbours: neighbours))
        let result = try run.propose(counts: ["P": 3], neighbours: neighbours, seed: 1, movesPerUnit: 50)
        // 3 units after: the island alone, the four mainland units in 2 connected groups.
        #expect(result.groups.count == 3, "\(result.groups.map(\.members))")
        let alone = try #require(result.keptAlone.first)
        #expect(result.keptAlone.count == 1 && alone.members == [4] && alone.reasons == [.withoutPosition])
        #expect(alone.rule == .keptAlone(province: "P", count: 3))
        let mainland = result.groups.filter { $0.members != [4] }
        #expect(mainland.flatMap(\.members).sorted() == [0, 1, 2, 3] && mainland.allSatisfy { $0.rule == .annealing(province: "P", count: 3) })
        // The island is in no new unit of the plan, and stays a unit after, unchanged.
        #expect(!result.plan.newUnits.flatMap(\.members).map(\.code).contains("D0001"))
        #expect(result.judged.count == 3 && result.judged.contains { $0.unit.code == "D0001" && $0.unit.population == 7_000 })
    }

    @Test func anAdjacencyThatPlacesTheIslandLetsItJoinAGroup() throws {
        let units = units()
        let run = try ProposalRun(units: units, rules: try Rules.vn2025)
        // The adjacency links the island to unit 00004 (a ferry, say): it is a unit like any other.
        let neighbours = Neighbours(pairs: [(0, 1), (1, 2), (2, 3), (3, 4)], count: 5)
        #expect(!run.isWithoutPosition(4, neighbours: neighbours))
        let result = try run.propose(counts: ["P": 2], neighbours: neighbours, seed: 1, movesPerUnit: 50)
        #expect(result.keptAlone.isEmpty && result.groups.count == 2)
        let withIsland = try #require(result.groups.first { $0.members.contains(4) })
        #expect(withIsland.members.count >= 2 && withIsland.members.contains(3) && withIsland.reasons.allSatisfy { $0 == .provinceCount })
        #expect(result.plan.newUnits.contains { $0.members.map(\.code).contains("D0001") })
    }

    /// The same island with a position 2 km off unit 00004: the centres link it to the mainland, but the
    /// rule set keeps island districts apart (`merged_units.kept_alone`), so with its links cut, as `propose`
    /// cuts them without an adjacency file, it stays a unit of its own, for its kind.
    @Test func anIslandWithAPositionIsKeptApartByItsKind() throws {
        var units = units()
        units[4].location = Coordinate(latitude: 11.018, longitude: 108 + 0.045 * 3)
        let run = try ProposalRun(units: units, rules: try Rules.vn2025)
        #expect(run.keptAloneByKind == [4])
        let centres = Neighbours(pairs: [(0, 1), (1, 2), (2, 3), (3, 4)], count: 5)
        let cut = centres.keepingApart(run.keptAloneByKind)
        #expect(cut.lists == [[1], [0, 2], [1, 3], [2], []])
        let result = try run.propose(counts: ["P": 3], neighbours: cut, seed: 1, movesPerUnit: 50)
        let alone = try #require(result.keptAlone.first)
        #expect(result.keptAlone.count == 1 && alone.members == [4] && alone.reasons == [.keptAloneKind])
        #expect(!result.plan.newUnits.flatMap(\.members).map(\.code).contains("D0001"))
        // Left linked (a planner's adjacency file), it is grouped like any unit.
        let linked = try run.propose(counts: ["P": 2], neighbours: centres, seed: 1, movesPerUnit: 50)
        #expect(linked.keptAlone.isEmpty && linked.groups.contains { $0.members.contains(4) && $0.members.count >= 2 })
    }
}
