/// The kind of a commune-level unit (đơn vị hành chính cấp xã).
public enum UnitKind: String, Sendable, Hashable, CaseIterable, Codable, NamedInTwoLanguages {
    /// xã
    case commune
    /// phường
    case ward
    /// thị trấn (before 1 Jul 2025)
    case town
    /// đặc khu (from 1 Jul 2025)
    case specialZone = "special_zone"
    /// huyện đảo: an island district with no commune level (before 1 Jul 2025), a predecessor of a special zone
    case islandDistrict = "island_district"

    /// The Vietnamese name, as planners write it.
    public var vietnamese: String {
        switch self {
        case .commune: "xã"
        case .ward: "phường"
        case .town: "thị trấn"
        case .specialZone: "đặc khu"
        case .islandDistrict: "huyện đảo"
        }
    }
}

/// The kind of the district a unit belonged to before 2025; it selects the
/// standard of a ward.
public enum DistrictKind: String, Sendable, Hashable, CaseIterable, Codable, NamedInTwoLanguages {
    /// quận
    case urbanDistrict = "urban_district"
    /// thành phố thuộc tỉnh
    case provincialCity = "provincial_city"
    /// thị xã
    case districtTown = "district_town"
    /// huyện
    case ruralDistrict = "rural_district"

    public var vietnamese: String {
        switch self {
        case .urbanDistrict: "quận"
        case .provincialCity: "thành phố"
        case .districtTown: "thị xã"
        case .ruralDistrict: "huyện"
        }
    }
}

/// A unit's type (loại), from its classification score; it sets the quota.
public enum UnitType: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case typeI = "I", typeII = "II", typeIII = "III"

    /// Reads `I`, `II`, `III` (also `1`, `2`, `3`).
    public init?(name: String) {
        switch name.uppercased() {
        case "I", "1": self = .typeI
        case "II", "2": self = .typeII
        case "III", "3": self = .typeIII
        default: return nil
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A value planners may write in English (its raw value) or in Vietnamese.
public protocol NamedInTwoLanguages: RawRepresentable<String>, CaseIterable {
    /// The Vietnamese name, as planners write it.
    var vietnamese: String { get }
}

extension NamedInTwoLanguages {
    /// Reads the English or the Vietnamese name (`commune` or `xã`), ignoring case.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let value = Self.allCases.first(where: { $0.rawValue == lowered || $0.vietnamese == lowered }) else { return nil }
        self = value
    }
}
