import Testing
import GSL
@testable import MergerSim

/// The transition: people conserved every year of every run, reproducible, parallel = serial, exits at their rates.
struct TransitionTests {
    let rules: TransitionRules

    init() throws { rules = try Rules.vn2023.transition }
    let effective = CalendarDate(iso: "2024-11-01")!

    /// Units of `staff` people each over a quota of `quota` per category, with synthetic people.
    func model(units count: Int, staff: Int, quota: Int, rules: TransitionRules? = nil, scope: TransferSettings.Scope = .province,
               years: Int = 5) throws -> TransitionModel {
        let rules = rules ?? self.rules
        let units = (0..<count).map { i in
            TransferUnit(code: "U\(i)", province: "P", district: "D", location: Coordinate(latitude: 11 + Double(i) / 100, longitude: 108),
                         staff: Headcount(cadres: staff, civilServants: staff, nonProfessional: staff),
                         quota: Headcount(cadres: quota, civilServants: quota + (i % 2 == 0 ? 4 : -4), nonProfessional: quota))
        }
        var workforce = Workforce(units: units)
        let people = try rules.syntheticRoster.roster(units.map { ($0.code, $0.staff) }, on: effective, retirement: rules.retirement, seed: 9)
        for person in people { workforce.add(person, inUnit: Int(person.unitCode.dropFirst())!, retirement: rules.retirement, defaults: rules.syntheticRoster) }
        return try TransitionModel(workforce: workforce, rules: rules, effective: effective, years: years, nonProfessionalEnds: nil,
                               transfers: TransferSettings(scope: scope), pairs: [])
    }

    /// People are conserved every year, and the surplus recorded is the units' surplus: hand-worked at the
    /// start, then bounded each year by what can change it.
    @Test func peopleAreConservedEveryYearOfEveryRun() throws {
        let model = try model(units: 12, staff: 15, quota: 11)
        // 12 units of 15 a category over quotas of 11 (civil servants 15 in the 6 even units, 7 in the 6 odd):
        // surplus 12 × 4 = 48 cadres, 6 × 8 = 48 civil servants, 48 non-professional; 12, 6 and 12 units over;
        // 132 posts in each category.
        let posts = Headcount(cadres: 132, civilServants: 132, nonProfessional: 132)
        for run in model.simulate(runs: 30, seed: 1, parallel: false) {
            #expect(run.start.headcount == Headcount(cadres: 180, civilServants: 180, nonProfessional: 180))
            #expect(run.start.surplus == Headcount(cadres: 48, civilServants: 48, nonProfessional: 48))
            #expect(run.start.unitsOverQuota == Headcount(cadres: 12, civilServants: 6, nonProfessional: 12))
            var people = model.workforce.count, before = run.start
            for record in run.years {
                people -= StaffCategory.allCases.reduce(0) { $0 + record.exits[$1].total }
                #expect(record.headcount.total == people)
                for c in StaffCategory.allCases {
                    // Never below what the posts in all units together leave over, and at least one a unit over quota.
                    #expect(record.surplus[c] >= max(0, record.headcount[c] - posts[c]), "\(c)")
                    #expect(record.surplus[c] >= record.unitsOverQuota[c] && record.unitsOverQuota[c] <= 12, "\(c)")
                    #expect((record.surplus[c] == 0) == (record.unitsOverQuota[c] == 0), "\(c)")
                    // No one is moved into a unit beyond its quota, so the surplus never grows; it falls only by
                    // those who left and those moved into vacancies.
                    #expect(record.surplus[c] <= before.surplus[c], "\(c)")
                    #expect(before.surplus[c] - record.surplus[c] <= record.exits[c].total + record.transfersIn[c], "\(c)")
                }
                before = record
            }
        }
    }

    @Test func sameSeedSameRunsOtherSeedOthersParallelEqualsSerial() throws {
        let model = try model(units: 8, staff: 14, quota: 11)
        let serial = model.simulate(runs: 16, seed: 5, parallel: false)
        #expect(model.simulate(runs: 16, seed: 5, parallel: true) == serial)
        #expect(model.simulate(runs: 16, seed: 6, parallel: false) != serial)
    }

    @Test func voluntaryExitsFollowTheirRate() throws {
        // Quotas above headcounts: no offers; exits are voluntary or statutory only.
        let model = try model(units: 20, staff: 100, quota: 200, scope: .none, years: 1)
        let runs = model.simulate(runs: 100, seed: 3)
        let civilServants = 20 * 100 - runs[0].years[0].exits.civilServants[.retirement]  // minus statutory retirements (every run alike)
        let rate = rules.exits.voluntaryRate.civilServants
        let voluntary = runs.map { Double($0.years[0].exits.civilServants[.voluntary]) }
        let mean = try Statistics.mean(voluntary)
        let expected = Double(civilServants) * rate
        // The mean of 100 binomial counts: 5 standard errors either side.
        let standardError = (Double(civilServants) * rate * (1 - rate) / 100).squareRoot()
        #expect(abs(mean - expected) < 5 * standardError, "mean \(mean), expected \(expected)")
        #expect(runs.allSatisfy { $0.years[0].exits.civilServants[.earlyRetirement] == 0 })
    }

    @Test func offersBringUnitsBackAndArePriced() throws {
        let model = try model(units: 6, staff: 20, quota: 11)
        let runs = model.simulate(runs: 20, seed: 4)
        let summary = try TransitionSummary(runs, years: model.years, units: 6)
        let first = try #require(summary.row(year: 1, category: .all, metric: .surplus))
        let last = try #require(summary.row(year: 5, category: .all, metric: .surplus))
        #expect(last.mean < first.mean)
        #expect(try #require(summary.row(year: 1, category: .all, metric: .costVND)).mean > 0)
        // All units together can do no better than the worst of them.
        #expect(summary.probabilityAllWithinQuota <= summary.probabilityWithinQuota.min()!)
    }

    /// The summary of four hand-made replications of 3 years and 2 units, every figure worked by hand.
    @Test func theSummaryOfHandMadeReplications() throws {
        func year(surplus: (Int, Int, Int), cost: (Double, Double, Double) = (0, 0, 0)) -> Replication.YearRecord {
            var record = Replication.YearRecord()
            record.surplus = Headcount(cadres: surplus.0, civilServants: surplus.1, nonProfessional: surplus.2)
            record.costVND = PerCategory(cadres: cost.0, civilServants: cost.1, nonProfessional: cost.2)
            return record
        }
        let runs = [
            Replication(years: [year(surplus: (2, 1, 0), cost: (100, 0, 0)), year(surplus: (0, 1, 0), cost: (0, 50, 0)), year(surplus: (0, 0, 0))],
                        yearWithinQuota: [1, nil]),
            Replication(years: [year(surplus: (1, 0, 0)), year(surplus: (1, 0, 0)), year(surplus: (0, 0, 0))],
                        yearWithinQuota: [2, nil]),
            Replication(years: [year(surplus: (0, 0, 3)), year(surplus: (0, 0, 1)), year(surplus: (0, 0, 0), cost: (0, 0, 30))],
                        yearWithinQuota: [nil, 3]),
            Replication(years: [year(surplus: (0, 2, 0)), year(surplus: (0, 0, 0)), year(surplus: (0, 0, 1))],
                        yearWithinQuota: [0, nil]),
        ]
        // Deadlines: cadres at the end of year 2, civil servants of year 3, non-professional of year 9, cut to 3.
        let summary = try TransitionSummary(runs, years: 3, units: 2,
                                            deadlineYears: PerCategory(cadres: 2, civilServants: 3, nonProfessional: 9))
        #expect(summary.deadlineYears == PerCategory(cadres: 2, civilServants: 3, nonProfessional: 3))
        // Surplus at the deadlines: (0, 0, 0), (1, 0, 0), (0, 0, 0), (0, 0, 1); runs 1 and 3 are within quota.
        #expect(summary.headlines.map(\.surplusAtDeadline) == [
            PerCategory(cadres: 0, civilServants: 0, nonProfessional: 0), PerCategory(cadres: 1, civilServants: 0, nonProfessional: 0),
            PerCategory(cadres: 0, civilServants: 0, nonProfessional: 0), PerCategory(cadres: 0, civilServants: 0, nonProfessional: 1),
        ])
        #expect(summary.headlines.map(\.allWithinQuota) == [true, false, true, false])
        #expect(summary.headlines.map(\.exitCostVND) == [150, 0, 30, 0])
        #expect(summary.probabilityAllWithinQuota == 0.5)
        // Unit 0 within quota in 3 of 4 runs, unit 1 in 1 of 4.
        #expect(summary.probabilityWithinQuota == [0.75, 0.25])
        // Unit 0: years 1, 2, never (counted as 4), 0; median of 0, 1, 2, 4 is 1.5: half the runs are within by
        // year 2. Unit 1: 4, 4, 3, 4; median 4, after the last year: none.
        #expect(summary.medianYearWithinQuota == [2, nil])
        // Cadres' surplus at the end of year 1: 2, 1, 0, 0; mean 0.75; sorted 0, 0, 1, 2, the median halfway
        // between 0 and 1, the 95th percentile at rank 0.95 × 3 = 2.85, 0.85 of the way from 1 to 2.
        let cadres = try #require(summary.row(year: 1, category: .category(.cadres), metric: .surplus))
        #expect(cadres.mean == 0.75 && cadres.p50 == 0.5 && abs(cadres.p95 - 1.85) < 1e-12)
        // All categories at the end of year 1: 3, 1, 3, 2; mean 2.25. Exit cost in year 1: 100, 0, 0, 0; mean 25.
        #expect(try #require(summary.row(year: 1, category: .all, metric: .surplus)).mean == 2.25)
        #expect(try #require(summary.row(year: 1, category: .all, metric: .costVND)).mean == 25)
    }

    /// Offers go down each unit's order, nearest to retirement first: among those who accepted early
    /// retirement in a unit, none was further from retirement than someone eligible who was passed over
    /// without a draw (the unit was back within quota before reaching them).
    @Test func offersFollowTheDocumentedOrder() throws {
        let model = try model(units: 4, staff: 30, quota: 11, scope: .none, years: 1)
        let run = model.replicate(0, seed: 8, recordLeavers: true)
        let early = (run.leavers ?? []).filter { $0.route == .earlyRetirement }.map(\.person)
        #expect(!early.isEmpty)
        // Who may retire early, from the rule set: the merger decree in force on the effective date, its
        // pension's years of insurance and its bands' months before retirement.
        let decree = try #require(rules.exitLaw.mergerDecree(on: effective))
        let pension = try #require(decree.earlyRetirement.pension(on: effective))
        let bands = decree.earlyRetirement.bands
        let earlyRetirement = (minInsuranceYears: pension.minInsuranceYears,
                               monthsEarly: try #require(bands.map(\.minMonthsEarly).min())...(try #require(bands.compactMap(\.maxMonthsEarly).max())))
        for u in 0..<4 {
            let accepted = early.filter { Int(model.workforce.unit[$0]) == u }
            guard let latest = accepted.map({ model.workforce.retirementMonth[$0] }).max() else { continue }
            // Everyone in the unit who stayed and is nearer to retirement than the last accepter was offered too (and declined or was not eligible).
            let stayedNearer = (0..<model.workforce.count).filter {
                Int(model.workforce.unit[$0]) == u && model.workforce.retirementMonth[$0] < latest && !(run.leavers ?? []).map(\.person).contains($0)
            }
            let startMonth = model.startMonth[0]
            for person in stayedNearer where model.workforce.category[person] == model.workforce.category[accepted[0]] {
                let random = CommonRandom(seed: 8, replication: 0)
                let eligible = model.workforce.insuranceYears[person] >= earlyRetirement.minInsuranceYears
                    && earlyRetirement.monthsEarly.contains(model.workforce.retirementMonth[person] - startMonth)
                #expect(!eligible || random.uniform(person: person, year: 1, .earlyRetirementOffer) >= model.rules.exits.earlyRetirementUptake)
            }
        }
    }

    /// Issue 10: two scenarios identical but for the transfer scope retire and lose the same people to
    /// voluntary exit, person by person, in every replication (common random numbers): whoever retires or
    /// leaves of their own accord in one does the same in the same year in the other, unless an offer took
    /// them earlier there.
    @Test func scenariosDifferingOnlyInTransfersShareTheirDraws() throws {
        // Staff 14 against civil-servant quotas of 16 and 8: half the units have vacancies, so people move.
        let withTransfers = try model(units: 10, staff: 14, quota: 12, scope: .province)
        let without = try TransitionModel(workforce: withTransfers.workforce, rules: rules, effective: effective, years: 5, nonProfessionalEnds: nil,
                                      transfers: TransferSettings(scope: .none), pairs: [])
        var moved = 0
        for replication in 0..<12 {
            let a = withTransfers.replicate(replication, seed: 21, recordLeavers: true), b = without.replicate(replication, seed: 21, recordLeavers: true)
            moved += a.years.reduce(0) { $0 + $1.transfersIn.total }
            let leftA = Dictionary(uniqueKeysWithValues: (a.leavers ?? []).map { ($0.person, $0) })
            let leftB = Dictionary(uniqueKeysWithValues: (b.leavers ?? []).map { ($0.person, $0) })
            for (mine, theirs) in [(leftA, leftB), (leftB, leftA)] {
                for (person, leaver) in mine where leaver.route == .retirement || leaver.route == .voluntary {
                    if let other = theirs[person], other.year < leaver.year || (other.year == leaver.year && other.route != leaver.route
                        && [.earlyRetirement, .resignation].contains(other.route)) { continue }  // an offer took them first
                    #expect(theirs[person]?.route == leaver.route && theirs[person]?.year == leaver.year,
                            "person \(person) (\(leaver.route) in year \(leaver.year)), replication \(replication)")
                }
            }
        }
        #expect(moved > 0)
    }

    @Test func aCategoryThatEndsLeavesEntirely() throws {
        var model = try model(units: 3, staff: 10, quota: 12, scope: .none, years: 2)
        model = try TransitionModel(workforce: model.workforce, rules: model.rules, effective: effective, years: 2,
                                nonProfessionalEnds: CalendarDate(iso: "2025-08-01"), transfers: model.transfers, pairs: [])
        let run = model.replicate(0, seed: 1)
        #expect(run.years[0].headcount.nonProfessional == 0)
        #expect(run.years[0].exits.nonProfessional[.categoryEnded] > 0)
    }

    @Test func someonePastRetirementAgeRetiresInYearOne() throws {
        let unit = TransferUnit(code: "U0", province: "P", district: nil, location: nil,
                                staff: Headcount(cadres: 1, civilServants: 0, nonProfessional: 0), quota: Headcount(cadres: 5, civilServants: 5, nonProfessional: 5))
        var workforce = Workforce(units: [unit])
        workforce.add(StaffMember(id: "old", unitCode: "U0", category: .cadres, sex: .male, birthDate: BirthDate(text: "1950")!),
                      inUnit: 0, retirement: rules.retirement, defaults: rules.syntheticRoster)
        let model = try TransitionModel(workforce: workforce, rules: rules, effective: effective, years: 2, nonProfessionalEnds: nil,
                                    transfers: TransferSettings(scope: .none), pairs: [])
        let run = model.replicate(0, seed: 1)
        #expect(run.years[0].exits.cadres[.retirement] == 1)
        #expect(run.years[0].headcount.cadres == 0)
    }
}
