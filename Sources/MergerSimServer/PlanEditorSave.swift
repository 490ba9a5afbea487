import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// The plan in the plan format `mergersim simulate` reads (the README's columns), written with the writer
/// `propose` writes its plan.csv with: exactly, since it is an input (no `'` before formula-like text).
enum PlanCSV {
    static let header = ["new_code", "new_name", "new_kind", "new_type", "new_province", "member_code", "share"]

    static func data(_ plan: StoredPlan) -> Data {
        var writer = CSVWriter(header: header)
        for unit in plan.units {
            for member in unit.members {
                writer.append([unit.code, unit.name, unit.kind ?? "", unit.type ?? "", unit.province ?? "", member.code, member.share ?? ""])
            }
        }
        return writer.data
    }
}

/// Saving the plan: `plan.csv`, and `scenario.yaml` that `mergersim simulate` runs as it is — the bundled
/// scenario's own, or one generated for an uploaded units file. Both are checked by reading them back as
/// the CLI does (``ScenarioInputs``, the plan applied and judged) before anything is replaced.
struct PlanSaver {
    let workspace: Workspace
    /// A hidden name beside plan.csv for the plan being checked; renamed over plan.csv once it passes.
    static let checkName = ".plan-check.csv"

    /// The generated scenario's settings, from the save form (an uploaded units file only).
    struct Generated {
        var rules: String
        var effective: CalendarDate
    }

    /// The scenario `simulate` runs for a workspace made from an uploaded units file: surplus people may move
    /// within their province; the transition takes the command line's defaults (its seed and runs), which the
    /// simulate step's form shows and may change.
    func scenario(_ generated: Generated) -> Data {
        Data("""
            # Written by the mergersim workbench (workspace \(workspace.id.text)): the plan edited there, ready for `mergersim simulate`.
            name: workspace-\(workspace.id.text)
            rules: \(generated.rules)
            effective_date: \(generated.effective)
            units: units.csv
            plan: plan.csv
            transfers: {scope: province}

            """.utf8)
    }

    /// Writes `plan` as plan.csv and, with `generated`, its scenario.yaml; or throws the CLI's own error
    /// (an ``InputError`` naming the workspace's file names) and leaves the workspace as it was.
    func save(_ plan: StoredPlan, generated: Generated?) throws {
        let manager = FileManager.default
        let planData = PlanCSV.data(plan)
        let scenarioData: Data
        if let generated {
            scenarioData = scenario(generated)
        } else {
            guard let data = try workspace.read(.scenario) else { throw WorkbenchError.notFound }
            scenarioData = data
        }
        let scenarioPath = workspace.url(.scenario).path
        let check = workspace.folder.appendingPathComponent(Self.checkName)
        try Workspaces.atomicWrite(planData, to: check)
        defer { try? manager.removeItem(at: check) }
        do {
            let scenario = try Scenario(bytes: [UInt8](scenarioData), file: scenarioPath, overrides: [Override(path: ["plan"], value: Self.checkName)])
            // The scenario must run this workspace's own files: its units and, once saved, its plan.csv.
            let given = try Scenario(bytes: [UInt8](scenarioData), file: scenarioPath)
            guard given.path(given.settings.plan) == workspace.url(.plan).path, given.path(given.settings.units) == workspace.url(.units).path else {
                throw WorkbenchError.badRequest("serve.plan.bad.scenario_files")
            }
            let inputs = try ScenarioInputs(scenario: scenario)
            _ = try inputs.run(through: .judging)
        } catch var error as InputError {
            error.file = error.file == check.path ? WorkspaceFile.plan.rawValue : error.file == scenarioPath ? WorkspaceFile.scenario.rawValue : error.file
            throw error
        }
        let previous = try workspace.read(.plan)
        if rename(check.path, workspace.url(.plan).path) != 0 { throw WorkbenchError.system("plan.csv could not be written") }
        guard generated != nil else { return }
        do {
            try workspace.write(scenarioData, as: .scenario)
        } catch {
            // The plan goes back as it was, so a failed save leaves the workspace whole.
            if let previous { try? workspace.write(previous, as: .plan) } else { try? manager.removeItem(at: workspace.url(.plan)) }
            throw error
        }
    }
}
