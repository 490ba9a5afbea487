/// What a person who leaves early is paid, in months of salary, under one decree.
public struct ExitPackage: Hashable, Sendable {
    /// The package in months of the person's monthly salary.
    public var months: Double
    /// The rule it comes from.
    public var rule: String

    /// The package in VND for a monthly salary of `coefficient` × `baseSalary`.
    public func vnd(salaryCoefficient coefficient: Double, baseSalary: Int) -> Double {
        months * coefficient * Double(baseSalary)
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
    /// Years of social insurance (or of service, under Decree 154).
    public var insuranceYears: Double
    /// Whether the person leaves within 12 months of the merger taking effect.
    public var withinTwelveMonths: Bool

    public init(route: Route, monthsEarly: Int, insuranceYears: Double, withinTwelveMonths: Bool) {
        self.route = route
        self.monthsEarly = monthsEarly
        self.insuranceYears = insuranceYears
        self.withinTwelveMonths = withinTwelveMonths
    }

    /// Early years counted as Decree 178 counts them: whole years, and a
    /// remainder of up to 6 months as half a year, over 6 months as a whole one ([D]).
    public var earlyYears: Double {
        let whole = Double(monthsEarly / 12), rest = monthsEarly % 12
        return whole + (rest == 0 ? 0 : rest <= 6 ? 0.5 : 1)
    }

    /// 5 months for the first 20 years of insurance and 0.5 month for each further year (none below 20 years).
    var serviceMonths: Double { insuranceYears >= 20 ? 5 + 0.5 * (insuranceYears - 20).rounded(.down) : 0 }
}

extension ExitDecree {
    /// Whether `exit` qualifies for early retirement under this decree: 2 to 5
    /// years before the age with 20 years of insurance (and under Decree 178
    /// also 5 to 10 years before).
    public func allowsEarlyRetirement(_ exit: ExitCase) -> Bool {
        guard exit.insuranceYears >= 20, exit.monthsEarly >= 24 else { return false }
        return exit.monthsEarly <= (self == .decree178of2024 ? 120 : 60)
    }

    /// The package of `exit` under this decree, in months of salary.
    ///
    /// - R-5.2 (Decree 29/2023): early retirement 3 months per early year +
    ///   the service months; resignation 3 months + 1.5 per insurance year.
    /// - R-5.3 (Decree 178/2024 as amended by 67/2025): early retirement 2–5
    ///   years before: 1.0 (within 12 months of the merger) or 0.5 × months
    ///   early, + 5 per early year, + the service months; 5–10 years before:
    ///   0.9 or 0.45 × 60, + 4 per early year (the service allowance is not
    ///   priced); resignation: 0.8 or 0.4 × months to retirement (at most 60)
    ///   + 1.5 per insurance year + 3.
    /// - R-5.4 (Decree 154/2025): early retirement 5 per early year + the
    ///   service months; resignation 3 + 1.5 per year of service.
    ///
    /// Insurance years count in whole years.
    public func package(_ exit: ExitCase) -> ExitPackage {
        let years = exit.insuranceYears.rounded(.down)
        switch (self, exit.route) {
        case (.decree29of2023, .earlyRetirement):
            return ExitPackage(months: 3 * exit.earlyYears + exit.serviceMonths, rule: "R-5.2")
        case (.decree29of2023, .resignation):
            return ExitPackage(months: 3 + 1.5 * years, rule: "R-5.2")
        case (.decree178of2024, .earlyRetirement):
            if exit.monthsEarly <= 60 {
                let factor = exit.withinTwelveMonths ? 1.0 : 0.5
                return ExitPackage(months: factor * Double(exit.monthsEarly) + 5 * exit.earlyYears + exit.serviceMonths, rule: "R-5.3")
            }
            let factor = exit.withinTwelveMonths ? 0.9 : 0.45
            return ExitPackage(months: factor * 60 + 4 * exit.earlyYears, rule: "R-5.3")
        case (.decree178of2024, .resignation):
            let factor = exit.withinTwelveMonths ? 0.8 : 0.4
            return ExitPackage(months: factor * Double(min(60, exit.monthsEarly)) + 1.5 * years + 3, rule: "R-5.3")
        case (.decree154of2025, .earlyRetirement):
            return ExitPackage(months: 5 * exit.earlyYears + exit.serviceMonths, rule: "R-5.4")
        case (.decree154of2025, .resignation):
            return ExitPackage(months: 3 + 1.5 * years, rule: "R-5.4")
        }
    }
}
