import Foundation

/// The year-by-year path back to quota (R-4.6, R-5.x), one replication at a time.
///
/// Each year, in this order (one method of the replication's state a step):
/// 1. statutory retirements dated within the year;
/// 2. the end of a category the rule set ends (non-professional posts under
///    `vn-2025`), each leaver paid the end-of-post allowance;
/// 3. voluntary exits: each person leaves in a year with their category's rate;
/// 4. offers in units over quota, made on the first day of the year: early
///    retirement to those eligible under the decree a merger's surplus staff
///    take that day, then resignation, until the unit is back within quota,
///    priced at that day's base salary; non-professional workers
///    are offered the end-of-post allowance within the window of the decision
///    on the arrangement, at the resignation uptake;
/// 5. no hiring; vacancies are refilled by the stage-2 transfers.
///
/// **Who is offered and who moves.** Within a unit and category people stand
/// in one order: nearest to their retirement date first (ties by roster
/// position). Offers go down that order; transfers take the people furthest
/// from retirement (the end of the order).
///
/// **Who accepts an offer** (``OfferModel``, NC). Under ``OfferModel/lasting``
/// (the bundled rule sets') each person has one propensity u per route for the
/// replication and accepts an offer when u is below the route's uptake for the
/// terms of that year: within or after the window, and the band of months
/// before retirement (``TransitionRules/Exits/uptake(_:withinWindow:monthsEarly:)``).
/// Offered again on terms of the same or a lower uptake, they decline again, so
/// over the run a route is taken by its uptake's share of those offered, not by
/// 1 − (1 − q)^years. Under ``OfferModel/yearly`` a person offered draws anew
/// each year (mergersim before issue 22).
///
/// **Common random numbers.** Every draw comes from ``CommonRandom``, keyed by
/// seed, replication, person and year: scenarios that differ only in settings
/// give the same person the same draws. A person's voluntary exit is drawn
/// once per replication as a uniform u: they leave in the first year y with
/// u > (1 − rate)^y, the rate of their category (redrawn from the same u if a
/// transfer changes their category). A lasting propensity is the route's draw
/// in year 0, which no yearly draw uses.
public struct TransitionModel: Sendable {
    public let workforce: Workforce
    public let rules: TransitionRules
    /// The date the merger takes effect; year k covers [effective + k − 1 years, effective + k years).
    public let effective: CalendarDate
    /// The decision on the arrangement: the window of the higher factors runs from it.
    public let decision: CalendarDate
    public let years: Int
    /// The date a category ends, if the rule set ends one.
    public let nonProfessionalEnds: CalendarDate?
    public let transfers: TransferSettings
    public let pairs: [CategoryPair]

    // Worked out once, shared by every replication.
    /// Stage 2 over the units, when transfers are allowed.
    let planner: TransferPlanner?
    /// Each unit's quota.
    let quota: [Headcount]
    /// Per unit, whether its cadres and civil servants are one pool against their combined quota.
    let pooled: [Bool]
    /// The first month (``CalendarMonth/index``) of each year 1…years + 1.
    let startMonth: [Int]
    /// Per year (1…years): the people whose statutory retirement falls in it (year 1 also those already past it).
    let retiring: [[Int32]]
    /// Per ``Slot``: its people, nearest to retirement first.
    let initialMembers: [[SlotMember]]
    /// Per person, what prices their exit, side by side (one memory load for a taker).
    let exitFacts: [ExitFacts]
    /// The year (1…years) in which the ending category ends, if it ends within the run.
    let categoryEndYear: Int?
    /// Per category, (1 − rate)^y for y = 0…years: a voluntary exit in the first y with u above it.
    let stay: PerCategory<[Double]>
    /// Per year 1…years (index 0 unused): the base salary on its first day, when offers are priced.
    let baseSalary: [Int]
    /// Per year 1…years (index 0 unused): the end-of-post allowance offered on its first day.
    let endOfPost: [ExitQuote]
    /// The allowance of each leaver when the ending category ends within the run.
    let categoryEndAllowance: Double

    /// The model over `workforce`, with everything the replications share worked out once.
    ///
    /// - Parameters:
    ///   - workforce: the people and the units after the merger, with their quotas.
    ///   - rules: retirement, exits, their prices and the synthetic roster's parameters.
    ///   - effective: the day the merger takes effect, the first day of year 1.
    ///   - decision: the decision on the arrangement, from which the 12-month window runs; nil: the effective date.
    ///   - years: the years simulated.
    ///   - nonProfessionalEnds: the day the non-professional category ends, if it does.
    ///   - transfers: where surplus people may move each year (stage 2).
    ///   - pairs: the category pairs stage 2 may cross when the transfers allow it.
    /// - Throws: ``ExitPricingError`` when no base salary is in force on the first day of a year.
    public init(workforce: Workforce, rules: TransitionRules, effective: CalendarDate, decision: CalendarDate? = nil, years: Int,
                nonProfessionalEnds: CalendarDate?, transfers: TransferSettings, pairs: [CategoryPair]) throws(ExitPricingError) {
        self.workforce = workforce
        self.rules = rules
        self.effective = effective
        let decision = decision ?? effective
        self.decision = decision
        self.years = years
        self.nonProfessionalEnds = nonProfessionalEnds
        self.transfers = transfers
        self.pairs = pairs
        planner = transfers.scope == .none ? nil : TransferPlanner(settings: transfers, units: workforce.units, pairs: pairs)
        quota = workforce.units.map(\.quota)
        pooled = workforce.units.map(\.pooled)
        startMonth = (0...years).map { effective.addingYears($0).calendarMonth.index }
        var retiring = [[Int32]](repeating: [], count: years + 1)
        for person in 0..<workforce.count {
            let month = workforce.retirementMonth[person]
            guard month < startMonth[years] else { continue }
            var year = 1
            while month >= startMonth[year] { year += 1 }
            retiring[year].append(Int32(person))
        }
        self.retiring = retiring
        var members = [[SlotMember]](repeating: [], count: Slot.count(units: workforce.units.count))
        for person in 0..<workforce.count {
            members[Slot(unit: Int(workforce.unit[person]), category: workforce.category[person]).index]
                .append(SlotMember(person: Int32(person), retirementMonth: Int32(clamping: workforce.retirementMonth[person])))
        }
        initialMembers = members.map { $0.sorted() }
        exitFacts = (0..<workforce.count).map {
            ExitFacts(insuranceYears: workforce.insuranceYears[$0], salaryCoefficient: workforce.salaryCoefficient[$0])
        }
        categoryEndYear = nonProfessionalEnds.flatMap { ends in stride(from: 1, through: years, by: 1).first { ends < effective.addingYears($0) } }
        stay = rules.exits.voluntaryRate.map { rate in (0...years).map { pow(1 - rate, Double($0)) } }
        var baseSalary = [0], endOfPost: [ExitQuote] = []
        for k in 0..<years {
            let start = effective.addingYears(k)
            baseSalary.append(try rules.baseSalary(on: start))
            endOfPost.append(try rules.quote(.endOfPost, monthsEarly: 0, insuranceYears: 0, salaryCoefficient: 0, leaving: start, decided: decision))
        }
        self.baseSalary = baseSalary
        self.endOfPost = [endOfPost[0]] + endOfPost
        if let ends = nonProfessionalEnds, categoryEndYear != nil {
            categoryEndAllowance = try rules.quote(.endOfPost, monthsEarly: 0, insuranceYears: 0, salaryCoefficient: 0,
                                                   leaving: ends, decided: decision).vnd
        } else {
            categoryEndAllowance = 0
        }
    }

    /// Runs replication `index` with the draws of `CommonRandom(seed:replication:)`.
    ///
    /// - Parameters:
    ///   - index: the replication's number, which keys its draws.
    ///   - seed: the run's seed.
    ///   - recordLeavers: also list every person who left, with the year and route.
    /// - Complexity: O(people) to set up, then per year O(units × categories) plus the people who
    ///   leave or move and the members of units over quota, plus stage 2.
    public func replicate(_ index: Int, seed: UInt64, recordLeavers: Bool = false) -> Replication {
        var state = ReplicationState(model: self, random: CommonRandom(seed: seed, replication: index), recordLeavers: recordLeavers)
        for year in 1...years { state.runYear(year) }
        return state.result
    }

    /// `runs` replications, replication i with `CommonRandom(seed:replication: i)`, in parallel on all
    /// cores; the result is the same as a serial run's, in replication order.
    public func simulate(runs: Int, seed: UInt64, parallel: Bool = true, progress: (@Sendable (Int) -> Void)? = nil) -> [Replication] {
        guard parallel else {
            var results: [Replication] = []
            for i in 0..<runs {
                results.append(replicate(i, seed: seed))
                progress?(i + 1)
            }
            return results
        }
        let box = ResultSlots<Replication>(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { i in
            box.store(i, replicate(i, seed: seed))
            progress?(box.finished())
        }
        return box.collect()
    }
}

/// A person in a slot, with their retirement month beside them, so a walk down the slot reads one
/// stretch of memory. Slots keep the order of retirement month, then person (roster position).
struct SlotMember: Comparable, Sendable {
    var person: Int32
    var retirementMonth: Int32

    static func < (a: SlotMember, b: SlotMember) -> Bool {
        (a.retirementMonth, a.person) < (b.retirementMonth, b.person)
    }
}

/// What prices one person's exit package.
struct ExitFacts: Sendable {
    var insuranceYears: Double
    var salaryCoefficient: Double
}

/// Results of parallel work (replications, provinces), each written once into its own slot, read in order.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Value) {
        lock.withLock {
            slots[index] = result
            done += 1
        }
    }

    func finished() -> Int { lock.withLock { done } }

    func collect() -> [Value] {
        lock.withLock {
            slots.map { slot in
                guard let slot else { preconditionFailure("concurrentPerform ran every iteration") }
                return slot
            }
        }
    }
}

extension TransitionModel {
    /// A generous estimate, in bytes, of the memory a transition holds at its peak: every person
    /// in the roster and the workforce, a working copy of the people per replication running at
    /// once, and each finished replication's record until the summary is made.
    ///
    /// - Parameters:
    ///   - people: people in all units.
    ///   - units: units after the plan.
    ///   - years: years simulated.
    ///   - runs: replications.
    ///   - workers: replications running at once (the cores).
    public static func estimatedMemory(people: Int, units: Int, years: Int, runs: Int, workers: Int) -> Int {
        let perPerson = 200 + 32 * workers
        let perReplication = 16 * units + 600 * years
        let (a, o1) = people.multipliedReportingOverflow(by: perPerson)
        let (b, o2) = runs.multipliedReportingOverflow(by: perReplication)
        let (sum, o3) = a.addingReportingOverflow(b)
        return o1 || o2 || o3 ? Int.max : sum + 64 << 20
    }
}
