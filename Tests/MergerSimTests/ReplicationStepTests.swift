import Testing
@testable import MergerSim

/// Each step of a transition year (``ReplicationState``) on its own, with a few hand-made people and
/// results worked by hand from the `vn-2023` rule file: year 1 runs from 1 Jan 2025, Decree 178/2024 is
/// in force and the base salary is 2,340,000 VND. Uptakes of 1 and rates of 0 or 1 make every draw certain.
struct ReplicationStepTests {
    /// One hand-made person: unit, category, the month their statutory retirement takes effect, insurance, salary.
    struct Person {
        var unit: Int
        var category: StaffCategory
        var retires: CalendarMonth
        var insurance: Double
        var coefficient: Double

        init(unit: Int = 0, category: StaffCategory = .cadres, retires: (year: Int, month: Int), insurance: Double = 0, coefficient: Double = 2) {
            self.unit = unit
            self.category = category
            self.retires = CalendarMonth(year: retires.year, month: retires.month)
            self.insurance = insurance
            self.coefficient = coefficient
        }
    }

    static let effective = CalendarDate(year: 2025, month: 1, day: 1)
    static let base = 2_340_000.0

    /// The model over `people` in units of `quota` (staff from the people), all in one province.
    func state(_ people: [Person], quota: [Headcount], years: Int, voluntary: PerCategory<Double> = .init(repeating: 0),
               uptake: Double = 1, ends: CalendarDate? = nil, decision: CalendarDate? = nil,
               scope: TransferSettings.Scope = .none) throws -> ReplicationState {
        var rules = try Rules.vn2023.transition
        rules.exits.voluntaryRate = voluntary
        rules.exits.earlyRetirementUptake = uptake
        rules.exits.resignationUptake = uptake
        let workforce = Workforce.handMade(people.map {
            HandMadePerson(unit: $0.unit, category: $0.category, retires: $0.retires, insurance: $0.insurance, coefficient: $0.coefficient)
        }, quota: quota)
        let model = try TransitionModel(workforce: workforce, rules: rules, effective: Self.effective, decision: decision, years: years,
                                        nonProfessionalEnds: ends, transfers: TransferSettings(scope: scope), pairs: [])
        return ReplicationState(model: model, random: CommonRandom(seed: 1, replication: 0), recordLeavers: true)
    }

    /// Who left in `year`, by person, with their route.
    func leavers(_ state: ReplicationState, year: Int) -> [Int: ExitRoute] {
        Dictionary(uniqueKeysWithValues: (state.result.leavers ?? []).filter { $0.year == year }.map { ($0.person, $0.route) })
    }

    @Test func retirementFallsInTheYearItsDateIs() throws {
        // Year 1 is [1 Jan 2025, 1 Jan 2026): a retirement on 1 Jan 2026 is year 2's; one already past, year 1's.
        let people = [Person(retires: (2024, 6)), Person(retires: (2025, 12)), Person(retires: (2026, 1)),
                      Person(retires: (2027, 12)), Person(retires: (2028, 1))]
        var state = try state(people, quota: [Headcount(cadres: 10, civilServants: 0, nonProfessional: 0)], years: 3)
        state.retire(1)
        #expect(leavers(state, year: 1) == [0: .retirement, 1: .retirement])
        #expect(state.record.exits.cadres[.retirement] == 2 && state.record.exits.cadres.total == 2)
        #expect(state.record.costVND.cadres == 0)
        state.retire(2)
        #expect(leavers(state, year: 2) == [2: .retirement])
        state.retire(3)
        #expect(leavers(state, year: 3) == [3: .retirement])
        #expect(state.active == [false, false, false, false, true])  // 1 Jan 2028 is after the run
        state._checkInvariants()
    }

    @Test func anEndingCategoryEndsAllItsPeopleInItsYearWithTheAllowance() throws {
        // The category ends on 31 Mar 2026 (year 2), within the window of a decision of 1 Jun 2025: each leaver
        // is paid 0.5 × 3 months left of the term (to 30 Jun 2026, the last month counted) × 1.5 base salaries.
        let people = [Person(unit: 0, category: .nonProfessional, retires: (2025, 3)), Person(unit: 0, category: .nonProfessional, retires: (2040, 1)),
                      Person(unit: 0, category: .nonProfessional, retires: (2041, 1)), Person(unit: 1, category: .nonProfessional, retires: (2042, 1)),
                      Person(unit: 1, category: .cadres, retires: (2043, 1))]
        let quota = [Headcount](repeating: Headcount(cadres: 5, civilServants: 5, nonProfessional: 5), count: 2)
        var state = try state(people, quota: quota, years: 3, ends: CalendarDate(year: 2026, month: 3, day: 31),
                              decision: CalendarDate(year: 2025, month: 6, day: 1))
        state.runYear(1)
        #expect(leavers(state, year: 1) == [0: .retirement])
        #expect(state.result.years[0].exits.nonProfessional[.categoryEnded] == 0)
        state.runYear(2)
        #expect(leavers(state, year: 2) == [1: .categoryEnded, 2: .categoryEnded, 3: .categoryEnded])
        let year2 = state.result.years[1]
        #expect(year2.exits.nonProfessional[.categoryEnded] == 3)
        #expect(year2.costVND.nonProfessional == 3 * 0.5 * 3 * 1.5 * Self.base)
        #expect(year2.headcount == Headcount(cadres: 1, civilServants: 0, nonProfessional: 0))
        state._checkInvariants()
    }

    @Test func voluntaryExitsAtTheirRateSkipThoseAlreadyGone() throws {
        // Civil servants leave in year 1 for certain (rate 1), cadres never (rate 0); one civil servant retires first.
        let people = [Person(category: .civilServants, retires: (2025, 5)), Person(category: .civilServants, retires: (2040, 1)),
                      Person(category: .cadres, retires: (2040, 1))]
        var state = try state(people, quota: [Headcount(cadres: 5, civilServants: 5, nonProfessional: 5)], years: 2,
                              voluntary: PerCategory(cadres: 0, civilServants: 1, nonProfessional: 0))
        state.retire(1)
        state.leaveVoluntarily(1)
        #expect(leavers(state, year: 1) == [0: .retirement, 1: .voluntary])
        #expect(state.record.exits.civilServants[.retirement] == 1 && state.record.exits.civilServants[.voluntary] == 1)
        #expect(state.record.exits.cadres.total == 0)
        state.leaveVoluntarily(2)
        #expect(leavers(state, year: 2).isEmpty)
        state._checkInvariants()
    }

    @Test func offersGoNearestToRetirementFirstAndStopAtTheSurplus() throws {
        // Cadres: 5 over a quota of 2. Down the order, early retirement first (1–120 months early under Decree 178):
        // A (24 months early, 20 years insured): 1.0 × 24 + 5 × 2 + service 5 = 39 months × 3.0;
        // B (120 months, 25 years): 0.9 × 60 + 4 × 10 + service 5 + 0.5 × 5 = 101.5 months × 2.0;
        // then resignation: C (132 months, 10 years): 3 + 0.8 × 60 + 1.5 × 10 = 66 months × 2.5. D and E stay.
        // Non-professional workers: 3 over a quota of 1: the two nearest retirement take the end-of-post allowance,
        // 0.5 × 18 months left of the term × 1.5 base salaries each.
        let people = [Person(retires: (2027, 1), insurance: 20, coefficient: 3.0), Person(retires: (2035, 1), insurance: 25, coefficient: 2.0),
                      Person(retires: (2045, 1), insurance: 1), Person(retires: (2040, 1), insurance: 5),
                      Person(retires: (2036, 1), insurance: 10, coefficient: 2.5),
                      Person(category: .nonProfessional, retires: (2032, 1)), Person(category: .nonProfessional, retires: (2030, 1)),
                      Person(category: .nonProfessional, retires: (2031, 1)), Person(category: .civilServants, retires: (2030, 1))]
        var state = try state(people, quota: [Headcount(cadres: 2, civilServants: 1, nonProfessional: 1)], years: 1)
        state.makeOffers(1)
        #expect(leavers(state, year: 1) == [0: .earlyRetirement, 1: .earlyRetirement, 4: .resignation, 6: .resignation, 7: .resignation])
        let exits = state.record.exits
        #expect(exits.cadres[.earlyRetirement] == 2 && exits.cadres[.resignation] == 1 && exits.cadres.total == 3)
        #expect(state.record.costVND.cadres == (39 * 3.0 + 101.5 * 2.0 + 66 * 2.5) * Self.base)
        #expect(exits.nonProfessional[.resignation] == 2 && state.record.costVND.nonProfessional == 2 * 0.5 * 18 * 1.5 * Self.base)
        #expect(exits.civilServants.total == 0)
        state._checkInvariants()
    }

    @Test func transfersMoveThoseFurthestFromRetirementIntoVacancies() throws {
        // U0 has 3 cadres over a quota of 1, U1 two empty cadre posts in the same province: the two furthest move.
        let people = [Person(unit: 0, retires: (2030, 1)), Person(unit: 0, retires: (2040, 1)), Person(unit: 0, retires: (2035, 1))]
        var state = try state(people, quota: [Headcount(cadres: 1, civilServants: 0, nonProfessional: 0),
                                              Headcount(cadres: 2, civilServants: 0, nonProfessional: 0)], years: 1, scope: .province)
        state.refillByTransfers(1)
        #expect(state.unit == [0, 1, 1])
        #expect(state.record.transfersIn.cadres == 2 && state.record.exits.cadres.total == 0)
        #expect(state.active.allSatisfy { $0 })
        state._checkInvariants()
        state.close(1, peopleBefore: 3)
        #expect(state.result.years[0].headcount.cadres == 3 && state.result.years[0].surplus.isZero)
        #expect(state.result.yearWithinQuota == [1, 0])  // U1 was within quota from the start
    }

    @Test func closingAYearThatLostSomeoneStops() async throws {
        await #expect(processExitsWith: .failure) {
            let people = [Person(retires: (2030, 1))]
            var state = try ReplicationStepTests().state(people, quota: [Headcount(cadres: 1, civilServants: 0, nonProfessional: 0)], years: 1)
            state.close(1, peopleBefore: 2)
        }
    }
}
