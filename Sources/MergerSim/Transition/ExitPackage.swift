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
    /// The route out: a decree prices ``ExitRoute/earlyRetirement`` and ``ExitRoute/resignation`` only.
    public var route: ExitRoute
    /// Whole months between leaving and the statutory retirement date.
    public var monthsEarly: Int
    /// Years of social insurance (or of service, under Decree 154) on the day of leaving, with their fraction.
    public var insuranceYears: Double
    /// Whether the person leaves within the window after the decision on the arrangement.
    public var withinWindow: Bool

    public init(route: ExitRoute, monthsEarly: Int, insuranceYears: Double, withinWindow: Bool) {
        self.route = route
        self.monthsEarly = monthsEarly
        self.insuranceYears = insuranceYears
        self.withinWindow = withinWindow
    }

    /// The insurance record in whole months, to the nearest month (25.75 years: 309 months), the
    /// exact months the decrees round.
    public var insuranceMonths: Int { Int((insuranceYears * 12).rounded()) }
}

extension ExitLaw.PartialYear {
    /// `months` in years as the decree counts them: whole years, and the remainder
    /// nothing under `halfFromMonths`, half a year under `wholeFromMonths`, a whole year from it.
    public func years(months: Int) -> Double {
        let whole = Double(months / 12), rest = months % 12
        return whole + (rest == 0 || rest < halfFromMonths ? 0 : rest < wholeFromMonths ? 0.5 : 1)
    }
}

extension ExitLaw.Formula {
    /// The package in months (see the type): the law's formula, with its numbers from the rule file;
    /// early and insurance years counted with `partialYear`, the service allowance by `pension`.
    public func months(_ exit: ExitCase, partialYear: ExitLaw.PartialYear, pension: ExitLaw.PensionTerms?) -> Double {
        let years = partialYear.years(months: exit.insuranceMonths)
        let salaryMonths = Double(min(exit.monthsEarly, salaryMonthsCap))
        var service = 0.0
        if serviceAllowance, let pension, years >= pension.serviceFromYears {
            service = pension.serviceFirstMonths + pension.servicePerFurtherYear * (years - pension.serviceFromYears)
        }
        return base + (exit.withinWindow ? withinFactor : laterFactor) * salaryMonths
            + perEarlyYear * partialYear.years(months: exit.monthsEarly)
            + perInsuranceYear * years + service
    }
}

extension ExitLaw.Decree {
    /// The formula that prices `exit` under this decree, or nil when the person does not qualify:
    /// early retirement needs the insurance years of `pension` (the terms of the leaving date; exact
    /// months, not rounded) and a band covering the months early; resignation its window of months early;
    /// a decree prices no other route.
    public func formula(for exit: ExitCase, pension: ExitLaw.PensionTerms?) -> ExitLaw.Formula? {
        switch exit.route {
        case .earlyRetirement:
            guard let pension, Double(exit.insuranceMonths) >= pension.minInsuranceYears * 12 else { return nil }
            return earlyRetirement.bands.first { $0.covers(monthsEarly: exit.monthsEarly) }
        case .resignation:
            return resignation.covers(monthsEarly: exit.monthsEarly) ? resignation : nil
        case .retirement, .voluntary, .categoryEnded, .endOfPost:
            return nil
        }
    }

    /// The package of `exit` for someone leaving on `leaving`, or nil when the person does not qualify.
    public func package(_ exit: ExitCase, leaving: CalendarDate) -> ExitPackage? {
        let pension = earlyRetirement.pension(on: leaving)
        return formula(for: exit, pension: pension).map {
            ExitPackage(months: $0.months(exit, partialYear: partialYear, pension: pension), rule: rule)
        }
    }
}

extension ExitLaw.NonProfessionalAllowance {
    /// The months left of the term on leaving on `leaving`: whole months to the day after its
    /// last day, so the term's last month counts (1 Aug 2025 to a term ending 30 Jun 2026: 11).
    public func monthsLeft(leaving: CalendarDate) -> Int {
        max(0, CalendarDate.wholeMonths(from: leaving, to: termEnds.addingDays(1)))
    }

    /// Months of allowance for a non-professional worker leaving on `leaving`: `share` × the months
    /// left of the term, or nil after the window.
    public func package(leaving: CalendarDate, withinWindow: Bool) -> ExitPackage? {
        guard withinWindow else { return nil }
        return ExitPackage(months: share * Double(monthsLeft(leaving: leaving)), rule: rule)
    }
}
