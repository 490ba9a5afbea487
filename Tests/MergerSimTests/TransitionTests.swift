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

    @Test func peopleAreConservedEveryYearOfEveryRun() throws {
        let model = try model(units: 12, staff: 15, quota: 11)
        for run in try model.simulate(runs: 30, seed: 1, parallel: false) {
            var people = model.workforce.count
            for record in run.years {
                people -= StaffCategory.allCases.reduce(0) { $0 + record.exits[$1].total }
                #expect(record.headcount.total == people)
                #expect(StaffCategory.allCases.allSatisfy { record.surplus[$0] >= 0 })
            }
        }
    }

    @Test func sameSeedSameRunsOtherSeedOthersParallelEqualsSerial() throws {
        let model = try model(units: 8, staff: 14, quota: 11)
        let serial = try model.simulate(runs: 16, seed: 5, parallel: false)
        #expect(try model.simulate(runs: 16, seed: 5, parallel: true) == serial)
        #expect(try model.simulate(runs: 16, seed: 6, parallel: false) != serial)
    }

    @Test func voluntaryExitsFollowTheirRate() throws {
        // Quotas above headcounts: no offers; exits are voluntary or statutory only.
        let model = try model(units: 20, staff: 100, quota: 200, scope: .none, years: 1)
        let runs = try model.simulate(runs: 100, seed: 3)
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
        let runs = try model.simulate(runs: 20, seed: 4)
        let summary = try TransitionSummary(runs, years: model.years, units: 6)
        let first = try #require(summary.row(year: 1, category: .all, metric: .surplus))
        let last = try #require(summary.row(year: 5, category: .all, metric: .surplus))
        #expect(last.mean < first.mean)
        #expect(try #require(summary.row(year: 1, category: .all, metric: .costVND)).mean > 0)
        // Each unit's probability is the share of replications in which it got back within quota; all units
        // together can do no better than the worst of them.
        for u in 0..<6 {
            #expect(summary.probabilityWithinQuota[u] == Double(runs.filter { $0.yearWithinQuota[u] != nil }.count) / Double(runs.count))
        }
        #expect(summary.probabilityAllWithinQuota <= summary.probabilityWithinQuota.min()!)
    }

    /// Offers go down each unit's order, nearest to retirement first: among those who accepted early
    /// retirement in a unit, none was further from retirement than someone eligible who was passed over
    /// without a draw (the unit was back within quota before reaching them).
    @Test func offersFollowTheDocumentedOrder() throws {
        let model = try model(units: 4, staff: 30, quota: 11, scope: .none, years: 1)
        let run = model.replicate(0, seed: 8, recordLeavers: true)
        let early = (run.leavers ?? []).filter { $0.route == .earlyRetirement }.map(\.person)
        #expect(!early.isEmpty)
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
                let eligible = model.workforce.insuranceYears[person] >= 20 && (24...120).contains(model.workforce.retirementMonth[person] - startMonth)
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
