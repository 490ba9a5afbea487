/// One person on a staff roster.
public struct StaffMember: Hashable, Sendable, Identifiable {
    public var id: String
    public var unitCode: String
    public var category: StaffCategory
    public var sex: Sex
    public var birthDate: BirthDate
    /// Years of social insurance.
    public var insuranceYears: FixedDecimal?
    public var salaryCoefficient: FixedDecimal?
    public var title: String?

    public init(id: String, unitCode: String, category: StaffCategory, sex: Sex, birthDate: BirthDate,
                insuranceYears: FixedDecimal? = nil, salaryCoefficient: FixedDecimal? = nil, title: String? = nil) {
        self.id = id
        self.unitCode = unitCode
        self.category = category
        self.sex = sex
        self.birthDate = birthDate
        self.insuranceYears = insuranceYears
        self.salaryCoefficient = salaryCoefficient
        self.title = title
    }

    public enum Sex: String, Hashable, Sendable, CaseIterable {
        case male = "M", female = "F"
    }
}
