/// A unit after a plan: a new unit formed from members, or an untouched one carried over.
public struct MergedUnit: Hashable, Sendable {
    /// The unit as it stands after the plan, its figures summed from its members.
    public var unit: AdministrativeUnit
    /// What each member brought; an untouched unit is its own single member.
    public var contributions: [Contribution]
    /// True for a unit the plan does not name.
    public var untouched: Bool

    public init(unit: AdministrativeUnit, contributions: [Contribution], untouched: Bool) {
        self.unit = unit
        self.contributions = contributions
        self.untouched = untouched
    }

    /// How many existing units (or parts of them) it merges.
    public var memberCount: Int { contributions.count }

    /// The part of one existing unit that went into this unit.
    public struct Contribution: Hashable, Sendable {
        public var code: String
        /// The fraction of the member that came here (1 unless the member was split).
        public var share: FixedDecimal
        public var population: Int
        public var area: FixedDecimal
        public var staff: Headcount?

        public init(code: String, share: FixedDecimal, population: Int, area: FixedDecimal, staff: Headcount?) {
            self.code = code
            self.share = share
            self.population = population
            self.area = area
            self.staff = staff
        }
    }
}

/// The units after a plan, with the checks that nothing was created or lost.
public struct MergerOutcome: Hashable, Sendable {
    public var units: [MergedUnit]

    public init(units: [MergedUnit]) { self.units = units }

    /// Totals of population, area (in millionths of km²) and staff over `units`.
    public static func totals(_ units: [AdministrativeUnit]) -> (population: Int, areaMillionths: Int64, staff: Headcount) {
        units.reduce((0, 0, .zero)) { ($0.0 + $1.population, $0.1 + $1.area.millionths, $0.2 + ($1.staff ?? .zero)) }
    }

    /// Plain sentences for every broken invariant: population, area and staff
    /// conserved; every member's shares sum to 1; no unit both merged and untouched.
    public func invariantViolations(before: [AdministrativeUnit]) -> [String] {
        var violations: [String] = []
        let was = Self.totals(before), now = Self.totals(units.map(\.unit))
        if was.population != now.population { violations.append("population \(was.population) before, \(now.population) after") }
        if was.areaMillionths != now.areaMillionths { violations.append("area \(was.areaMillionths) before, \(now.areaMillionths) after (10⁻⁶ km²)") }
        if was.staff != now.staff { violations.append("staff \(was.staff) before, \(now.staff) after") }
        var shareSums: [String: Int64] = [:]
        var untouchedCodes = Set<String>(), mergedCodes = Set<String>()
        for merged in units {
            for contribution in merged.contributions {
                shareSums[contribution.code, default: 0] += contribution.share.millionths
                if merged.untouched { untouchedCodes.insert(contribution.code) } else { mergedCodes.insert(contribution.code) }
            }
        }
        for unit in before where shareSums[unit.code] == nil { violations.append("unit \(unit.code) is neither merged nor carried over") }
        for (code, sum) in shareSums where abs(sum - FixedDecimal.scale) > MergerPlan.shareTolerance.millionths {
            violations.append("the shares of unit \(code) sum to \(Double(sum) / Double(FixedDecimal.scale))")
        }
        for code in untouchedCodes.intersection(mergedCodes) { violations.append("unit \(code) is both merged and untouched") }
        return violations
    }
}
