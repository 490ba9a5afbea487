import Foundation

/// An existing commune-level unit, as the planner's units file describes it.
public struct AdministrativeUnit: Hashable, Sendable, Identifiable {
    /// The unit's GSO code, unique in a file.
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var province: String
    public var district: String?
    /// Required for wards under the 1211 standards.
    public var districtKind: DistrictKind?
    /// Area in km², with the decimals the source gave.
    public var area: FixedDecimal
    public var population: Int
    public var features: Features
    /// The type the planner states; computed from the score when absent.
    public var type: UnitType?
    /// Classification points outside area and population; the rule set's default when absent.
    public var otherPoints: FixedDecimal?
    public var exemption: Exemption?
    /// Staff now; absent when a roster gives them.
    public var staff: Headcount?
    public var location: Coordinate?

    public var id: String { code }

    public init(code: String, name: String, kind: UnitKind, province: String, district: String? = nil,
                districtKind: DistrictKind? = nil, area: FixedDecimal, population: Int, features: Features = Features(),
                type: UnitType? = nil, otherPoints: FixedDecimal? = nil, exemption: Exemption? = nil,
                staff: Headcount? = nil, location: Coordinate? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.province = province
        self.district = district
        self.districtKind = districtKind
        self.area = area
        self.population = population
        self.features = features
        self.type = type
        self.otherPoints = otherPoints
        self.exemption = exemption
        self.staff = staff
        self.location = location
    }

    /// Geographic and social facts that change which standard applies.
    public struct Features: Hashable, Sendable {
        /// Mountainous or highland (miền núi, vùng cao).
        public var mountainous = false
        /// On a land border.
        public var border = false
        public var island = false
        /// An especially difficult coastal or sandbank commune.
        public var coastalDifficult = false
        public var redRiverDelta = false
        /// Share of ethnic-minority population, 0 to 1.
        public var ethnicMinorityShare: FixedDecimal?

        public init(mountainous: Bool = false, border: Bool = false, island: Bool = false, coastalDifficult: Bool = false,
                    redRiverDelta: Bool = false, ethnicMinorityShare: FixedDecimal? = nil) {
            self.mountainous = mountainous
            self.border = border
            self.island = island
            self.coastalDifficult = coastalDifficult
            self.redRiverDelta = redRiverDelta
            self.ethnicMinorityShare = ethnicMinorityShare
        }
    }
}

/// A point on the Earth, in decimal degrees.
public struct Coordinate: Hashable, Sendable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A ground on which a unit that falls under a screening test is not merged.
///
/// Exemptions are the planner's judgement, read from the input; never inferred.
public enum Exemption: Hashable, Sendable {
    /// (a) isolated, hard to link with neighbours
    case isolated
    /// (b) boundary stable since 1945
    case stableBoundary
    /// (c) key defence or security position, or a distinct history, culture, ethnicity or religion
    case distinctPosition
    /// (d) rural unit planned to become urban in 2023–2030 and already meeting the urban standards
    case plannedUrban
    /// Any other ground the planner states, e.g. "arranged in the 2019–2021 round".
    case other(String)

    /// Reads `a`–`d` (any case) as the grounds of, anything else as free text.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        switch trimmed.lowercased() {
        case "a": self = .isolated
        case "b": self = .stableBoundary
        case "c": self = .distinctPosition
        case "d": self = .plannedUrban
        default: self = .other(trimmed)
        }
    }

    /// `a`–`d`, or the free text.
    public var code: String {
        switch self {
        case .isolated: "a"
        case .stableBoundary: "b"
        case .distinctPosition: "c"
        case .plannedUrban: "d"
        case .other(let text): text
        }
    }
}
