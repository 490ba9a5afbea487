import ArgumentParser
import MergerSim
import MergerSimIO

/// `mergersim simulate SCENARIO.yaml`: apply a merger plan, judge the new units, report surplus.
struct Simulate: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a merger scenario: apply the plan, judge the units after it, share envelopes, move surplus staff.",
        discussion: "Writes screening.csv, units_after.csv, transfers.csv, summary.csv and manifest.json to the output folder.")

    @Argument(help: "The scenario file (YAML; see the README).")
    var scenario: String

    @Option(help: "The output folder (default: output/<scenario name>).")
    var out: String?

    @Option(help: "The seed of every random draw (default: the scenario's transition seed, else 42).")
    var seed: UInt64?

    @Option(help: "Monte Carlo replications (default: the scenario's, else 1000).")
    var runs: Int?

    @Flag(help: "No progress bar.")
    var quiet = false

    func validate() throws {
        if let runs, !(1...Limits.maxRuns).contains(runs) {
            throw ValidationError("--runs must be from 1 to \(ReportFormat.grouped(Limits.maxRuns))")
        }
    }

    func execute(arguments: [String], console: Console) throws {
        let scenarioFile = try Scenario(path: scenario)
        let destination = try OutputFolder(out ?? "output/\(scenarioFile.settings.name)", option: out == nil ? "the scenario's name" : "--out")
        let inputs = try ScenarioInputs(scenario: scenarioFile)
        let settings = inputs.scenario.settings
        let judged = try inputs.judge()
        let reallocated = try inputs.reallocate(judged)
        let (round, before, after) = (judged.round, judged.before, reallocated.after)
        let deadline = inputs.rules.rules.deadline.date(effective: inputs.effectiveDate)
        let resolvedSeed = seed ?? settings.transition?.seed ?? 42
        let resolvedRuns = runs ?? settings.transition?.runs ?? 1_000
        try inputs.checkMemory(after: reallocated, runs: resolvedRuns, runsFromFlag: runs != nil)
        let (model, syntheticRoster) = try inputs.transitionModel(reallocated, outcome: judged.outcome, seed: resolvedSeed)
        let progress = ProgressBar(total: resolvedRuns, enabled: !quiet && console.isTerminal, console: console)
        let transition: TransitionSummary
        do {
            let replications = try model.simulate(runs: resolvedRuns, seed: resolvedSeed, progress: { progress.update($0) })
            progress.finish()
            transition = try TransitionSummary(replications, years: model.years, units: after.count, deadlineYears: inputs.deadlineYears)
        } catch {
            throw InternalError("the transition failed in GSL: \(error)")
        }
        let funds = inputs.allowanceFunds(after)
        let summary = SimulationSummary(before: before, after: after, deadline: deadline, deadlines: inputs.deadlines,
                                        allowanceFund: funds.map { $0.reduce(0, +) }, reallocation: reallocated,
                                        transition: (transition, model.years, resolvedRuns))
        let folder = destination.given
        var defaults = inputs.scenarioDefaults
        defaults += ScreeningDefaults.applied(before, ruleSet: inputs.rulesBefore.rules, rulesGiven: settings.rulesBefore ?? settings.rules, roundGiven: nil)
            .map { entry in var entry = entry; entry.name = "before." + entry.name; return entry }
        defaults += ScreeningDefaults.afterDefaults(after, ruleSet: inputs.rules.rules, scenario: inputs.scenario)
        defaults += inputs.rosterDefaults
        if syntheticRoster {
            defaults.append(.init(name: "roster", value: "synthetic (rule set synthetic_roster, seed \(resolvedSeed))",
                                  rule: inputs.rules.rules.transition.syntheticRoster.rule, status: inputs.rules.rules.transition.syntheticRoster.status,
                                  units: after.count))
        }
        if settings.transition?.years == nil { defaults.append(.init(name: "transition.years", value: String(model.years))) }
        if seed == nil, settings.transition?.seed == nil { defaults.append(.init(name: "seed", value: "42")) }
        if runs == nil, settings.transition?.runs == nil { defaults.append(.init(name: "runs", value: "1000")) }
        let files = ["screening.csv", "units_after.csv", "transfers.csv", "timeline.csv", "summary.csv", "manifest.json"]
        var manifest = RunManifest(command: ["mergersim"] + arguments, rules: inputs.rules, round: round.round, seed: resolvedSeed,
                                   runs: resolvedRuns, inputs: inputs.inputs, defaults: defaults, outputs: files)
        manifest.scenario = settings.name
        manifest.rulesBefore = .init(inputs.rulesBefore)
        manifest.effectiveDate = inputs.effectiveDate.description
        try destination.write([
            ("screening.csv", ScreeningReport.csv(before)),
            ("units_after.csv", UnitsAfterReport.csv(after, transfers: reallocated.transfers, transition: transition, allowanceFund: funds)),
            ("timeline.csv", TimelineReport.csv(transition, effective: inputs.effectiveDate)),
            ("transfers.csv", TransfersReport.csv(reallocated.transfers, names: Dictionary(after.map { ($0.unit.code, $0.unit.name) }, uniquingKeysWith: { a, _ in a }))),
            ("summary.csv", summary.csv), ("manifest.json", manifest.json),
        ])
        console.out(summary.text(scenario: settings.name, rules: inputs.rules.rules))
        console.out("\nWrote \(folder)/: " + files.joined(separator: ", "))
    }
}
