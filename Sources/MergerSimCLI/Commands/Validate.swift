import ArgumentParser
import MergerSim
import MergerSimInputs
import MergerSimReports

/// `mergersim validate SCENARIO.yaml`: read and check everything a scenario names, without running it.
struct Validate: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario and every file it names, and say what was found, without running it.",
        discussion: """
            Writes nothing.

            Example: mergersim validate scenarios/vn-2025/scenario.yaml --set transfers.scope=none
            """)

    @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @OptionGroup var overrides: OverrideOptions

    @Option(help: "The language of what it says: en or vi (default: the scenario's lang, else en).")
    var lang: Labels.Language?

    func execute(arguments: [String], console: Console) throws {
        let scenarioFile = try Scenario(path: scenario, overrides: try overrides.parsed())
        let language = lang ?? scenarioFile.language
        let inputs: ScenarioInputs
        let outcome: ScenarioRun.Outcome
        do {
            inputs = try ScenarioInputs(scenario: scenarioFile)
            outcome = try inputs.run(through: .reallocation)
            try inputs.checkMemory(runsFromFlag: false)
        } catch var error as InputError {
            // Past the scenario, its `lang:` is the language of the messages (unless `--lang` says otherwise).
            error.language = error.language ?? scenarioFile.language
            throw error
        }
        let settings = inputs.scenario.settings
        guard let reallocated = outcome.reallocation else { throw InternalError("the pipeline stopped before reallocation") }
        let plan = inputs.planFile.plan
        let memberCounts = Dictionary(plan.newUnits.flatMap { $0.members.map { ($0.code, 1) } }, uniquingKeysWith: +)
        let staff: ScenarioCheck.Staff = if let roster = inputs.roster {
            .roster(file: roster.file, people: roster.people.reduce(into: Headcount.zero) { $0[$1.category] += 1 })
        } else {
            .headcounts(inputs.units.reduce(Headcount.zero) { $0 + ($1.staff ?? .zero) })
        }
        let rules = inputs.rules.rules
        let check = ScenarioCheck(
            name: settings.name, path: scenario, rules: (rules.id, rules.title, rules.vietnameseTitle),
            rulesBefore: inputs.scenarioDefaults.first { $0.name == "rules_before" }.map { .defaulted($0) } ?? .given(inputs.rulesBefore.rules.id),
            effective: inputs.effectiveDate, effectiveDefaulted: settings.effectiveDate == nil,
            deadline: rules.deadline.date(effective: inputs.effectiveDate),
            unitsFile: inputs.unitsFile.file, units: ScenarioCheck.byKind(inputs.units), staff: staff,
            planFile: inputs.planFile.file, newUnits: plan.newUnits.count, members: memberCounts.count,
            split: memberCounts.values.filter { $0 > 1 }.count,
            after: ScenarioCheck.byKind(outcome.after.map(\.unit)), untouched: outcome.after.filter(\.merged.untouched).count,
            transfers: settings.transfers.map { ($0.scope, $0.maxKm, reallocated.transfers.peopleMoved) },
            years: inputs.run.transitionYears, runs: inputs.run.settings.runs, seed: inputs.run.settings.seed,
            envelopes: reallocated.envelopes.map { ($0.category, $0.positions) })
        let labels = try Labels(language)
        console.out(check.text(labels) + inputs.settingsNote(labels))
    }
}
