import MergerSim

/// What a default a run applied says, as typed parts, so a person's table (the workbook's assumptions, the
/// report's annex) can write it in their language; the manifest keeps ``english``, the words it has always had.
public enum DefaultMeaning: Sendable, Equatable {
    /// A value that reads the same in every language (a number, a rule set's id, a code): the record's value.
    case asWritten
    /// The decision on the arrangement taken as the effective date, from which the exit window runs.
    case decisionOnEffectiveDate(CalendarDate)
    /// The transition's years, up to the latest deadline.
    case yearsToLatestDeadline(Int)
    /// A run until precise: its least and most runs, how often it checks, and the half-width allowed whatever the mean.
    case precisionRuns(minimum: Int, maximum: Int, step: Int, absoluteFloor: Double)
    /// The effective date taken from the rule set's `in_force.from`.
    case inForceFrom(CalendarDate, ruleSet: String)
    /// The rule set before: the bundled set in force on the day before the effective date.
    case ruleSetInForce(String, dayBefore: CalendarDate)
    /// The rule set before: the run's own, since no bundled set is in force on the day before.
    case noRuleSetInForce(String, dayBefore: CalendarDate)
    /// Insurance years taken as 0 for people whose roster row has none.
    case zeroForPeopleWithout(people: Int)
    /// A salary coefficient taken as the synthetic roster's mean for people whose roster row has none.
    case meanForPeopleWithout(mean: Double, people: Int)
    /// The synthetic roster of the rule set, drawn with the seed.
    case syntheticRoster(seed: UInt64)
    /// The unit's type computed from its score, since the file gives none.
    case typeFromScore
    /// The points for other factors the rule set gives a unit whose file has none.
    case otherPoints(FixedDecimal)
    /// The provinces not classed, taken as unlisted (`other`).
    case unlistedClass
    /// No transfers, since the scenario names no transfer scope.
    case noTransfers
    /// Every province taken as unlisted (the ward targets of the class "other").
    case unlistedForEveryProvince
    /// The provinces not in the classes file taken as unlisted.
    case unlistedForProvinces(count: Int, file: String)
    /// The proposal's objective weights.
    case proposalWeights(failing: Double, compactness: Double, balance: Double, district: Double, surplus: Double)
    /// Neighbours read from an adjacency file.
    case neighboursFromFile(String)
    /// Neighbours as Delaunay edges of the units' centres within a distance, inside one province or district.
    case neighboursDelaunay(maximumDistance: String, within: String)

    /// The English words of the manifest, as mergersim has always written them; nil for ``asWritten``.
    public var english: String? {
        switch self {
        case .asWritten: return nil
        case let .decisionOnEffectiveDate(date): return "\(date) (the effective date: the exit window runs from it)"
        case let .yearsToLatestDeadline(years): return "\(years) (to the latest deadline)"
        case let .precisionRuns(minimum, maximum, step, floor):
            return "at least \(minimum), at most \(maximum), checked every \(step) (95 % intervals: Wilson for the probability, Student's t otherwise; "
                + "a half-width of \(floor) allowed whatever the mean)"
        case let .inForceFrom(date, ruleSet): return "\(date) (in_force.from of \(ruleSet))"
        case let .ruleSetInForce(id, dayBefore): return "\(id) (in force on \(dayBefore), the day before the effective date)"
        case let .noRuleSetInForce(id, dayBefore): return "\(id) (no bundled rule set is in force on \(dayBefore))"
        case let .zeroForPeopleWithout(people): return "0 for \(people) people without it"
        case let .meanForPeopleWithout(mean, people): return "\(mean) for \(people) people without it"
        case let .syntheticRoster(seed): return "synthetic (rule set synthetic_roster, seed \(seed))"
        case .typeFromScore: return "from the score"
        case let .otherPoints(points): return ReportFormat.decimal(points)
        case .unlistedClass: return ProvinceClass.unlisted.rawValue
        case .noTransfers: return "none"
        case .unlistedForEveryProvince: return "\(ProvinceClass.unlisted.rawValue) for every province (R-2.6 ward targets)"
        case let .unlistedForProvinces(count, file): return "\(ProvinceClass.unlisted.rawValue) for the \(count) provinces not in \(file)"
        case let .proposalWeights(failing, compactness, balance, district, surplus):
            return "failing \(failing), compactness \(compactness) per km, balance \(balance), district crossing \(district), surplus \(surplus) a person"
        case let .neighboursFromFile(file): return "from \(file)"
        case let .neighboursDelaunay(distance, within): return "Delaunay edges of the centres within \(distance), in the same \(within), pieces joined"
        }
    }
}
