/// A run's result in figures, made once from the pipeline's outcome: units before and after by kind and
/// standards outcome, staff per category, the reallocation and the transition with its verdict, and the
/// deadlines. summary.csv, the console, the report, the workbook and the run store only render it
/// (``SummaryMetric`` names each figure).
public struct RunSummary: Sendable {
    /// Units before the plan, and by kind.
    public var unitsBefore: Int
    public var unitsBeforeByKind: Tally<UnitKind>
    /// Units after the plan, and by kind.
    public var unitsAfter: Int
    public var unitsAfterByKind: Tally<UnitKind>
    /// Units after that are new (not carried over untouched).
    public var newUnits: Int
    /// New units of two members or more.
    public var unitsMerged: Int
    /// Units after carried over untouched.
    public var unitsUntouched: Int
    /// Units before that must merge, are borderline, or are exempt.
    public var unitsBeforeMustMerge: Int, unitsBeforeBorderline: Int, unitsBeforeExempt: Int
    /// Units before meeting both area and population standards.
    public var unitsBeforeMeetingStandards: Int
    /// Units after by how they stand against the standards.
    public var unitsAfterByOutcome: Tally<StandardsOutcome>
    /// Units after below the standards, in order (code and name).
    public var unitsBelowStandards: [(code: String, name: String)]
    public var populationBefore: Int, populationAfter: Int
    /// Area in km², before and after (as the units give it).
    public var areaBefore: FixedDecimal, areaAfter: FixedDecimal
    /// Quota (posts) per category, summed over units.
    public var quotaBefore: PerCategory<Int>, quotaAfter: PerCategory<Int>
    /// People in post per category, summed over units with staff figures.
    public var headcountBefore: PerCategory<Int>, headcountAfter: PerCategory<Int>
    /// People above quota per category, summed over units.
    public var surplusBefore: PerCategory<Int>, surplusAfter: PerCategory<Int>
    /// Posts unfilled per category after the plan, summed over units.
    public var vacanciesAfter: PerCategory<Int>
    /// Units after above their quota, per category.
    public var unitsOverQuotaAfter: PerCategory<Int>
    /// The units' monthly allowance fund for non-professional workers in whole VND; nil without one.
    public var allowanceFundMonthlyVND: Int64?
    /// Stage 2: the transfers of surplus people; nil when the run stopped before it.
    public var transfers: Transfers?
    /// The envelopes shared (stage 1), in ``EnvelopeCategory`` order.
    public var envelopes: [Envelope]
    /// The Monte Carlo transition; nil when the run stopped before it.
    public var transition: Transition?
    /// R-4.6's deadline (nil when the rule set has none), and per category where they differ.
    public var deadline: CalendarDate?
    public var deadlines: PerCategory<CalendarDate>?

    /// The transfers' figures.
    public struct Transfers: Sendable, Equatable {
        public var surplusBefore: PerCategory<Int>, surplusAfter: PerCategory<Int>
        /// People moved out of each category (their category before the move).
        public var peopleMovedFrom: PerCategory<Int>
        public var peopleMoved: Int
        /// Moves (one per origin, destination and category).
        public var moves: Int
        /// Units with a distance to no other (``TransferPlan/unreachableCodes``).
        public var unreachableUnits: Int
        /// People × km moved.
        public var personKm: Double

        public init(surplusBefore: PerCategory<Int>, surplusAfter: PerCategory<Int>, peopleMovedFrom: PerCategory<Int>, peopleMoved: Int,
                    moves: Int, unreachableUnits: Int, personKm: Double) {
            self.surplusBefore = surplusBefore
            self.surplusAfter = surplusAfter
            self.peopleMovedFrom = peopleMovedFrom
            self.peopleMoved = peopleMoved
            self.moves = moves
            self.unreachableUnits = unreachableUnits
            self.personKm = personKm
        }
    }

    /// One staffing envelope's figures.
    public struct Envelope: Sendable, Equatable {
        public var category: EnvelopeCategory
        public var positions: Int
        /// Surplus left with the envelope shared.
        public var surplus: Int
        /// λ of the allocation (``EnvelopeAllocation/shadowPrice``).
        public var shadowPrice: Int

        public init(category: EnvelopeCategory, positions: Int, surplus: Int, shadowPrice: Int) {
            self.category = category
            self.positions = positions
            self.surplus = surplus
            self.shadowPrice = shadowPrice
        }
    }

    /// The transition's figures.
    public struct Transition: Sendable, Equatable {
        public var years: Int
        public var runs: Int
        /// The year (1-based) at whose end each category's deadline is judged.
        public var deadlineYears: PerCategory<Int>
        /// Mean and 95th percentile over replications of the surplus at the end of each category's
        /// deadline year, and of all categories at the end of the last year.
        public var surplusAtDeadlineMean: PerCategory<Double>, surplusAtDeadlineP95: PerCategory<Double>
        public var surplusAtEndMeanAll: Double, surplusAtEndP95All: Double
        /// Mean over replications of the exit packages over every year, in VND.
        public var exitCostMeanVND: Double
        /// ``TransitionSummary/probabilityAllWithinQuota``.
        public var probabilityAllWithinQuota: Double
        public var verdict: DeadlineVerdict
        /// With a precision asked for: the replications used (``runs``) and the intervals reached.
        public var precision: PrecisionReached?

        public init(years: Int, runs: Int, deadlineYears: PerCategory<Int>, surplusAtDeadlineMean: PerCategory<Double>,
                    surplusAtDeadlineP95: PerCategory<Double>, surplusAtEndMeanAll: Double, surplusAtEndP95All: Double,
                    exitCostMeanVND: Double, probabilityAllWithinQuota: Double, verdict: DeadlineVerdict, precision: PrecisionReached? = nil) {
            self.years = years
            self.runs = runs
            self.deadlineYears = deadlineYears
            self.surplusAtDeadlineMean = surplusAtDeadlineMean
            self.surplusAtDeadlineP95 = surplusAtDeadlineP95
            self.surplusAtEndMeanAll = surplusAtEndMeanAll
            self.surplusAtEndP95All = surplusAtEndP95All
            self.exitCostMeanVND = exitCostMeanVND
            self.probabilityAllWithinQuota = probabilityAllWithinQuota
            self.verdict = verdict
            self.precision = precision
        }

        /// The figures of `summary` over `years` years of `runs` replications, with the `precision` reached.
        public init(_ summary: TransitionSummary, years: Int, runs: Int, precision: PrecisionReached? = nil) {
            func surplus(_ year: Int, _ category: TimelineCategory) -> TransitionSummary.Row {
                // The summary has every category's surplus for years 0...years, and deadline years are within them.
                guard let row = summary.row(year: year, category: category, metric: .surplus) else {
                    preconditionFailure("the timeline has no surplus of \(category.name) in year \(year)")
                }
                return row
            }
            self.years = years
            self.runs = runs
            deadlineYears = summary.deadlineYears
            surplusAtDeadlineMean = PerCategory { surplus(summary.deadlineYears[$0], .category($0)).mean }
            surplusAtDeadlineP95 = PerCategory { surplus(summary.deadlineYears[$0], .category($0)).p95 }
            let all = surplus(years, .all)
            surplusAtEndMeanAll = all.mean
            surplusAtEndP95All = all.p95
            exitCostMeanVND = (1...max(years, 1)).compactMap { summary.row(year: $0, category: .all, metric: .costVND)?.mean }.reduce(0, +)
            probabilityAllWithinQuota = summary.probabilityAllWithinQuota
            verdict = summary.deadlineVerdict
            self.precision = precision
        }
    }
}

extension RunSummary {
    /// The summary of units `before` and `after` a plan, with what the run went on to do.
    ///
    /// - Parameters:
    ///   - before: the units before the plan, screened.
    ///   - after: the units after it, judged (with the envelopes' quotas when the run shared any).
    ///   - deadline: R-4.6's deadline.
    ///   - deadlines: R-4.6's deadline per category.
    ///   - allowanceFund: the units' monthly allowance fund, summed.
    ///   - reallocation: envelopes and transfers, when the run got there.
    ///   - transition: the transition's summary, years, replications and precision reached, when the run got there.
    public init(before: [ScreeningResult], after: [UnitAfterResult], deadline: CalendarDate?, deadlines: PerCategory<CalendarDate>? = nil,
                allowanceFund: Int64? = nil, reallocation: ScenarioRun.Reallocation? = nil,
                transition: (summary: TransitionSummary, years: Int, runs: Int, precision: PrecisionReached?)? = nil) {
        func sum<R>(_ results: [R], _ value: (R) -> Int) -> Int { results.reduce(0) { $0 + value($1) } }
        unitsBefore = before.count
        unitsAfter = after.count
        unitsBeforeByKind = Tally(before) { $0.unit.kind }
        unitsAfterByKind = Tally(after) { $0.unit.kind }
        newUnits = after.filter { !$0.merged.untouched }.count
        unitsMerged = after.filter { !$0.merged.untouched && $0.merged.memberCount >= 2 }.count
        unitsUntouched = after.filter(\.merged.untouched).count
        unitsBeforeMustMerge = before.filter { $0.decision == .yes }.count
        unitsBeforeBorderline = before.filter { $0.decision == .borderline }.count
        unitsBeforeExempt = before.filter { $0.verdict == .exempt }.count
        unitsBeforeMeetingStandards = before.filter(\.meetsStandards).count
        unitsAfterByOutcome = Tally(after) { $0.outcome }
        unitsBelowStandards = after.filter { $0.outcome == .below }.map { ($0.unit.code, $0.unit.name) }
        populationBefore = sum(before) { $0.unit.population }
        populationAfter = sum(after) { $0.unit.population }
        areaBefore = FixedDecimal(millionths: before.reduce(0) { $0 + $1.unit.area.millionths }, decimals: 0)
        areaAfter = FixedDecimal(millionths: after.reduce(0) { $0 + $1.unit.area.millionths }, decimals: 0)
        quotaBefore = PerCategory { c in sum(before) { $0.quota.posts[c] } }
        quotaAfter = PerCategory { c in sum(after) { $0.quota.posts[c] } }
        headcountBefore = PerCategory { c in sum(before) { $0.unit.staff?[c] ?? 0 } }
        headcountAfter = PerCategory { c in sum(after) { $0.unit.staff?[c] ?? 0 } }
        surplusBefore = PerCategory { c in sum(before) { $0.surplus?[c] ?? 0 } }
        surplusAfter = PerCategory { c in sum(after) { $0.surplus?[c] ?? 0 } }
        vacanciesAfter = PerCategory { c in sum(after) { $0.vacancies?[c] ?? 0 } }
        unitsOverQuotaAfter = PerCategory { c in after.filter { ($0.surplus?[c] ?? 0) > 0 }.count }
        allowanceFundMonthlyVND = allowanceFund
        transfers = reallocation.map { reallocation in
            let plan = reallocation.transfers
            return Transfers(surplusBefore: plan.surplusBefore, surplusAfter: plan.surplusAfter,
                             peopleMovedFrom: PerCategory { c in plan.transfers.filter { $0.category == c }.reduce(0) { $0 + $1.count } },
                             peopleMoved: plan.peopleMoved, moves: plan.transfers.count, unreachableUnits: plan.unreachableCodes.count,
                             personKm: plan.personKm)
        }
        envelopes = (reallocation?.envelopes ?? []).map {
            Envelope(category: $0.category, positions: $0.positions, surplus: $0.allocation.surplus, shadowPrice: $0.allocation.shadowPrice)
        }
        self.transition = transition.map { Transition($0.summary, years: $0.years, runs: $0.runs, precision: $0.precision) }
        self.deadline = deadline
        self.deadlines = deadlines
    }

    /// The summary of `outcome`, a run of `run`: its deadlines, allowance fund, reallocation and
    /// transition (each where the run got there).
    public init(_ run: ScenarioRun, _ outcome: ScenarioRun.Outcome) {
        let after = outcome.after
        self.init(before: outcome.before, after: after, deadline: run.rules.deadline.date(effective: run.settings.effectiveDate),
                  deadlines: run.deadlines, allowanceFund: run.allowanceFunds(after).map { $0.reduce(0, +) },
                  reallocation: outcome.reallocation,
                  transition: outcome.transition.map { ($0.summary, $0.model.years, $0.runs, $0.precision) })
    }
}
