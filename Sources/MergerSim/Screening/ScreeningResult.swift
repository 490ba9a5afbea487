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
