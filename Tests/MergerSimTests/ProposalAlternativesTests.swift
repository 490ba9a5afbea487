import Testing
@testable import MergerSim

/// Issue 23, item 5: `propose --alternatives K`, on hand-made provinces whose distinct plans can be listed by hand.
struct ProposalAlternativesTests {
    func unit(_ i: Int, area: String = "30", population: Int = 10_000) -> AdministrativeUnit {
        var unit = AdministrativeUnit.sample(area: area, population: population, type: .typeII, code: "0000\(i)")
        unit.province = "P"
        unit.location = Coordinate(latitude: 11, longitude: 108 + 0.01 * Double(i))
        return unit
    }

    /// Six equal units in a row, two new units wanted, only balance weighed: the connected groupings are the five
    /// cuts of the row, and with each group's gap to the mean population (3 units) the objective is
    /// 2 · ((k − 3) / 3)² for a cut after unit k: 0 for the cut in the middle, 2/9 after 2 or 4, 8/9 after 1 or 5.
    let row = (0..<6).map { i in
        var unit = AdministrativeUnit.sample(area: "30", population: 10_000, type: .typeII, code: "0000\(i)")
        unit.province = "P"
        unit.location = Coordinate(latitude: 11, longitude: 108 + 0.01 * Double(i))
        return unit
    }
    let rowNeighbours = Neighbours(pairs: [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)], count: 6)
    let balanceOnly = ProposalWeights(failing: 0, compactness: 0, balance: 1, districtCrossing: 0, surplus: 0)

    /// The cut of the row each plan makes: the size of the group holding unit 0.
    func cut(_ plan: RankedProposal) -> Int {
        plan.result.groups.first { $0.members.contains(0) }?.members.count ?? 0
    }

    @Test func targetModeListsTheRowsCutsBestFirstWithTheirScores() throws {
        let run = try ProposalRun(units: row, rules: try Rules.vn2025)
        let found = try run.alternatives(5, counts: ["P": 2], neighbours: rowNeighbours, weights: balanceOnly, seed: 7, movesPerUnit: 300)
        #expect(found.ranked.count == 5 && !found.fewerThanRequested)
        // Distinct partitions, every cut once, ranked by the objective.
        #expect(Set(found.ranked.map(cut)) == [1, 2, 3, 4, 5] && found.ranked.map(\.key).count == Set(found.ranked.map(\.key)).count)
        #expect(cut(found.ranked[0]) == 3 && Set(found.ranked[1...2].map(cut)) == [2, 4] && Set(found.ranked[3...4].map(cut)) == [1, 5])
        let scores = found.ranked.map(\.score.total), expected = [0, 2.0 / 9, 2.0 / 9, 8.0 / 9, 8.0 / 9]
        #expect(zip(scores, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        // Against the middle cut, a cut after 2 (or 4) has ARI (4 − 2.8) / (6.5 − 2.8) = 0.3243… (worked by hand).
        #expect(found.ranked[0].adjustedRandIndexToBest == 1 && abs(found.ranked[1].adjustedRandIndexToBest - 1.2 / 3.7) < 1e-12)
    }

    @Test func targetModeSaysWhenFewerPlansExist() throws {
        let run = try ProposalRun(units: row, rules: try Rules.vn2025)
        let found = try run.alternatives(7, counts: ["P": 2], neighbours: rowNeighbours, weights: balanceOnly, seed: 7, movesPerUnit: 300)
        #expect(found.ranked.count == 5 && found.fewerThanRequested && found.requested == 7)
    }

    @Test func targetModeIsReproducibleAndOneAlternativeIsTheSingleProposal() throws {
        let run = try ProposalRun(units: row, rules: try Rules.vn2025)
        let a = try run.alternatives(3, counts: ["P": 2], neighbours: rowNeighbours, weights: balanceOnly, seed: 11)
        let b = try run.alternatives(3, counts: ["P": 2], neighbours: rowNeighbours, weights: balanceOnly, seed: 11)
        #expect(a.ranked.map(\.key) == b.ranked.map(\.key) && a.ranked.map(\.score) == b.ranked.map(\.score) && a.ranked.map(\.seed) == b.ranked.map(\.seed))
        let single = try run.propose(counts: ["P": 2], neighbours: rowNeighbours, weights: balanceOnly, seed: 11)
        let one = try run.alternatives(1, counts: ["P": 2], neighbours: rowNeighbours, weights: balanceOnly, seed: 11)
        #expect(one.ranked.count == 1 && one.best.result.plan == single.plan && one.best.result.groups == single.groups && one.best.seed == 11)
    }

    /// A row of five with the weak unit in the middle (10 km², 5,000 people) that must merge: either neighbour of
    /// 25 km² and 12,000 people suffices, so the best plan takes one, and keeping that pairing apart takes the other;
    /// no third plan takes one unit only, and keeping the second plan's pairs apart is not tried (only the best's).
    @Test func mandatoryModeGivesTheOtherNeighbourAndSaysNoThirdExists() throws {
        let units = [unit(0, area: "40", population: 20_000), unit(1, area: "25", population: 12_000), unit(2, area: "10", population: 5_000),
                     unit(3, area: "25", population: 12_000), unit(4, area: "40", population: 20_000)]
        let run = try ProposalRun(units: units, rules: try Rules.vn2025)
        let selection = ProposalRun.Selection(mustMerge: [2], exempt: [])
        let graph = Neighbours(pairs: [(0, 1), (1, 2), (2, 3), (3, 4)], count: 5)
        let single = try run.propose(selection, neighbours: graph)
        let found = try run.alternatives(3, selection: selection, neighbours: graph)
        #expect(found.ranked[0].result.groups == single.groups)
        let merged = found.ranked.map { $0.result.merging.map { Set($0.members) } }
        #expect(Set(merged.map { $0[0] }) == [[1, 2], [2, 3]] && found.ranked.count == 2 && found.fewerThanRequested)
        #expect(found.ranked.map(\.neighboursTaken) == [1, 1])
        let apart = try #require(found.ranked[1].keptApart)
        #expect(Set([apart.0, apart.1]) == single.merging[0].members.reduce(into: Set<Int>()) { $0.insert($1) })
    }
}
