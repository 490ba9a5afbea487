/// The three categories of commune-level staff.
public enum StaffCategory: String, Sendable, Hashable, CaseIterable, Codable {
    /// cán bộ cấp xã: elected and appointed leaders
    case cadres
    /// công chức cấp xã
    case civilServants = "civil_servants"
    /// người hoạt động không chuyên trách cấp xã
    case nonProfessional = "non_professional"

    /// How many categories there are.
    public static let count = allCases.count

    /// 0, 1, 2 in the order of `allCases`, for flat arrays of (unit, category) slots.
    public var index: Int {
        switch self {
        case .cadres: 0
        case .civilServants: 1
        case .nonProfessional: 2
        }
    }
}

/// A move from one staff category to another, as rule files write it (`{from: …, to: …}`): the pairs a
/// rule set allows, and those the transfer planner and the transition cross.
public struct CategoryPair: Sendable, Codable, Hashable {
    /// The category a person leaves.
    public var from: StaffCategory
    /// The category they take a post in (the same, for a move within a category).
    public var to: StaffCategory

    public init(from: StaffCategory, to: StaffCategory) {
        self.from = from
        self.to = to
    }
}

/// A value for each staff category, written in a rule file as
/// `{cadres: …, civil_servants: …, non_professional: …}`.
public struct PerCategory<Value: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
    public var cadres: Value
    public var civilServants: Value
    public var nonProfessional: Value

    enum CodingKeys: String, CodingKey {
        case cadres
        case civilServants = "civil_servants"
        case nonProfessional = "non_professional"
    }

    public init(cadres: Value, civilServants: Value, nonProfessional: Value) {
        self.cadres = cadres
        self.civilServants = civilServants
        self.nonProfessional = nonProfessional
    }

    /// Each category's value from `value`.
    public init(_ value: (StaffCategory) throws -> Value) rethrows {
        self.init(cadres: try value(.cadres), civilServants: try value(.civilServants), nonProfessional: try value(.nonProfessional))
    }

    /// The same value for every category.
    public init(repeating value: Value) {
        self.init(cadres: value, civilServants: value, nonProfessional: value)
    }

    public subscript(category: StaffCategory) -> Value {
        get {
            switch category {
            case .cadres: cadres
            case .civilServants: civilServants
            case .nonProfessional: nonProfessional
            }
        }
        set {
            switch category {
            case .cadres: cadres = newValue
            case .civilServants: civilServants = newValue
            case .nonProfessional: nonProfessional = newValue
            }
        }
    }

    /// The values transformed category by category.
    public func map<T>(_ transform: (Value) throws -> T) rethrows -> PerCategory<T> {
        PerCategory<T>(cadres: try transform(cadres), civilServants: try transform(civilServants), nonProfessional: try transform(nonProfessional))
    }
}
