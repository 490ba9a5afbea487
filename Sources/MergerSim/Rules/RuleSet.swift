import Foundation

/// One versioned body of law as data: the standards, screening tests,
/// merged-unit targets, classification, quotas and deadline in force for a
/// round of mergers. Every value names its rule (an R-id, see docs/LAW.md); values
/// the law leaves unconfirmed are marked ``Status/notConfirmed`` and are
/// parameters: change them in a copy of the rule file.
public struct RuleSet: Sendable, Codable {
    /// `vn-2019`, `vn-2023`, `vn-2025`, `vn-2026`, or a planner's own.
    public var id: String
    public var title: String
    /// The title in Vietnamese (the file's `title_vi:`), for a reader of Vietnamese; nil when the file gives none.
    public var vietnameseTitle: String?
    /// When the rule set is the law (its start is a scenario's default effective date).
    public var inForce: InForce
    /// The legal instruments the values come from.
    public var instruments: [String]
    /// Standards of a commune-level unit, the first matching entry applies.
    public var standards: [Standard]
    /// Specific-factor reductions of the standards.
    public var reductions: Reductions
    /// The mandatory-merger tests, by round.
    public var screening: Screening
    /// What a merged unit must reach.
    public var mergedUnits: MergedUnitTargets
    /// Scores and types (R-3.x).
    public var classification: ClassificationRules
    /// Staffing quotas (R-4.x).
    public var quotas: QuotaRules
    /// When staffing must be back within quota.
    public var deadline: Deadline
    /// Envelope allocation and transfers (mergersim's parameters).
    public var reallocation: ReallocationRules
    /// Retirement, exit packages and base salary (R-5.x).
    public var transition: TransitionRules
    /// The instrument and article of every R-id the rule set uses, in each report language (checked when read).
    public var citations: Citations
    /// The Vietnamese name of each instrument an `instrument:` value of the file names, keyed by that value
    /// (the file's `instrument_names:`; checked when read, so a report in Vietnamese never shows an English title).
    public var instrumentNames: [String: String]?

    /// The citation of `rule` (an R-id, or a rule value naming one first), if the rule set has one.
    public func citation(_ rule: String) -> Citation? {
        Citation.ruleIDs(in: rule).first.flatMap { citations[$0] }
    }

    enum CodingKeys: String, CodingKey {
        case id, title, instruments, citations, standards, reductions, screening, classification, quotas, deadline, reallocation, transition
        case mergedUnits = "merged_units"
        case inForce = "in_force"
        case instrumentNames = "instrument_names"
        case vietnameseTitle = "title_vi"
    }

    /// The period a rule set is the law: from `from` to `to` (open-ended when absent).
    public struct InForce: Sendable, Codable, Hashable {
        public var status: Status?
        public var from: CalendarDate
        public var to: CalendarDate?

        public func contains(_ date: CalendarDate) -> Bool { from <= date && (to.map { date <= $0 } ?? true) }
    }
}

/// Whether a value was confirmed in a copy of the text ([C]), derived from
/// confirmed numbers ([D]), or is an assumption to configure ([NC]).
public enum Status: String, Sendable, Codable, Hashable {
    case confirmed = "C"
    case derived = "D"
    case notConfirmed = "NC"
}

/// The standard (population and area) of one kind of unit.
public struct Standard: Sendable, Codable, Hashable {
    public var rule: String
    public var status: Status?
    /// Which units it applies to.
    public var applies: UnitSelector
    public var population: Int
    public var area: FixedDecimal

    enum CodingKeys: String, CodingKey {
        case rule, status, population
        case area = "area_km2"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(String.self, forKey: .rule)
        status = try container.decodeIfPresent(Status.self, forKey: .status)
        applies = try UnitSelector(from: decoder)
        population = try container.decode(Int.self, forKey: .population)
        area = FixedDecimal(millionths: try container.decode(FixedDecimal.self, forKey: .area).millionths)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encodeIfPresent(status, forKey: .status)
        try applies.encode(to: encoder)
        try container.encode(population, forKey: .population)
        try container.encode(area.doubleValue, forKey: .area)
    }
}

/// A description of units: every field given must match; absent fields match anything.
public struct UnitSelector: Sendable, Codable, Hashable {
    public var kind: UnitKind?
    public var districtKind: DistrictKind?
    public var mountainous: Bool?
    public var island: Bool?

    enum CodingKeys: String, CodingKey {
        case kind, mountainous, island
        case districtKind = "district_kind"
    }

    public init(kind: UnitKind? = nil, districtKind: DistrictKind? = nil, mountainous: Bool? = nil, island: Bool? = nil) {
        self.kind = kind
        self.districtKind = districtKind
        self.mountainous = mountainous
        self.island = island
    }

    public func matches(_ unit: AdministrativeUnit) -> Bool {
        (kind == nil || kind == unit.kind)
            && (districtKind == nil || districtKind == unit.districtKind)
            && (mountainous == nil || mountainous == unit.features.mountainous)
            && (island == nil || island == unit.features.island)
    }

    /// Plain words for the selector, e.g. "ward of a urban_district".
    public var summary: String {
        var words = [kind?.rawValue ?? "any unit"]
        if let districtKind { words.append("in a \(districtKind.rawValue)") }
        if let mountainous { words.append(mountainous ? "mountainous" : "not mountainous") }
        if let island { words.append(island ? "island" : "not island") }
        return words.joined(separator: ", ")
    }
}

/// A ratio of two whole numbers, written `1/3` in a rule file.
public struct Fraction: Sendable, Codable, Hashable, CustomStringConvertible {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let n = parts[0], let d = parts[1], n > 0, d > 0 else {
            throw ValueRefusal.fraction(text: text).decodingError(at: decoder.codingPath)
        }
        self.init(n, d)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var description: String { "\(numerator)/\(denominator)" }
}

/// When overstaffing must end: a fixed date, or years after the merger takes effect.
public struct Deadline: Sendable, Codable, Hashable {
    public var rule: String
    public var status: Status?
    public var yearsAfterEffective: Int?
    /// A fixed date (the 2019–2021 round: 31 Dec 2024).
    public var date: CalendarDate?
    /// Earlier dates for some categories (a province may set them; e.g. Nghệ An: non-professional workers by 31 Dec 2025).
    public var byCategory: NamedMap<StaffCategory, CalendarDate>?

    enum CodingKeys: String, CodingKey {
        case rule, status, date
        case yearsAfterEffective = "years_after_effective"
        case byCategory = "by_category"
    }

    /// Each category's deadline for a merger effective on `effective`: `overrides` (a scenario's), else the
    /// rule set's `by_category`, else the common deadline.
    public func dates(effective: CalendarDate, overrides: [StaffCategory: CalendarDate] = [:]) -> PerCategory<CalendarDate>? {
        guard let common = date(effective: effective) else { return nil }
        func pick(_ category: StaffCategory) -> CalendarDate { overrides[category] ?? byCategory?[category] ?? common }
        return PerCategory(cadres: pick(.cadres), civilServants: pick(.civilServants), nonProfessional: pick(.nonProfessional))
    }
}

extension Deadline {
    /// The date staffing must be back within quota for a merger effective on `effective`.
    public func date(effective: CalendarDate) -> CalendarDate? {
        if let years = yearsAfterEffective { return effective.addingYears(years) }
        return date
    }
}
