/// The exact search of the mandatory mode over one cluster (see ``MandatoryProposer``): connected groups,
/// each holding a unit that must merge and meeting its target, covering every such unit of the
/// cluster, with the fewest other units; then the most groups; then the least distance from members
/// to their group's largest member.
///
/// Branch and bound: the weakest unit not yet covered picks a group among the connected sets of free
/// units that hold it (each set made once: a set grows by a unit of its frontier, and the frontier
/// units passed over are never added in that branch), and the rest is searched the same way; a branch
/// stops once it takes more other units than the best grouping found.
///
/// - Complexity: exponential in the cluster's size, so bounded by a count of steps; clusters are the
///   few units around those that must merge.
struct MandatorySearch {
    private let proposer: MandatoryProposer
    private let mustMerge: Set<Int>
    private let inCluster: Set<Int>
    /// The cluster's units that must merge, weakest first.
    private let order: [Int]
    private let limit: Int
    /// No group grows beyond this many members.
    static let largestGroup = 12

    private var steps = 0
    private var best: (score: Score, groups: [[Int]])?
    private var assigned: Set<Int> = []
    private var chosen: [[Int]] = []

    /// Groupings compare by other units taken, then more groups, then spread (km).
    private struct Score: Comparable {
        var outside: Int, groups: Int, km: Double
        static func < (a: Score, b: Score) -> Bool { (a.outside, -a.groups, a.km) < (b.outside, -b.groups, b.km) }
    }

    /// Groupings taking more other units than this are not looked for (a grouping already known).
    private let bound: Int

    init(proposer: MandatoryProposer, units: [Int], mustMerge: Set<Int>, bound: Int = .max, limit: Int = MandatoryProposer.searchLimit) {
        self.proposer = proposer
        self.bound = bound
        self.mustMerge = mustMerge
        self.limit = limit
        inCluster = Set(units)
        let all = proposer.units
        order = units.filter { mustMerge.contains($0) }.sorted { (all[$0].population, all[$0].code) < (all[$1].population, all[$1].code) }
    }

    /// What the search found.
    enum Outcome: Equatable {
        /// The best grouping.
        case found([[Int]])
        /// No grouping of the cluster meets every target taking at most `bound` other units.
        case none
        /// The search ran out of steps before it could say.
        case cutOff
    }

    mutating func run() -> Outcome {
        search(outside: 0)
        return steps > limit ? .cutOff : best.map { .found($0.groups) } ?? .none
    }

    private mutating func search(outside: Int) {
        guard steps <= limit else { return }
        guard let m = order.first(where: { !assigned.contains($0) }) else {
            let score = Score(outside: outside, groups: chosen.count, km: chosen.reduce(0) { $0 + spread($1) })
            if best.map({ score < $0.score }) ?? true { best = (score, chosen) }
            return
        }
        var group = [m]
        grow(&group, frontier: free(around: m, besides: [m], excluded: []), excluded: [], outside: outside, groupOutside: 0)
    }

    /// Every connected set that extends `group` by units of `frontier` (none of `excluded`); each that
    /// meets its target is tried as a group.
    private mutating func grow(_ group: inout [Int], frontier: [Int], excluded: Set<Int>, outside: Int, groupOutside: Int) {
        steps += 1
        guard steps <= limit else { return }
        if outside + groupOutside > best?.score.outside ?? bound { return }
        if group.count >= 2, proposer.meets(group) {
            for v in group { assigned.insert(v) }
            chosen.append(group)
            search(outside: outside + groupOutside)
            chosen.removeLast()
            for v in group { assigned.remove(v) }
        }
        guard group.count < Self.largestGroup else { return }
        var passed = excluded
        for (i, w) in frontier.enumerated() {
            // A unit kept apart from a member can join no group grown from this one: passed over.
            if proposer.isApart(w, from: group) { passed.insert(w); continue }
            group.append(w)
            let rest = Array(frontier[(i + 1)...])
            let next = rest + free(around: w, besides: group, excluded: passed.union(rest))
            grow(&group, frontier: next, excluded: passed, outside: outside, groupOutside: groupOutside + (mustMerge.contains(w) ? 0 : 1))
            group.removeLast()
            passed.insert(w)
        }
    }

    /// Neighbours of `u` in the cluster, not yet in a group, not in `besides` or `excluded`, in index order.
    private func free(around u: Int, besides: [Int], excluded: Set<Int>) -> [Int] {
        proposer.neighbours.lists[u].filter { inCluster.contains($0) && !assigned.contains($0) && !besides.contains($0) && !excluded.contains($0) }.sorted()
    }

    /// Kilometres from each member to the group's largest member.
    private func spread(_ group: [Int]) -> Double {
        let units = proposer.units, lead = GroupTargets.lead(of: group, in: units)
        guard let centre = units[lead].location else { return 0 }
        return group.reduce(0) { $0 + Neighbours.km(centre, units[$1].location ?? centre) }
    }
}
