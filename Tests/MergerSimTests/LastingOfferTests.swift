import Testing
@testable import MergerSim

/// Offers under the two offer models (issue 22) with hand-made people, from the `vn-2023` rule file
/// (year 1 from 1 Jan 2025, Decree 178/2024 in force). The oracle is ``CommonRandom`` itself, read as
/// the model's rule states it: a person's propensity is their route's draw in year 0 (lasting), or the
/// draw of each year offered (yearly), never the engine's bookkeeping.
struct LastingOfferTests {
    static let effective = CalendarDate(year: 2025, month: 1, day: 1)
    static let seed: UInt64 = 1

    /// `count` cadres retiring in 2045 (beyond every early-retirement band, so offered resignation only)
    /// in one unit with a quota of none, so every one of them is offered every year.
    func model(count: Int, years: Int, offerModel: OfferModel, resignation: Double, early: Double = 0,
               table: UptakeTable? = nil, retires: [CalendarMonth]? = nil, decision: CalendarDate? = nil) throws -> TransitionModel {
        var rules = try Rules.vn2023.transition
        rules.exits.voluntaryRate = .init(repeating: 0)
        rules.exits.offerModel = offerModel
        rules.exits.resignationUptake = resignation
        rules.exits.earlyRetirementUptake = early
        rules.exits.uptakeByTerms = table
        let people = (0..<count).map {
            HandMadePerson(unit: 0, category: .cadres, retires: retires?[$0] ?? CalendarMonth(year: 2045, month: 6), insurance: 30, coefficient: 2)
        }
        let workforce = Workforce.handMade(people, quota: [.zero])
        return try TransitionModel(workforce: workforce, rules: rules, effective: Self.effective, decision: decision, years: years,
                                   nonProfessionalEnds: nil, transfers: TransferSettings(scope: .none), pairs: [])
    }

    /// The year each person left by resignation, if they did.
    func resignations(_ model: TransitionModel) -> [Int: Int] {
        let leavers = model.replicate(0, seed: Self.seed, recordLeavers: true).leavers ?? []
        return Dictionary(uniqueKeysWithValues: leavers.filter { $0.route == .resignation }.map { ($0.person, $0.year) })
    }

    /// A person's lasting propensity for resignation in replication 0 (the oracle).
    func propensity(_ person: Int, _ purpose: CommonRandom.Purpose = .resignationOffer) -> Double {
        CommonRandom(seed: Self.seed, replication: 0).uniform(person: person, year: 0, purpose)
    }

    @Test func aLastingChoiceDeclinesOnUnchangedTermsEveryYear() throws {
        // 200 people offered resignation at 0.3 in each of 5 years: those whose propensity is below 0.3
        // take it in year 1, and nobody else ever does (a yearly draw would take ~83 % by year 5).
        let people = 200, model = try model(count: people, years: 5, offerModel: .lasting, resignation: 0.3)
        let expected = Dictionary(uniqueKeysWithValues: (0..<people).filter { propensity($0) < 0.3 }.map { ($0, 1) })
        #expect(!expected.isEmpty && expected.count < people)
        #expect(resignations(model) == expected)
    }

    @Test func aLastingChoiceAcceptsWhenTheTermsChangeToAnUptakeAboveIt() throws {
        // Person 0 with propensity p is offered at exactly p within the window (years 1 and 2: the window of a
        // decision of 1 Jan 2025 includes its anniversary, 1 Jan 2026) and declines; after it (year 3) the
        // uptake is just above p and they accept, once.
        let p = propensity(0)
        let table = UptakeTable(rule: "R-5.3", status: .notConfirmed, earlyRetirement: [], resignation: [.init(window: .within, uptake: p)])
        let model = try model(count: 1, years: 5, offerModel: .lasting, resignation: p.nextUp, table: table, decision: Self.effective)
        #expect(resignations(model) == [0: 3])
        // The same terms throughout (no row): declines in every year at p, accepts in year 1 just above it.
        #expect(resignations(try self.model(count: 1, years: 5, offerModel: .lasting, resignation: p)) == [:])
        #expect(resignations(try self.model(count: 1, years: 5, offerModel: .lasting, resignation: p.nextUp)) == [0: 1])
    }

    @Test func theBandOfMonthsEarlyPicksTheRow() throws {
        // Early retirement at 1 within the band 24–60 months early, 0 elsewhere: of a person 30 months early
        // (retiring Jul 2027) and one 90 months early (Jul 2032), only the first takes it; resignation is 0.
        let table = UptakeTable(rule: "R-5.3", status: .notConfirmed,
                                earlyRetirement: [.init(minMonthsEarly: 24, maxMonthsEarly: 60, uptake: 1)], resignation: [])
        let model = try model(count: 2, years: 1, offerModel: .lasting, resignation: 0, early: 0, table: table,
                              retires: [CalendarMonth(year: 2027, month: 7), CalendarMonth(year: 2032, month: 7)])
        let leavers = model.replicate(0, seed: Self.seed, recordLeavers: true).leavers ?? []
        #expect(leavers.map(\.person) == [0] && leavers.map(\.route) == [.earlyRetirement])
    }

    @Test func theCumulativeUptakeIsTheStatedShare() throws {
        // 4,000 people, uptake 0.3, 5 years. Lasting: the share who resign is a binomial proportion of mean 0.3,
        // standard error √(0.3 · 0.7 / 4000) = 0.0072; 0.03 is over 4 standard errors (a false alarm about 1 in
        // 30,000), and far from 1 − 0.7⁵ = 0.832, the yearly model's share, which is checked the same way.
        let people = 4000
        let lasting = Double(resignations(try model(count: people, years: 5, offerModel: .lasting, resignation: 0.3)).count) / Double(people)
        #expect(abs(lasting - 0.3) < 0.03, "lasting share \(lasting)")
        let yearly = Double(resignations(try model(count: people, years: 5, offerModel: .yearly, resignation: 0.3)).count) / Double(people)
        let compounded = 1 - 0.7 * 0.7 * 0.7 * 0.7 * 0.7, error = (compounded * (1 - compounded) / Double(people)).squareRoot()
        #expect(abs(yearly - compounded) < 4.5 * error, "yearly share \(yearly), expected \(compounded) ± \(error)")
    }

    @Test func twoUptakesGiveTheSamePersonTheSamePropensity() throws {
        // Common random numbers person by person: at 0.2 and 0.4 the takers are exactly those with propensity
        // below each, so the first set lies within the second.
        let people = 300
        let low = resignations(try model(count: people, years: 3, offerModel: .lasting, resignation: 0.2))
        let high = resignations(try model(count: people, years: 3, offerModel: .lasting, resignation: 0.4))
        #expect(Set(low.keys) == Set((0..<people).filter { propensity($0) < 0.2 }))
        #expect(Set(high.keys) == Set((0..<people).filter { propensity($0) < 0.4 }))
        #expect(Set(low.keys).isSubset(of: Set(high.keys)) && low.count < high.count)
    }

    @Test func theYearlyModelDrawsAnewEachYearAsBefore() throws {
        // Main's rule before issue 22: a person still there in year y resigns when their draw for year y is below the uptake.
        let people = 300, years = 4, uptake = 0.25
        let random = CommonRandom(seed: Self.seed, replication: 0)
        var expected: [Int: Int] = [:]
        for person in 0..<people {
            expected[person] = (1...years).first { random.uniform(person: person, year: $0, .resignationOffer) < uptake }
        }
        #expect(resignations(try model(count: people, years: years, offerModel: .yearly, resignation: uptake)) == expected)
    }

    @Test func theTableGivesTheFirstRowThatCoversTheOfferElseTheDefault() throws {
        var exits = try Rules.vn2023.transition.exits
        exits.earlyRetirementUptake = 0.5
        exits.uptakeByTerms = UptakeTable(rule: "R-5.3", status: .notConfirmed, earlyRetirement: [
            .init(window: .within, minMonthsEarly: 24, maxMonthsEarly: 60, uptake: 0.7),
            .init(minMonthsEarly: 24, uptake: 0.2),
        ], resignation: [])
        #expect(exits.uptake(.earlyRetirement, withinWindow: true, monthsEarly: 30) == 0.7)
        #expect(exits.uptake(.earlyRetirement, withinWindow: false, monthsEarly: 30) == 0.2)
        #expect(exits.uptake(.earlyRetirement, withinWindow: true, monthsEarly: 61) == 0.2)
        #expect(exits.uptake(.earlyRetirement, withinWindow: true, monthsEarly: 23) == 0.5)
        #expect(exits.uptake(.resignation, withinWindow: true, monthsEarly: 30) == exits.resignationUptake)
    }

    /// A mixed workforce for the skip: 4 units of one district (two over quota, two with vacancies that take
    /// transfers, across categories too), 160 cadres and civil servants retiring from 2024 to 2050 with 5 to 35
    /// years of insurance (some not yet eligible for early retirement), from a fixed linear congruential sequence.
    func mixedModel(effective: CalendarDate, decision: CalendarDate, table: UptakeTable?) throws -> TransitionModel {
        var rules = try Rules.vn2023.transition
        rules.exits.voluntaryRate = PerCategory(cadres: 0.02, civilServants: 0.03, nonProfessional: 0)
        rules.exits.offerModel = .lasting
        rules.exits.earlyRetirementUptake = 0.35
        rules.exits.resignationUptake = 0.15
        rules.exits.uptakeByTerms = table
        var state: UInt64 = 12345
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var people: [(unit: Int, category: StaffCategory, retires: CalendarMonth, insurance: Double)] = []
        for _ in 0..<160 {
            people.append((next(4), next(2) == 0 ? .cadres : .civilServants, CalendarMonth(year: 2024 + next(27), month: 1 + next(12)),
                           Double(5 + next(31))))
        }
        let quotas = [Headcount(cadres: 10, civilServants: 12, nonProfessional: 0), Headcount(cadres: 8, civilServants: 10, nonProfessional: 0),
                      Headcount(cadres: 24, civilServants: 20, nonProfessional: 0), Headcount(cadres: 20, civilServants: 24, nonProfessional: 0)]
        let workforce = Workforce.handMade(people.map {
            HandMadePerson(unit: $0.unit, category: $0.category, retires: $0.retires, insurance: $0.insurance, coefficient: 2.5)
        }, quota: quotas)
        return try TransitionModel(workforce: workforce, rules: rules, effective: effective, decision: decision, years: 5, nonProfessionalEnds: nil,
                                   transfers: TransferSettings(scope: .district), pairs: [CategoryPair(from: .cadres, to: .civilServants)])
    }

    @Test(arguments: [false, true])
    func skippingThoseWhoDeclinedOnTheSameTermsChangesNothing(withTable: Bool) throws {
        // Lasting choices, 5 years from 1 Jan 2024 (Decree 29/2023, then Decree 178/2024 from year 2: the window of
        // months early widens) with a window of the decision that ends in year 2; with and without a table of
        // uptakes by window and band. Every replication is the same, leaver by leaver, with and without the skip.
        let table = withTable ? UptakeTable(rule: "R-5.3", status: .notConfirmed, earlyRetirement: [
            .init(window: .within, minMonthsEarly: 24, maxMonthsEarly: 60, uptake: 0.6), .init(window: .after, uptake: 0.5),
        ], resignation: [.init(window: .after, uptake: 0.25)]) : nil
        let model = try mixedModel(effective: CalendarDate(year: 2024, month: 1, day: 1), decision: CalendarDate(year: 2024, month: 6, day: 1),
                                   table: table)
        var offered = 0
        for replication in 0..<40 {
            var results: [Replication] = []
            for skips in [true, false] {
                var state = ReplicationState(model: model, random: CommonRandom(seed: 7, replication: replication), recordLeavers: true,
                                             skipsDeclined: skips)
                for year in 1...model.years { state.runYear(year) }
                results.append(state.result)
            }
            #expect(results[0] == results[1], "replication \(replication)")
            offered += results[0].years.reduce(0) { $0 + $1.exits.cadres[.earlyRetirement] + $1.exits.civilServants[.resignation] }
        }
        #expect(offered > 0, "the offers took people")
    }
}
