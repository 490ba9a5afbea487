import Foundation
import Testing
import GSL
import MergerSim

/// Issue 5, part 1: a synthetic roster from headcounts, seeded and documented.
struct SyntheticRosterTests {
    let rules: TransitionRules

    init() throws { rules = try Rules.vn2025.transition }
    let date = CalendarDate(iso: "2025-07-01")!

    func roster(_ staff: [(code: String, headcount: Headcount)], seed: UInt64 = 42) throws -> [StaffMember] {
        try rules.syntheticRoster.roster(staff, on: date, retirement: rules.retirement, seed: seed)
    }

    @Test func headcountsAreMatchedExactly() throws {
        let staff = [("A", Headcount(cadres: 11, civilServants: 14, nonProfessional: 9)), ("B", Headcount(cadres: 0, civilServants: 3, nonProfessional: 0))]
        let people = try roster(staff)
        #expect(people.count == 37)
        for (code, headcount) in staff {
            for category in StaffCategory.allCases {
                #expect(people.filter { $0.unitCode == code && $0.category == category }.count == headcount[category])
            }
        }
        #expect(Set(people.map(\.id)).count == people.count)
    }

    @Test func sameSeedSamePeopleOtherSeedOthers() throws {
        let staff = [("A", Headcount(cadres: 20, civilServants: 20, nonProfessional: 20))]
        #expect(try roster(staff, seed: 7) == roster(staff, seed: 7))
        #expect(try roster(staff, seed: 7) != roster(staff, seed: 8))
    }

    /// The people drawn follow the rule set's distributions. Oracle: the moments of a normal
    /// distribution truncated to [a, b), worked from the rule set's mean, standard deviation, minimum age
    /// and retirement ages with the closed forms below, not from the roster's code.
    ///
    /// Tolerance: 4 standard errors of the sample's statistic for its size (6,000 a category, split by
    /// sex), which a correct roster misses with probability about 6 in 100,000 per check, plus the known
    /// rounding of what is stored (ages in whole months: the floor, on average 1/24 year low; coefficients
    /// to 0.01). A wrong mean, standard deviation, window or share moves a statistic by much more.
    @Test func peopleFollowTheRuleSetsDistributions() throws {
        let n = 6_000
        let people = try roster([("A", Headcount(cadres: n, civilServants: n, nonProfessional: n))])
        for category in StaffCategory.allCases {
            let p = rules.syntheticRoster[category]
            let mine = people.filter { $0.category == category }
            // Share of women: a binomial proportion.
            let women = Double(mine.filter { $0.sex == .female }.count) / Double(n)
            #expect(abs(women - p.femaleShare) < 4 * (p.femaleShare * (1 - p.femaleShare) / Double(n)).squareRoot(),
                    "\(category): \(women) women, rule \(p.femaleShare)")
            for sex in [StaffMember.Sex.male, .female] {
                let group = mine.filter { $0.sex == sex }
                let schedule = sex == .male ? rules.retirement.men : rules.retirement.women
                let retirementAge = Double(schedule.ageInMonths(reachedIn: date.year)) / 12
                // Age in whole months on the date (the roster's dates all fall on its day of the month).
                let months = group.map { person in
                    (date.year - person.birthDate.year) * 12 + date.month - (person.birthDate.month ?? 1)
                }
                let ages = months.map { Double($0) / 12 + 1.0 / 24 }
                let expected = TruncatedNormal(mean: p.ageMean, standardDeviation: p.ageSD,
                                               from: Double(p.minimumAge), to: retirementAge - 1.0 / 12)
                try expectMoments(ages, expected, slack: 1.0 / 48, "\(category) \(sex) age")
                // Nobody at or past retirement, nobody below the minimum age.
                #expect(group.allSatisfy { rules.retirement.retirementDate(sex: $0.sex, born: $0.birthDate) > date })
                #expect(months.allSatisfy { $0 >= p.minimumAge * 12 })
                // Insurance years: age − insured_from_age (none below), to the 0.01, the age within its month.
                for (person, age) in zip(group, months) {
                    let insurance = try #require(person.insuranceYears).doubleValue
                    let low = max(0, Double(age) / 12 - p.insuredFromAge), high = max(0, Double(age + 1) / 12 - p.insuredFromAge)
                    #expect(insurance >= low - 0.005 && insurance <= high + 0.005, "\(person.id): \(insurance) insurance years at \(age) months")
                }
            }
            let coefficients = try mine.map { try #require($0.salaryCoefficient).doubleValue }
            let expected = TruncatedNormal(mean: p.salaryCoefficientMean, standardDeviation: p.salaryCoefficientSD, from: 1, to: .infinity)
            try expectMoments(coefficients, expected, slack: 0.005, "\(category) salary coefficient")
        }
    }

    /// A distribution whose window holds none of it is a domain error naming the category and what
    /// was drawn, not a GSL failure.
    @Test func anUndrawableDistributionIsNamed() throws {
        var parameters = rules.syntheticRoster
        parameters.categories.civilServants.ageMean = 500
        do {
            _ = try parameters.roster([("A", Headcount(cadres: 1, civilServants: 1, nonProfessional: 0))], on: date,
                                      retirement: rules.retirement, seed: 1)
            Issue.record("a roster was drawn from a window that holds nothing")
        } catch .undrawable(let distribution) {
            #expect(distribution.category == .civilServants && distribution.quantity == .age && distribution.mean == 500)
            #expect(distribution.lower == Double(rules.syntheticRoster[.civilServants].minimumAge))
            #expect(distribution.description.contains("civil_servants age"))
        } catch {
            Issue.record("\(error)")
        }
    }

    /// A run without a roster whose rule set cannot draw its people fails as that, not as a GSL failure.
    @Test func aRunReportsAnUndrawableRosterAsSuch() throws {
        var rules = try Rules.vn2023
        rules.transition.syntheticRoster.categories.cadres.ageMean = 500
        let units = [("22753", "0.45", 5_200), ("22759", "0.41", 8_100)].map { code, area, population in
            AdministrativeUnit(code: code, name: code, kind: .ward, province: "Ninh Thuận", district: "Phan Rang–Tháp Chàm",
                               districtKind: .provincialCity, area: FixedDecimal(parsing: area)!, population: population, type: .typeII,
                               staff: Headcount(cadres: 10, civilServants: 11, nonProfessional: 12))
        }
        let plan = MergerPlan(newUnits: [PlannedUnit(code: "22759", name: "Kinh Dinh", members: units.map { PlannedUnit.Member(code: $0.code) })])
        let run = ScenarioRun(rules: rules, rulesBefore: rules, units: units, plan: plan,
                              settings: ScenarioRun.Settings(effectiveDate: CalendarDate(iso: "2024-11-01")!, runs: 1))
        do {
            _ = try run.run()
            Issue.record("the run drew people from a window that holds nothing")
        } catch .syntheticRoster(let distribution) {
            #expect(distribution.category == .cadres && distribution.quantity == .age)
        } catch {
            Issue.record("\(error)")
        }
    }

    /// The sample's mean and standard deviation within 4 standard errors (plus `slack`) of the distribution's.
    func expectMoments(_ sample: [Double], _ expected: TruncatedNormal, slack: Double, _ what: String) throws {
        let n = Double(sample.count)
        let mean = try Statistics.mean(sample), sd = try Statistics.standardDeviation(sample)
        // Standard error of a mean σ/√n; of a standard deviation about σ/√(2n) (a normal's; a truncated
        // one has lighter tails, so this is larger than the true one).
        #expect(abs(mean - expected.mean) < 4 * expected.standardDeviation / n.squareRoot() + slack,
                "\(what): mean \(mean), expected \(expected.mean)")
        #expect(abs(sd - expected.standardDeviation) < 4 * expected.standardDeviation / (2 * n).squareRoot() + slack,
                "\(what): standard deviation \(sd), expected \(expected.standardDeviation)")
    }
}

/// The mean and standard deviation of N(μ, σ²) truncated to [a, b) (Johnson, Kotz & Balakrishnan,
/// *Continuous Univariate Distributions* 1, §10.1): with α = (a − μ)/σ, β = (b − μ)/σ and
/// Z = Φ(β) − Φ(α), mean μ + σ (φ(α) − φ(β))/Z and variance
/// σ² [1 + (α φ(α) − β φ(β))/Z − ((φ(α) − φ(β))/Z)²].
struct TruncatedNormal {
    let mean: Double
    let standardDeviation: Double

    init(mean μ: Double, standardDeviation σ: Double, from a: Double, to b: Double) {
        func φ(_ x: Double) -> Double { x.isInfinite ? 0 : exp(-x * x / 2) / (2 * Double.pi).squareRoot() }
        func Φ(_ x: Double) -> Double { erfc(-x / 2.0.squareRoot()) / 2 }
        func xφ(_ x: Double) -> Double { x.isInfinite ? 0 : x * φ(x) }
        let α = (a - μ) / σ, β = (b - μ) / σ, z = Φ(β) - Φ(α)
        let shift = (φ(α) - φ(β)) / z
        mean = μ + σ * shift
        standardDeviation = σ * (1 + (xφ(α) - xφ(β)) / z - shift * shift).squareRoot()
    }
}
