/// The mandatory mode of a proposal: each unit that must merge is merged with neighbours until the group
/// meets its target (``GroupTargets``), touching as few other units as it can.
///
/// Units are taken weakest first (least population). A group grows by one neighbour at a time: a unit
/// that must merge itself first (it has to go somewhere), else the neighbour that closes most of what the
/// group lacks (the shares of the missing population and area it brings, each at most 1), nearest first
/// on ties. Exempt units are never taken. A group that runs out of free neighbours joins the proposed
/// group it borders, if any; otherwise its units are reported as not fixable, with the reason.
public struct MandatoryProposer: Sendable {
    public let units: [AdministrativeUnit]
    public let neighbours: Neighbours
    public let targets: GroupTargets

    public init(units: [AdministrativeUnit], neighbours: Neighbours, targets: GroupTargets) {
        self.units = units
        self.neighbours = neighbours
        self.targets = targets
    }

    /// A proposed group and why it is as it is.
    public struct Group: Sendable, Equatable {
        public var members: [Int]
        public var meets: Bool
        public var note: String
    }

    func meets(_ group: [Int]) -> Bool { targets.meets(group, in: units) }

    func totals(_ group: [Int]) -> (area: Double, population: Int) {
        (group.reduce(0.0) { $0 + Double(units[$1].area.millionths) / Double(FixedDecimal.scale) }, group.reduce(0) { $0 + units[$1].population })
    }

    /// Groups for the units in `mustMerge`; `exempt` units are never taken. Units in no group stay as they are.
    public func propose(mustMerge: Set<Int>, exempt: Set<Int>) -> [Group] {
        var groupOf: [Int: Int] = [:], groups: [Group] = []
        for u in mustMerge.sorted(by: { (units[$0].population, units[$0].code) < (units[$1].population, units[$1].code) }) where groupOf[u] == nil {
            var group = [u]
            var joined: Int?
            while !meets(group) {
                let inGroup = Set(group)
                let free = Set(group.flatMap { neighbours.lists[$0] }).filter { !inGroup.contains($0) && groupOf[$0] == nil && !exempt.contains($0) }
                guard !free.isEmpty else {
                    // No free neighbour: join a proposed group this one borders.
                    joined = group.flatMap { neighbours.lists[$0] }.compactMap { groupOf[$0] }.min()
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
                groups[joined].meets = meets(groups[joined].members)
                groups[joined].note += "; joined by \(group.map { units[$0].code }.joined(separator: ", ")) (no free neighbour left)"
                continue
            }
            for v in group { groupOf[v] = groups.count }
            let ok = meets(group)
            let others = group.dropFirst().map { units[$0].code }
            let note = group.count == 1 ? "must merge, but no neighbour can be added (all taken or exempt): cannot be fixed"
                : ok ? "\(units[u].code) must merge; with \(others.joined(separator: ", ")) the group meets its target"
                    + ((targets.waivedFromMembers.map { group.count >= $0 } ?? false) ? " (waived: \(group.count) members)" : "")
                : "\(units[u].code) must merge; with \(others.joined(separator: ", ")) the group still misses its target: no free neighbour left"
            groups.append(Group(members: group, meets: ok, note: note))
        }
        return groups
    }
}
