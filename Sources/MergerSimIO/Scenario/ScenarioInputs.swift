import Foundation
import MergerSim

/// Everything a scenario names, read and cross-checked: its rule sets, units,
/// roster and plan. Reading it is what `mergersim validate` does.
public struct ScenarioInputs: Sendable {
    public let scenario: Scenario
    /// The rule set that judges the units after the plan.
    public let rules: LoadedRuleSet
    /// The rule set that screens the units before (the scenario's `rules_before`, else the bundled one in
    /// force the day before the effective date, else `rules`).
    public let rulesBefore: LoadedRuleSet
    /// The date the merger takes effect: the scenario's, else the rule set's `in_force.from`.
    public let effectiveDate: CalendarDate
    /// Defaults applied to the scenario's own keys (effective date, rules before), for the manifest and `validate`.
    public let scenarioDefaults: [RunManifest.DefaultEntry]
    public let unitsFile: UnitsFile
    /// The units with their headcounts (from the roster where the units file gives none).
    public let units: [AdministrativeUnit]
    public let roster: RosterFile?
    public let planFile: PlanFile
    /// Files read, for the manifest.
    public let inputs: [RunManifest.InputEntry]

    /// Reads the scenario at `path` and everything it names.
    ///
    /// - Throws: ``InputError`` with the file, line and column of the first problem.
    public init(path: String) throws(InputError) {
        try self.init(scenario: try Scenario(path: path))
    }

    /// Reads everything `scenario` names.
    public init(scenario: Scenario) throws(InputError) {
        let path = scenario.file
        let settings = scenario.settings
        rules = try RuleSetLoader.load(scenario.rulesLocation(settings.rules))
        var defaults: [RunManifest.DefaultEntry] = []
        let effective = scenario.effectiveDate ?? rules.rules.inForce.from
        if scenario.effectiveDate == nil {
            defaults.append(.init(name: "effective_date", value: "\(effective) (in_force.from of \(rules.rules.id))", status: rules.rules.inForce.status))
        }
        if let given = settings.rulesBefore {
            rulesBefore = try RuleSetLoader.load(scenario.rulesLocation(given))
        } else {
            let dayBefore = effective.addingDays(-1)
            if let inForce = try RuleSetLoader.bundled(inForceOn: dayBefore) {
                rulesBefore = inForce
                defaults.append(.init(name: "rules_before", value: "\(inForce.rules.id) (in force on \(dayBefore), the day before the effective date)"))
            } else {
                rulesBefore = rules
                defaults.append(.init(name: "rules_before", value: "\(rules.rules.id) (no bundled rule set is in force on \(dayBefore))"))
            }
        }
        // Exits are priced from the effective date on: a base salary and a decree must be in force then.
        var place = scenario.effectivePlace
        if rules.rules.transition.baseSalary.inForce(on: effective) == nil {
            place.message = "the effective date \(effective) is before the first base salary of \(rules.rules.id) "
                + "(\(rules.rules.transition.baseSalary.rule), from \(rules.rules.transition.baseSalary.schedule.first?.from.description ?? "?"))"
            throw place
        }
        if rules.rules.transition.exitLaw.mergerDecree(on: effective) == nil {
            place.message = "no exit decree of \(rules.rules.id) (\(rules.rules.transition.exitLaw.rule)) is in force for mergers on \(effective)"
            throw place
        }
        effectiveDate = effective
        scenarioDefaults = defaults
        let unitsPath = scenario.path(settings.units)
        let unitsBytes = try FileInput.read(unitsPath)
        let unitsFile = try UnitsFile(bytes: unitsBytes, file: unitsPath, headcountsRequired: settings.staff == nil)
        var inputs = [RunManifest.InputEntry(role: "scenario", path: path, bytes: scenario.bytes, rows: 1),
                      RunManifest.InputEntry(role: "units", path: unitsPath, bytes: unitsBytes, rows: unitsFile.units.count)]
        if let staff = settings.staff {
            let staffPath = scenario.path(staff)
            let bytes = try FileInput.read(staffPath)
            let roster = try RosterFile(bytes: bytes, file: staffPath)
            units = try roster.reconcile(with: unitsFile)
            self.roster = roster
            inputs.append(.init(role: "staff", path: staffPath, bytes: bytes, rows: roster.people.count))
        } else {
            units = unitsFile.units
            roster = nil
        }
        let planPath = scenario.path(settings.plan)
        let planBytes = try FileInput.read(planPath)
        planFile = try PlanFile(bytes: planBytes, file: planPath)
        inputs.append(.init(role: "plan", path: planPath, bytes: planBytes, rows: planFile.plan.newUnits.reduce(0) { $0 + $1.members.count }))
        self.scenario = scenario
        self.unitsFile = unitsFile
        self.inputs = inputs
    }

    /// What a scenario gives before transfers and transition: the plan applied
    /// and checked, the units before screened, the units after judged.
    public struct Judged: Sendable {
        public let outcome: MergerOutcome
        public let round: ScreeningRound
        public let before: [ScreeningResult]
        public let after: [UnitAfterResult]
    }

    /// Applies the plan, checks conservation, screens the units before and judges those after.
    public func judge() throws(InputError) -> Judged {
        let outcome = try applyPlan()
        let violations = outcome.invariantViolations(before: units)
        guard violations.isEmpty else {
            throw InputError(.badData, file: planFile.file, "the plan breaks conservation: " + violations.joined(separator: "; "))
        }
        let (round, before) = try screenBefore()
        return Judged(outcome: outcome, round: round, before: before, after: try judgeAfter(outcome))
    }

    /// The plan applied to the units, with plan errors located in the plan file.
    public func applyPlan() throws(InputError) -> MergerOutcome {
        do {
            return try planFile.plan.apply(to: units)
        } catch {
            throw planFile.located(error)
        }
    }

    /// The units before, screened under `rulesBefore`'s default round.
    public func screenBefore() throws(InputError) -> (round: ScreeningRound, results: [ScreeningResult]) {
        let rules = rulesBefore.rules
        let round = rules.screening.round(rules.screening.defaultRound)!
        do {
            return (round, try rules.screen(units, round: round))
        } catch {
            throw unitsFile.located(error)
        }
    }

    /// The units after, judged under `rules`. A unit's problem is reported at
    /// its (largest) member's row, where the offending value comes from.
    public func judgeAfter(_ outcome: MergerOutcome) throws(InputError) -> [UnitAfterResult] {
        do {
            return try rules.rules.judge(outcome, provinceClass: scenario.provinceClass, partyMassOrgPosts: scenario.partyMassOrgPosts)
        } catch {
            throw locate(unit: error.unitCode, in: outcome, column: error.field, error.message)
        }
    }

    /// A problem of a unit after the plan, located at the units-file row of
    /// its largest member, where the offending value comes from.
    func locate(unit code: String, in outcome: MergerOutcome, column: String, _ message: String) -> InputError {
        let merged = outcome.units.first { $0.unit.code == code }
        let member = merged?.contributions.max { $0.population < $1.population }?.code ?? code
        var located = unitsFile.error(unit: member, column: column, message)
        if merged?.untouched == false { located.message = "new unit \(code) (from member \(member)): \(message)" }
        return located
    }

    /// Stage 1 and stage 2 of reallocation over the judged units.
    public struct Reallocated: Sendable {
        /// The units after, with the quotas the envelopes set.
        public let after: [UnitAfterResult]
        public let envelopes: [(category: EnvelopeCategory, positions: Int, allocation: EnvelopeAllocation)]
        public let transfers: TransferPlan
    }

    /// Shares the scenario's envelopes (stage 1), then plans the transfers (stage 2).
    ///
    /// - Parameter verify: proves every transfer flow optimal (dual feasibility).
    ///
    /// - Throws: ``InputError`` for an infeasible envelope, ``InternalError`` when the solver fails.
    public func reallocate(_ judged: Judged, verify: Bool = false) throws -> Reallocated {
        var after = judged.after
        var envelopes: [(EnvelopeCategory, Int, EnvelopeAllocation)] = []
        for (category, positions) in scenario.envelopes {
            do {
                let (allocation, quotas) = try rules.rules.allocate(envelope: positions, category: category, to: after)
                for i in after.indices { after[i].quota = quotas[i] }
                envelopes.append((category, positions, allocation))
            } catch .solver(let reason) {
                throw InternalError("the envelope \(category.rawValue) could not be allocated: \(reason)")
            } catch {
                throw InputError.badData(scenario.file, "envelope \(category.rawValue): \(error)")
            }
        }
        let units = after.map { result in
            TransferUnit(code: result.unit.code, province: result.unit.province, district: result.unit.district,
                         location: result.unit.location, staff: result.unit.staff ?? .zero, quota: result.quota.posts)
        }
        let pairs = rules.rules.reallocation.crossCategory.pairs.map { ($0.from, $0.to) }
        let plan = scenario.transferSettings.plan(units, pairs: pairs, verify: verify)
        return Reallocated(after: after, envelopes: envelopes, transfers: plan)
    }

    /// The transition's model over the units after reallocation: people from
    /// the roster (a split member's people shared by its parts' headcounts, in
    /// id order) or, without one, a synthetic roster seeded with `seed`; the
    /// initial transfers applied.
    ///
    /// - Returns: the model, and whether the roster was synthetic.
    ///
    /// - Throws: ``InternalError`` when GSL fails drawing the synthetic roster.
    public func transitionModel(_ reallocated: Reallocated, outcome: MergerOutcome, seed: UInt64) throws(InternalError) -> (TransitionModel, synthetic: Bool) {
        let rules = self.rules.rules
        let transition = rules.transition
        let units = reallocated.after.map { result in
            TransferUnit(code: result.unit.code, province: result.unit.province, district: result.unit.district,
                         location: result.unit.location, staff: result.unit.staff ?? .zero, quota: result.quota.posts)
        }
        var workforce = Workforce(units: units)
        let effective = effectiveDate
        if let roster {
            // Where each member's people go: successors in plan order with their share of each category.
            var successors: [String: [(unit: Int, staff: Headcount)]] = [:]
            for (index, merged) in outcome.units.enumerated() {
                for contribution in merged.contributions {
                    successors[contribution.code, default: []].append((index, contribution.staff ?? .zero))
                }
            }
            var taken: [String: Headcount] = [:]
            for person in roster.people.sorted(by: { $0.id < $1.id }) {
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
                people = try transition.syntheticRoster.roster(units.map { ($0.code, $0.staff) }, on: effective,
                                                               retirement: transition.retirement, seed: seed)
            } catch {
                throw InternalError("the synthetic roster could not be drawn: \(error)")
            }
            let index = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.code, $0) })
            for person in people {
                workforce.add(person, inUnit: index[person.unitCode]!, retirement: transition.retirement, defaults: transition.syntheticRoster)
            }
        }
        workforce.apply(reallocated.transfers.transfers)
        let model = TransitionModel(
            workforce: workforce, rules: transition, effective: effective, years: transitionYears,
            nonProfessionalEnds: rules.quotas.nonProfessional.endedOn,
            transfers: scenario.transferSettings, pairs: rules.reallocation.crossCategory.pairs.map { ($0.from, $0.to) })
        return (model, roster == nil)
    }

    /// The defaults the transition applies to people of the roster: a missing insurance record counts as
    /// 0 years, a missing salary coefficient as the category's mean of the rule set's synthetic roster.
    /// Empty without a roster (the synthetic roster has every value).
    public var rosterDefaults: [RunManifest.DefaultEntry] {
        guard let roster else { return [] }
        let parameters = rules.rules.transition.syntheticRoster
        var entries: [RunManifest.DefaultEntry] = []
        let noInsurance = roster.people.filter { $0.insuranceYears == nil }.count
        if noInsurance > 0 {
            entries.append(.init(name: "roster.insurance_years", value: "0 for \(noInsurance) people without it"))
        }
        for category in StaffCategory.allCases {
            let missing = roster.people.filter { $0.category == category && $0.salaryCoefficient == nil }.count
            if missing > 0 {
                entries.append(.init(name: "roster.salary_coefficient.\(category.rawValue)",
                                     value: "\(parameters[category].salaryCoefficientMean) for \(missing) people without it",
                                     rule: parameters.rule, status: parameters.status))
            }
        }
        return entries
    }

    /// Refuses, before anything large is allocated, a transition this machine cannot hold
    /// (``TransitionModel/estimatedMemory(people:units:years:runs:workers:)`` above 80 % of its memory).
    ///
    /// - Throws: ``InputError`` 64 when `runs` came from `--runs`, else 65 at the scenario.
    public func checkMemory(after reallocated: Reallocated, runs: Int, runsFromFlag: Bool,
                            physicalMemory: UInt64 = ProcessInfo.processInfo.physicalMemory) throws(InputError) {
        let people = reallocated.after.reduce(0) { $0 + ($1.unit.staff?.total ?? 0) }
        let needed = TransitionModel.estimatedMemory(people: people, units: reallocated.after.count, years: transitionYears,
                                                     runs: runs, workers: ProcessInfo.processInfo.activeProcessorCount)
        let available = Double(physicalMemory) * 0.8
        guard Double(needed) > available else { return }
        func gib(_ bytes: Double) -> String { String(format: "%.1f GiB", bytes / Double(1 << 30)) }
        let message = "a transition of \(ReportFormat.grouped(people)) people over \(transitionYears) years and "
            + "\(ReportFormat.grouped(runs)) runs needs about \(gib(Double(needed))) of memory, more than this machine can give "
            + "(\(gib(available)) of \(gib(Double(physicalMemory)))); lower the runs"
        var located = scenario.runsPlace
        located.message = message
        throw runsFromFlag ? InputError(.usage, file: "--runs", message) : located
    }

    /// Each unit's monthly allowance fund for non-professional workers in whole VND (R-4.3): the rule
    /// set's base salaries for its type and extras × the base salary in force on the effective date; nil
    /// where the rule set has no fund (the category does not exist, or its fund is not known).
    public func allowanceFunds(_ after: [UnitAfterResult]) -> [Int64]? {
        let nonProfessional = rules.rules.quotas.nonProfessional
        guard let fund = nonProfessional.allowanceFund, nonProfessional.endedOn.map({ effectiveDate < $0 }) ?? true,
              let base = rules.rules.transition.baseSalary.inForce(on: effectiveDate) else { return nil }
        return after.map { result in
            let extras = nonProfessional.withExtras ? result.quota.extras : 0
            return fund.baseSalaries(type: result.classification.type, extras: extras).millionths * Int64(base) / FixedDecimal.scale
        }
    }

    /// Each category's deadline (R-4.6): the scenario's `deadlines`, else the rule set's.
    public var deadlines: PerCategory<CalendarDate>? {
        rules.rules.deadline.dates(effective: effectiveDate, overrides: scenario.deadlines)
    }

    /// Per category, the transition year whose end is the first on or after its deadline.
    public var deadlineYears: PerCategory<Int>? {
        deadlines.map { dates in
            func year(_ date: CalendarDate) -> Int {
                var years = 1
                while effectiveDate.addingYears(years) < date, years < Limits.maxYears { years += 1 }
                return years
            }
            return PerCategory(cadres: year(dates.cadres), civilServants: year(dates.civilServants), nonProfessional: year(dates.nonProfessional))
        }
    }

    /// Years of the transition: the scenario's, else those from the effective date to the rule set's deadline.
    public var transitionYears: Int {
        if let years = scenario.settings.transition?.years { return years }
        guard let years = deadlineYears else { return 5 }
        return StaffCategory.allCases.map { years[$0] }.max() ?? 5
    }
}
