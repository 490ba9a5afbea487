import Foundation
import Testing
@testable import MergerSim

/// The mandatory mode against brute force over every grouping of small hand-made and random cases.
struct MandatoryProposalTests {
    /// A small case: units with populations and areas, their bordering pairs, who must merge, who is exempt.
    struct Case: CustomStringConvertible {
        var population: [Int], area: [Int], pairs: [(Int, Int)], mustMerge: Set<Int>, exempt: Set<Int>
        /// Every group's target (whoever leads it), and the members from which it is waived.
        var targetArea: Double, targetPopulation: Double, waivedFrom: Int?

        var units: [AdministrativeUnit] {
            population.indices.map { i in
                AdministrativeUnit(code: String(format: "%05d", i), name: "U\(i)", kind: .commune, province: "P", district: "D",
                                   area: FixedDecimal(Double(area[i])), population: population[i],
                                   location: Coordinate(latitude: 10 + 0.01 * Double(i % 3), longitude: 105 + 0.01 * Double(i / 3)))
            }
        }
        var targets: GroupTargets {
            GroupTargets(area: Array(repeating: targetArea, count: population.count),
                         population: Array(repeating: targetPopulation, count: population.count), waivedFromMembers: waivedFrom)
        }
        var neighbours: Neighbours { Neighbours(pairs: pairs, count: population.count) }
        var description: String { "population \(population) area \(area) pairs \(pairs) must \(mustMerge.sorted()) exempt \(exempt.sorted())" }
    }

    /// Every partition of 0..<n into blocks (restricted growth strings).
    func partitions(_ n: Int, _ body: ([[Int]]) -> Void) {
        var label = [Int](repeating: 0, count: n)
        func extend(_ i: Int, _ blocks: Int) {
            if i == n {
                var groups = [[Int]](repeating: [], count: blocks)
                for (unit, b) in label.enumerated() { groups[b].append(unit) }
                body(groups)
                return
            }
            for b in 0...blocks {
                label[i] = b
                extend(i + 1, max(blocks, b + 1))
            }
        }
        extend(0, 0)
    }

    /// The fewest units outside `mustMerge` any valid proposal takes, or nil when none exists: groups are
    /// connected, exempt units stay alone, every unit that must merge is in a group of two or more that
    /// meets its target, and every such group holds a unit that must merge.
    func bruteForce(_ c: Case) -> Int? {
        let units = c.units, targets = c.targets, lists = c.neighbours.lists
        var best: Int?
        partitions(units.count) { groups in
            var touched = 0
            for group in groups where group.count > 1 {
                guard group.contains(where: { c.mustMerge.contains($0) }), !group.contains(where: { c.exempt.contains($0) }),
                      Neighbours.components(of: group, lists: lists).count == 1, targets.meets(group, in: units) else { return }
                touched += group.filter { !c.mustMerge.contains($0) }.count
            }
            for group in groups where group.count == 1 && c.mustMerge.contains(group[0]) { return }
            if best.map({ touched < $0 }) ?? true { best = touched }
        }
        return best
    }

    /// What the mandatory mode proposes: whether every group meets its target, and the units it takes besides those that must merge.
    func proposed(_ c: Case) -> (allMeet: Bool, touched: Int, groups: [[Int]]) {
        let proposer = MandatoryProposer(units: c.units, neighbours: c.neighbours, targets: c.targets)
        let groups = proposer.propose(mustMerge: c.mustMerge, exempt: c.exempt)
        let members = groups.flatMap(\.members)
        #expect(Set(members).count == members.count, "a unit in two groups: \(c)")
        #expect(Set(members).isDisjoint(with: c.exempt), "an exempt unit taken: \(c)")
        for group in groups { #expect(Neighbours.components(of: group.members, lists: c.neighbours.lists).count == 1, "\(group.members): \(c)") }
        return (groups.allSatisfy(\.meets) && c.mustMerge.isSubset(of: Set(members)),
                members.filter { !c.mustMerge.contains($0) }.count, groups.map(\.members))
    }

    /// Hand-made: a path where the weak unit's larger neighbour alone suffices (not the smaller one first);
    /// two weak units side by side that together meet; a weak unit whose only way out is past an exempt
    /// one; three members waive the standards.
    static let handMade: [Case] = [
        Case(population: [2_000, 1_000, 9_000, 3_000], area: [10, 5, 40, 10], pairs: [(0, 1), (0, 2), (2, 3)],
             mustMerge: [0], exempt: [], targetArea: 40, targetPopulation: 10_000, waivedFrom: nil),
        Case(population: [5_000, 5_500, 8_000, 8_000], area: [20, 25, 30, 30], pairs: [(0, 1), (1, 2), (0, 3)],
             mustMerge: [0, 1], exempt: [], targetArea: 40, targetPopulation: 10_000, waivedFrom: nil),
        Case(population: [3_000, 20_000, 4_000, 7_000], area: [10, 60, 15, 30], pairs: [(0, 1), (0, 2), (2, 3)],
             mustMerge: [0], exempt: [1], targetArea: 50, targetPopulation: 12_000, waivedFrom: nil),
        Case(population: [1_000, 1_000, 1_000, 1_000, 1_000], area: [5, 5, 5, 5, 5], pairs: [(0, 1), (1, 2), (2, 3), (3, 4)],
             mustMerge: [2], exempt: [], targetArea: 100, targetPopulation: 100_000, waivedFrom: 3),
    ]

    @Test(arguments: 0..<handMade.count)
    func handMadeCasesTakeAsFewUnitsAsBruteForce(index: Int) {
        let c = Self.handMade[index]
        let best = bruteForce(c), got = proposed(c)
        #expect(best != nil, "the case is meant to be solvable")
        #expect(got.allMeet && got.touched == best, "proposed \(got.groups), touching \(got.touched); brute force \(String(describing: best)): \(c)")
    }

    /// Random cases of 5 to 8 units on a connected graph: whenever some grouping works the mode finds one
    /// that meets every target, taking as few units as brute force does.
    @Test func randomSmallCasesMatchBruteForce() {
        var generator = SplitMix(seed: 2_026)
        var solvable = 0
        for _ in 0..<300 {
            let n = Int.random(in: 5...8, using: &generator)
            var pairs: [(Int, Int)] = []
            for v in 1..<n { pairs.append((v, Int.random(in: 0..<v, using: &generator))) }  // a random tree: connected
            let extra = Int.random(in: 0...n, using: &generator)
            for _ in 0..<extra {
                let a = Int.random(in: 0..<n, using: &generator), b = Int.random(in: 0..<n, using: &generator)
                let known = pairs.contains { pair in pair == (a, b) || pair == (b, a) }
                if a != b, !known { pairs.append((a, b)) }
            }
            var population: [Int] = [], area: [Int] = []
            for _ in 0..<n {
                population.append(Int.random(in: 1...10, using: &generator) * 1_000)
                area.append(Int.random(in: 1...10, using: &generator) * 5)
            }
            let weak = Set((0..<n).filter { population[$0] < 5_000 || area[$0] < 20 })
            var exempt: Set<Int> = []
            for v in 0..<n where !weak.contains(v) && Int.random(in: 0..<6, using: &generator) == 0 { exempt.insert(v) }
            let c = Case(population: population, area: area, pairs: pairs, mustMerge: weak, exempt: exempt,
                         targetArea: 40, targetPopulation: 10_000, waivedFrom: Bool.random(using: &generator) ? 4 : nil)
            guard let best = bruteForce(c) else { continue }
            solvable += 1
            let got = proposed(c)
            #expect(got.allMeet, "proposed \(got.groups) misses a target; brute force takes \(best): \(c)")
            #expect(got.touched == best, "proposed \(got.groups), touching \(got.touched); brute force \(best): \(c)")
        }
        #expect(solvable >= 100, "too few solvable cases to say much: \(solvable)")
    }
}
