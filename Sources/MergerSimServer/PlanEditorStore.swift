import Foundation
import MergerSim
import MergerSimInputs

/// The editor's state of one workspace: its world, its history and the current plan as the library judged it.
struct PlanEditorState: Sendable {
    let world: PlanWorld
    let history: PlanHistory
    let plan: StoredPlan
    /// The current plan judged, or why the library cannot judge it (the plan as it stands shown with it).
    let judgement: Result<PlanJudgement, ScenarioRun.Failure>
}

/// Why an edit was not made; the workspace is as it was.
enum PlanEditFailure: Error {
    /// The editor refuses the change (a unit unknown, a group of one…).
    case refused(PlanEditRefusal)
    /// The library cannot apply or judge the plan the change gives (`plan`), as it says.
    case pipeline(ScenarioRun.Failure, plan: StoredPlan)
}

/// The editor of every workspace: each state read once and kept while the workspace's files are unchanged
/// (the national units take a moment to read), the few most recent only. An actor, so two edits of one
/// workspace never interleave their reading and writing of `editor.json`.
actor PlanEditors {
    /// One per process: a workspace's folder names it (every workbench has its own data folder).
    static let shared = PlanEditors()
    /// How many workspaces' states are kept.
    static let kept = 4

    private struct Entry {
        var stamp: [String]
        var state: PlanEditorState
    }

    private var entries: [String: Entry] = [:]
    private var recent: [String] = []

    /// The state of `workspace`, read again only when one of its files changed.
    func state(_ workspace: Workspace) throws -> PlanEditorState {
        let key = workspace.folder.path
        let stamp = Self.stamp(workspace)
        if let entry = entries[key], entry.stamp == stamp {
            touch(key)
            return entry.state
        }
        let history = try workspace.read(.editor).map { data throws(WorkbenchError) in
            do { return try JSONDecoder().decode(PlanHistory.self, from: data) } catch { throw .system("editor.json: \(error)") }
        }
        let world = try PlanWorld.load(workspace, rules: history?.rules)
        let state = try Self.judged(world, history ?? PlanHistory(base: StoredPlan(world.savedPlan ?? MergerPlan(newUnits: []))))
        keep(key, Entry(stamp: stamp, state: state))
        return state
    }

    /// Makes the step `make` gives from the current state, if the library can judge the plan it gives; then
    /// `editor.json` holds it. On any failure the workspace is as it was.
    func edit(_ workspace: Workspace, _ make: (PlanEditorState) throws(PlanEditRefusal) -> PlanStep) throws -> PlanEditorState {
        let state = try state(workspace)
        let step: PlanStep
        do { step = try make(state) } catch { throw PlanEditFailure.refused(error) }
        var history = state.history
        history.append(step)
        return try commit(history, world: state.world, workspace: workspace)
    }

    /// The step last made taken back (`by` -1), or the step last taken back made again (+1).
    func step(_ workspace: Workspace, by offset: Int) throws -> PlanEditorState {
        let state = try state(workspace)
        var history = state.history
        let position = history.position + offset
        guard (0...history.steps.count).contains(position) else {
            throw PlanEditFailure.refused(PlanEditRefusal(key: offset < 0 ? "serve.plan.refusal.no_undo" : "serve.plan.refusal.no_redo"))
        }
        history.position = position
        return try commit(history, world: state.world, workspace: workspace, mustJudge: false)
    }

    /// `history` judged and written; `mustJudge` refuses a plan the library cannot judge (an undo or a
    /// redo may show one, with the library's reason).
    private func commit(_ history: PlanHistory, world: PlanWorld, workspace: Workspace, mustJudge: Bool = true) throws -> PlanEditorState {
        let state = try Self.judged(world, history)
        if mustJudge, case .failure(let failure) = state.judgement { throw PlanEditFailure.pipeline(failure, plan: state.plan) }
        let data: Data
        do { data = try JSONEncoder().encode(history) } catch { throw WorkbenchError.system("editor.json: \(error)") }
        try workspace.write(data, as: .editor)
        keep(workspace.folder.path, Entry(stamp: Self.stamp(workspace), state: state))
        return state
    }

    private static func judged(_ world: PlanWorld, _ history: PlanHistory) throws(WorkbenchError) -> PlanEditorState {
        let plan = history.current
        let planned = try plan.plan()
        let judgement: Result<PlanJudgement, ScenarioRun.Failure>
        do throws(ScenarioRun.Failure) { judgement = .success(try world.judge(planned)) } catch { judgement = .failure(error) }
        return PlanEditorState(world: world, history: history, plan: plan, judgement: judgement)
    }

    /// What tells a changed file: its inode, size and modification time (an atomic write makes a new inode).
    private static func stamp(_ workspace: Workspace) -> [String] {
        [WorkspaceFile.scenario, .units, .plan, .editor].map { file in
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: workspace.url(file).path) else { return "-" }
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.stringValue ?? ""
            let size = (attributes[.size] as? NSNumber)?.stringValue ?? ""
            let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(inode):\(size):\(time)"
        }
    }

    private func keep(_ key: String, _ entry: Entry) {
        entries[key] = entry
        touch(key)
        while recent.count > Self.kept { entries[recent.removeFirst()] = nil }
    }

    private func touch(_ key: String) {
        recent.removeAll { $0 == key }
        recent.append(key)
    }
}
