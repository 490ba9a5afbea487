import PropertyBased
import Testing
@testable import MergerSim

/// Issue 19 (6): target mode proposes only groups that are connected in the neighbour graph, also when
/// the graph of a province falls in pieces (an adjacency file that leaves units without neighbours).
struct ProposalConnectivityTests {
    /// `n` units on a jittered grid 2 km apart, in one province and two old districts.
    static func units(_ n: Int) -> [AdministrativeUnit] {
        (0..<n).map { i in
            let latitude = 10 + Double(i / 5) * 0.018
            let longitude: Double = 105 + Double(i % 5) * 0.018 + Double(i % 3) * 0.002
            let population = 1_000 + 150 * (i % 5)
            return AdministrativeUnit(code: "\(10_000 + i)", name: "U\(i)", kind: .commune, province: "P", district: i % 2 == 0 ? "A" : "B",
                                      area: FixedDecimal(Double(5 + i % 4)), population: population,
                                      location: Coordinate(latitude: latitude, longitude: longitude))
        }
    }

    /// The neighbours of `n` units from `codes` read two by two (a unit paired with itself is no edge).
    static func graph(_ n: Int, _ codes: [Int]) -> Neighbours {
        let pairs = stride(from: 0, to: codes.count - 1, by: 2).map { (codes[$0] % n, codes[$0 + 1] % n) }
        return Neighbours(pairs: pairs, count: n)
    }

    static func check(_ groups: [[Int]], members: [Int], neighbours: Neighbours) {
        #expect(groups.flatMap { $0 }.sorted() == members.sorted(), "the groups share out the members")
        for group in groups {
            #expect(!group.isEmpty)
            #expect(Neighbours.components(of: group, lists: neighbours.lists).count == 1, "group \(group) is in pieces")
        }
    }

    @Test func everyGroupIsConnectedOnGraphsWithIsolatedUnits() async {
        let input = zip(Gen.int(in: 2...18), Gen.int(in: 0...400).array(of: 0...40), Gen.int(in: 1...18), Gen.int(in: 0...1_000))
        await propertyCheck(count: 120, input: input) { n, codes, wanted, seed in
            let units = Self.units(n), neighbours = Self.graph(n, codes), members = Array(0..<n)
            let targets = GroupTargets(area: Array(repeating: 12, count: n), population: Array(repeating: 2_500, count: n), waivedFromMembers: 3)
            let proposer = RegionProposer(units: units, neighbours: neighbours, targets: targets)
            let pieces = neighbours.pieces(of: members)
            #expect(pieces.flatMap { $0 }.sorted() == members)
            let count = min(wanted, n)
            let groups = try proposer.propose(members, count: count, seed: UInt64(seed), movesPerUnit: 20)
            Self.check(groups, members: members, neighbours: neighbours)
            // Where the pieces allow it, exactly the count asked; where they do not, one group a piece.
            #expect(groups.count == max(count, pieces.count), "\(n) units, \(pieces.count) pieces, count \(count): \(groups)")
        }
    }

    /// The Phan Rang case of the issue: five wards, one edge, two units asked. Four pieces: the proposer
    /// cannot make two connected groups, and says so by the pieces it returns.
    @Test func fourPiecesCannotMakeTwoGroups() throws {
        let units = Self.units(5), neighbours = Neighbours(pairs: [(2, 3)], count: 5)
        let targets = GroupTargets(area: Array(repeating: 12, count: 5), population: Array(repeating: 2_500, count: 5), waivedFromMembers: 3)
        let proposer = RegionProposer(units: units, neighbours: neighbours, targets: targets)
        #expect(neighbours.pieces(of: Array(0..<5)).count == 4)
        let groups = try proposer.propose(Array(0..<5), count: 2, seed: 42)
        Self.check(groups, members: Array(0..<5), neighbours: neighbours)
        // Two pieces, three groups: the larger piece takes two.
        let two = Neighbours(pairs: [(0, 1), (1, 2), (3, 4)], count: 5)
        let split = try RegionProposer(units: units, neighbours: two, targets: targets).propose(Array(0..<5), count: 3, seed: 42)
        #expect(split.count == 3)
        Self.check(split, members: Array(0..<5), neighbours: two)
    }
}
