import Foundation
import GSL
import MergerSim

/// Everything a scenario names, read and cross-checked (its rule sets, units, roster and plan), and the
/// ``ScenarioRun`` they make, every default resolved and recorded here. The pipeline itself is in
/// MergerSim; this type reads files and reports the pipeline's failures at their place in them.
public struct ScenarioInputs: Sendable {
    public let scenario: Scenario
    /// The rule set that judges the units after the plan.
    public let rules: LoadedRuleSet
    /// The rule set that screens the units before (the scenario's `rules_before`, else the bundled one in
    /// force the day before the effective date, else `rules`).
    public let rulesBefore: LoadedRuleSet
    /// Defaults applied to the scenario's own keys and the run's (effective date, rules before, years,
    /// seed, runs), for the manifest and `validate`.
    public let scenarioDefaults: [DefaultRecord]
    public let unitsFile: UnitsFile
    /// The units with their headcounts (from the roster where the units file gives none).
    public let units: [AdministrativeUnit]
    public let roster: RosterFile?
    public let planFile: PlanFile
    /// Files read, for the manifest.
    public let inputs: [InputRecord]
    /// The pipeline over what was read.
    public let run: ScenarioRun

    /// The date the merger takes effect: the scenario's, else the rule set's `in_force.from`.
    public var effectiveDate: CalendarDate { run.settings.effectiveDate }

    /// Reads the scenario at `path` and everything it names.
    ///
    /// - Throws: ``InputError`` with the file, line and column of the first problem.
    public init(path: String) throws(InputError) {
        try self.init(scenario: try Scenario(path: path))
    }

    /// Reads everything `scenario` names; `seed`, `runs` and `precision` override the scenario's (command-line flags).
    /// Every error carries the scenario's `lang:` as its ``InputError/language`` (unless it has one already).
    ///
    /// - Throws: ``InputError`` 64 when the runs and the precision, one from a flag, together ask for fewer
    ///   runs than a run until precise uses (``Precision/minimumRuns``).
    public init(scenario: Scenario, seed: UInt64? = nil, runs: Int? = nil, precision: Precision? = nil) throws(InputError) {
        do {
            try self.init(reading: scenario, seed: seed, runs: runs, precision: precision)
        } catch {
            var error = error
            error.language = error.language ?? scenario.settings.lang.flatMap(Language.init(rawValue:))
            throw error
        }
    }

    /// Reads everything `scenario` names (see ``init(scenario:seed:runs:precision:)``).
    private init(reading scenario: Scenario, seed: UInt64?, runs: Int?, precision: Precision?) throws(InputError) {
        let path = scenario.file
        let settings = scenario.settings
        var defaults: [DefaultRecord] = []
        (rules, rulesBefore) = try Self.ruleSets(of: scenario, defaults: &defaults)
        let effective = scenario.effectiveDate ?? rules.rules.inForce.from
        // Exits are priced from the effective date on: a base salary and a decree must be in force then.
        let place = scenario.effectivePlace
        if rules.rules.transition.baseSalary.inForce(on: effective) == nil {
            throw Self.at(place, .effectiveBeforeBaseSalary(effective: effective, rules: rules.rules.id, rule: rules.rules.transition.baseSalary.rule,
                                                             first: rules.rules.transition.baseSalary.schedule.first?.from))
        }
        if rules.rules.transition.exitLaw.mergerDecree(on: effective) == nil {
            throw Self.at(place, .noExitDecree(effective: effective, rules: rules.rules.id, rule: rules.rules.transition.exitLaw.rule))
        }
        // The exit window runs from the decision on the arrangement, which comes before the merger takes effect.
        if let decision = scenario.decisionDate, effective < decision, let place = scenario.decisionPlace {
            throw Self.at(place, .decisionAfterEffective(decision: decision, effective: effective))
        }
        if scenario.decisionDate == nil {
            defaults.append(.init(name: "decision_date", meaning: .decisionOnEffectiveDate(effective),
                                  rule: rules.rules.transition.exitLaw.window.rule))
        }
        let unitsPath = scenario.path(settings.units)
        let unitsBytes = try FileInput.read(unitsPath)
        let unitsFile = try UnitsFile(bytes: unitsBytes, file: unitsPath, headcountsRequired: settings.staff == nil)
        // Paths in the manifest are relative to the scenario file, so it reads the same on any machine.
        var inputs = [InputRecord(role: "scenario", path: scenario.relative(path), bytes: scenario.bytes, rows: 1),
                      InputRecord(role: "units", path: scenario.relative(unitsPath), bytes: unitsBytes, rows: unitsFile.units.count)]
        if let staff = settings.staff {
            let staffPath = scenario.path(staff)
            let bytes = try FileInput.read(staffPath)
            let roster = try RosterFile(bytes: bytes, file: staffPath)
            try roster.checkPeople(onEffectiveDate: effective)
            units = try roster.reconcile(with: unitsFile)
            self.roster = roster
            inputs.append(.init(role: "staff", path: scenario.relative(staffPath), bytes: bytes, rows: roster.people.count))
        } else {
            units = unitsFile.units
            roster = nil
        }
        let planPath = scenario.path(settings.plan)
        let planBytes = try FileInput.read(planPath)
        planFile = try PlanFile(bytes: planBytes, file: planPath)
        inputs.append(.init(role: "plan", path: scenario.relative(planPath), bytes: planBytes, rows: planFile.plan.newUnits.reduce(0) { $0 + $1.members.count }))
        self.scenario = scenario
        self.unitsFile = unitsFile
        self.inputs = inputs
        let transition = settings.transition
        let run = ScenarioRun(
            rules: rules.rules, rulesBefore: rulesBefore.rules, units: units, plan: planFile.plan, roster: roster?.people,
            settings: ScenarioRun.Settings(
                effectiveDate: effective, decisionDate: scenario.decisionDate, transfers: scenario.transferSettings, envelopes: scenario.envelopes,
                provinceClasses: scenario.provinceClasses, partyMassOrgPosts: scenario.partyMassOrgPosts,
                deadlines: scenario.deadlines, years: transition?.years, seed: seed ?? transition?.seed ?? ScenarioDefaults.seed,
                runs: runs ?? transition?.runs ?? ScenarioDefaults.runs, precision: precision ?? scenario.precision))
        if run.settings.precision != nil, run.settings.runs < Precision.minimumRuns {
            throw InputError(.usage, file: runs == nil ? "--precision" : "--runs",
                             reason: .scenario(.precisionNeedsRuns(minimum: Precision.minimumRuns, runs: run.settings.runs)))
        }
        if transition?.years == nil {
            defaults.append(.init(name: "transition.years", meaning: .yearsToLatestDeadline(run.transitionYears), rule: run.rules.deadline.rule))
        }
        if seed == nil, transition?.seed == nil { defaults.append(.init(name: "seed", value: String(run.settings.seed))) }
        if runs == nil, transition?.runs == nil { defaults.append(.init(name: "runs", value: String(run.settings.runs))) }
        if run.settings.precision != nil {
            defaults.append(.init(name: "precision.runs", meaning: .precisionRuns(minimum: Precision.minimumRuns, maximum: run.settings.runs,
                                                                                  step: Precision.step, absoluteFloor: Precision.absoluteFloor)))
        }
        self.run = run
        scenarioDefaults = defaults
    }

    /// The scenario's rule sets with their overrides applied (what judges after, and what screens
    /// before), noting the defaults taken. Cheap: no units or roster are read, so a sweep checks
    /// every setting's overrides with it before running any.
    public static func ruleSets(of scenario: Scenario, defaults: inout [DefaultRecord]) throws(InputError) -> (LoadedRuleSet, LoadedRuleSet) {
        let settings = scenario.settings
        // The scenario's `pooled_quota` stands for the rule set's value; a `--set` of that value, later, wins.
        let pool = settings.pooledQuota.map { [Override(path: ["rules", "quotas", "pooled", "value"], value: String($0))] } ?? []
        let forRules = pool + scenario.overrides.filter { $0.target.0 == .rules }, forBefore = scenario.overrides.filter { $0.target.0 == .rulesBefore }
        let rules = try RuleSetLoader.load(scenario.rulesLocation(settings.rules), overrides: forRules)
        let effective = scenario.effectiveDate ?? rules.rules.inForce.from
        if scenario.effectiveDate == nil {
            defaults.append(.init(name: "effective_date", meaning: .inForceFrom(effective, ruleSet: rules.rules.id), status: rules.rules.inForce.status))
        }
        if let given = settings.rulesBefore {
            return (rules, try RuleSetLoader.load(scenario.rulesLocation(given), overrides: forBefore))
        }
        let dayBefore = effective.addingDays(-1)
        if let inForce = try RuleSetLoader.bundled(inForceOn: dayBefore) {
            defaults.append(.init(name: "rules_before", meaning: .ruleSetInForce(inForce.rules.id, dayBefore: dayBefore)))
            return (rules, forBefore.isEmpty ? inForce : try RuleSetLoader.load(inForce.rules.id, overrides: forBefore))
        }
        defaults.append(.init(name: "rules_before", meaning: .noRuleSetInForce(rules.rules.id, dayBefore: dayBefore)))
        return (rules, forBefore.isEmpty ? rules : try RuleSetLoader.load(scenario.rulesLocation(settings.rules), overrides: forBefore))
    }

    /// A failure of the pipeline, reported where it comes from: a plan error at its row of the plan, a
    /// rule set's complaint at the unit's row (for a unit after the plan, its largest member's), an
    /// infeasible envelope at the scenario; solver and GSL failures as internal errors (exit 1).
    public func located(_ failure: ScenarioRun.Failure) -> any Error {
        switch failure {
        case .plan(let error):
            return planFile.located(error)
        case .conservation(let violations):
            return InputError(.badData, file: planFile.file, "the plan breaks conservation: " + violations.joined(separator: "; "))
        case .screening(let error):
            return unitsFile.located(error)
        case .judging(let error, let outcome):
            return locate(unit: error.unitCode, in: outcome, column: error.field, error.message)
        case .envelope(let category, .solver(let reason)):
            return InternalError("the envelope \(category.rawValue) could not be allocated: \(reason)")
        case .envelope(let category, .belowFloors(let envelope, let floors)):
            return InputError.badData(scenario.file, reason: .scenario(.envelopeBelowFloors(category: category.rawValue, envelope: envelope, floors: floors)))
        case .envelope(let category, .aboveCaps(let envelope, let caps)):
            return InputError.badData(scenario.file, reason: .scenario(.envelopeAboveCaps(category: category.rawValue, envelope: envelope, caps: caps)))
        case .pricing(let error):
            return InputError.badData(scenario.file, "the transition cannot be priced: \(error)")
        case .syntheticRoster(let distribution):
            return InputError.badData(scenario.file, reason: .scenario(.undrawable(
                category: distribution.category.rawValue, quantity: distribution.quantity.rawValue, mean: distribution.mean,
                standardDeviation: distribution.standardDeviation, lower: distribution.lower, upper: distribution.upper,
                draws: SyntheticRosterParameters.maxDraws)))
        case .gsl(let error):
            return InternalError("GSL failed: \(error)")
        case .transfers(let error):
            return InternalError("a transfer from \(error.transfer.fromCode) to \(error.transfer.toCode) names unit \(error.code), "
                                 + "which is not among the units after reallocation")
        }
    }

    /// Runs the pipeline through `stage`, its failures located in the files.
    public func run(through stage: ScenarioRun.Stage = .transition, progress: (@Sendable (Int) -> Void)? = nil) throws -> ScenarioRun.Outcome {
        do {
            return try run.run(through: stage, progress: progress)
        } catch {
            throw located(error)
        }
    }

    /// What a scenario gives before transfers and transition: the plan applied
    /// and checked, the units before screened, the units after judged.
    public struct Judged: Sendable {
        public let outcome: MergerOutcome
        public let round: ScreeningRound
        public let before: [ScreeningResult]
        public let after: [UnitAfterResult]
    }

    /// The pipeline through judging, located (for tests and tools that look at one stage).
    public func judge() throws -> Judged {
        let outcome = try run(through: .judging)
        return Judged(outcome: outcome.merger, round: outcome.round, before: outcome.before, after: outcome.judged)
    }

    /// The plan applied to the units, located.
    public func applyPlan() throws -> MergerOutcome {
        do { return try run.applyPlan() } catch { throw located(error) }
    }

    /// The units before, screened, located.
    public func screenBefore() throws -> (round: ScreeningRound, results: [ScreeningResult]) {
        do { return try run.screenBefore() } catch { throw located(error) }
    }

    /// The units after, judged, located.
    public func judgeAfter(_ outcome: MergerOutcome) throws -> [UnitAfterResult] {
        do { return try run.judgeAfter(outcome) } catch { throw located(error) }
    }

    /// Stage 1 and stage 2 over judged units, located.
    public func reallocate(_ judged: Judged, verify: Bool = false) throws -> ScenarioRun.Reallocation {
        do { return try run.reallocate(judged.after, verify: verify) } catch { throw located(error) }
    }

    /// The transition's model, located.
    public func transitionModel(_ reallocation: ScenarioRun.Reallocation, outcome: MergerOutcome) throws -> (TransitionModel, synthetic: Bool) {
        do { return try run.transitionModel(reallocation, merger: outcome) } catch { throw located(error) }
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

    /// The defaults the transition applies to people of the roster: a missing insurance record counts as
    /// 0 years, a missing salary coefficient as the category's mean of the rule set's synthetic roster.
    /// Empty without a roster (the synthetic roster has every value).
    public var rosterDefaults: [DefaultRecord] {
        guard let roster else { return [] }
        let parameters = rules.rules.transition.syntheticRoster
        var entries: [DefaultRecord] = []
        let noInsurance = roster.people.filter { $0.insuranceYears == nil }.count
        if noInsurance > 0 {
            entries.append(.init(name: "roster.insurance_years", meaning: .zeroForPeopleWithout(people: noInsurance)))
        }
        for category in StaffCategory.allCases {
            let missing = roster.people.filter { $0.category == category && $0.salaryCoefficient == nil }.count
            if missing > 0 {
                entries.append(.init(name: "roster.salary_coefficient.\(category.rawValue)",
                                     meaning: .meanForPeopleWithout(mean: parameters[category].salaryCoefficientMean, people: missing),
                                     rule: parameters.rule, status: parameters.status))
            }
        }
        return entries
    }

    /// Refuses, before anything large is allocated, a transition this machine cannot hold
    /// (``TransitionModel/estimatedMemory(people:units:years:runs:workers:)`` above 80 % of its memory),
    /// for the run's own runs.
    ///
    /// - Throws: ``InputError`` 64 when the runs came from `--runs`, else 65 at the scenario.
    public func checkMemory(runsFromFlag: Bool, physicalMemory: UInt64 = ProcessInfo.processInfo.physicalMemory) throws(InputError) {
        let people = run.people, runs = run.settings.runs, years = run.transitionYears
        let needed = TransitionModel.estimatedMemory(people: people, units: units.count, years: years,
                                                     runs: runs, workers: ProcessInfo.processInfo.activeProcessorCount)
        let available = Double(physicalMemory) * 0.8
        guard Double(needed) > available else { return }
        let reason = ScenarioReason.memory(people: people, years: years, runs: runs, neededBytes: Double(needed), availableBytes: available,
                                           physicalBytes: Double(physicalMemory))
        throw runsFromFlag ? InputError(.usage, file: "--runs", reason: .scenario(reason)) : Self.at(scenario.runsPlace, reason)
    }

    /// `place` (an error made only for its place) saying `reason`.
    static func at(_ place: InputError, _ reason: ScenarioReason) -> InputError {
        var error = place
        error.reason = .scenario(reason)
        error.message = InputError.Reason.scenario(reason).english
        return error
    }
}
