import GSL
import Testing
@testable import MergerSim

/// Issue 13: the pieces that propose groupings: neighbours from centres, the adjusted Rand
/// index, and the annealer's invariants (every group connected, the count kept, seeds reproduce).
struct ProposalTests {
    @Test func adjustedRandIndexOfHandWorkedGroupings() {
        #expect(adjustedRandIndex([0, 0, 1, 1], [5, 5, 7, 7]) == 1)
        // Contingency (0,0):2, (1,1):1, (1,2):1: index 1, rows 2, columns 1, pairs 6, expected 1/3, maximum 3/2 → (2/3)/(7/6) = 4/7.
        #expect(abs(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]) - 4.0 / 7) < 1e-12)
        #expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3]) == 0)
    }

    /// A 6 × 6 grid of units 2 km apart, two old districts (left and right halves), in one province.
    func grid() -> [AdministrativeUnit] {
        (0..<36).map { i in
            let row = i / 6, column = i % 6
            return AdministrativeUnit(code: String(format: "%05d", i), name: "U\(i)", kind: .commune, province: "P",
                                      district: column < 3 ? "West" : "East", area: FixedDecimal(10), population: 1_000 + 100 * (i % 7),
                                      location: Coordinate(latitude: 10 + Double(row) * 0.018, longitude: 105 + Double(column) * 0.018))
        }
    }

    /// Four centres on a square: its four sides and one diagonal; a fifth in the middle: eight edges.
    @Test func delaunayOfASquare() {
        #expect(Delaunay.edges([(0, 0), (1, 0), (1, 1), (0, 1)]).count == 5)
        let withCentre = Delaunay.edges([(0, 0), (1, 0), (1, 1), (0, 1), (0.5, 0.45)])
        #expect(withCentre.count == 8 && withCentre.filter { $0.1 == 4 || $0.0 == 4 }.count == 4)
    }

    @Test(arguments: [Neighbours.Method.delaunay, .nearest(4)])
    func neighboursFromCentresAreSymmetricConnectedAndStayInTheirGroup(method: Neighbours.Method) {
        let units = grid()
        var points = units.compactMap(\.location)
        points += [Coordinate(latitude: 30, longitude: 100)]  // a unit far away, in another province
        let neighbours = Neighbours.fromCentres(points, groups: Array(repeating: 0, count: 36) + [1], method: method, maxKm: 5)
        for (u, list) in neighbours.lists.enumerated() {
            for v in list { #expect(neighbours.lists[v].contains(u)) }
        }
        #expect(neighbours.lists[36].isEmpty, "no link to another province")
        #expect(Neighbours.components(of: Array(0..<36), lists: neighbours.lists).count == 1)
    }

    @Test(arguments: [1, 12, 18])
    func everyGroupIsConnectedAndTheCountIsKept(count: Int) throws {
        let units = grid()
        let neighbours = Neighbours.fromCentres(units.compactMap(\.location), groups: Array(repeating: 0, count: 36), maxKm: 5)
        let targets = GroupTargets(area: Array(repeating: 25, count: 36), population: Array(repeating: 3_000, count: 36), waivedFromMembers: 3)
        let proposer = RegionProposer(units: units, neighbours: neighbours, targets: targets)
        let groups = try proposer.propose(Array(0..<36), count: count, seed: 7, movesPerUnit: 100)
        #expect(groups.count == count)
        #expect(groups.flatMap { $0 }.sorted() == Array(0..<36))
        for group in groups { #expect(Neighbours.components(of: group, lists: neighbours.lists).count == 1, "\(group)") }
        // The same seed, the same groups.
        #expect(try proposer.propose(Array(0..<36), count: count, seed: 7, movesPerUnit: 100) == groups)
        if count == 12 {
            // Every group of three or more is waived; with 12 groups of 36 units, all can be: none fails.
            #expect(groups.allSatisfy { $0.count >= 3 || $0.reduce(0) { $0 + units[$1].population } >= 3_000 })
            // The districts are kept apart: no group crosses the middle.
            #expect(groups.allSatisfy { Set($0.map { units[$0].district }).count == 1 })
        }
    }

    /// The annealer ends in the best state it met, so never worse than its start: the objective of the
    /// groups it returns, worked out afresh, is at most the start's, over seeds, counts and weights
    /// (including weights where most moves raise the objective).
    @Test func theAnnealerNeverEndsWorseThanItsStart() throws {
        let units = grid()
        let neighbours = Neighbours.fromCentres(units.compactMap(\.location), groups: Array(repeating: 0, count: 36), maxKm: 5)
        let targets = GroupTargets(area: Array(repeating: 25, count: 36), population: Array(repeating: 3_000, count: 36), waivedFromMembers: 3)
        var improved = 0
        for (seed, count) in [(1, 5), (2, 9), (3, 14), (4, 20)] {
            for weights in [ProposalWeights(), ProposalWeights(failing: 0, compactness: 50, balance: 0, districtCrossing: 0, surplus: 0)] {
                let proposer = RegionProposer(units: units, neighbours: neighbours, targets: targets, weights: weights)
                let members = Array(0..<36), random = try GSL.RandomSource(seed: UInt64(seed))
                let start = RegionState(proposer: proposer, members: members,
                                        groupOf: proposer.connected(proposer.districtStart(members, count: count, random: random), members: members), count: count)
                var annealed = start
                annealed.anneal(random: random, moves: 200 * members.count)
                let end = RegionState(proposer: proposer, members: members, groupOf: annealed.groupOf, count: count)
                #expect(end.total <= start.total + 1e-9, "seed \(seed), \(count) groups: \(start.total) → \(end.total)")
                if end.total < start.total - 1e-9 { improved += 1 }
            }
        }
        #expect(improved >= 4, "the annealer should improve most starts: \(improved) of 8")
    }
}
