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

/// A date of birth as precise as the roster gives it: a year, a month, or a day.
public struct BirthDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// A date of birth from its parts (a day only with a month); nil when not a real date.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        if let month { guard (1...12).contains(month) else { return nil } }
        if let day {
            guard let month, (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a year in ``Limits/years``; nil when malformed,
    /// not a real date, or out of those years.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts[0].utf8.allSatisfy({ (48...57).contains($0) }),
              let year = Int(parts[0]), Limits.years.contains(year) else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), (1...CalendarDate.daysIn(month: month!, year: year)).contains(day) else { return nil }
            self.day = day
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month ?? 1, lhs.day ?? 1) < (rhs.year, rhs.month ?? 1, rhs.day ?? 1)
    }
}

/// A calendar date (proleptic Gregorian), for effective dates and deadlines.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Reads `YYYY-MM-DD` with a year in ``Limits/years``; nil when malformed, not a real date, or out of those years.
    public init?(iso text: String) {
        guard let date = BirthDate(text: text), let month = date.month, let day = date.day else { return nil }
        self.init(year: date.year, month: month, day: day)
    }

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day `days` later (earlier when negative).
    public func addingDays(_ days: Int) -> CalendarDate {
        var date = self
        var left = days
        while left > 0 {
            if date.day < CalendarDate.daysIn(month: date.month, year: date.year) { date.day += 1 }
            else if date.month < 12 { date = CalendarDate(year: date.year, month: date.month + 1, day: 1) }
            else { date = CalendarDate(year: date.year + 1, month: 1, day: 1) }
            left -= 1
        }
        while left < 0 {
            if date.day > 1 { date.day -= 1 }
            else if date.month > 1 { date = CalendarDate(year: date.year, month: date.month - 1, day: CalendarDate.daysIn(month: date.month - 1, year: date.year)) }
            else { date = CalendarDate(year: date.year - 1, month: 12, day: 31) }
            left += 1
        }
        return date
    }

    /// The same day `years` later (29 February becomes 28 February in a common year).
    public func addingYears(_ years: Int) -> CalendarDate {
        let year = self.year + years
        return CalendarDate(year: year, month: month, day: min(day, Self.daysIn(month: month, year: year)))
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    /// `YYYY-MM-DD`.
    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

extension Deadline {
    /// The date staffing must be back within quota for a merger effective on `effective`.
    public func date(effective: CalendarDate) -> CalendarDate? {
        if let years = yearsAfterEffective { return effective.addingYears(years) }
        return date
    }
}
