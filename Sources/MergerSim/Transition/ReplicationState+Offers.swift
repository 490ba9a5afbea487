/// Step 4 of a replication's year: exit offers in units over quota, and under lasting
/// choices the runs of people who declined on unchanged terms, which the next offers skip.
extension ReplicationState {
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
    struct RouteTerms: Equatable {
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
}
