import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// What the editor judges a plan against, read as `mergersim simulate` reads it. With a scenario (a bundled
/// workspace, or one whose plan was saved): its units, rule sets and settings through ``ScenarioInputs``.
/// Without (an uploaded units file): the units file and the bundled rule set the editor was given, the merger
/// effective the day that rule set comes into force.
struct PlanWorld: Sendable {
    let unitsFile: UnitsFile
    let rules: LoadedRuleSet
    /// The run a plan is judged in: only its plan changes (``run(_:)``).
    let template: ScenarioRun
    /// The scenario's plan (`plan.csv`), when the workspace has a scenario.
    let savedPlan: MergerPlan?
    /// Whether the rule set is the scenario's (else the editor's choice, ``PlanHistory/rules``).
    let fromScenario: Bool
    /// The provinces of the units, sorted.
    let provinces: [String]
    let unitIndex: [String: Int]

    var units: [AdministrativeUnit] { template.units }

    /// The workspace's world; `rules` is the editor's choice, used only without a scenario.
    static func load(_ workspace: Workspace, rules chosen: String?) throws -> PlanWorld {
        if workspace.has(.scenario) && workspace.has(.plan) {
            let inputs = try ScenarioInputs(path: workspace.url(.scenario).path)
            return PlanWorld(unitsFile: inputs.unitsFile, rules: inputs.rules, template: inputs.run, savedPlan: inputs.planFile.plan, fromScenario: true)
        }
        let unitsFile = try UnitsFile(path: workspace.url(.units).path)
        let rules = try RuleSetLoader.load(try chosen ?? defaultRules())
        let run = ScenarioRun(rules: rules.rules, rulesBefore: rules.rules, units: unitsFile.units, plan: MergerPlan(newUnits: []),
                              settings: ScenarioRun.Settings(effectiveDate: rules.rules.inForce.from))
        return PlanWorld(unitsFile: unitsFile, rules: rules, template: run, savedPlan: nil, fromScenario: false)
    }

    private init(unitsFile: UnitsFile, rules: LoadedRuleSet, template: ScenarioRun, savedPlan: MergerPlan?, fromScenario: Bool) {
        self.unitsFile = unitsFile
        self.rules = rules
        self.template = template
        self.savedPlan = savedPlan
        self.fromScenario = fromScenario
        provinces = Array(Set(template.units.map(\.province))).sorted()
        unitIndex = Dictionary(template.units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The bundled rule set in force today, else the latest to come into force: what judges an uploaded
    /// units file until the planner chooses (the page names it).
    static func defaultRules() throws(InputError) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        let today = CalendarDate(year: components.year ?? 2026, month: components.month ?? 1, day: components.day ?? 1)
        if let inForce = try RuleSetLoader.bundled(inForceOn: today) { return inForce.rules.id }
        var latest: LoadedRuleSet?
        for id in try RuleSetLoader.bundledIDs {
            let loaded = try RuleSetLoader.load(id)
            if latest.map({ $0.rules.inForce.from < loaded.rules.inForce.from }) ?? true { latest = loaded }
        }
        guard let latest else { throw InputError(.unreadable, file: "rules", "no bundled rule set is installed") }
        return latest.rules.id
    }

    /// The workspace's run with `plan` in place of the scenario's.
    func run(_ plan: MergerPlan) -> ScenarioRun {
        ScenarioRun(rules: template.rules, rulesBefore: template.rulesBefore, units: template.units, plan: plan,
                    roster: template.roster, settings: template.settings)
    }

    /// `plan` applied to the units and every unit after judged: the two stages `ScenarioRun.run(through: .judging)`
    /// runs on a plan (screening the units before does not depend on the plan).
    func judge(_ plan: MergerPlan) throws(ScenarioRun.Failure) -> PlanJudgement {
        let run = run(plan)
        let outcome = try run.applyPlan()
        return PlanJudgement(after: try run.judgeAfter(outcome))
    }

    /// A failure of the pipeline on the plan of `planFile`, located as `simulate` locates it: a plan error at
    /// its row of the plan, a rule set's complaint about a unit after at the units file's row of its largest member.
    func located(_ failure: ScenarioRun.Failure, in planFile: PlanFile) -> InputError {
        switch failure {
        case .plan(let error):
            return planFile.located(error)
        case .judging(let error, let outcome):
            let merged = outcome.units.first { $0.unit.code == error.unitCode }
            let member = merged?.contributions.max { $0.population < $1.population }?.code ?? error.unitCode
            return unitsFile.error(unit: member, column: error.field, error.message)
        case .screening(let error):
            return unitsFile.located(error)
        case .conservation(let violations):
            return InputError(.badData, file: planFile.file, "the plan breaks conservation: " + violations.joined(separator: "; "))
        default:
            return InputError(.badData, file: planFile.file, "\(failure)")
        }
    }

    /// The library's failure on `plan` in `labels`' language, located in the plan as it would be saved.
    func text(_ failure: ScenarioRun.Failure, plan: StoredPlan, labels: Labels) -> String {
        do throws(InputError) {
            return located(failure, in: try PlanFile(bytes: [UInt8](PlanCSV.data(plan)), file: WorkspaceFile.plan.rawValue)).text(labels)
        } catch {
            return error.text(labels)
        }
    }
}

/// The units after a plan as the library judged them, with each existing unit's new unit.
struct PlanJudgement: Sendable {
    let after: [UnitAfterResult]
    /// The index in ``after`` of each unit after, by code.
    let index: [String: Int]
    /// The code of the unit after each existing unit went into (the first, where it was split).
    let unitAfter: [String: String]

    init(after: [UnitAfterResult]) {
        self.after = after
        index = Dictionary(after.enumerated().map { ($1.unit.code, $0) }, uniquingKeysWith: { first, _ in first })
        var unitAfter: [String: String] = [:]
        for result in after {
            for contribution in result.merged.contributions where unitAfter[contribution.code] == nil {
                unitAfter[contribution.code] = result.unit.code
            }
        }
        self.unitAfter = unitAfter
    }

    subscript(code code: String) -> UnitAfterResult? { index[code].map { after[$0] } }

    /// How many units after stand as each outcome.
    var outcomes: [StandardsOutcome: Int] { after.reduce(into: [:]) { $0[$1.outcome, default: 0] += 1 } }
}
