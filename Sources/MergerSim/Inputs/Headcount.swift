/// People (or posts) in each staff category: the per-category value type for whole numbers.
public typealias Headcount = PerCategory<Int>

extension PerCategory where Value == Int {
    public static var zero: Headcount { Headcount(cadres: 0, civilServants: 0, nonProfessional: 0) }

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
