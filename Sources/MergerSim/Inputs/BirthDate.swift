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

    /// The first day the date allows (1 January of a year given alone): a person is at least as old as
    /// this makes them.
    public var earliest: CalendarDate { CalendarDate(year: year, month: month ?? 1, day: day ?? 1) }

    /// Whole months of age on `date`, at the oldest the birth date allows (negative before it).
    public func monthsOfAge(on date: CalendarDate) -> Int { CalendarDate.wholeMonths(from: earliest, to: date) }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month ?? 1, lhs.day ?? 1) < (rhs.year, rhs.month ?? 1, rhs.day ?? 1)
    }
}
