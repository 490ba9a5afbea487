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

    func execute(arguments: [String], console: Console) throws {
        let inputs = try ScenarioInputs(scenario: try Scenario(path: scenario, overrides: try overrides.parsed()))
        let settings = inputs.scenario.settings
        let outcome = try inputs.run(through: .reallocation)
        let after = outcome.after
        guard let reallocated = outcome.reallocation else { throw InternalError("the pipeline stopped before reallocation") }
        let plan = inputs.planFile.plan
        let memberCounts = Dictionary(plan.newUnits.flatMap { $0.members.map { ($0.code, 1) } }, uniquingKeysWith: +)
        func kinds(_ units: [AdministrativeUnit]) -> String {
            UnitKind.allCases.compactMap { kind in
                let n = units.filter { $0.kind == kind }.count
                return n == 0 ? nil : "\(ReportFormat.grouped(n)) \(kind.rawValue)"
            }.joined(separator: ", ")
        }
        var lines = ["Scenario \(settings.name) (\(scenario))"]
        lines.append("  rules: \(inputs.rules.rules.id), \(inputs.rules.rules.title)")
        let rulesBeforeDefault = inputs.scenarioDefaults.first { $0.name == "rules_before" }
        lines.append("  rules before: " + (rulesBeforeDefault.map { "default \($0.value)" } ?? inputs.rulesBefore.rules.id))
        let deadline = inputs.rules.rules.deadline.date(effective: inputs.effectiveDate)
        lines.append("  effective \(inputs.effectiveDate)\(settings.effectiveDate == nil ? " (default: the rule set's in_force.from)" : ""); "
                     + "back within quota by \(deadline?.description ?? "?")")
        lines.append("  units: \(inputs.unitsFile.file): \(ReportFormat.grouped(inputs.units.count)) (\(kinds(inputs.units)))")
        if let roster = inputs.roster {
            let byCategory = StaffCategory.allCases.map { c in "\(ReportFormat.grouped(roster.people.filter { $0.category == c }.count)) \(c.plainName)" }
            lines.append("  staff: \(roster.file): \(ReportFormat.grouped(roster.people.count)) people (" + byCategory.joined(separator: ", ") + "), agreeing with the units file")
        } else {
            let total = inputs.units.reduce(Headcount.zero) { $0 + ($1.staff ?? .zero) }
            lines.append("  staff: headcounts of the units file: " + StaffCategory.allCases.map { "\(ReportFormat.grouped(total[$0])) \($0.plainName)" }.joined(separator: ", "))
        }
        lines.append("  plan: \(inputs.planFile.file): \(ReportFormat.grouped(plan.newUnits.count)) new units from "
                     + "\(ReportFormat.grouped(memberCounts.count)) members (\(ReportFormat.grouped(memberCounts.values.filter { $0 > 1 }.count)) split)")
        lines.append("  after: \(ReportFormat.grouped(after.count)) units (\(kinds(after.map(\.unit)))); "
                     + "\(ReportFormat.grouped(after.filter(\.merged.untouched).count)) untouched")
        lines.append("  checks: people, area and staff conserved; every member's shares sum to 1; rules apply to every unit")
        if let transfers = settings.transfers {
            lines.append("  transfers: scope \(transfers.scope)\(transfers.maxKm.map { ", at most \($0) km" } ?? ""); "
                         + "\(ReportFormat.grouped(reallocated.transfers.peopleMoved)) people would move")
        }
        try inputs.checkMemory(runsFromFlag: false)
        lines.append("  transition: \(inputs.run.transitionYears) years × \(ReportFormat.grouped(inputs.run.settings.runs)) runs, "
                     + "seed \(inputs.run.settings.seed), within this machine's memory")
        for envelope in reallocated.envelopes {
            lines.append("  envelope \(envelope.category.rawValue): \(ReportFormat.grouped(envelope.positions)) positions, feasible")
        }
        lines.append("The scenario is valid." + inputs.settingsNote(try Labels(.en)))
        console.out(lines.joined(separator: "\n"))
    }
}
