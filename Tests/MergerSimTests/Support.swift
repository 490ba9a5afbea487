import MergerSim
import MergerSimInputs
import MergerSimReports

/// Bundled rule sets, loaded once per test process.
enum Rules {
    // Loaded once; a rule set that fails to load fails the tests that use it, not the whole runner.
    private static let loaded = Dictionary(uniqueKeysWithValues: ["vn-2019", "vn-2023", "vn-2025", "vn-2026"].map { id in
        (id, Result { () throws(InputError) -> RuleSet in try RuleSetLoader.load(id).rules })
    })
    static var vn2019: RuleSet { get throws { try loaded["vn-2019"]!.get() } }
    static var vn2023: RuleSet { get throws { try loaded["vn-2023"]!.get() } }
    static var vn2025: RuleSet { get throws { try loaded["vn-2025"]!.get() } }
    static var vn2026: RuleSet { get throws { try loaded["vn-2026"]!.get() } }
}

extension AdministrativeUnit {
    /// A unit for a test: `area` as decimal text, so its precision is as written.
    static func sample(
        _ kind: UnitKind = .commune, district: DistrictKind? = nil, area: String, population: Int,
        features: Features = Features(), type: UnitType? = nil, otherPoints: String? = nil, exemption: Exemption? = nil,
        staff: Headcount? = nil, code: String = "00001"
    ) -> AdministrativeUnit {
        AdministrativeUnit(code: code, name: "Test", kind: kind, province: "Test", districtKind: district,
                           area: FixedDecimal(parsing: area)!, population: population, features: features, type: type,
                           otherPoints: otherPoints.flatMap { FixedDecimal(parsing: $0) }, exemption: exemption, staff: staff)
    }
}

extension RuleSet {
    /// Screens one unit under the default round.
    func screen(_ unit: AdministrativeUnit) throws -> ScreeningResult {
        try screen(unit, round: screening.round(screening.defaultRound)!)
    }

    func screen(_ unit: AdministrativeUnit, roundYear: Int) throws -> ScreeningResult {
        try screen(unit, round: screening.round(roundYear)!)
    }
}
