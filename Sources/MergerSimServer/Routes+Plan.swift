import Foundation
import Hummingbird
import MergerSim
import MergerSimInputs
import MergerSimReports

/// The plan step: the current plan judged by the library, its edits (group, move, split, undo, redo), a
/// plan file uploaded, a proposal run and taken, and the plan saved for `mergersim simulate`.
extension Workbench {
    func registerPlan(_ router: Router<WorkbenchContext>) {
        router.get("w/:workspace/plan") { request, context in
            let workspace = try await self.workspace(context)
            return self.respond(try await self.planPage(workspace, context, query: request.uri.query ?? ""), request, context)
        }
        router.get("w/:workspace/plan/map.json") { request, context in
            try await self.planMap(try await self.workspace(context), request, context)
        }
        router.get("w/:workspace/plan/proposals/:number/report.html") { _, context in
            let workspace = try await self.workspace(context)
            let folder = try self.proposalFolder(workspace, context.parameters.get("number"))
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("report.html").path) else { throw WorkbenchError.notFound }
            return self.report(data)
        }
        router.post("w/:workspace/plan/upload") { request, context in try await self.uploadPlan(request, context) }
        router.post("w/:workspace/plan/group") { request, context in
            try await self.planEdit(request, context) { form, state throws(PlanEditRefusal) in
                let codes = form.values("code") + (form["codes"] ?? "").split(separator: ",").map { String($0) }
                // The table's ticks and the map's selection (which the map's script keeps equal to the ticks too), each code once.
                var seen = Set<String>()
                let trimmed = codes.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
                return try PlanEditor(units: state.world.units, plan: state.plan).group(trimmed, name: try Self.unitName(form["name"]))
            }
        }
        router.post("w/:workspace/plan/move") { request, context in
            try await self.planEdit(request, context) { form, state throws(PlanEditRefusal) in
                guard let code = form["code"], !code.isEmpty, let target = form["target"]?.trimmingCharacters(in: .whitespaces), !target.isEmpty else {
                    throw PlanEditRefusal(key: "serve.plan.refusal.move_fields")
                }
                return try PlanEditor(units: state.world.units, plan: state.plan).move(code, to: target)
            }
        }
        router.post("w/:workspace/plan/split") { request, context in
            try await self.planEdit(request, context) { form, state throws(PlanEditRefusal) in
                guard let group = form["group"], !group.isEmpty else { throw PlanEditRefusal(key: "serve.plan.refusal.split_fields") }
                switch form["members"] {
                case "all": return try PlanEditor(units: state.world.units, plan: state.plan).split(group, codes: [])
                case "chosen":
                    guard !form.values("code").isEmpty else { throw PlanEditRefusal(key: "serve.plan.refusal.split_none") }
                    return try PlanEditor(units: state.world.units, plan: state.plan).split(group, codes: form.values("code"))
                default: throw PlanEditRefusal(key: "serve.plan.refusal.split_fields")
                }
            }
        }
        router.post("w/:workspace/plan/undo") { request, context in try await self.planHistoryStep(request, context, by: -1) }
        router.post("w/:workspace/plan/redo") { request, context in try await self.planHistoryStep(request, context, by: 1) }
        router.post("w/:workspace/plan/propose") { request, context in
            let workspace = try await self.workspace(context)
            return try await self.exclusively(workspace) { try await self.propose(request, context) }
        }
        router.post("w/:workspace/plan/take") { request, context in try await self.takeProposal(request, context) }
        router.post("w/:workspace/plan/save") { request, context in
            let workspace = try await self.workspace(context)
            return try await self.exclusively(workspace) { try await self.savePlan(request, context) }
        }
    }

    // MARK: the page

    /// The plan page for `query`; `problem` (a refusal, the CLI's error) is shown at its top with `status`.
    func planPage(_ workspace: Workspace, _ context: WorkbenchContext, query: String, problem: String? = nil,
                  status: HTTPResponse.Status = .ok) async throws -> Page {
        let labels = self.labels(context)
        var state: PlanEditorState?
        var shown = problem
        do {
            state = try await PlanEditors.shared.state(workspace)
        } catch let error as InputError {
            shown = [problem, error.text(labels)].compactMap { $0 }.joined(separator: "\n")
        }
        let view = try PlanView.read(query, state: state, workspace: workspace)
        var page = PlanPage(workspace: workspace, state: state, view: view, labels: labels, csrf: csrfField(context), problem: shown)
        if let number = view.proposal, let state { page.proposal = proposalJudgement(workspace, number, world: state.world) }
        page.jobs = await jobs.jobs(of: workspace.id)
        return page.page(status: status)
    }

    /// The query that shows the page again after a POST: the province it was sent from, checked.
    private func returnQuery(_ form: Form, _ state: PlanEditorState) throws(WorkbenchError) -> String {
        guard let province = form["province"], !province.isEmpty else { return "" }
        guard state.world.provinces.contains(province) else { throw .badRequest("serve.plan.bad.province") }
        return "province=" + QueryText.escaped(province)
    }

    private func location(_ workspace: Workspace, _ query: String, unit: String?, anchor: String) -> String {
        let parts = [query.isEmpty ? nil : query, unit.map { "unit=" + QueryText.escaped($0) }].compactMap { $0 }
        return "/w/\(workspace.id.text)/plan" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&")) + anchor
    }

    // MARK: edits

    /// An edit: the form read (its CSRF token checked), the step `make` gives made by the editor, then the
    /// page of the unit it changed; a refusal or the library's failure is shown on the page (422), nothing changed.
    private func planEdit(_ request: Request, _ context: WorkbenchContext,
                          _ make: @escaping @Sendable (Form, PlanEditorState) throws(PlanEditRefusal) -> PlanStep) async throws -> Response {
        let workspace = try await self.workspace(context)
        let form = try await self.form(request, context)
        let before = try await PlanEditors.shared.state(workspace)
        let back = try returnQuery(form, before)
        do {
            let state = try await PlanEditors.shared.edit(workspace) { state throws(PlanEditRefusal) in try make(form, state) }
            return redirect(location(workspace, back, unit: state.history.last?.affected.first, anchor: "#plan-changed"))
        } catch let failure as PlanEditFailure {
            return try await refused(failure, workspace, request, context, query: back)
        }
    }

    private func planHistoryStep(_ request: Request, _ context: WorkbenchContext, by offset: Int) async throws -> Response {
        let workspace = try await self.workspace(context)
        _ = try await self.form(request, context)
        do {
            let state = try await PlanEditors.shared.step(workspace, by: offset)
            let unit = (offset > 0 ? state.history.last : nil)?.affected.first
            return redirect(location(workspace, "", unit: unit, anchor: "#plan-summary"))
        } catch let failure as PlanEditFailure {
            return try await refused(failure, workspace, request, context, query: "")
        }
    }

    private func refused(_ failure: PlanEditFailure, _ workspace: Workspace, _ request: Request, _ context: WorkbenchContext,
                         query: String, planFile: PlanFile? = nil) async throws -> Response {
        let labels = self.labels(context)
        let text: String
        switch failure {
        case .refused(let refusal): text = labels(refusal.key, refusal.values)
        case .pipeline(let failure, let plan):
            let world = try await PlanEditors.shared.state(workspace).world
            text = planFile.map { world.located(failure, in: $0).text(labels) } ?? world.text(failure, plan: plan, labels: labels)
        }
        return respond(try await planPage(workspace, context, query: query, problem: text, status: .unprocessableContent), request, context)
    }

    /// A new unit's name from the group form: none (the largest member's), or at most 200 characters without control characters.
    static func unitName(_ text: String?) throws(PlanEditRefusal) -> String? {
        let name = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return nil }
        guard name.count <= 200, !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw PlanEditRefusal(key: "serve.plan.refusal.name")
        }
        return name
    }

    // MARK: upload, take, save

    /// A plan file: read as the CLI reads it, then applied to the workspace's units and judged; a problem is
    /// shown at its line and column of the uploaded file, in the page's language.
    private func uploadPlan(_ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let workspace = try await self.workspace(context)
        let form = try await self.form(request, context, uploads: true)
        let labels = self.labels(context)
        guard let upload = form.uploads["plan"], !upload.content.isEmpty else {
            return respond(try await planPage(workspace, context, query: "", problem: labels("serve.plan.refusal.no_file"), status: .badRequest), request, context)
        }
        try checkRows(upload.content)
        let shown = Self.shownName(upload.filename, default: WorkspaceFile.plan.rawValue)
        let planFile: PlanFile
        do throws(InputError) {
            planFile = try PlanFile(bytes: [UInt8](upload.content), file: shown)
        } catch {
            return respond(try await planPage(workspace, context, query: "", problem: error.text(labels), status: .unprocessableContent), request, context)
        }
        return try await replacePlan(planFile, kind: .uploaded(file: shown), workspace, request, context)
    }

    /// `planFile`'s plan as the current plan (one step of the history), or the library's refusal located in it.
    private func replacePlan(_ planFile: PlanFile, kind: PlanStepKind, _ workspace: Workspace, _ request: Request,
                             _ context: WorkbenchContext) async throws -> Response {
        let whole = StoredPlan(planFile.plan)
        do {
            _ = try await PlanEditors.shared.edit(workspace) { _ in PlanStep(kind: kind, whole: whole) }
            return redirect(location(workspace, "", unit: nil, anchor: "#plan-summary"))
        } catch let failure as PlanEditFailure {
            return try await refused(failure, workspace, request, context, query: "", planFile: planFile)
        }
    }

    private func takeProposal(_ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let workspace = try await self.workspace(context)
        let form = try await self.form(request, context)
        let folder = try proposalFolder(workspace, form["proposal"])
        guard let number = Int(folder.lastPathComponent) else { throw WorkbenchError.notFound }
        do {
            let planFile = try PlanFile(bytes: try FileInput.read(folder.appendingPathComponent("plan.csv").path), file: "proposals/\(number)/plan.csv")
            return try await replacePlan(planFile, kind: .proposal(number: number), workspace, request, context)
        } catch let error as InputError {
            return respond(try await planPage(workspace, context, query: "", problem: error.text(labels(context)), status: .unprocessableContent), request, context)
        }
    }

    /// The folder of proposal `text`: a number of an existing folder under the workspace's proposals, else 404.
    func proposalFolder(_ workspace: Workspace, _ text: String?) throws(WorkbenchError) -> URL {
        guard let text, let number = Int(text), String(number) == text, workspace.numbered(workspace.proposals).contains(number) else {
            throw .notFound
        }
        return workspace.proposals.appendingPathComponent(String(number))
    }

    /// A proposal's plan.csv judged with the workspace's units and rule set, as the plan itself is.
    func proposalJudgement(_ workspace: Workspace, _ number: Int, world: PlanWorld) -> Result<PlanJudgement, InputError> {
        let path = workspace.proposals.appendingPathComponent(String(number)).appendingPathComponent("plan.csv").path
        do throws(InputError) {
            let planFile = try PlanFile(bytes: try FileInput.read(path), file: "proposals/\(number)/plan.csv")
            do throws(ScenarioRun.Failure) { return .success(try world.judge(planFile.plan)) } catch { return .failure(world.located(error, in: planFile)) }
        } catch {
            return .failure(error)
        }
    }

    private func savePlan(_ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let workspace = try await self.workspace(context)
        let form = try await self.form(request, context)
        let labels = self.labels(context)
        let state = try await PlanEditors.shared.state(workspace)
        func problem(_ text: String) async throws -> Response {
            respond(try await planPage(workspace, context, query: "", problem: text, status: .unprocessableContent), request, context)
        }
        guard !state.plan.units.isEmpty else { return try await problem(labels("serve.plan.refusal.empty_plan")) }
        var generated: PlanSaver.Generated?
        if workspace.info.bundled == nil {
            guard let rules = form["rules"], (try RuleSetLoader.bundledIDs).contains(rules) else { return try await problem(labels("serve.plan.refusal.rules")) }
            guard let text = form["effective_date"], let date = CalendarDate(iso: text) else { return try await problem(labels("serve.plan.refusal.date")) }
            generated = PlanSaver.Generated(rules: rules, effective: date)
        }
        do {
            try PlanSaver(workspace: workspace).save(state.plan, generated: generated)
        } catch let error as InputError {
            return try await problem(error.text(labels))
        }
        return redirect("/w/\(workspace.id.text)/plan?saved=1#plan-saved")
    }

    // MARK: the map

    /// Every unit with a position, coloured by the outcome of the unit after it went into (`g`), for `/assets/map.js`.
    private func planMap(_ workspace: Workspace, _ request: Request, _ context: WorkbenchContext) async throws -> Response {
        let labels = self.labels(context)
        let state = try await PlanEditors.shared.state(workspace)
        let query = try Form.urlEncoded(request.uri.query ?? "")
        let province = query["province"].flatMap { $0.isEmpty ? nil : $0 }
        if let province, !state.world.provinces.contains(province) { throw WorkbenchError.badRequest("serve.plan.bad.province") }
        let judgement: PlanJudgement? = if case .success(let judged) = state.judgement { judged } else { nil }
        var points: [MapPoint] = []
        for unit in state.world.units where province.map({ unit.province == $0 }) ?? true {
            guard let location = unit.location else { continue }
            let after = judgement?.unitAfter[unit.code]
            let kind = after.flatMap { judgement?[code: $0] }.map { Self.mapKind($0.outcome) } ?? "none"
            points.append(MapPoint(c: unit.code, n: unit.name, p: unit.province, lat: location.latitude, lon: location.longitude, k: kind, g: after))
        }
        let legend = ["ok", "warn", "fail", "none"].reduce(into: [String: String]()) { $0[$1] = labels("serve.plan.legend.\($1)") }
        return try json(MapData(points: points, legend: legend))
    }

    static func mapKind(_ outcome: StandardsOutcome) -> String {
        switch outcome {
        case .meets: "ok"
        case .waived, .needsException: "warn"
        case .below: "fail"
        }
    }
}
