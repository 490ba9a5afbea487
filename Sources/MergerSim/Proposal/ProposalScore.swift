/// One group's share of a proposal's objective, in its parts (see ``RegionProposer``).
struct GroupObjective: Sendable {
    /// Whether the group misses its target (``GroupTargets``).
    var missesTarget: Bool
    /// Its population-weighted mean distance to its centre, km (``Neighbours/spread(of:in:)``).
    var spreadKm: Double
    /// Its population's relative distance from its province's mean, signed.
    var imbalance: Double
    /// Its members outside its main old district.
    var districtCrossings: Int
    /// People over the new unit's quota, estimated from its largest member's (``GroupTargets/quota``).
    var surplus: Int

    /// The cost under `w`: `failing` if it misses, plus each part times its weight (`balance` times the squared imbalance).
    func cost(_ w: ProposalWeights) -> Double {
        (missesTarget ? w.failing : 0) + w.compactness * spreadKm + w.balance * imbalance * imbalance + w.districtCrossing * Double(districtCrossings)
            + w.surplus * Double(surplus)
    }
}

extension RegionProposer {
    /// The parts of `group`'s share of the objective, its province's groups having `meanPopulation` people on average.
    func objective(of group: [Int], meanPopulation: Double) -> GroupObjective {
        var population = 0, area: Int64 = 0
        var districts: [String: Int] = [:], staff = Headcount.zero
        for u in group {
            let unit = units[u]
            population += unit.population
            if let s = unit.staff { staff = staff + s }
            area += unit.area.millionths
            districts[unit.district ?? "", default: 0] += 1
        }
        let largest = GroupTargets.lead(of: group, in: units)
        return GroupObjective(missesTarget: !targets.meets(lead: largest, count: group.count, areaMillionths: area, population: population),
                              spreadKm: Neighbours.spread(of: group, in: units),
                              imbalance: (Double(population) - meanPopulation) / meanPopulation,
                              districtCrossings: group.count - (districts.values.max() ?? group.count),
                              surplus: group.count > 1 ? staff.excess(over: targets.quota[largest]).total : 0)
    }

    /// The objective of a whole plan over `provinces`: every unit after in them (each group of `groups`, each
    /// other unit on its own), summed part by part; a province's mean population is its people over its units after,
    /// as in the annealer, so for a plan of the target mode ``ProposalScore/total`` is the objective it lowered.
    ///
    /// A group counts in its largest member's province. With `newUnitsOnly` (the mandatory mode, which leaves
    /// most units as they are) only the groups of two or more members are summed, against the same means.
    /// - Complexity: O(n) in the units, plus each group's spread.
    public func score(groups: [[Int]], provinces: Set<String>, newUnitsOnly: Bool = false) -> ProposalScore {
        var grouped = Set<Int>()
        var parts: [String: [[Int]]] = [:]
        for group in groups where group.count >= 2 {
            grouped.formUnion(group)
            parts[units[GroupTargets.lead(of: group, in: units)].province, default: []].append(group)
        }
        for u in units.indices where !grouped.contains(u) && provinces.contains(units[u].province) {
            parts[units[u].province, default: []].append([u])
        }
        var score = ProposalScore()
        for province in provinces.sorted() {
            guard let groups = parts[province] else { continue }
            let people = groups.reduce(0) { $0 + $1.reduce(0) { $0 + units[$1].population } }
            let mean = max(1, Double(people) / Double(groups.count))
            for group in groups where !newUnitsOnly || group.count >= 2 {
                let part = objective(of: group, meanPopulation: mean)
                score.total += part.cost(weights)
                score.targetsMissed += part.missesTarget ? 1 : 0
                score.spreadKm += part.spreadKm
                score.balance += part.imbalance * part.imbalance
                score.districtCrossings += part.districtCrossings
                score.surplus += part.surplus
            }
        }
        return score
    }
}

/// A proposal's objective (``RegionProposer``) over every unit after in the provinces it covers (its new units only,
/// in the mandatory mode), with its parts:
/// lower is better. `total` is the weighted sum of the parts (``ProposalWeights``).
public struct ProposalScore: Sendable, Hashable {
    /// The objective: the parts weighted and summed, group by group.
    public var total = 0.0
    /// Units after (groups and units left alone; new units only, in the mandatory mode) that miss their target; each costs `failing`.
    public var targetsMissed = 0
    /// The groups' population-weighted mean distances to their centres, summed (km); each km costs `compactness`.
    public var spreadKm = 0.0
    /// The squared relative gaps of the units' populations to their province's mean, summed; weighted by `balance`.
    public var balance = 0.0
    /// Members outside their group's main old district; each costs `districtCrossing`.
    public var districtCrossings = 0
    /// People over the new units' estimated quotas; each costs `surplus`.
    public var surplus = 0

    /// A score of nothing (all parts zero).
    public init() {}
}
