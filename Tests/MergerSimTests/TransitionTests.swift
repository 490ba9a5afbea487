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
        return TransitionModel(workforce: workforce, rules: rules, effective: effective, years: years, nonProfessionalEnds: nil,
                               transfers: TransferSettings(scope: scope), pairs: [])
    }

    @Test func peopleAreConservedEveryYearOfEveryRun() throws {
        let model = try model(units: 12, staff: 15, quota: 11)
        for run in try model.simulate(runs: 30, seed: 1, parallel: false) {
            var people = model.workforce.count
            for year in 0..<model.years {
                let exits = run.exits[year].joined().reduce(0, +)
                people -= exits
                #expect(run.headcount[year].reduce(0, +) == people, "year \(year + 1)")
                #expect(run.surplus[year].allSatisfy { $0 >= 0 })
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
        let civilServants = 20 * 100 - runs[0].exits[0][1][0]  // people there minus statutory retirements (the same every run)
        let rate = rules.exits.voluntaryRate.civilServants
        let voluntary = runs.map { Double($0.exits[0][1][TransitionModel.Route.allCases.firstIndex(of: .voluntary)!]) }
        let mean = try Statistics.mean(voluntary)
        let expected = Double(civilServants) * rate
        // The mean of 100 binomial counts: 5 standard errors either side.
        let standardError = (Double(civilServants) * rate * (1 - rate) / 100).squareRoot()
        #expect(abs(mean - expected) < 5 * standardError, "mean \(mean), expected \(expected)")
        #expect(runs.allSatisfy { $0.exits[0][1][TransitionModel.Route.allCases.firstIndex(of: .earlyRetirement)!] == 0 })
    }

    @Test func offersBringUnitsBackAndArePriced() throws {
        let model = try model(units: 6, staff: 20, quota: 11)
        let runs = try model.simulate(runs: 20, seed: 4)
        let summary = try TransitionSummary(runs, years: model.years, units: 6)
        let first = try #require(summary.row(year: 1, category: "all", metric: "surplus"))
        let last = try #require(summary.row(year: 5, category: "all", metric: "surplus"))
        #expect(last.mean < first.mean)
        #expect(try #require(summary.row(year: 1, category: "all", metric: "cost_vnd")).mean > 0)
        // Each unit's probability is the share of replications in which it got back within quota; all units
        // together can do no better than the worst of them.
        for u in 0..<6 {
            #expect(summary.probabilityWithinQuota[u] == Double(runs.filter { $0.yearWithinQuota[u] != nil }.count) / Double(runs.count))
        }
        #expect(summary.probabilityAllWithinQuota <= summary.probabilityWithinQuota.min()!)
    }

    @Test func aCategoryThatEndsLeavesEntirely() throws {
        var model = try model(units: 3, staff: 10, quota: 12, scope: .none, years: 2)
        model = TransitionModel(workforce: model.workforce, rules: model.rules, effective: effective, years: 2,
                                nonProfessionalEnds: CalendarDate(iso: "2025-08-01"), transfers: model.transfers, pairs: [])
        let run = try model.replicate(seed: 1)
        #expect(run.headcount[0][2] == 0)
        #expect(run.exits[0][2][TransitionModel.Route.allCases.firstIndex(of: .categoryEnded)!] > 0)
    }

    @Test func someonePastRetirementAgeRetiresInYearOne() throws {
        let unit = TransferUnit(code: "U0", province: "P", district: nil, location: nil,
                                staff: Headcount(cadres: 1, civilServants: 0, nonProfessional: 0), quota: Headcount(cadres: 5, civilServants: 5, nonProfessional: 5))
        var workforce = Workforce(units: [unit])
        workforce.add(StaffMember(id: "old", unitCode: "U0", category: .cadres, sex: .male, birthDate: BirthDate(text: "1950")!),
                      inUnit: 0, retirement: rules.retirement, defaults: rules.syntheticRoster)
        let model = TransitionModel(workforce: workforce, rules: rules, effective: effective, years: 2, nonProfessionalEnds: nil,
                                    transfers: TransferSettings(scope: .none), pairs: [])
        let run = try model.replicate(seed: 1)
        #expect(run.exits[0][0][TransitionModel.Route.allCases.firstIndex(of: .retirement)!] == 1)
        #expect(run.headcount[0][0] == 0)
    }
}
