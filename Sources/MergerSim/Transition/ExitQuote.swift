/// One route out priced for one person on one day: the decree and rule in force, eligibility, the
/// package in months and in VND (what `mergersim package` prints, and what the transition pays).
public struct ExitQuote: Hashable, Sendable {
    /// One of ``ExitRoute/quoted``; any other route is quoted as not eligible, with no decree.
    public var route: ExitRoute
    /// The decree's id (or the allowance's rule for non-professional workers); nil when none is in force.
    public var decree: String?
    public var rule: String?
    public var eligible: Bool
    public var monthsEarly: Int
    public var packageMonths: Double
    public var vnd: Double
    /// The base salary in force on the day of leaving (R-5.5).
    public var baseSalary: Int
    /// Whether the day of leaving is within the window of the decision on the arrangement (R-5.3).
    public var withinWindow: Bool
    /// The readings of the rule set marked NC that priced this quote, with their rule.
    public var assumptions: [ExitAssumption] = []
}

/// A day the rule set cannot price: no base salary is in force on it (R-5.5).
public struct ExitPricingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var date: CalendarDate
    public var message: String
    public var description: String { message }
}

extension TransitionRules {
    /// The base salary in force on `date` (R-5.5), or an error naming the date: never 0.
    public func baseSalary(on date: CalendarDate) throws(ExitPricingError) -> Int {
        guard let vnd = baseSalary.inForce(on: date) else {
            throw ExitPricingError(date: date, message: "no base salary of the rule set (\(baseSalary.rule)) is in force on \(date); "
                                   + "the first is from \(baseSalary.schedule.first?.from.description ?? "no date")")
        }
        return vnd
    }

    /// Prices leaving on `leaving` by `route` for someone `monthsEarly` months before retirement with
    /// `insuranceYears` and a salary coefficient, after the decision on the arrangement of `decided`:
    /// under the decree a merger's surplus staff take on that day, at the base salary of that day.
    ///
    /// - Throws: ``ExitPricingError`` when no base salary is in force on `leaving`.
    public func quote(_ route: ExitRoute, monthsEarly: Int, insuranceYears: Double, salaryCoefficient: Double,
                      leaving: CalendarDate, decided: CalendarDate) throws(ExitPricingError) -> ExitQuote {
        let base = try baseSalary(on: leaving)
        let law = exitLaw, within = law.window.contains(leaving, decided: decided)
        var quote = ExitQuote(route: route, decree: nil, rule: nil, eligible: false, monthsEarly: monthsEarly,
                              packageMonths: 0, vnd: 0, baseSalary: base, withinWindow: within)
        func assume(_ status: Status?, _ what: ExitAssumption) { if status == .notConfirmed { quote.assumptions.append(what) } }
        assume(law.window.status, .window(rule: law.window.rule, months: law.window.months))
        switch route {
        case .endOfPost:
            let allowance = law.nonProfessional
            quote.decree = law.mergerDecree(on: leaving)?.id
            quote.rule = allowance.rule
            if let package = allowance.package(leaving: leaving, withinWindow: within) {
                quote.eligible = true
                quote.packageMonths = package.months
                quote.vnd = (package.months * allowance.monthlyAllowance * Double(base)).rounded()
                assume(allowance.status, .nonProfessionalAllowance(rule: allowance.rule, instrument: allowance.instrument))
            }
        case .earlyRetirement, .resignation:
            guard let decree = law.mergerDecree(on: leaving) else { return quote }
            quote.decree = decree.id
            quote.rule = decree.rule
            let exit = ExitCase(route: route, monthsEarly: monthsEarly,
                                insuranceYears: insuranceYears, withinWindow: within)
            let pension = decree.earlyRetirement.pension(on: leaving)
            if let formula = decree.formula(for: exit, pension: pension) {
                quote.eligible = true
                quote.packageMonths = formula.months(exit, partialYear: decree.partialYear, pension: pension)
                quote.vnd = ExitPackage.vnd(months: quote.packageMonths, salaryCoefficient: salaryCoefficient, baseSalary: base)
                assume(decree.status, .decree(rule: decree.rule, id: decree.id, instrument: decree.instrument))
                assume(decree.partialYear.status, .partialYear(rule: decree.partialYear.rule, decree: decree.id,
                                                               instrument: decree.partialYear.instrument ?? decree.instrument,
                                                               halfFromMonths: decree.partialYear.halfFromMonths,
                                                               wholeFromMonths: decree.partialYear.wholeFromMonths))
                assume(formula.status, .band(rule: decree.rule, minMonthsEarly: formula.minMonthsEarly, maxMonthsEarly: formula.maxMonthsEarly,
                                             instrument: formula.instrument ?? decree.instrument))
                if let pension, route == .earlyRetirement {
                    assume(pension.status, .pension(rule: pension.rule, from: pension.from, instrument: pension.instrument))
                }
            }
        case .retirement, .voluntary, .categoryEnded:
            break
        }
        return quote
    }
}
