import MergerSim
import MergerSimIO

/// Bundled rule sets, loaded once per test process.
enum Rules {
    static let vn2019 = try! RuleSetLoader.load("vn-2019").rules
    static let vn2023 = try! RuleSetLoader.load("vn-2023").rules
    static let vn2025 = try! RuleSetLoader.load("vn-2025").rules
    static let vn2026 = try! RuleSetLoader.load("vn-2026").rules
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
