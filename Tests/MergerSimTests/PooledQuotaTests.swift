import Testing
@testable import MergerSim

/// from 1 Jul 2025 a commune's cadres and civil servants are one pool against their combined
/// quota; before, each category stands against its own (the split of ).
struct PooledQuotaTests {
    let effective = CalendarDate(iso: "2025-07-01")!

    /// 14 cadres on 11 cadre posts, 8 civil servants on 12 civil-servant posts, 3 non-professional workers on 2.
    let staff = Headcount(cadres: 14, civilServants: 8, nonProfessional: 3)
    let posts = Headcount(cadres: 11, civilServants: 12, nonProfessional: 2)

    @Test func surplusAndVacanciesSplitAndPooledByHand() {
        // Split: 3 cadres over, 4 civil-servant posts empty, 1 non-professional worker over.
        #expect(staff.surplus(over: posts, pooled: false) == Headcount(cadres: 3, civilServants: 0, nonProfessional: 1))
        #expect(staff.vacancies(under: posts, pooled: false) == Headcount(cadres: 0, civilServants: 4, nonProfessional: 0))
        // Pooled: the 3 cadres hold 3 of the 4 empty civil-servant posts; 22 people on 23 posts.
        #expect(staff.surplus(over: posts, pooled: true) == Headcount(cadres: 0, civilServants: 0, nonProfessional: 1))
        #expect(staff.vacancies(under: posts, pooled: true) == Headcount(cadres: 0, civilServants: 1, nonProfessional: 0))
        // Both categories over: the pool changes nothing; the surplus adds up to the excess over the combined quota.
        let over = Headcount(cadres: 13, civilServants: 15, nonProfessional: 0)
        #expect(over.surplus(over: posts, pooled: true) == Headcount(cadres: 2, civilServants: 3, nonProfessional: 0))
        // More cadres over than civil-servant posts empty: the rest of the cadres are over.
        let many = Headcount(cadres: 20, civilServants: 10, nonProfessional: 0)
        #expect(many.surplus(over: posts, pooled: true) == Headcount(cadres: 7, civilServants: 0, nonProfessional: 0))
        #expect(many.surplus(over: posts, pooled: true).total == many.cadres + many.civilServants - posts.cadres - posts.civilServants)
    }

    @Test func aSurplusCadreOnAnEmptyCivilServantPostIsWithinQuotaOnlyWhenPooled() {
        let one = Headcount(cadres: 12, civilServants: 11, nonProfessional: 0)
        let quota = Quota(posts: Headcount(cadres: 11, civilServants: 12, nonProfessional: 0), extras: 0, rules: [])
        var pooled = quota
        pooled.pooled = true
        #expect(!quota.holds(one) && quota.surplus(of: one).cadres == 1)
        #expect(pooled.holds(one) && pooled.surplus(of: one).isZero && pooled.vacancies(of: one).isZero)
    }

    @Test func theRuleSetsSayWhereThePoolHolds() throws {
        #expect(try Rules.vn2023.quotas.pooled.value == false)
        #expect(try Rules.vn2023.quotas.pooled.rule == "R-4.8")
        #expect(try Rules.vn2025.quotas.pooled.value == true)
        #expect(try Rules.vn2025.quotas.pooled.status == .notConfirmed)
    }

    /// One unit: a cadre over the cadre titles beside an empty civil-servant post. Pooled, the unit is
    /// within quota from the start and nobody is offered an exit; split, the cadre category is over.
    @Test func theTransitionJudgesThePool() throws {
        let rules = try Rules.vn2025.transition
        func run(pooled: Bool) throws -> Replication {
            let unit = TransferUnit(code: "U", province: "P", district: "D", location: nil,
                                    staff: Headcount(cadres: 12, civilServants: 11, nonProfessional: 0),
                                    quota: Headcount(cadres: 11, civilServants: 12, nonProfessional: 0), pooled: pooled)
            var workforce = Workforce(units: [unit])
            let people = try rules.syntheticRoster.roster([(unit.code, unit.staff)], on: effective, retirement: rules.retirement, seed: 3)
            for person in people { workforce.add(person, inUnit: 0, retirement: rules.retirement, defaults: rules.syntheticRoster) }
            let model = try TransitionModel(workforce: workforce, rules: rules, effective: effective, years: 5, nonProfessionalEnds: nil,
                                        transfers: TransferSettings(scope: .none), pairs: [])
            return model.simulate(runs: 1, seed: 1, parallel: false)[0]
        }
        let pooled = try run(pooled: true), split = try run(pooled: false)
        #expect(pooled.yearWithinQuota == [0])
        #expect(pooled.years.allSatisfy { $0.surplus.isZero && $0.exits.cadres[.earlyRetirement] + $0.exits.cadres[.resignation] == 0 })
        #expect(split.yearWithinQuota != [0])
        #expect(split.years[0].surplus.cadres + split.years[0].exits.cadres.total >= 1)
    }

    /// Pooled transfers: a surplus cadre of one unit may take an empty civil-servant post of another.
    @Test func pooledTransfersFillTheOtherCategorysPosts() {
        func units(pooled: Bool) -> [TransferUnit] {
            [TransferUnit(code: "A", province: "P", district: "D", location: Coordinate(latitude: 11, longitude: 108),
                          staff: Headcount(cadres: 13, civilServants: 12, nonProfessional: 0),
                          quota: Headcount(cadres: 11, civilServants: 12, nonProfessional: 0), pooled: pooled),
             TransferUnit(code: "B", province: "P", district: "D", location: Coordinate(latitude: 11.01, longitude: 108),
                          staff: Headcount(cadres: 11, civilServants: 10, nonProfessional: 0),
                          quota: Headcount(cadres: 11, civilServants: 12, nonProfessional: 0), pooled: pooled)]
        }
        let settings = TransferSettings(scope: .province)
        let pooled = settings.plan(units(pooled: true), pairs: [], verify: true)
        #expect(pooled.peopleMoved == 2 && pooled.surplusAfter.isZero && pooled.provenOptimal == true)
        #expect(pooled.transfers.allSatisfy { $0.category == .cadres && $0.toCategory == .civilServants })
        let split = settings.plan(units(pooled: false), pairs: [], verify: true)
        #expect(split.peopleMoved == 0 && split.surplusAfter.cadres == 2)
    }
}
