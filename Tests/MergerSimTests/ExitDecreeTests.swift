import Testing
import MergerSim

/// Issue 20, section 2: exits as the decrees count them, on hand-worked numbers.
struct ExitDecreeTests {
    let rules: TransitionRules

    init() throws { rules = try Rules.vn2025.transition }

    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    func decree(_ id: String) -> ExitLaw.Decree { rules.exitLaw.decrees.first { $0.id == id }! }

    // MARK: Odd months

    /// Decrees 29/2023, 178/2024 (and 154/2025): 1–6 months half a year, 6 included; 7–11 a whole year.
    @Test(arguments: ["decree_29_2023", "decree_178_2024", "decree_154_2025"])
    func oddMonthsOfDecrees29And178(id: String) {
        let partial = decree(id).partialYear
        #expect(partial.years(months: 36) == 3)
        #expect(partial.years(months: 37) == 3.5)   // 1 month: half
        #expect(partial.years(months: 41) == 3.5)   // 5 months: half
        #expect(partial.years(months: 42) == 3.5)   // 6 months: half (6 counted whole before issue 20)
        #expect(partial.years(months: 43) == 4)     // 7 months: whole
    }

    /// Decree 108/2014 (NC): under 3 months none, 3–6 half a year, over 6 a whole year.
    @Test func oddMonthsOfDecree108() {
        let partial = decree("decree_108_2014").partialYear
        #expect(partial.status == .notConfirmed)
        #expect(partial.years(months: 38) == 3)     // 2 months: none
        #expect(partial.years(months: 39) == 3.5)   // 3 months: half
        #expect(partial.years(months: 41) == 3.5)   // 5
        #expect(partial.years(months: 42) == 3.5)   // 6
        #expect(partial.years(months: 43) == 4)     // 7
    }

    /// Insurance years are counted with the same rule, from their exact months: resignation under each
    /// decree with 20 years and 5, 6 and 7 months (3 + 1.5 × years; Decree 178 within: + 0.8 × 60).
    @Test func insuranceYearsRoundedByEachDecree() {
        func resignation(_ id: String, _ years: Double) -> Double? {
            decree(id).package(ExitCase(route: .resignation, monthsEarly: 200, insuranceYears: years, withinWindow: true),
                               leaving: date("2025-03-01"))?.months
        }
        for id in ["decree_29_2023", "decree_154_2025", "decree_108_2014"] {
            #expect(resignation(id, 20 + 5.0 / 12) == 33.75)   // 3 + 1.5 × 20.5
            #expect(resignation(id, 20.5) == 33.75)
            #expect(resignation(id, 20 + 7.0 / 12) == 34.5)     // 3 + 1.5 × 21
        }
        #expect(resignation("decree_108_2014", 20 + 2.0 / 12) == 33)   // under 3 months: none; 3 + 1.5 × 20
        #expect(resignation("decree_178_2024", 20 + 5.0 / 12) == 81.75)   // 48 + 3 + 1.5 × 20.5
        #expect(resignation("decree_178_2024", 20.5) == 81.75)
        #expect(resignation("decree_178_2024", 20 + 7.0 / 12) == 82.5)
        // 25 years 9 months → 26; 15 years 6 months → 15.5.
        #expect(ExitCase(route: .resignation, monthsEarly: 0, insuranceYears: 25.75, withinWindow: true).insuranceMonths == 309)
        #expect(decree("decree_178_2024").partialYear.years(months: 309) == 26)
        #expect(decree("decree_178_2024").partialYear.years(months: 186) == 15.5)
    }

    // MARK: The window

    /// 12 months from the decision of 16 Jun 2025, the anniversary included (Civil Code Arts. 147–148).
    @Test func theWindowIncludesItsAnniversary() throws {
        let window = rules.exitLaw.window
        let decided = date("2025-06-16")
        #expect(window.contains(date("2026-06-15"), decided: decided))
        #expect(window.contains(date("2026-06-16"), decided: decided))
        #expect(!window.contains(date("2026-06-17"), decided: decided))
        #expect(window.lastDay(decided: date("2025-01-31")) == date("2026-01-31"))
        #expect(window.lastDay(decided: date("2024-02-29")) == date("2025-02-28"))
        // Resignation of the woman born 10 Jun 1985 with 15 years: 0.8 × 60 within, 0.4 × 60 after.
        func months(_ leaving: String) throws -> Double {
            try rules.quote(.resignation, monthsEarly: 200, insuranceYears: 15, salaryCoefficient: 1, leaving: date(leaving), decided: decided).packageMonths
        }
        #expect(try months("2026-06-15") == 73.5)   // 48 + 22.5 + 3
        #expect(try months("2026-06-16") == 73.5)
        #expect(try months("2026-06-17") == 49.5)   // 24 + 22.5 + 3
    }

    // MARK: Pension from 15 years (R-5.3, Social Insurance Law 41/2024 Art. 64, NC)

    /// Early retirement 36 months early under Decree 178 (36 + 5 × 3 + service) on either side of 1 Jul 2025.
    @Test func fifteenInsuranceYearsFrom1July2025() {
        func months(_ years: Double, _ leaving: String) -> Double? {
            decree("decree_178_2024").package(ExitCase(route: .earlyRetirement, monthsEarly: 36, insuranceYears: years, withinWindow: true),
                                              leaving: date(leaving))?.months
        }
        // 30 Jun 2025: 20 years needed; 5 months for the first 20.
        #expect(months(14, "2025-06-30") == nil)
        #expect(months(15, "2025-06-30") == nil)
        #expect(months(19, "2025-06-30") == nil)
        #expect(months(20, "2025-06-30") == 56)         // 36 + 15 + 5
        // 1 Jul 2025: 15 years needed; 4 months for the first 15 and 0.5 a further year.
        #expect(months(14, "2025-07-01") == nil)
        #expect(months(15, "2025-07-01") == 55)         // 36 + 15 + 4
        #expect(months(19, "2025-07-01") == 57)         // + 0.5 × 4
        #expect(months(20, "2025-07-01") == 57.5)       // + 0.5 × 5
        // 14 years 11 months is not 15 years, though it rounds to 15: eligibility takes the exact months.
        #expect(months(14 + 11.0 / 12, "2025-07-01") == nil)
        #expect(decree("decree_178_2024").earlyRetirement.pension(on: date("2025-07-01"))?.status == .notConfirmed)
    }

    // MARK: Under 2 years early (Decree 67/2025, NC)

    @Test func twentyThreeTwentyFourAndTwentyFiveMonthsEarly() {
        func months(_ early: Int, within: Bool = true) -> Double? {
            decree("decree_178_2024").package(ExitCase(route: .earlyRetirement, monthsEarly: early, insuranceYears: 25, withinWindow: within),
                                              leaving: date("2025-03-01"))?.months
        }
        #expect(months(23) == 23)                         // 1.0 × 23, nothing else
        #expect(months(23, within: false) == 11.5)        // 0.5 × 23
        #expect(months(24) == 41.5)                      // the 2–5 year band: 24 + 5 × 2 + 7.5
        #expect(months(25) == 45)                        // 25 + 5 × 2.5 + 7.5
        #expect(months(0) == nil)
        // Under 2 years there is no resignation package.
        #expect(decree("decree_178_2024").package(ExitCase(route: .resignation, monthsEarly: 23, insuranceYears: 25, withinWindow: true),
                                                  leaving: date("2025-03-01")) == nil)
    }

    // MARK: Non-professional workers and the base salary

    @Test func theTermsLastMonthCounts() {
        let allowance = rules.exitLaw.nonProfessional
        #expect(allowance.monthsLeft(leaving: date("2025-08-01")) == 11)
        #expect(allowance.monthsLeft(leaving: date("2025-08-02")) == 10)
        #expect(allowance.monthsLeft(leaving: date("2026-06-01")) == 1)
        #expect(allowance.monthsLeft(leaving: date("2026-07-01")) == 0)
        #expect(allowance.instrument.contains("Decree 154/2025") && allowance.status == .notConfirmed)
    }

    @Test func aDayWithoutABaseSalaryIsAnErrorNamingIt() throws {
        #expect(try rules.baseSalary(on: date("2018-07-01")) == 1_390_000)
        #expect(try rules.baseSalary(on: date("2019-07-01")) == 1_490_000)
        #expect(try rules.baseSalary(on: date("2023-07-01")) == 1_800_000)
        #expect(try rules.baseSalary(on: date("2024-07-01")) == 2_340_000)
        do {
            _ = try rules.quote(.resignation, monthsEarly: 100, insuranceYears: 10, salaryCoefficient: 2,
                                leaving: date("2018-06-30"), decided: date("2018-06-01"))
            Issue.record("priced a day without a base salary")
        } catch {
            #expect(error.date == date("2018-06-30") && error.message.contains("2018-06-30"))
        }
    }
}
