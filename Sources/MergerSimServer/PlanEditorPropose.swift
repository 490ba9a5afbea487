import Foundation
import Hummingbird
import MergerSim
import MergerSimInputs
import MergerSimReports

/// Running `mergersim propose` on the workspace's units as a job: the form's mode, rule set and seed checked
/// here, a target-mode targets file read as the command reads it before it is kept (as `targets.csv`).
extension Workbench {
    /// The targets file of the target mode, under this fixed name in the workspace.
    static let targetsName = "targets.csv"

    func propose(_ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let workspace = try await self.workspace(context)
        let form = try await self.form(request, context, uploads: true)
        let labels = self.labels(context)
        func problem(_ text: String) async throws -> Response {
            respond(try await planPage(workspace, context, query: "", problem: text, status: .unprocessableContent), request, context)
        }
        guard let mode = form["mode"], ["mandatory", "targets"].contains(mode) else { return try await problem(labels("serve.plan.refusal.mode")) }
        guard let rules = form["rules"], (try RuleSetLoader.bundledIDs).contains(rules) else { return try await problem(labels("serve.plan.refusal.rules")) }
        guard let seedText = form["seed"]?.trimmingCharacters(in: .whitespaces), let seed = UInt64(seedText) else {
            return try await problem(labels("serve.plan.refusal.seed"))
        }
        var arguments = ["propose", workspace.url(.units).path, "--rules", rules, "--seed", String(seed), "--lang", context.language.rawValue]
        if mode == "targets" {
            guard let upload = form.uploads["targets"], !upload.content.isEmpty else { return try await problem(labels("serve.plan.refusal.targets_missing")) }
            try checkRows(upload.content)
            let state = try await PlanEditors.shared.state(workspace)
            do {
                try keepTargets(upload, workspace: workspace, units: state.world.units)
            } catch let error as InputError {
                return try await problem(error.text(labels))
            }
            arguments += ["--targets", workspace.folder.appendingPathComponent(Self.targetsName).path]
        }
        let fixed = arguments
        let status = try await jobs.submit(.propose, workspace: workspace, folder: workspace.proposals) { n in
            fixed + ["--out", workspace.proposals.appendingPathComponent(String(n)).path]
        }
        return redirect("/w/\(workspace.id.text)/jobs/\(status.id)")
    }

    /// The uploaded targets, read by the reader `propose` uses (a problem at its line, under the browser's
    /// file name), then put in place of `targets.csv`; on a problem the workspace is as it was.
    private func keepTargets(_ upload: Form.Upload, workspace: Workspace, units: [AdministrativeUnit]) throws {
        let target = workspace.folder.appendingPathComponent(Self.targetsName)
        let check = workspace.folder.appendingPathComponent(".\(Self.targetsName).check")
        try Workspaces.atomicWrite(upload.content, to: check)
        defer { try? FileManager.default.removeItem(at: check) }
        do {
            _ = try ProposalInputs.targets(check.path, provinces: Set(units.map(\.province)), units: units)
        } catch {
            var located = error
            located.file = Self.shownName(upload.filename, default: Self.targetsName)
            throw located
        }
        if rename(check.path, target.path) != 0 { throw WorkbenchError.system("\(Self.targetsName) could not be written") }
    }
}
