/// What a person who leaves early is paid, in months of salary, under one decree.
public struct ExitPackage: Hashable, Sendable {
    /// The package in months of the person's monthly salary (or, for a non-professional worker, of their allowance).
    public var months: Double
    /// The rule it comes from.
    public var rule: String

    /// The package in whole VND (to the nearest đồng) for a monthly salary of `coefficient` × `baseSalary`.
    public func vnd(salaryCoefficient coefficient: Double, baseSalary: Int) -> Double {
        Self.vnd(months: months, salaryCoefficient: coefficient, baseSalary: baseSalary)
    }

    /// `months` of a monthly salary of `coefficient` × `baseSalary`, in whole VND (to the nearest đồng).
    @inline(__always)
    public static func vnd(months: Double, salaryCoefficient coefficient: Double, baseSalary: Int) -> Double {
        (months * coefficient * Double(baseSalary)).rounded()
    }
}

/// Who leaves, and how far from retirement.
public struct ExitCase: Hashable, Sendable {
    public enum Route: String, Hashable, Sendable, CaseIterable {
        case earlyRetirement = "early_retirement"
        case resignation
    }

    public var route: Route
    /// Whole months between leaving and the statutory retirement date.
    public var monthsEarly: Int
    /// Years of social insurance (or of service, under Decree 154) on the day of leaving.
    public var insuranceYears: Double
    /// Whether the person leaves within the window after the merger (12 months).
    public var withinWindow: Bool

    public init(route: Route, monthsEarly: Int, insuranceYears: Double, withinWindow: Bool) {
        self.route = route
        self.monthsEarly = monthsEarly
        self.insuranceYears = insuranceYears
        self.withinWindow = withinWindow
    }
}

extension ExitLaw.PartialYear {
    /// Early years as the decrees count them: whole years, and a remainder of 1 to
    /// `wholeFromMonths` − 1 months as half a year, of `wholeFromMonths` or more as a whole one.
    public func earlyYears(monthsEarly: Int) -> Double {
        let whole = Double(monthsEarly / 12), rest = monthsEarly % 12
        return whole + (rest == 0 ? 0 : rest < wholeFromMonths ? 0.5 : 1)
    }
}

extension ExitLaw.Formula {
    /// The package in months (see the type): the law's formula, with its numbers from the rule file.
    public func months(_ exit: ExitCase, partialYear: ExitLaw.PartialYear) -> Double {
        let years = exit.insuranceYears.rounded(.down)
        let salaryMonths = Double(min(exit.monthsEarly, salaryMonthsCap))
        let service = serviceAllowance && years >= serviceFromYears
            ? serviceFirstMonths + servicePerFurtherYear * (years - serviceFromYears) : 0
        return base + (exit.withinWindow ? withinFactor : laterFactor) * salaryMonths
            + perEarlyYear * partialYear.earlyYears(monthsEarly: exit.monthsEarly)
            + perInsuranceYear * years + service
    }
}

extension ExitLaw.Decree {
    /// The formula that prices `exit` under this decree, or nil when the person does not qualify:
    /// early retirement needs the insurance years and a band covering the months early; resignation
    /// its window of months early.
    public func formula(for exit: ExitCase) -> ExitLaw.Formula? {
        switch exit.route {
        case .earlyRetirement:
            guard exit.insuranceYears >= earlyRetirement.minInsuranceYears else { return nil }
            return earlyRetirement.bands.first { $0.covers(monthsEarly: exit.monthsEarly) }
        case .resignation:
            return resignation.covers(monthsEarly: exit.monthsEarly) ? resignation : nil
        }
    }

    /// The package of `exit`, or nil when the person does not qualify.
    public func package(_ exit: ExitCase, partialYear: ExitLaw.PartialYear) -> ExitPackage? {
        formula(for: exit).map { ExitPackage(months: $0.months(exit, partialYear: partialYear), rule: rule) }
    }
}

extension ExitLaw.NonProfessionalAllowance {
    /// Months of allowance for a non-professional worker leaving on `leaving`: `share` × the whole
    /// months left of the term, or nil after the window.
    public func package(leaving: CalendarDate, withinWindow: Bool) -> ExitPackage? {
        guard withinWindow else { return nil }
        return ExitPackage(months: share * Double(max(0, CalendarDate.wholeMonths(from: leaving, to: termEnds))), rule: rule)
    }
}

extension CalendarDate {
    /// Whole months from `start` to `end` (negative when `end` is earlier): 1 Jan → 1 Feb is 1, 15 Jan → 1 Feb is 0.
    public static func wholeMonths(from start: CalendarDate, to end: CalendarDate) -> Int {
        let months = (end.year * 12 + end.month) - (start.year * 12 + start.month)
        return start.day > end.day ? months - 1 : months
    }

    /// The same day `months` later (the last day of a shorter month where needed).
    public func addingMonths(_ months: Int) -> CalendarDate {
        let month = CalendarMonth(year: year, month: self.month).adding(months: months)
        return CalendarDate(year: month.year, month: month.month, day: min(day, CalendarDate.daysIn(month: month.month, year: month.year)))
    }
}

/// One route out priced for one person on one day: the decree and rule in force, eligibility, the
/// package in months and in VND (what `mergersim package` prints, and what the transition pays).
public struct ExitQuote: Hashable, Sendable {
    public enum Route: String, Hashable, Sendable, CaseIterable {
        case earlyRetirement = "early_retirement"
        case resignation
        /// A non-professional worker's allowance when the post ends or the unit is over quota.
        case endOfPost = "end_of_post"
    }

    public var route: Route
    /// The decree's id (or the allowance's rule for non-professional workers); nil when none is in force.
    public var decree: String?
    public var rule: String?
    public var eligible: Bool
    public var monthsEarly: Int
    public var packageMonths: Double
    public var vnd: Double
    /// The base salary in force on the day of leaving.
    public var baseSalary: Int
}

extension TransitionRules {
    /// Prices leaving on `leaving` by `route` for someone `monthsEarly` months before retirement with
    /// `insuranceYears` and a salary coefficient, after a merger effective on `mergerEffective`:
    /// under the decree a merger's surplus staff take on that day, at the base salary of that day.
    public func quote(_ route: ExitQuote.Route, monthsEarly: Int, insuranceYears: Double, salaryCoefficient: Double,
                      leaving: CalendarDate, mergerEffective: CalendarDate) -> ExitQuote {
        let base = baseSalary.inForce(on: leaving) ?? 0
        let within = leaving < mergerEffective.addingMonths(exitLaw.withinMonths)
        var quote = ExitQuote(route: route, decree: nil, rule: nil, eligible: false, monthsEarly: monthsEarly,
                              packageMonths: 0, vnd: 0, baseSalary: base)
        switch route {
        case .endOfPost:
            let allowance = exitLaw.nonProfessional
            quote.decree = exitLaw.mergerDecree(on: leaving)?.id
            quote.rule = allowance.rule
            if let package = allowance.package(leaving: leaving, withinWindow: within) {
                quote.eligible = true
                quote.packageMonths = package.months
                quote.vnd = (package.months * allowance.monthlyAllowance * Double(base)).rounded()
            }
        case .earlyRetirement, .resignation:
            guard let decree = exitLaw.mergerDecree(on: leaving) else { return quote }
            quote.decree = decree.id
            quote.rule = decree.rule
            let exit = ExitCase(route: route == .earlyRetirement ? .earlyRetirement : .resignation, monthsEarly: monthsEarly,
                                insuranceYears: insuranceYears, withinWindow: within)
            if let package = decree.package(exit, partialYear: exitLaw.partialYear) {
                quote.eligible = true
                quote.packageMonths = package.months
                quote.vnd = package.vnd(salaryCoefficient: salaryCoefficient, baseSalary: base)
            }
        }
        return quote
    }
}
