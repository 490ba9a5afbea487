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
    private var declined: [[DeclinedRun?]]
    /// Per route offered: the terms it was last offered on, and their number (a new number when they change).
    private var routeTerms: [(terms: RouteTerms, epoch: Int)?] = [nil, nil]

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

    /// Step 4: offers in units over quota, down each slot's order (nearest to retirement first), until
    /// the slot is back within quota. Each person offered answers on their own keyed draw for the route
    /// (``accepts(_:_:year:uptake:)``), so the same person decides the same way in two scenarios.
    mutating func makeOffers(_ year: Int) {
        let start = model.effective.addingYears(year - 1)
        let law = model.rules.exitLaw, exits = model.rules.exits
        let withinWindow = law.window.contains(start, decided: model.decision), startMonth = model.startMonth[year - 1]
        // Non-professional workers: the end-of-post allowance, offered within the window only, at the resignation uptake.
        let endOfPost = model.endOfPost[year]
        if endOfPost.eligible {
            let uptake = Offer.Uptake(exits.uptakes(.resignation), withinWindow: withinWindow)
            for u in 0..<model.workforce.units.count {
                let s = slot(u, .nonProfessional)
                var surplus = count[s] - model.quota[u][.nonProfessional]
                guard surplus > 0 else { continue }
                for member in members[s] where surplus > 0 && active[Int(member.person)] {
                    let person = Int(member.person)
                    let offered = uptake.of(monthsEarly: Int(member.retirementMonth) - startMonth)
                    guard accepts(person, .endOfPostOffer, year: year, uptake: offered) else { continue }
                    leave(person, year, .resignation, cost: endOfPost.vnd, compacting: false)
                    surplus -= 1
                }
                compactIfSparse(s)
            }
        }
        // Cadres and civil servants: early retirement, then resignation, under the merger decree in force.
        guard let decree = law.mergerDecree(on: start) else { return }
        let offers = [
            Offer(route: .earlyRetirement, index: OfferedRoute.earlyRetirement, purpose: .earlyRetirementOffer,
                  uptake: Offer.Uptake(exits.uptakes(.earlyRetirement), withinWindow: withinWindow),
                  nearest: decree.earlyRetirement.bands.map(\.minMonthsEarly).min() ?? 0,
                  furthest: decree.earlyRetirement.bands.map { $0.maxMonthsEarly ?? .max }.max() ?? .max),
            Offer(route: .resignation, index: OfferedRoute.resignation, purpose: .resignationOffer,
                  uptake: Offer.Uptake(exits.uptakes(.resignation), withinWindow: withinWindow),
                  nearest: decree.resignation.minMonthsEarly, furthest: .max),
        ]
        let epochs = offers.map { termsEpoch($0) }
        // The window runs from the decision on the arrangement, its anniversary included.
        let terms = OfferTerms(decree: decree, pension: decree.earlyRetirement.pension(on: start), baseSalary: model.baseSalary[year],
                               startMonth: startMonth, withinWindow: withinWindow)
        for u in 0..<model.workforce.units.count {
            for c in Self.offeredCategories {
                let s = slot(u, c)
                // Pooled, a category is over only by what the other's empty posts cannot take; the
                // civil servants' surplus is read after the cadres' offers, so their leavers count.
                var surplus = staff(u).surplus(over: model.quota[u], pooled: model.pooled[u])[c]
                for (offer, epoch) in zip(offers, epochs) where surplus > 0 {
                    offerExit(offer, terms, slot: s, year: year, epoch: epoch, surplus: &surplus)
                }
            }
        }
    }

    /// Whether `person`, offered a route (its draw's `purpose`) in `year` at `uptake`, accepts (R-5.3, NC).
    ///
    /// Under ``OfferModel/lasting`` their draw is their propensity for the route, one per replication
    /// (keyed to year 0, which no yearly draw uses): offered again at the same or a lower uptake, they
    /// decline again. Under ``OfferModel/yearly`` it is drawn anew for the year.
    @inline(__always)
    func accepts(_ person: Int, _ purpose: CommonRandom.Purpose, year: Int, uptake: Double) -> Bool {
        let drawYear = model.rules.exits.offerModel == .lasting ? 0 : year
        return random.uniform(person: person, year: drawYear, purpose) < uptake
    }

    /// One route offered down a slot: each person in the route's window of months early takes it at the
    /// route's uptake for their terms (``accepts(_:_:year:uptake:)``), until `surplus` is gone.
    ///
    /// With lasting choices, the people of the slot's ``DeclinedRun`` for the route declined on the same
    /// terms (the same `epoch`) and would again: the walk starts after them.
    private mutating func offerExit(_ offer: Offer, _ terms: OfferTerms, slot s: Int, year: Int, epoch: Int, surplus: inout Int) {
        let order = members[s]
        // The slot runs nearest to retirement first: the route's window starts where a binary search finds it.
        var first = order.partitioningIndex { Int($0.retirementMonth) - terms.startMonth >= offer.nearest }
        // The run of decliners this walk leaves: extended while every person walked declined (or left).
        var run: SlotMember?, runGrows = skipsDeclined
        if skipsDeclined, let known = declined[offer.index][s], known.epoch == epoch {
            let after = order.partitioningIndex { known.through < $0 }
            if after > first { (first, run) = (after, known.through) }
        }
        for member in order[first...] {
            let p = Int(member.person), monthsEarly = Int(member.retirementMonth) - terms.startMonth
            guard active[p] else { continue }
            if monthsEarly > offer.furthest { break }
            guard accepts(p, offer.purpose, year: year, uptake: offer.uptake.of(monthsEarly: monthsEarly)) else {
                if runGrows { run = member }
                continue
            }
            let facts = model.exitFacts[p]
            let exit = ExitCase(route: offer.route, monthsEarly: monthsEarly,
                                insuranceYears: facts.insuranceYears + Double(year - 1), withinWindow: terms.withinWindow)
            // Not eligible this year (e.g. too few insurance years) but perhaps a later one: the run ends before them.
            guard let formula = terms.decree.formula(for: exit, pension: terms.pension) else {
                runGrows = false
                continue
            }
            if runGrows { run = member }
            let cost = ExitPackage.vnd(months: formula.months(exit, partialYear: terms.decree.partialYear, pension: terms.pension),
                                       salaryCoefficient: facts.salaryCoefficient, baseSalary: terms.baseSalary)
            leave(p, year, offer.route, cost: cost, compacting: false)  // not while walking the slot
            surplus -= 1
            if surplus == 0 { break }
        }
        if skipsDeclined { declined[offer.index][s] = run.map { DeclinedRun(through: $0, epoch: epoch) } }
        compactIfSparse(s)
    }

    /// The number of the terms `offer` is made on this year: the same as last year's while its window of
    /// months early and its uptake are, so a ``DeclinedRun`` of that number still holds. An uptake that
    /// depends on months early (rows of the table) changes a person's terms as they near retirement: a
    /// new number every year.
    private mutating func termsEpoch(_ offer: Offer) -> Int {
        let terms = RouteTerms(nearest: offer.nearest, furthest: offer.furthest, rows: offer.uptake.rows, otherwise: offer.uptake.otherwise)
        let last = routeTerms[offer.index]
        let epoch = last.map { $0.terms == terms && offer.uptake.rows.isEmpty ? $0.epoch : $0.epoch + 1 } ?? 0
        routeTerms[offer.index] = (terms, epoch)
        return epoch
    }

    /// The index of each offered route in ``declined``.
    private enum OfferedRoute {
        static let earlyRetirement = 0, resignation = 1
    }

    /// What a route's decisions and walk depend on in a year: its window of months early and its uptake
    /// (the table's rows for the year's side of the window, and the default row).
    private struct RouteTerms: Equatable {
        var nearest: Int, furthest: Int, rows: [UptakeTable.Row], otherwise: Double
    }

    /// The people of a slot, from the route's first in its window up to `through` (in the slot's order),
    /// who are still there, all declined the route on the terms numbered `epoch` under lasting choices:
    /// offered again on those terms they decline again (``OfferModel/lasting``), so a walk may skip them.
    /// Years move the window's start later, so the run still starts at or before it; a person moved into
    /// the run's stretch cuts it short (``move(_:to:category:year:)``).
    struct DeclinedRun {
        var through: SlotMember
        var epoch: Int
    }

    /// The categories offered early retirement and resignation (a constant, not an array made per unit).
    private static let offeredCategories: [StaffCategory] = [.cadres, .civilServants]

    /// An exit route as offered in a year: its draw, uptake and window of months before retirement.
    private struct Offer {
        var route: ExitRoute, index: Int, purpose: CommonRandom.Purpose, uptake: Uptake
        var nearest: Int, furthest: Int

        /// A route's uptake in one year: the rows of its table for the year's side of the window, by
        /// months early, else its default row (``TransitionRules/Exits/uptake(_:withinWindow:monthsEarly:)``).
        struct Uptake {
            let rows: [UptakeTable.Row], otherwise: Double

            init(_ table: (rows: [UptakeTable.Row], otherwise: Double), withinWindow: Bool) {
                // The window is the year's: rows for the other side can never cover an offer this year.
                rows = table.rows.filter { $0.window.map { ($0 == .within) == withinWindow } ?? true }
                otherwise = table.otherwise
            }

            @inline(__always)
            func of(monthsEarly: Int) -> Double {
                rows.isEmpty ? otherwise : rows.first { $0.covers(monthsEarly: monthsEarly) }?.uptake ?? otherwise
            }
        }
    }

    /// What prices a year's offers, worked out once for the year.
    private struct OfferTerms {
        var decree: ExitLaw.Decree, pension: ExitLaw.PensionTerms?, baseSalary: Int, startMonth: Int, withinWindow: Bool
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

    private func slot(_ unit: Int, _ category: StaffCategory) -> Int { Slot(unit: unit, category: category).index }

    /// The people of unit `u` now, per category.
    private func staff(_ u: Int) -> Headcount {
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
    private mutating func leave(_ person: Int, _ year: Int, _ route: ExitRoute, cost: Double = 0, compacting: Bool = true) {
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
    private mutating func compactIfSparse(_ s: Int) {
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
