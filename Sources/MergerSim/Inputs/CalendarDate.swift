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

extension CalendarDate: Codable {
    /// Rule files write dates as `YYYY-MM-DD` (Yams may hand them over as text or as a date): read
    /// into a date, never kept as text; a malformed one is an error at its place.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw ValueRefusal.date(text: text, firstYear: Limits.years.lowerBound, lastYear: Limits.years.upperBound).decodingError(in: container)
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CalendarDate {
    /// The month the date falls in.
    public var calendarMonth: CalendarMonth { CalendarMonth(year: year, month: month) }

    /// Whole months from `start` to `end` (negative when `end` is earlier): 1 Jan → 1 Feb is 1, 15 Jan → 1 Feb is 0.
    public static func wholeMonths(from start: CalendarDate, to end: CalendarDate) -> Int {
        let months = end.calendarMonth.index - start.calendarMonth.index
        return start.day > end.day ? months - 1 : months
    }

    /// The same day `months` later (the last day of a shorter month where needed).
    public func addingMonths(_ months: Int) -> CalendarDate {
        let month = calendarMonth.adding(months: months)
        return CalendarDate(year: month.year, month: month.month, day: min(day, CalendarDate.daysIn(month: month.month, year: month.year)))
    }
}

/// A calendar month, for retirement dates.
public struct CalendarMonth: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1–12.
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Months since January of year 0 (`year · 12 + month − 1`): months apart are these apart.
    public var index: Int { year * 12 + month - 1 }

    /// This month plus `months` (which may be negative).
    public func adding(months: Int) -> CalendarMonth {
        let index = self.index + months
        return CalendarMonth(year: index.floorDivided(by: 12), month: index - index.floorDivided(by: 12) * 12 + 1)
    }

    /// The first day of the month.
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1) }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
