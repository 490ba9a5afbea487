import Foundation
import GSL

/// The year-by-year path back to quota (R-4.6, R-5.x), one seeded replication at a time.
///
/// Each year, in this order: statutory retirements dated within the year
/// the end of a category the rule set ends (non-professional posts
/// under `vn-2025`); voluntary exits (each person with the category's rate,
/// a GSL binomial per unit and category, leavers drawn uniformly); in units
/// over quota, early-retirement offers to those eligible under the decree in
/// force on the day, then resignation offers, each accepted with its uptake, until
/// the unit is back within quota, each exit priced by the decree a merger's
/// surplus staff take on the day of leaving at that day's base
/// salary; non-professional workers are offered the end-of-post
/// allowance within 12 months of the merger; no one is hired
/// into a unit over quota; vacancies are refilled by the stage-2 transfers.
public struct TransitionModel: Sendable {
    public let workforce: Workforce
    public let rules: TransitionRules
    /// The date the merger takes effect; year k covers [effective + k − 1 years, effective + k years).
    public let effective: CalendarDate
    public let years: Int
    /// The date a category ends, if the rule set ends one.
    public let nonProfessionalEnds: CalendarDate?
    public let transfers: TransferSettings
    public let pairs: [(StaffCategory, StaffCategory)]

    public init(workforce: Workforce, rules: TransitionRules, effective: CalendarDate, years: Int,
                nonProfessionalEnds: CalendarDate?, transfers: TransferSettings, pairs: [(StaffCategory, StaffCategory)]) {
        self.workforce = workforce
        self.rules = rules
        self.effective = effective
        self.years = years
        self.nonProfessionalEnds = nonProfessionalEnds
        self.transfers = transfers
        self.pairs = pairs
    }

    /// The routes out of a unit's staff.
    public enum Route: String, CaseIterable, Sendable {
        case retirement, earlyRetirement = "early_retirement", resignation, voluntary, categoryEnded = "category_ended"
    }

    /// What one replication records, per year (index 0 = the end of year 1) and category.
    public struct Replication: Sendable, Equatable {
        public var surplus: [[Int]]
        public var unitsOverQuota: [[Int]]
        public var headcount: [[Int]]
        public var exits: [[[Int]]]  // [year][category][route]
        public var transfersIn: [[Int]]
        public var costVND: [[Double]]
        /// Per unit: the first year at whose end it is within quota in every category (0: from the start), or nil.
        public var yearWithinQuota: [Int?]
    }

    /// Runs one replication with its own random stream.
    public func replicate(seed: UInt64) throws(GSLError) -> Replication {
        let random = try RandomSource(seed: seed)
        let n = workforce.units.count, categories = StaffCategory.allCases
        // Members of each (unit, category), person indices, with each person's slot.
        var members = [[Int]](repeating: [], count: n * 3)
        var slot = [Int](repeating: 0, count: workforce.count)
        var active = [Bool](repeating: true, count: workforce.count)
        for person in 0..<workforce.count {
            let key = Int(workforce.unit[person]) * 3 + workforce.category[person].index
            slot[person] = members[key].count
            members[key].append(person)
        }
        var unitOf = workforce.unit, categoryOf = workforce.category
        /// Takes a person out of their (unit, category) list in O(1), the last member filling the gap.
        func detach(_ person: Int) {
            let key = Int(unitOf[person]) * 3 + categoryOf[person].index
            let last = members[key].removeLast()
            if last != person {
                members[key][slot[person]] = last
                slot[last] = slot[person]
            }
        }
        func remove(_ person: Int) {
            detach(person)
            active[person] = false
        }
        func move(_ person: Int, to unit: Int, category: StaffCategory) {
            detach(person)
            unitOf[person] = Int32(unit)
            categoryOf[person] = category
            let key = unit * 3 + category.index
            slot[person] = members[key].count
            members[key].append(person)
        }
        var result = Replication(surplus: [], unitsOverQuota: [], headcount: [], exits: [], transfersIn: [], costVND: [],
                                 yearWithinQuota: [Int?](repeating: nil, count: n))
        func within(_ unit: Int) -> Bool {
            categories.allSatisfy { members[unit * 3 + $0.index].count <= workforce.units[unit].quota[$0] }
        }
        for u in 0..<n where within(u) { result.yearWithinQuota[u] = 0 }
        let codeIndex = Dictionary(uniqueKeysWithValues: workforce.units.enumerated().map { ($1.code, $0) })
        let law = rules.exitLaw
        let exits = rules.exits
        var categoryEnded = false
        for year in 1...years {
            let start = effective.addingYears(year - 1), end = effective.addingYears(year)
            let startMonth = start.year * 12 + start.month - 1, endMonth = end.year * 12 + end.month - 1
            var exitCounts = [[Int]](repeating: [Int](repeating: 0, count: Route.allCases.count), count: 3)
            var cost = [Double](repeating: 0, count: 3)
            func leave(_ person: Int, _ route: Route, _ vnd: Double = 0) {
                let c = categoryOf[person].index
                remove(person)
                exitCounts[c][Route.allCases.firstIndex(of: route)!] += 1
                cost[c] += vnd
            }
            // Statutory retirement dated within the year (the first day of a month); anyone already past it, in year 1.
            for person in 0..<workforce.count where active[person] {
                let month = workforce.retirementMonth[person]
                if (month >= startMonth || year == 1) && month < endMonth { leave(person, .retirement) }
            }
            // A category that ends within the year: its people leave that day with the end-of-post allowance.
            if !categoryEnded, let ends = nonProfessionalEnds, ends < end {
                categoryEnded = true
                let allowance = rules.quote(.endOfPost, monthsEarly: 0, insuranceYears: 0, salaryCoefficient: 0,
                                            leaving: ends, mergerEffective: effective).vnd
                for person in 0..<workforce.count where active[person] && categoryOf[person] == .nonProfessional {
                    leave(person, .categoryEnded, allowance)
                }
            }
            // Voluntary exits.
            for key in 0..<(n * 3) where !members[key].isEmpty {
                let category = categories[key % 3]
                let k = random.binomial(probability: exits.voluntaryRate[category], trials: members[key].count)
                for _ in 0..<k { leave(members[key][random.uniformInteger(below: members[key].count)], .voluntary) }
            }
            // Offers where a unit is over quota, made on the first day of the year: priced under the decree a
            // merger's surplus staff take that day, at that day's base salary.
            let decree = law.mergerDecree(on: start)
            let baseSalary = rules.baseSalary.inForce(on: start) ?? 0
            let withinWindow = start < effective.addingMonths(law.withinMonths)
            let endOfPost = rules.quote(.endOfPost, monthsEarly: 0, insuranceYears: 0, salaryCoefficient: 0,
                                        leaving: start, mergerEffective: effective)
            for key in 0..<(n * 3) {
                let category = categories[key % 3]
                var surplus = members[key].count - workforce.units[key / 3].quota[category]
                guard surplus > 0 else { continue }
                if category == .nonProfessional {
                    // Non-professional workers: the end-of-post allowance, offered within the window only.
                    guard endOfPost.eligible else { continue }
                    for person in members[key].sorted() where surplus > 0 {
                        guard random.uniform() < exits.resignationUptake else { continue }
                        leave(person, .resignation, endOfPost.vnd)
                        surplus -= 1
                    }
                    continue
                }
                guard let decree else { continue }
                for route in [ExitCase.Route.earlyRetirement, .resignation] {
                    for person in members[key].sorted() where surplus > 0 {
                        let exit = ExitCase(route: route, monthsEarly: workforce.retirementMonth[person] - startMonth,
                                            insuranceYears: workforce.insuranceYears[person] + Double(year - 1),
                                            withinWindow: withinWindow)
                        guard let package = decree.package(exit, partialYear: law.partialYear) else { continue }
                        let uptake = route == .earlyRetirement ? exits.earlyRetirementUptake : exits.resignationUptake
                        guard random.uniform() < uptake else { continue }
                        let vnd = package.vnd(salaryCoefficient: workforce.salaryCoefficient[person], baseSalary: baseSalary)
                        leave(person, route == .earlyRetirement ? .earlyRetirement : .resignation, vnd)
                        surplus -= 1
                    }
                }
            }
            // Vacancies refilled by the stage-2 transfers.
            var transferred = [Int](repeating: 0, count: 3)
            let current = (0..<n).map { u -> TransferUnit in
                var unit = workforce.units[u]
                unit.staff = Headcount(cadres: members[u * 3].count, civilServants: members[u * 3 + 1].count, nonProfessional: members[u * 3 + 2].count)
                return unit
            }
            if transfers.scope != .none {
                let plan = transfers.plan(current, pairs: pairs, assertInDebug: false)
                for t in plan.transfers {
                    let from = codeIndex[t.fromCode]!, to = codeIndex[t.toCode]!
                    let key = from * 3 + t.category.index
                    for person in members[key].sorted().suffix(t.count) { move(person, to: to, category: t.toCategory) }
                    transferred[t.toCategory.index] += t.count
                }
            }
            assert(result.headcount.last.map { $0.reduce(0, +) } ?? workforce.count
                   == members.reduce(0) { $0 + $1.count } + exitCounts.joined().reduce(0, +), "people not conserved in year \(year)")
            result.surplus.append(categories.map { c in (0..<n).reduce(0) { $0 + max(0, members[$1 * 3 + c.index].count - workforce.units[$1].quota[c]) } })
            result.unitsOverQuota.append(categories.map { c in (0..<n).filter { members[$0 * 3 + c.index].count > workforce.units[$0].quota[c] }.count })
            result.headcount.append(categories.map { c in (0..<n).reduce(0) { $0 + members[$1 * 3 + c.index].count } })
            result.exits.append(exitCounts)
            result.transfersIn.append(transferred)
            result.costVND.append(cost)
            for u in 0..<n where result.yearWithinQuota[u] == nil && within(u) { result.yearWithinQuota[u] = year }
        }
        return result
    }

    /// `runs` replications, replication i seeded with `RandomSource(seed:).derivedSeed(i)`, in parallel
    /// on all cores; the result is the same as a serial run's, in replication order.
    public func simulate(runs: Int, seed: UInt64, parallel: Bool = true, progress: (@Sendable (Int) -> Void)? = nil) throws(GSLError) -> [Replication] {
        let seeds = try RandomSource(seed: seed)
        let runSeeds = (0..<runs).map { seeds.derivedSeed($0) }
        guard parallel else {
            var results: [Replication] = []
            for (i, s) in runSeeds.enumerated() {
                results.append(try replicate(seed: s))
                progress?(i + 1)
            }
            return results
        }
        let box = ReplicationSlots(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { i in
            box.store(i, Result { () throws(GSLError) -> Replication in try replicate(seed: runSeeds[i]) })
            progress?(box.finished())
        }
        return try box.collect()
    }
}

/// Results of parallel replications, each written once into its own slot.
final class ReplicationSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<TransitionModel.Replication, GSLError>?]
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Result<TransitionModel.Replication, GSLError>) {
        lock.withLock {
            slots[index] = result
            done += 1
        }
    }

    func finished() -> Int { lock.withLock { done } }

    func collect() throws(GSLError) -> [TransitionModel.Replication] {
        var results: [TransitionModel.Replication] = []
        for slot in slots { results.append(try slot!.get()) }
        return results
    }
}

extension TransitionModel {
    /// A generous estimate, in bytes, of the memory a transition holds at its peak: every person
    /// in the roster and the workforce, a working copy of the people per replication running at
    /// once, and each finished replication's record until the summary is made.
    ///
    /// - Parameters:
    ///   - people: people in all units; `units`: units after the plan; `years`: years simulated;
    ///   - runs: replications; `workers`: replications running at once (the cores).
    public static func estimatedMemory(people: Int, units: Int, years: Int, runs: Int, workers: Int) -> Int {
        let perPerson = 200 + 32 * workers
        let perReplication = 16 * units + 600 * years
        let (a, o1) = people.multipliedReportingOverflow(by: perPerson)
        let (b, o2) = runs.multipliedReportingOverflow(by: perReplication)
        let (sum, o3) = a.addingReportingOverflow(b)
        return o1 || o2 || o3 ? Int.max : sum + 64 << 20
    }
}
