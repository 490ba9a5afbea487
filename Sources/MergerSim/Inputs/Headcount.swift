/// People (or posts) in each staff category.
public struct Headcount: Hashable, Sendable {
    public var cadres: Int
    public var civilServants: Int
    public var nonProfessional: Int

    public init(cadres: Int, civilServants: Int, nonProfessional: Int) {
        self.cadres = cadres
        self.civilServants = civilServants
        self.nonProfessional = nonProfessional
    }

    public static let zero = Headcount(cadres: 0, civilServants: 0, nonProfessional: 0)

    public subscript(category: StaffCategory) -> Int {
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

    public var total: Int { cadres + civilServants + nonProfessional }

    public var isZero: Bool { cadres == 0 && civilServants == 0 && nonProfessional == 0 }

    /// How far each category exceeds `other`, never below zero: surplus as
    /// `staff.excess(over: quota)`, vacancies as `quota.excess(over: staff)`.
    public func excess(over other: Headcount) -> Headcount {
        Headcount(cadres: max(0, cadres - other.cadres), civilServants: max(0, civilServants - other.civilServants),
                  nonProfessional: max(0, nonProfessional - other.nonProfessional))
    }

    public static func + (lhs: Self, rhs: Self) -> Self {
        Headcount(cadres: lhs.cadres + rhs.cadres, civilServants: lhs.civilServants + rhs.civilServants,
                  nonProfessional: lhs.nonProfessional + rhs.nonProfessional)
    }
}
