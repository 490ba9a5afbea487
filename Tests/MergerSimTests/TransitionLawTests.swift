import Testing
import MergerSim

/// on worked examples.
struct RetirementTests {
    let retirement = Rules.vn2023.transition.retirement

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

struct ExitPackageTests {
    func months(_ decree: ExitDecree, _ route: ExitCase.Route, early: Int, insurance: Double, within: Bool = true) -> Double {
        decree.package(ExitCase(route: route, monthsEarly: early, insuranceYears: insurance, withinTwelveMonths: within)).months
    }

    @Test func r5_3Decree178EarlyRetirement() {
        // 36 months early, 25 years of insurance: 1.0 × 36 + 5 × 3 + (5 + 0.5 × 5).
        #expect(months(.decree178of2024, .earlyRetirement, early: 36, insurance: 25) == 58.5)
        #expect(months(.decree178of2024, .earlyRetirement, early: 36, insurance: 25, within: false) == 40.5)
        // 7 years early: 0.9 × 60 + 4 × 7.
        #expect(months(.decree178of2024, .earlyRetirement, early: 84, insurance: 30) == 82)
        #expect(months(.decree178of2024, .earlyRetirement, early: 84, insurance: 30, within: false) == 55)
    }

    @Test func r5_3Decree178Resignation() {
        // 30 months to retirement, 12 years: 0.8 × 30 + 1.5 × 12 + 3.
        #expect(months(.decree178of2024, .resignation, early: 30, insurance: 12) == 45)
        // Months to retirement count at most 60.
        #expect(months(.decree178of2024, .resignation, early: 100, insurance: 12, within: false) == 45)
    }

    @Test func r5_4Decree154() {
        // 40 months early (3½ years), 22 years: 5 × 3.5 + (5 + 0.5 × 2).
        #expect(months(.decree154of2025, .earlyRetirement, early: 40, insurance: 22) == 23.5)
        #expect(months(.decree154of2025, .resignation, early: 200, insurance: 10) == 18)
    }

    @Test func r5_2Decree29() {
        #expect(months(.decree29of2023, .earlyRetirement, early: 24, insurance: 20) == 11)
        #expect(months(.decree29of2023, .resignation, early: 200, insurance: 8.6) == 15)  // whole years: 8
    }

    @Test func earlyYearsCountHalfAndWholeYears() {
        func years(_ months: Int) -> Double { ExitCase(route: .earlyRetirement, monthsEarly: months, insuranceYears: 20, withinTwelveMonths: true).earlyYears }
        #expect(years(24) == 2 && years(25) == 2.5 && years(30) == 2.5 && years(31) == 3)
    }

    @Test func eligibilityForEarlyRetirement() {
        func allowed(_ decree: ExitDecree, _ early: Int, _ insurance: Double) -> Bool {
            decree.allowsEarlyRetirement(ExitCase(route: .earlyRetirement, monthsEarly: early, insuranceYears: insurance, withinTwelveMonths: true))
        }
        #expect(!allowed(.decree178of2024, 23, 25))  // under 2 years
        #expect(!allowed(.decree178of2024, 36, 19))  // under 20 years of insurance
        #expect(allowed(.decree178of2024, 100, 25))  // 5–10 years under Decree 178
        #expect(!allowed(.decree154of2025, 61, 25))
    }

    @Test func r5_5PackagesArePricedAtTheBaseSalaryInForce() {
        let salary = Rules.vn2023.transition.baseSalary
        #expect(salary.inForce(on: CalendarDate(iso: "2024-06-30")!) == 1_800_000)
        #expect(salary.inForce(on: CalendarDate(iso: "2024-07-01")!) == 2_340_000)
        #expect(salary.inForce(on: CalendarDate(iso: "2020-01-01")!) == 1_490_000)
        #expect(salary.inForce(on: CalendarDate(iso: "2019-06-30")!) == nil)
        let package = ExitDecree.decree178of2024.package(ExitCase(route: .earlyRetirement, monthsEarly: 36, insuranceYears: 25, withinTwelveMonths: true))
        #expect(package.vnd(salaryCoefficient: 2.34, baseSalary: 2_340_000) == 58.5 * 2.34 * 2_340_000)
        #expect(package.rule == "R-5.3")
    }
}
