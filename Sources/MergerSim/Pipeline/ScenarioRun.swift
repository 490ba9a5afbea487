import GSL

/// A merger scenario as typed values, and the pipeline that runs it: every
/// stage a function with typed input and output, no files, no terminal.
///
///     units, plan ─ applyPlan ─▶ MergerOutcome ─ judgeAfter ─▶ [UnitAfterResult]
///     units ─ screenBefore ─▶ [ScreeningResult]
///     [UnitAfterResult] ─ reallocate ─▶ Reallocation (envelopes, transfers)
///     Reallocation ─ transitionModel ─▶ TransitionModel ─ simulate ─▶ TransitionSummary
///
/// ``run(through:progress:)`` runs them in order. Command-line tools read the
/// files into a `ScenarioRun` and report its ``Failure``s at their place in
/// the files; a program can build one directly.
public struct ScenarioRun: Sendable {
    /// What a scenario sets besides its data, every default resolved.
    public struct Settings: Sendable {
        /// The date the merger takes effect.
        public var effectiveDate: CalendarDate
        /// The decision on the arrangement, from which the exit window runs; nil: the effective date.
        public var decisionDate: CalendarDate?
        /// Stage 2: where surplus people may move.
        public var transfers: TransferSettings
        /// Stage 1: positions per envelope category, in a fixed order.
        public var envelopes: [(category: EnvelopeCategory, positions: Int)]
        /// Each province's class for.
        public var provinceClasses: ProvinceClasses
        /// Party and mass-organisation posts by province; absent: the rule set's.
        public var partyMassOrgPosts: PartyMassOrgPostsByProvince
        /// Deadlines by category; absent: the rule set's.
        public var deadlines: [StaffCategory: CalendarDate]
        /// Years of the transition; nil: to the latest deadline.
        public var years: Int?
        /// The seed of every random draw.
        public var seed: UInt64
        /// Monte Carlo replications: all of them, or with a ``precision`` the most to run.
        public var runs: Int
        /// Run replications until every headline figure is this precise (at least
        /// ``Precision/minimumRuns``, at most ``runs``); nil: exactly ``runs`` replications.
        public var precision: Precision?

        public init(effectiveDate: CalendarDate, decisionDate: CalendarDate? = nil, transfers: TransferSettings = TransferSettings(scope: .none),
                    envelopes: [(category: EnvelopeCategory, positions: Int)] = [], provinceClasses: ProvinceClasses = ProvinceClasses(),
                    partyMassOrgPosts: PartyMassOrgPostsByProvince = PartyMassOrgPostsByProvince(),
                    deadlines: [StaffCategory: CalendarDate] = [:], years: Int? = nil,
                    seed: UInt64 = ScenarioDefaults.seed, runs: Int = ScenarioDefaults.runs, precision: Precision? = nil) {
            self.effectiveDate = effectiveDate
            self.decisionDate = decisionDate
            self.transfers = transfers
            self.envelopes = envelopes
            self.provinceClasses = provinceClasses
            self.partyMassOrgPosts = partyMassOrgPosts
            self.deadlines = deadlines
            self.years = years
            self.seed = seed
            self.runs = runs
            self.precision = precision
        }
    }

    /// The rule set that judges the units after the plan.
    public let rules: RuleSet
    /// The rule set that screens the units before it.
    public let rulesBefore: RuleSet
    /// The existing units, with their headcounts.
    public let units: [AdministrativeUnit]
    public let plan: MergerPlan
    /// The people, when a roster is given; else a synthetic roster is drawn from the headcounts.
    public let roster: [StaffMember]?
    public let settings: Settings

    public init(rules: RuleSet, rulesBefore: RuleSet, units: [AdministrativeUnit], plan: MergerPlan,
                roster: [StaffMember]? = nil, settings: Settings) {
        self.rules = rules
        self.rulesBefore = rulesBefore
        self.units = units
        self.plan = plan
        self.roster = roster
        self.settings = settings
    }

    /// Why a stage could not be run, with what a reader needs to locate it in the files.
    public enum Failure: Error, Sendable {
        /// The plan does not fit the units.
        case plan(PlanError)
        /// Applying the plan broke conservation (a sentence per broken invariant).
        case conservation([String])
        /// A rule set cannot be applied to a unit before the plan.
        case screening(RuleApplicationError)
        /// A rule set cannot be applied to a unit after the plan (the outcome locates its members).
        case judging(RuleApplicationError, MergerOutcome)
        /// An envelope cannot be shared (infeasible, or the solver failed).
        case envelope(EnvelopeCategory, EnvelopeError)
        /// GSL failed (an internal failure).
        case gsl(GSLError)
        /// A day of the transition the rule set cannot price (no base salary in force, R-5.5).
        case pricing(ExitPricingError)
        /// The rule set's synthetic roster cannot be drawn (a distribution almost never in its window).
        case syntheticRoster(UndrawableDistribution)
        /// A planned transfer names a unit the transition does not hold (an internal failure: stage 2 plans
        /// over the same units).
        case transfers(Workforce.UnknownUnit)
    }

    /// The stages, in order, for ``run(through:progress:)``.
    public enum Stage: Int, Sendable, Comparable {
        case judging, reallocation, transition

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Stage 1 and stage 2 of reallocation over the judged units.
    public struct Reallocation: Sendable {
        /// The units after, with the quotas the envelopes set.
        public let after: [UnitAfterResult]
        public let envelopes: [(category: EnvelopeCategory, positions: Int, allocation: EnvelopeAllocation)]
        public let transfers: TransferPlan
    }

    /// The Monte Carlo transition and what it started from.
    public struct Transition: Sendable {
        public let model: TransitionModel
        public let summary: TransitionSummary
        /// Whether the people were drawn (no roster given).
        public let syntheticRoster: Bool
        /// With a ``Settings/precision``: the replications used and the intervals reached.
        public let precision: PrecisionReached?

        /// The replications summarised: those the precision used, else the settings' runs.
        public var runs: Int { summary.headlines.count }
    }

    /// Everything a run gives, up to the stage it was run through.
    ///
    /// Each stage keeps the units it changed: judging gives ``judged`` (the formula quotas), stage 1 of
    /// reallocation ``Reallocation/after`` (the quotas the envelopes set). ``after`` is the one to read:
    /// the units as staffed by the last stage run.
    public struct Outcome: Sendable {
        public let merger: MergerOutcome
        public let round: ScreeningRound
        public let before: [ScreeningResult]
        /// The units after the plan as judging left them: quotas by formula, before any envelope.
        public let judged: [UnitAfterResult]
        public let reallocation: Reallocation?
        public let transition: Transition?

        /// The units after the plan with the quotas they are staffed to: the envelopes' where the run
        /// went through reallocation, else the judged ones.
        public var after: [UnitAfterResult] { reallocation?.after ?? judged }
    }

    /// Runs the stages in order through `stage`.
    ///
    /// - Parameters:
    ///   - stage: the last stage to run.
    ///   - progress: called with the number of finished replications of the transition.
    public func run(through stage: Stage = .transition, progress: (@Sendable (Int) -> Void)? = nil) throws(Failure) -> Outcome {
        let merger = try applyPlan()
        let (round, before) = try screenBefore()
        let after = try judgeAfter(merger)
        guard stage >= .reallocation else {
            return Outcome(merger: merger, round: round, before: before, judged: after, reallocation: nil, transition: nil)
        }
        let reallocation = try reallocate(after)
        guard stage >= .transition else {
            return Outcome(merger: merger, round: round, before: before, judged: after, reallocation: reallocation, transition: nil)
        }
        let (model, synthetic) = try transitionModel(reallocation, merger: merger)
        do {
            let replications: [Replication], reached: PrecisionReached?
            if let precision = settings.precision {
                (replications, reached) = try model.simulate(until: precision, maximumRuns: settings.runs, seed: settings.seed,
                                                             deadlineYears: deadlineYears, progress: progress)
            } else {
                (replications, reached) = (model.simulate(runs: settings.runs, seed: settings.seed, progress: progress), nil)
            }
            let summary = try TransitionSummary(replications, years: model.years, units: reallocation.after.count, deadlineYears: deadlineYears)
            return Outcome(merger: merger, round: round, before: before, judged: after, reallocation: reallocation,
                           transition: Transition(model: model, summary: summary, syntheticRoster: synthetic, precision: reached))
        } catch {
            throw .gsl(error)
        }
    }

    /// Applies the plan and checks that people, staff and area are conserved.
    public func applyPlan() throws(Failure) -> MergerOutcome {
        let outcome: MergerOutcome
        do {
            outcome = try plan.apply(to: units)
        } catch {
            throw .plan(error)
        }
        let violations = outcome.invariantViolations(before: units)
        guard violations.isEmpty else { throw .conservation(violations) }
        return outcome
    }

    /// The units before, screened under `rulesBefore`'s default round.
    public func screenBefore() throws(Failure) -> (round: ScreeningRound, results: [ScreeningResult]) {
        guard let round = rulesBefore.screening.round(rulesBefore.screening.defaultRound) else {
            preconditionFailure("rule set \(rulesBefore.id): its default round was checked on load")
        }
        do {
            return (round, try rulesBefore.screen(units, round: round))
        } catch {
            throw .screening(error)
        }
    }

    /// The units after the plan, judged under `rules` (R-2.5/R-2.6, R-3.x, R-4.x).
    public func judgeAfter(_ outcome: MergerOutcome) throws(Failure) -> [UnitAfterResult] {
        do {
            return try rules.judge(outcome, provinceClasses: settings.provinceClasses, partyMassOrgPosts: settings.partyMassOrgPosts)
        } catch {
            throw .judging(error, outcome)
        }
    }

    /// Shares the envelopes (stage 1), then plans the transfers (stage 2).
    ///
    /// - Parameters:
    ///   - judged: the units after the plan, judged.
    ///   - verify: proves every transfer flow optimal (dual feasibility).
    public func reallocate(_ judged: [UnitAfterResult], verify: Bool = false) throws(Failure) -> Reallocation {
        var after = judged
        var envelopes: [(category: EnvelopeCategory, positions: Int, allocation: EnvelopeAllocation)] = []
        for (category, positions) in settings.envelopes {
            do {
                let (allocation, quotas) = try rules.allocate(envelope: positions, category: category, to: after)
                for i in after.indices { after[i].quota = quotas[i] }
                envelopes.append((category, positions, allocation))
            } catch {
                throw .envelope(category, error)
            }
        }
        let plan = settings.transfers.plan(after.map(\.transferUnit), pairs: rules.reallocation.crossCategory.pairs,
                                           verify: verify)
        return Reallocation(after: after, envelopes: envelopes, transfers: plan)
    }

    /// The transition's model over the units after reallocation: people from the roster (a split
    /// member's people shared by its parts' headcounts, in id order) or, without one, a synthetic roster
    /// seeded with the run's seed; the initial transfers applied.
    ///
    /// - Returns: the model, and whether the roster was synthetic.
    public func transitionModel(_ reallocation: Reallocation, merger: MergerOutcome) throws(Failure) -> (TransitionModel, synthetic: Bool) {
        let transition = rules.transition
        let units = reallocation.after.map(\.transferUnit)
        var workforce = Workforce(units: units)
        if let roster {
            // Where each member's people go: successors in plan order with their share of each category.
            var successors: [String: [(unit: Int, staff: Headcount)]] = [:]
            for (index, merged) in merger.units.enumerated() {
                for contribution in merged.contributions {
                    successors[contribution.code, default: []].append((index, contribution.staff ?? .zero))
                }
            }
            var taken: [String: Headcount] = [:]
            for person in roster.sorted(by: { $0.id < $1.id }) {
                let parts = successors[person.unitCode] ?? []
                var seen = taken[person.unitCode, default: .zero][person.category]
                var target = parts.last?.unit ?? 0
                for part in parts {
                    if seen < part.staff[person.category] { target = part.unit; break }
                    seen -= part.staff[person.category]
                }
                taken[person.unitCode, default: .zero][person.category] += 1
                workforce.add(person, inUnit: target, retirement: transition.retirement, defaults: transition.syntheticRoster)
            }
        } else {
            let people: [StaffMember]
            do {
                people = try transition.syntheticRoster.roster(units.map { ($0.code, $0.staff) }, on: settings.effectiveDate,
                                                               retirement: transition.retirement, seed: settings.seed)
            } catch {
                switch error {
                case .randomSource(let error): throw .gsl(error)
                case .undrawable(let distribution): throw .syntheticRoster(distribution)
                }
            }
            // The synthetic roster is drawn unit by unit in this order, so its people come in unit order.
            var unit = 0
            for person in people {
                while units[unit].code != person.unitCode { unit += 1 }
                workforce.add(person, inUnit: unit, retirement: transition.retirement, defaults: transition.syntheticRoster)
            }
        }
        do {
            try workforce.apply(reallocation.transfers.transfers)
        } catch {
            throw .transfers(error)
        }
        let model: TransitionModel
        do {
            model = try TransitionModel(
                workforce: workforce, rules: transition, effective: settings.effectiveDate, decision: settings.decisionDate,
                years: transitionYears, nonProfessionalEnds: rules.quotas.nonProfessional.endedOn,
                transfers: settings.transfers, pairs: rules.reallocation.crossCategory.pairs)
        } catch {
            throw .pricing(error)
        }
        return (model, roster == nil)
    }

    /// Each category's deadline: the settings' `deadlines`, else the rule set's.
    public var deadlines: PerCategory<CalendarDate>? {
        rules.deadline.dates(effective: settings.effectiveDate, overrides: settings.deadlines)
    }

    /// Per category, the transition year whose end is the first on or after its deadline.
    public var deadlineYears: PerCategory<Int>? {
        deadlines.map { dates in
            func year(_ date: CalendarDate) -> Int {
                var years = 1
                while settings.effectiveDate.addingYears(years) < date, years < Limits.maxYears { years += 1 }
                return years
            }
            return PerCategory(cadres: year(dates.cadres), civilServants: year(dates.civilServants), nonProfessional: year(dates.nonProfessional))
        }
    }

    /// Years of the transition: the settings', else to the latest deadline (the rule set's loader
    /// guarantees a deadline, so the fallback is never used; it is R-4.6's deadline of 5 years after the
    /// merger, should a program build a rule set without one).
    public var transitionYears: Int {
        if let years = settings.years { return years }
        guard let years = deadlineYears else { return 5 }
        return StaffCategory.allCases.map { years[$0] }.max() ?? 5
    }

    /// Each unit's monthly allowance fund for non-professional workers in whole VND: the rule
    /// set's base salaries for its type and extras × the base salary in force on the effective date; nil
    /// where the rule set has no fund (the category does not exist, or its fund is not known).
    public func allowanceFunds(_ after: [UnitAfterResult]) -> [Int64]? {
        let nonProfessional = rules.quotas.nonProfessional, effective = settings.effectiveDate
        guard let fund = nonProfessional.allowanceFund, nonProfessional.endedOn.map({ effective < $0 }) ?? true,
              let base = rules.transition.baseSalary.inForce(on: effective) else { return nil }
        return after.map { result in
            let extras = nonProfessional.withExtras ? result.quota.extras : 0
            return fund.baseSalaries(type: result.classification.type, extras: extras).millionths * Int64(base) / FixedDecimal.scale
        }
    }

    /// People in all units (roster or headcounts), for the memory estimate.
    public var people: Int { roster?.count ?? units.reduce(0) { $0 + ($1.staff?.total ?? 0) } }
}

extension UnitAfterResult {
    /// The unit as stage 2 sees it: where it is, its people and its quota.
    public var transferUnit: TransferUnit {
        TransferUnit(code: unit.code, province: unit.province, district: unit.district, location: unit.location,
                     staff: unit.staff ?? .zero, quota: quota.posts, pooled: quota.pooled)
    }
}
