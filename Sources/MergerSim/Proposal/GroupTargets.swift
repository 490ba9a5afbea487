/// What a proposed group must reach to meet the rule set's merged-unit targets, worked
/// out once per unit as if it were the group's largest member (which sets the new unit's kind).
///
/// A group meets its target when it merges at least `waivedFromMembers` units (the standards are
/// waived), or when its summed area and population reach those of its largest member's target; a
/// single unit left as it is is held to the same figures. Whether they are reached is decided exactly,
/// by the judge's own rule (``RequiredFigures/reached(areaMillionths:population:)``) on whole millionths
/// of a km² and whole people. The proposal is then judged again in full by the pipeline (the rule
/// set's `judge`) for its report.
public struct GroupTargets: Sendable {
    /// Per unit: the figures required of a group it leads, exactly; ``meets(lead:count:areaMillionths:population:)`` decides with these.
    public let required: [RequiredFigures]
    /// Per unit: area (km²) and population required of a group it leads, as numbers for the proposers'
    /// heuristics (which neighbour closes most of what a group lacks); never to decide whether a group meets.
    public let area: [Double], population: [Double]
    /// Per unit: the staffing quota of a new unit it leads (its own type and quota rules; the group's may
    /// differ a little, so the proposal's surplus term is an estimate, judged exactly in the report).
    public let quota: [Headcount]
    /// Members from which the standards are waived (nil: never).
    public let waivedFromMembers: Int?

    /// Targets given directly: per unit the area (km², taken to the nearest millionth) and population
    /// (rounded up to a whole person) of a group it leads.
    public init(area: [Double], population: [Double], waivedFromMembers: Int?, quota: [Headcount]? = nil) {
        self.area = area
        self.population = population
        required = zip(area, population).map { RequiredFigures(areaMillionths: FixedDecimal($0).millionths, population: Int($1.rounded(.up))) }
        self.quota = quota ?? Array(repeating: Headcount(cadres: .max / 4, civilServants: .max / 4, nonProfessional: .max / 4), count: area.count)
        self.waivedFromMembers = waivedFromMembers
    }

    /// A group's largest member by population (ties: the smaller code), which leads it: it names the new
    /// unit, sets its kind and so its target.
    public static func lead(of group: [Int], in units: [AdministrativeUnit]) -> Int {
        group.max { (units[$0].population, units[$1].code) < (units[$1].population, units[$0].code) } ?? group[0]
    }

    /// Whether `count` members waive the targets (the rule set's `waivedFromMembers`).
    public func waives(count: Int) -> Bool { waivedFromMembers.map { count >= $0 } ?? false }

    /// Whether a group of `count` members led by `lead`, with this area (millionths of a km²) and
    /// population, meets its target: waived by its member count, or its figures reached exactly.
    public func meets(lead: Int, count: Int, areaMillionths: Int64, population: Int) -> Bool {
        waives(count: count) || required[lead].met(areaMillionths: areaMillionths, population: population)
    }

    /// Whether `group` (indices into `units`) meets its target.
    public func meets(_ group: [Int], in units: [AdministrativeUnit]) -> Bool {
        meets(lead: Self.lead(of: group, in: units), count: group.count, areaMillionths: group.reduce(0) { $0 + units[$1].area.millionths },
              population: group.reduce(0) { $0 + units[$1].population })
    }

    public init(units: [AdministrativeUnit], rules: RuleSet, provinceClasses: ProvinceClasses) throws(RuleApplicationError) {
        var area: [Double] = [], population: [Double] = [], quota: [Headcount] = [], required: [RequiredFigures] = []
        for unit in units {
            // A two-member merger led by this unit, to read off the target the judge applies to it.
            let part = MergedUnit.Contribution(code: unit.code, share: FixedDecimal(millionths: FixedDecimal.scale), population: unit.population,
                                               area: unit.area, staff: unit.staff)
            let probe = MergedUnit(unit: unit, contributions: [part, part], untouched: false)
            let judged = try rules.judge(probe, provinceClass: provinceClasses[unit.province])
            area.append(judged.requiredAreaKm2)
            population.append(judged.requiredPopulation)
            quota.append(judged.quota.posts)
            required.append(judged.required)
        }
        self.required = required
        self.quota = quota
        self.area = area
        self.population = population
        waivedFromMembers = rules.mergedUnits.waivedFromMembers
    }
}
