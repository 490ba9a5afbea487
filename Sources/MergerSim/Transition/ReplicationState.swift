/// The workforce of one replication as the years change it: who is where, in which category, and
/// who has left; one method per step of a year (see ``TransitionModel``).
///
/// People are kept per (unit, category) slot in the model's order, nearest to retirement first, so
/// offers walk a slot from its front and transfers take from its back. Leaving is O(1): the leaver is
/// marked and the slot's count falls; a slot is compacted only once half of it has left (each entry
/// is then dropped once, so compaction costs O(1) a leaver overall). Moving keeps the order: O(slot
/// size), and slots are a unit's staff of one category (tens of people).
struct ReplicationState {
    let model: TransitionModel
    let random: CommonRandom
    /// People of each ``Slot``, by its index, in order.
    private(set) var members: [[SlotMember]]
    /// People of each slot who have not left (its entries may still hold some who have).
    private(set) var count: [Int]
    private(set) var active: [Bool]
    private(set) var unit: [Int32]
    private(set) var category: [StaffCategory]
    /// Per year, the people drawn to leave of their own accord then (checked again when it comes).
    private var voluntary: [[Int32]]
    /// The record of the year running.
    private(set) var record = Replication.YearRecord()
    private(set) var result: Replication
    /// Whether offers skip the people who declined on the same terms (lasting choices only; off to test that it changes nothing).
    let skipsDeclined: Bool
    /// Per route offered (``OfferedRoute``) and slot: the run of people who declined it (``DeclinedRun``), if any.
    var declined: [[DeclinedRun?]]
    /// Per route offered: the terms it was last offered on, and their number (a new number when they change).
    var routeTerms: [(terms: RouteTerms, epoch: Int)?] = [nil, nil]

    init(model: TransitionModel, random: CommonRandom, recordLeavers: Bool, skipsDeclined: Bool = true) {
        self.model = model
        self.random = random
        self.skipsDeclined = skipsDeclined && model.rules.exits.offerModel == .lasting
        declined = [[DeclinedRun?]](repeating: [DeclinedRun?](repeating: nil, count: self.skipsDeclined ? model.initialMembers.count : 0), count: 2)
        members = model.initialMembers
        count = model.initialMembers.map { $0.count }  // a closure: a key path here is projected at run time
        active = [Bool](repeating: true, count: model.workforce.count)
        unit = model.workforce.unit
        category = model.workforce.category
        voluntary = [[Int32]](repeating: [], count: model.years + 1)
        result = Replication(years: [], yearWithinQuota: [Int?](repeating: nil, count: model.workforce.units.count),
                             leavers: recordLeavers ? [] : nil)
        // Most people stay the whole run: only those whose draw is above their category's last threshold are scheduled.
        // A category that ends in year 1 ends before anyone in it could leave of their own accord: its people are not drawn.
        let finalStay = model.stay.map { $0[model.years] }, random = self.random, category = self.category
        let endsFirst: StaffCategory? = model.categoryEndYear == 1 ? .nonProfessional : nil
        for person in 0..<model.workforce.count where category[person] != endsFirst
            && random.uniform(person: person, year: 0, .voluntaryExit) > finalStay[category[person]] {
            scheduleVoluntaryExit(person, after: 0)
        }
        for u in 0..<model.workforce.units.count where isWithinQuota(u) { result.yearWithinQuota[u] = 0 }
        result.start = stateRecord()
    }

    // MARK: The year

    /// The steps of `year` in order, then its record.
    mutating func runYear(_ year: Int) {
        record = Replication.YearRecord()
        let peopleBefore = activeCount
        retire(year)
        endCategory(year)
        leaveVoluntarily(year)
        makeOffers(year)
        refillByTransfers(year)
        close(year, peopleBefore: peopleBefore)
        assert({ _checkInvariants(); return true }())
    }

    /// Step 1: statutory retirements dated within the year; those already past it, in year 1.
    mutating func retire(_ year: Int) {
        for person in model.retiring[year] where active[Int(person)] {
            leave(Int(person), year, .retirement)
        }
    }

    /// Step 2: a category that ends within the year; its people leave that day with the end-of-post allowance.
    /// Each slot is emptied at once (its people marked, its counts and costs added by the slot).
    mutating func endCategory(_ year: Int) {
        guard year == model.categoryEndYear else { return }
        let allowance = model.categoryEndAllowance
        var leavers = 0, cost = record.costVND[.nonProfessional]
        for u in 0..<model.workforce.units.count {
            let s = slot(u, .nonProfessional)
            for member in members[s] where active[Int(member.person)] {
                active[Int(member.person)] = false
                leavers += 1
                cost += allowance  // added one leaver at a time, as a sum of the same terms in the same order
                result.leavers?.append(Replication.Leaver(person: Int(member.person), year: year, route: .categoryEnded))
            }
            count[s] = 0
            members[s].removeAll()
        }
        record.exits[.nonProfessional][.categoryEnded] += leavers
        record.costVND[.nonProfessional] = cost
    }

    /// Step 3: voluntary exits drawn for this year.
    mutating func leaveVoluntarily(_ year: Int) {
        for person in voluntary[year] where active[Int(person)] && exitYear(Int(person), after: year - 1) == year {
            leave(Int(person), year, .voluntary)
        }
    }

    /// Step 5: vacancies refilled by stage-2 transfers; the people furthest from retirement move.
    mutating func refillByTransfers(_ year: Int) {
        guard let planner = model.planner else { return }
        let staff = (0..<model.workforce.units.count).map(staff(_:))
        for flow in planner.flows(staff: staff, quota: model.quota, assertInDebug: false).flows {
            // The slot's last `flow.count` people still there, furthest from retirement first.
            var movers: [Int] = []
            for member in members[slot(flow.from, flow.fromCategory)].reversed() where active[Int(member.person)] {
                movers.append(Int(member.person))
                if movers.count == flow.count { break }
            }
            for person in movers { move(person, to: flow.to, category: flow.toCategory, year: year) }
            record.transfersIn[flow.toCategory] += flow.count
        }
    }

    /// The year's record, and which units are now within quota.
    mutating func close(_ year: Int, peopleBefore: Int) {
        let state = stateRecord()
        record.headcount = state.headcount
        record.surplus = state.surplus
        record.unitsOverQuota = state.unitsOverQuota
        for u in 0..<model.workforce.units.count where result.yearWithinQuota[u] == nil && isWithinQuota(u) {
            result.yearWithinQuota[u] = year
        }
        let exits = StaffCategory.allCases.reduce(0) { $0 + record.exits[$1].total }
        // A real check, in release builds too: the year's people are those there at its end and those who left.
        precondition(peopleBefore == record.headcount.total + exits,
                     "people not conserved in year \(year): \(peopleBefore) before, \(record.headcount.total) there and \(exits) gone")
        result.years.append(record)
    }

    /// Headcount, surplus and units over quota per category as the slots stand now.
    private func stateRecord() -> Replication.YearRecord {
        var state = Replication.YearRecord()
        for u in 0..<model.workforce.units.count {
            let staff = staff(u), over = staff.surplus(over: model.quota[u], pooled: model.pooled[u])
            for c in StaffCategory.allCases {
                state.headcount[c] += staff[c]
                if over[c] > 0 {
                    state.surplus[c] += over[c]
                    state.unitsOverQuota[c] += 1
                }
            }
        }
        return state
    }

    // MARK: Moves

    private var activeCount: Int { count.reduce(0, +) }

    func slot(_ unit: Int, _ category: StaffCategory) -> Int { Slot(unit: unit, category: category).index }

    /// The people of unit `u` now, per category.
    func staff(_ u: Int) -> Headcount {
        Headcount(cadres: count[slot(u, .cadres)], civilServants: count[slot(u, .civilServants)], nonProfessional: count[slot(u, .nonProfessional)])
    }

    /// Whether unit `u` is within quota: each category, or under cadres and civil servants together.
    private func isWithinQuota(_ u: Int) -> Bool {
        staff(u).surplus(over: model.quota[u], pooled: model.pooled[u]).isZero
    }

    /// Takes a person who stays out of their slot, keeping its order.
    private mutating func detach(_ person: Int) {
        let s = slot(Int(unit[person]), category[person])
        if let position = members[s].firstIndex(where: { $0.person == Int32(person) }) { members[s].remove(at: position) }
        count[s] -= 1
    }

    /// A person leaves: marked, and their slot's count falls; unless the caller is walking the slot
    /// (`compacting` false: it compacts after), the slot drops its leavers once half of it has left.
    mutating func leave(_ person: Int, _ year: Int, _ route: ExitRoute, cost: Double = 0, compacting: Bool = true) {
        active[person] = false
        let c = category[person], s = slot(Int(unit[person]), c)
        count[s] -= 1
        if compacting { compactIfSparse(s) }
        record.exits[c][route] += 1
        record.costVND[c] += cost
        result.leavers?.append(Replication.Leaver(person: person, year: year, route: route))
    }

    /// Drops a slot's leavers once they are half of its entries (so each entry is dropped once, and a
    /// walk reads at most twice the people there).
    mutating func compactIfSparse(_ s: Int) {
        guard members[s].count >= 2 * count[s] + 8 else { return }
        let active = self.active
        members[s].removeAll { !active[Int($0.person)] }
    }

    private mutating func move(_ person: Int, to destination: Int, category newCategory: StaffCategory, year: Int) {
        detach(person)
        let changed = newCategory != category[person]
        unit[person] = Int32(destination)
        category[person] = newCategory
        let s = slot(destination, newCategory)
        let mover = SlotMember(person: Int32(person), retirementMonth: Int32(clamping: model.workforce.retirementMonth[person]))
        let position = members[s].partitioningIndex { mover < $0 }
        members[s].insert(mover, at: position)
        count[s] += 1
        // The mover has not been offered here: a run of decliners that spans them ends before them.
        if skipsDeclined {
            for r in declined.indices {
                guard let run = declined[r][s], mover < run.through else { continue }
                declined[r][s] = position > 0 ? DeclinedRun(through: members[s][position - 1], epoch: run.epoch) : nil
            }
        }
        if changed { scheduleVoluntaryExit(person, after: year) }
    }

    // MARK: Voluntary exits

    /// The first year after `year` in which the person's draw says they leave in their category, if any.
    private func exitYear(_ person: Int, after year: Int) -> Int? {
        // The person's one uniform for voluntary exit in this replication (keyed, so drawn again when needed).
        let stay = model.stay[category[person]], u = random.uniform(person: person, year: 0, .voluntaryExit)
        guard u > stay[model.years] else { return nil }
        var y = year + 1
        while y <= model.years, u <= stay[y] { y += 1 }
        return y <= model.years ? y : nil
    }

    private mutating func scheduleVoluntaryExit(_ person: Int, after year: Int) {
        if let y = exitYear(person, after: year) { voluntary[y].append(Int32(person)) }
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for an array partitioned by it (binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
