/// What screening finds for one existing unit: the standard and whether it
/// is met, the merger decision and the test behind it, the type, and the quota.
public struct ScreeningResult: Hashable, Sendable {
    public var unit: AdministrativeUnit
    public var standard: ApplicableStandard
    public var meetsArea: Bool
    public var meetsPopulation: Bool
    /// Area as a percentage of the (reduced) area standard.
    public var areaPercent: Double
    /// Population as a percentage of the (reduced) population standard.
    public var populationPercent: Double
    public var decision: MergerDecision
    /// The test that holds (for `yes`), or holds at the low end of the rounding (for `borderline`).
    public var test: ScreeningTest?
    public var classification: Classification
    public var quota: Quota

    /// What the planner does with the unit.
    public var verdict: Verdict {
        switch (decision, unit.exemption) {
        case (.no, _): .keep
        case (.yes, nil): .merge
        case (.borderline, nil): .borderline
        case (.yes, _?), (.borderline, _?): .exempt
        }
    }

    public var meetsStandards: Bool { meetsArea && meetsPopulation }

    /// Headcount minus quota in each category, never below zero.
    public var surplus: Headcount? { unit.staff.map(quota.surplus(of:)) }
}

/// A screening verdict in the planner's words.
public enum Verdict: String, Hashable, Sendable, CaseIterable {
    /// Falls under a mandatory-merger test.
    case merge
    /// Falls under a test within the rounding of its published area.
    case borderline
    /// Falls under a test (or is borderline) but has an exemption.
    case exempt
    /// Falls under no test.
    case keep
}

extension RuleSet {
    /// Screens every unit under `round`: standards (R-1.x), merger tests
    /// (R-2.1–, exemptions ), classification (R-3.x) and quota (R-4.x).
    ///
    /// - Throws: ``RuleApplicationError`` for the first unit the rules cannot judge.
    public func screen(_ units: [AdministrativeUnit], round: ScreeningRound) throws(RuleApplicationError) -> [ScreeningResult] {
        var results: [ScreeningResult] = []
        results.reserveCapacity(units.count)
        for unit in units { results.append(try screen(unit, round: round)) }
        return results
    }

    /// Screens one unit; see ``screen(_:round:)``.
    public func screen(_ unit: AdministrativeUnit, round: ScreeningRound) throws(RuleApplicationError) -> ScreeningResult {
        let standard = try standard(for: unit)
        let (decision, test) = round.decide(area: unit.area, population: unit.population, standard: standard)
        let classification = try classification.classify(unit)
        let quota = try quotas.quota(for: unit, type: classification.type, standard: standard.standard)
        return ScreeningResult(
            unit: unit, standard: standard,
            meetsArea: standard.meetsArea(unit.area), meetsPopulation: standard.meetsPopulation(unit.population),
            areaPercent: standard.areaPercentOfStandard(unit.area),
            populationPercent: standard.populationPercentOfStandard(unit.population),
            decision: decision, test: test, classification: classification, quota: quota)
    }
}
