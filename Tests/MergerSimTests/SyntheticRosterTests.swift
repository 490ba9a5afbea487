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

    @Test func nobodyIsPastRetirementAndValuesArePlausible() throws {
        let people = try roster([("A", Headcount(cadres: 2_000, civilServants: 2_000, nonProfessional: 2_000))])
        for person in people {
            #expect(rules.retirement.retirementDate(sex: person.sex, born: person.birthDate) > date)
            #expect(person.insuranceYears!.doubleValue >= 0)
            #expect(person.salaryCoefficient!.doubleValue >= 1)
        }
        // Share of women among 2,000 civil servants: 0.45 ± 5 standard errors.
        let women = Double(people.filter { $0.category == .civilServants && $0.sex == .female }.count) / 2_000
        #expect(abs(women - 0.45) < 5 * (0.45 * 0.55 / 2_000).squareRoot())
        // Mean age of cadres near the (truncated) mean of 45.
        let ages = people.filter { $0.category == .cadres }.map { Double(date.year - $0.birthDate.year) }
        #expect(abs(try Statistics.mean(ages) - 45) < 1.5)
    }
}
