/// The mandatory mode of a proposal: each unit that must merge is merged with neighbours until the group
/// meets its target (``GroupTargets``), taking as few other units as it can.
///
/// **Exactly, where the problem is small.** Units that must merge are taken in clusters: each with the
/// free units within two borders of it, joined wherever two of these share a unit. In each cluster a
/// branch-and-bound search covers every unit that must merge with connected groups
/// that meet their targets and hold at least one of them, taking the fewest other units; among equal
/// counts, more groups (smaller mergers), then the least distance from members to their group's largest
/// member; the greedy rule's grouping bounds it. A cluster with more than ``largestCluster`` units that
/// must merge, or that the search cannot settle within ``searchLimit`` steps, is split into clusters
/// within one border; where those cannot be settled either, or no grouping takes fewer units, the greedy
/// rule below decides (each group's note says which).
///
/// **Greedily, otherwise.** Units are taken weakest first (least population). A group grows by one
/// neighbour at a time: a unit that must merge itself first (it has to go somewhere), else the neighbour
/// that closes most of what the group lacks (the shares of the missing population and area it brings,
/// each at most 1), nearest first on ties. Exempt units are never taken. A group that runs out of free
/// neighbours joins the proposed group it borders, if any; otherwise its units are reported as not
/// fixable, with the reason.
public struct MandatoryProposer: Sendable {
    public let units: [AdministrativeUnit]
    public let neighbours: Neighbours
    public let targets: GroupTargets
    /// Pairs of units no group may hold together (each unit → those it is kept apart from); empty for the
    /// best plan, one pairing of it for an alternative (``ProposalRun/alternatives(_:first:selection:neighbours:weights:)``).
    public var apart: [Int: Set<Int>] = [:]

    public init(units: [AdministrativeUnit], neighbours: Neighbours, targets: GroupTargets) {
        self.units = units
        self.neighbours = neighbours
        self.targets = targets
    }

    /// Whether `v` is kept apart from a member of `group` (``apart``).
    func isApart(_ v: Int, from group: [Int]) -> Bool {
        guard let others = apart[v] else { return false }
        return group.contains { others.contains($0) }
    }

    func meets(_ group: [Int]) -> Bool { targets.meets(group, in: units) }

    func totals(_ group: [Int]) -> (area: Double, population: Int) {
        (group.reduce(0.0) { $0 + Double(units[$1].area.millionths) / Double(FixedDecimal.scale) }, group.reduce(0) { $0 + units[$1].population })
    }

    /// Steps of the exact search per cluster before it gives the cluster up.
    public static let searchLimit = 500_000
    /// Clusters with more units that must merge are not searched (their groupings multiply).
    public static let largestCluster = 8

    /// Groups for the units in `mustMerge`, each with why it is as it is (``ProposedGroup``); `exempt`
    /// units are never taken. Units in no group stay as they are.
    public func propose(mustMerge: Set<Int>, exempt: Set<Int>) -> [ProposedGroup] {
        var groupOf: [Int: Int] = [:], groups: [ProposedGroup] = []
        var left: [Int] = [], why: [Int: SearchFallback] = [:]
        // Clusters within two borders first; one the search cannot settle is split into those within one.
        var queue = clusters(of: mustMerge, exempt: exempt, borders: 2).map { (cluster: $0, borders: 2) }.reversed() as [([Int], Int)]
        while let (cluster, borders) = queue.popLast() {
            let must = cluster.filter { mustMerge.contains($0) && groupOf[$0] == nil }
            // The nearest-first rule's grouping bounds the search: only groupings taking fewer units are looked for.
            var greedyGroupOf = groupOf, greedyGroups = groups
            greedy(must, mustMerge: mustMerge, exempt: exempt, groupOf: &greedyGroupOf, groups: &greedyGroups)
            // A group that joined one proposed before changed that one: its count is no bound for this cluster.
            let added = greedyGroups[groups.count...], joinsEarlier = must.contains { (greedyGroupOf[$0] ?? groups.count) < groups.count }
            let bound = !joinsEarlier && added.allSatisfy(\.meets) ? added.reduce(0) { $0 + $1.members.count { !mustMerge.contains($0) } } : Int.max
            var search = MandatorySearch(proposer: self, units: cluster.filter { groupOf[$0] == nil }, mustMerge: mustMerge, bound: bound)
            let outcome = must.count > Self.largestCluster ? .cutOff : search.run()
            if outcome == .cutOff && borders > 1 {
                queue += clusters(of: Set(must), exempt: exempt, borders: borders - 1).reversed().map { ($0, borders - 1) }
                continue
            }
            guard case .found(let found) = outcome else {
                for m in must {
                    left.append(m)
                    why[m] = outcome == .cutOff ? .tooManyGroupings : bound < .max ? .noFewerUnits : .noGroupingMeets
                }
                continue
            }
            for group in found {
                for v in group { groupOf[v] = groups.count }
                let lead = group.first { mustMerge.contains($0) } ?? group[0]
                groups.append(ProposedGroup(members: group, reasons: reasons(group, mustMerge: mustMerge), rule: .exactSearch(borders: borders), lead: lead,
                                            standing: targets.standing(group, in: units, otherwise: .meets)))
            }
        }
        greedy(left, mustMerge: mustMerge, exempt: exempt, groupOf: &groupOf, groups: &groups)
        for g in groups.indices {
            groups[g].fallback = groups[g].members.lazy.compactMap { why[$0] }.first
        }
        return groups
    }

    /// Why each member of `group` is taken: it must merge, or it is a neighbour taken for one that must.
    func reasons(_ group: [Int], mustMerge: Set<Int>) -> [MemberReason] { group.map { mustMerge.contains($0) ? .mustMerge : .neighbour } }

    /// The units of `mustMerge`, each with the units within `borders` borders of it (through units that
    /// may be taken), joined into one cluster wherever two of these neighbourhoods share a unit; in order
    /// of their weakest unit.
    func clusters(of mustMerge: Set<Int>, exempt: Set<Int>, borders: Int) -> [[Int]] {
        let order = mustMerge.sorted { (units[$0].population, units[$0].code) < (units[$1].population, units[$1].code) }
        var parent = Array(order.indices)
        func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        var near: [Set<Int>] = [], claimedBy: [Int: Int] = [:]
        for (i, m) in order.enumerated() {
            var reached: Set<Int> = [m], frontier = [m]
            for _ in 0..<borders {
                frontier = frontier.flatMap { neighbours.lists[$0] }.filter { !exempt.contains($0) && reached.insert($0).inserted }
            }
            near.append(reached)
            for v in reached.sorted() {
                if let j = claimedBy[v] {
                    let (a, b) = (root(i), root(j))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    claimedBy[v] = i
                }
            }
        }
        var members: [Int: Set<Int>] = [:], roots: [Int] = []
        for i in order.indices {
            let r = root(i)
            if members[r] == nil { roots.append(r) }
            members[r, default: []].formUnion(near[i])
        }
        return roots.map { members[$0, default: []].sorted() }
    }

    /// The greedy rule for the units in `left` (see the type), beside the groups already proposed.
    func greedy(_ left: [Int], mustMerge: Set<Int>, exempt: Set<Int>, groupOf: inout [Int: Int], groups: inout [ProposedGroup]) {
        for u in left.sorted(by: { (units[$0].population, units[$0].code) < (units[$1].population, units[$1].code) }) where groupOf[u] == nil {
            var group = [u]
            var joined: Int?
            while !meets(group) {
                let inGroup = Set(group)
                let free = Set(group.flatMap { neighbours.lists[$0] }).filter { !inGroup.contains($0) && groupOf[$0] == nil && !exempt.contains($0) && !isApart($0, from: group) }
                guard !free.isEmpty else {
                    // No free neighbour: join a proposed group this one borders.
                    joined = group.flatMap { neighbours.lists[$0] }.compactMap { groupOf[$0] }.filter { g in !group.contains { isApart($0, from: groups[g].members) } }.min()
                    break
                }
                let largest = GroupTargets.lead(of: group, in: units)
                let (area, population) = totals(group)
                let missingArea = max(targets.area[largest] - area, 0), missingPopulation = max(targets.population[largest] - Double(population), 0)
                func gain(_ v: Int) -> Double {
                    let a = missingArea > 0 ? min(Double(units[v].area.millionths) / Double(FixedDecimal.scale) / missingArea, 1) : 0
                    let p = missingPopulation > 0 ? min(Double(units[v].population) / missingPopulation, 1) : 0
                    return a + p
                }
                let origin = units[u].location ?? Coordinate(latitude: 0, longitude: 0)
                func key(_ v: Int) -> (Int, Double, Double, String) {
                    (mustMerge.contains(v) ? 0 : 1, -gain(v), Neighbours.km(origin, units[v].location ?? origin), units[v].code)
                }
                guard let next = free.min(by: { key($0) < key($1) }) else { break }
                group.append(next)
            }
            if let joined {
                for v in group { groupOf[v] = joined }
                groups[joined].members += group
                groups[joined].reasons += reasons(group, mustMerge: mustMerge)
                groups[joined].joinedBy.append(group)
                groups[joined].standing = targets.standing(groups[joined].members, in: units, otherwise: .cannotBeFixed(.noFreeNeighbourLeft))
                continue
            }
            for v in group { groupOf[v] = groups.count }
            let standing = group.count == 1 ? .cannotBeFixed(.noNeighbour) : targets.standing(group, in: units, otherwise: .cannotBeFixed(.noFreeNeighbourLeft))
            groups.append(ProposedGroup(members: group, reasons: reasons(group, mustMerge: mustMerge), rule: .greedy, lead: u, standing: standing))
        }
    }
}
