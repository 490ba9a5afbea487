import Testing
import MergerSim

/// on worked examples.
struct RetirementTests {
    let retirement: TransitionRules.RetirementAge

    init() throws { retirement = try Rules.vn2023.transition.retirement }

    func date(_ sex: StaffMember.Sex, _ born: String) -> String {
        retirement.retirementDate(sex: sex, born: BirthDate(text: born)!).description
    }

    @Test func r5_1MenFrom60Years3MonthsIn2021() {
        // Born Mar 1961: 60y3m in 2021 reached in Jun 2021; effective after the end of that month.
        #expect(date(.male, "1961-03-15") == "2021-07-01")
        // Born Oct 1961: 60y3m would fall in Jan 2022, when the age is already 60y6m: reached Apr 2022.
        #expect(date(.male, "1961-10-01") == "2022-05-01")
        // Born Dec 1962: 60y6m would fall in 2023 (60y9m then): Sep 2023.
        #expect(date(.male, "1962-12-31") == "2023-10-01")
        // From 2028 the age is 62: born May 1966 → May 2028.
        #expect(date(.male, "1966-05-20") == "2028-06-01")
        // Before 2021: 60 years.
        #expect(date(.male, "1959-06-10") == "2019-07-01")
    }

    @Test func r5_1WomenFrom55Years4MonthsIn2021() {
        #expect(date(.female, "1966-08-20") == "2022-01-01")  // 55y4m in Dec 2021
        #expect(date(.female, "1980-02-29") == "2040-03-01")  // 60 years from 2035
    }

    @Test func r5_1BirthYearOnlyCountsFrom1January() {
        // From 1 Jan 1970: the 2025 age (55y8m) falls in Sep 2026, past 2025; the 2026 age (56y)
        // in Jan 2027, past 2026; the 2027 age (56y4m) in May 2027.
        #expect(date(.female, "1970") == "2027-06-01")
        #expect(date(.female, "1970") == date(.female, "1970-01-01"))
        #expect(date(.male, "1963-07") == date(.male, "1963-07-01"))
    }

    @Test func r5_1AgeScheduleByYear() {
        #expect(retirement.men.ageInMonths(reachedIn: 2020) == 720)
        #expect(retirement.men.ageInMonths(reachedIn: 2021) == 723)
        #expect(retirement.men.ageInMonths(reachedIn: 2028) == 744)
        #expect(retirement.men.ageInMonths(reachedIn: 2040) == 744)
        #expect(retirement.women.ageInMonths(reachedIn: 2021) == 664)
        #expect(retirement.women.ageInMonths(reachedIn: 2035) == 720)
    }
}

/// exits priced under the decree in force on the day of leaving, at that day's base salary,
/// every number from the rule file; the worked examples of issue 9.
struct ExitPackageTests {
    let rules: TransitionRules

    init() throws { rules = try Rules.vn2025.transition }

    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// Months early from the statutory retirement date of someone born `born` to `leaving`.
    func monthsEarly(_ sex: StaffMember.Sex, born: String, leaving: String) -> Int {
        let retirement = rules.retirement.retirementDate(sex: sex, born: BirthDate(text: born)!)
        return CalendarDate.wholeMonths(from: date(leaving), to: retirement)
    }

    func quote(_ route: ExitRoute, _ sex: StaffMember.Sex, born: String, insurance: Double, coefficient: Double,
               leaving: String, merger: String) throws -> ExitQuote {
        try rules.quote(route, monthsEarly: monthsEarly(sex, born: born, leaving: leaving), insuranceYears: insurance,
                        salaryCoefficient: coefficient, leaving: date(leaving), decided: date(merger))
    }

    @Test func decree178FiveToTenYearsEarlyIncludesTheServiceAllowance() throws {
        // Man born 15 Jan 1972, 30 insurance years: retires 1 Feb 2034; leaving 1 Jan 2025 is 109 months early.
        #expect(rules.retirement.retirementDate(sex: .male, born: BirthDate(text: "1972-01-15")!).description == "2034-02-01")
        let within = try quote(.earlyRetirement, .male, born: "1972-01-15", insurance: 30, coefficient: 3.0, leaving: "2025-01-01", merger: "2025-01-01")
        #expect(within.monthsEarly == 109 && within.decree == "decree_178_2024" && within.rule == "R-5.3")
        #expect(within.packageMonths == 0.9 * 60 + 4 * 9.5 + (5 + 0.5 * 10))   // 102
        #expect(within.vnd == 716_040_000)
        // Leaving 1 Mar 2026, after the 12 months: 95 months early (7 years 11 months: 8 years); from 1 Jul 2025 the
        // service allowance is 4 months for 15 years + 0.5 for each of the 15 further years (R-5.3, NC; 69 months before).
        let later = try quote(.earlyRetirement, .male, born: "1972-01-15", insurance: 30, coefficient: 3.0, leaving: "2026-03-01", merger: "2025-01-01")
        let expected: Double = 0.45 * 60 + 4 * 8 + (4 + 0.5 * 15)   // 70.5
        #expect(later.monthsEarly == 95)
        #expect(later.packageMonths == expected && later.vnd == 494_910_000)
        #expect(later.assumptions.contains { $0.english.contains("Social Insurance Law 41/2024") })
    }

    @Test func decree178TwoToFiveYearsEarly() throws {
        // Man born 15 Feb 1966, 25 years: 35 months early on 1 Jan 2025: 35 + 5 × 3 + 7.5.
        let q = try quote(.earlyRetirement, .male, born: "1966-02-15", insurance: 25, coefficient: 3.0, leaving: "2025-01-01", merger: "2025-01-01")
        #expect(q.monthsEarly == 35 && q.packageMonths == 57.5 && q.vnd == 403_650_000)
    }

    @Test func decree178Resignation() throws {
        // Woman born 10 Jun 1985, 15 years, coefficient 2.34, resigning 1 Mar 2025: 0.8 × 60 + 1.5 × 15 + 3.
        let q = try quote(.resignation, .female, born: "1985-06-10", insurance: 15, coefficient: 2.34, leaving: "2025-03-01", merger: "2025-01-01")
        #expect(q.packageMonths == 73.5 && q.vnd == 402_456_600)
    }

    @Test func decree29BeforeDecree178AtTheBaseSalaryOfTheDay() throws {
        // The man born 15 Feb 1966, merger 1 Jan 2024: on 1 Mar 2024 Decree 29/2023 at 1,800,000 (45 months: 4 years).
        let march = try quote(.earlyRetirement, .male, born: "1966-02-15", insurance: 25, coefficient: 3.0, leaving: "2024-03-01", merger: "2024-01-01")
        #expect(march.decree == "decree_29_2023" && march.rule == "R-5.2" && march.baseSalary == 1_800_000)
        #expect(march.packageMonths == 3 * 4 + 7.5 && march.vnd == 105_300_000)
        // On 1 Aug 2024 at 2,340,000 (40 months: 3½ years).
        let august = try quote(.earlyRetirement, .male, born: "1966-02-15", insurance: 25, coefficient: 3.0, leaving: "2024-08-01", merger: "2024-01-01")
        #expect(august.baseSalary == 2_340_000 && august.packageMonths == 18 && august.vnd == 126_360_000)
    }

    @Test func theDecreeChangesOnItsBoundaryDates() {
        let law = rules.exitLaw
        #expect(law.mergerDecree(on: date("2023-07-19"))?.id == "decree_108_2014")
        #expect(law.mergerDecree(on: date("2023-07-20"))?.id == "decree_29_2023")
        #expect(law.mergerDecree(on: date("2024-12-31"))?.id == "decree_29_2023")
        #expect(law.mergerDecree(on: date("2025-01-01"))?.id == "decree_178_2024")
        #expect(law.mergerDecree(on: date("2025-06-16"))?.id == "decree_178_2024")  // Decree 154 is not for mergers
        #expect(law.mergerDecree(on: date("2014-12-31")) == nil)
    }

    @Test func r5_5BaseSalaryOn30JuneAnd1July2024() {
        let salary = rules.baseSalary
        #expect(salary.inForce(on: date("2024-06-30")) == 1_800_000)
        #expect(salary.inForce(on: date("2024-07-01")) == 2_340_000)
        #expect(salary.inForce(on: date("2020-01-01")) == 1_490_000)
        #expect(salary.inForce(on: date("2019-06-30")) == 1_390_000)   // Decree 72/2018
        #expect(salary.inForce(on: date("2018-07-01")) == 1_390_000)
        #expect(salary.inForce(on: date("2018-06-30")) == nil)
    }

    func months(_ id: String, _ route: ExitRoute, early: Int, insurance: Double, within: Bool = true, leaving: String = "2025-03-01") -> Double? {
        let decree = rules.exitLaw.decrees.first { $0.id == id }!
        return decree.package(ExitCase(route: route, monthsEarly: early, insuranceYears: insurance, withinWindow: within),
                              leaving: date(leaving))?.months
    }

    @Test func bandsAt60And61And120And121MonthsEarly() {
        // 60 months: the 2–5 year band (1.0 × 60 + 5 × 5 + 5); 61: the 5–10 year band (0.9 × 60 + 4 × 5.5 + 5).
        #expect(months("decree_178_2024", .earlyRetirement, early: 60, insurance: 20) == Double(60 + 25 + 5))
        #expect(months("decree_178_2024", .earlyRetirement, early: 61, insurance: 20) == Double(54 + 22 + 5))
        #expect(months("decree_178_2024", .earlyRetirement, early: 120, insurance: 20) == Double(54 + 40 + 5))
        #expect(months("decree_178_2024", .earlyRetirement, early: 121, insurance: 20) == nil)
        #expect(months("decree_29_2023", .earlyRetirement, early: 60, insurance: 20) == Double(15 + 5))
        #expect(months("decree_29_2023", .earlyRetirement, early: 61, insurance: 20) == nil)
        #expect(months("decree_154_2025", .earlyRetirement, early: 61, insurance: 25) == nil)
    }

    @Test func exactlyTwentyInsuranceYears() {
        #expect(months("decree_178_2024", .earlyRetirement, early: 36, insurance: 20) == Double(36 + 15 + 5))
        #expect(months("decree_178_2024", .earlyRetirement, early: 36, insurance: 19.9) == nil)
        #expect(months("decree_29_2023", .earlyRetirement, early: 24, insurance: 20) == Double(11))
        #expect(months("decree_29_2023", .resignation, early: 200, insurance: 8.6) == 16.5)  // 103 months = 8 y 7 m: 9 years
        #expect(months("decree_178_2024", .resignation, early: 23, insurance: 8) == nil)   // under 2 years: no resignation package
        #expect(months("decree_178_2024", .resignation, early: 100, insurance: 12, within: false) == Double(45))
        #expect(months("decree_154_2025", .resignation, early: 200, insurance: 10) == Double(18))
    }

    @Test func nonProfessionalWorkersAllowanceForTheRestOfTheTerm() throws {
        // Posts ended 1 Aug 2025; term to 30 Jun 2026, its last month included: 11 months × ½ × 1.5 × 2,340,000.
        let q = try rules.quote(.endOfPost, monthsEarly: 0, insuranceYears: 0, salaryCoefficient: 0,
                                leaving: date("2025-08-01"), decided: date("2025-07-01"))
        #expect(q.eligible && q.rule == "R-5.2" && q.packageMonths == 5.5)
        #expect(q.vnd == 19_305_000)
        // Leaving after the 12 months (the anniversary, 1 Jul 2026, is the window's last day): nothing.
        let late = try rules.quote(.endOfPost, monthsEarly: 0, insuranceYears: 0, salaryCoefficient: 0,
                                   leaving: date("2026-07-02"), decided: date("2025-07-01"))
        #expect(!late.eligible && late.vnd == 0)
    }
}
