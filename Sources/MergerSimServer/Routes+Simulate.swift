import Foundation
import Hummingbird
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// The simulate step: the scenario's settings as a form; a posted form checked as `mergersim simulate` checks its
/// command line, then run as that command (a child process, its progress on the job page).
extension Workbench {
    func registerSimulate(_ router: Router<WorkbenchContext>) {
        router.get("w/:workspace/simulate") { request, context in
            let workspace = try await self.workspace(context)
            return self.respond(await self.simulatePage(workspace, context: context), request, context)
        }
        router.post("w/:workspace/simulate") { request, context in
            let workspace = try await self.workspace(context)
            let form = try await self.form(request, context)
            let labels = self.labels(context)
            // No plan yet, or a scenario the CLI cannot read: the page says which, as a GET does.
            let refused = { await self.simulatePage(workspace, context: context, status: .unprocessableContent) }
            guard workspace.has(.scenario), workspace.has(.plan) else { return self.respond(await refused(), request, context) }
            let path = workspace.url(.scenario).path
            let settings: RunSettings
            do throws(InputError) { settings = try RunSettings(scenario: path) } catch { return self.respond(await refused(), request, context) }
            let changes = settings.changes(form)
            var check = await offloaded { RunSettings.check(changes, scenario: path, in: workspace.folder, labels: labels, typed: form) }
            if check.isValid, !workspace.has(.store) {
                // The store is made before the first run (the CLI would make it as it starts), so a cancelled or failed
                // first run leaves the workspace as it was when the run was asked for.
                do throws(InputError) { _ = try RunStore(path: workspace.url(.store).path, waiting: { _ in }) } catch {
                    check.general.append(RunSettings.shown(error, in: workspace.folder, labels: labels))
                }
            }
            guard check.isValid else {
                let page = await self.simulatePage(workspace, context: context, posted: form, check: check, status: .unprocessableContent)
                return self.respond(page, request, context)
            }
            // The command line a planner would type: the report in the page's language, the workbook, the run stored.
            let sets = check.overrides.flatMap { ["--set", $0.description] }
            let language = context.language.rawValue, runs = workspace.runs, store = workspace.url(.store).path
            // The store's runs before this one: the run the job adds is the one after them (a workspace's jobs run one at a time).
            let before = (try? RunStore(reading: store, waiting: { _ in }).runIDs().max()) ?? 0
            let status = try await self.jobs.submit(.simulate, workspace: workspace, folder: runs, arguments: { number in
                ["simulate", path, "--out", runs.appendingPathComponent(String(number)).path, "--store", store, "--xlsx", "--lang", language, "--quiet"] + sets
            }, finished: { status in RunIndex.record(folder: status.output, storedAfter: before, in: workspace) })
            return self.redirect("/w/\(workspace.id.text)/jobs/\(status.id)")
        }
    }

    /// The form with the scenario's values (or, after a refused post, the posted ones beside their problems).
    func simulatePage(_ workspace: Workspace, context: WorkbenchContext, posted: Form? = nil, check: RunCheck = RunCheck(),
                      status: HTTPResponse.Status = .ok) async -> Page {
        let labels = self.labels(context)
        let title = labels("serve.run.title")
        let id = workspace.id.text
        guard workspace.has(.scenario), workspace.has(.plan) else {
            let body: HTML = "<p class=\"notice\" id=\"simulate-needs-plan\">\(labels("serve.run.needs_plan")) <a id=\"simulate-plan-link\" href=\"/w/\(id)/plan\">\(labels("serve.run.to_plan"))</a></p>"
            return Page(title: title, body: body, workspace: workspace, step: .simulate, status: status)
        }
        let settings: RunSettings
        do throws(InputError) {
            settings = try RunSettings(scenario: workspace.url(.scenario).path)
        } catch {
            let body: HTML = "<pre class=\"error\" role=\"alert\" id=\"simulate-errors\">\(RunSettings.shown(error, in: workspace.folder, labels: labels))</pre><p><a href=\"/w/\(id)/plan\">\(labels("serve.run.to_plan"))</a></p>"
            return Page(title: title, body: body, workspace: workspace, step: .simulate, status: .unprocessableContent)
        }
        var body = HTML.empty
        if let job = await jobs.jobs(of: workspace.id).first(where: { $0.kind == .simulate && $0.state.isActive }) {
            body += "<p class=\"notice\">\(labels("serve.run.job_running")) <a id=\"simulate-job\" href=\"/w/\(id)/jobs/\(job.id)\">\(labels("serve.run.job_open"))</a></p>"
        }
        if !check.general.isEmpty || !check.byField.isEmpty {
            let summary = labels("serve.run.problems", ["count": labels.number(Double(check.general.count + check.byField.count))])
            body += "<div class=\"error\" role=\"alert\" id=\"simulate-errors\"><p>\(summary)</p>\(HTML.join(check.general.map { "<pre>\($0)</pre>" }))</div>"
        }
        /// A refused post's values as typed; else the scenario's, as the page's language writes them (01/11/2024, 0,5).
        func value(_ setting: RunSetting) -> String { posted?[setting.key] ?? settings.values[setting].map { setting.shown($0, labels: labels) } ?? "" }
        func field(_ setting: RunSetting, _ control: HTML) -> HTML {
            let error: HTML = check.byField[setting].map { "<pre class=\"error\" role=\"alert\" id=\"\(setting.elementID)-error\">\($0)</pre>" } ?? .empty
            return """
                <label for="\(setting.elementID)">\(labels(setting.labelKey))</label>\(control)\
                <span class="hint" id="\(setting.elementID)-hint">\(labels(setting.labelKey + "_hint"))</span>\(error)
                """
        }
        /// The field's hint, and its problem when it has one, read with it by a screen reader.
        func described(_ setting: RunSetting) -> HTML {
            guard check.byField[setting] != nil else { return " aria-describedby=\"\(setting.elementID)-hint\"" }
            return " aria-describedby=\"\(setting.elementID)-hint \(setting.elementID)-error\" aria-invalid=\"true\""
        }
        func input(_ setting: RunSetting, type: String = "text", extra: HTML = .empty) -> HTML {
            field(setting, "<input id=\"\(setting.elementID)\" name=\"\(setting.key)\" type=\"\(type)\" value=\"\(value(setting))\"\(extra)\(described(setting))>")
        }
        func select(_ setting: RunSetting, _ options: [(value: String, text: String)]) -> HTML {
            let current = value(setting)
            let items = HTML.join(options.map { option -> HTML in
                let selected: HTML = option.value == current ? " selected" : ""
                return "<option value=\"\(option.value)\"\(selected)>\(option.text)</option>"
            })
            return field(setting, "<select id=\"\(setting.elementID)\" name=\"\(setting.key)\"\(described(setting))>\(items)</select>")
        }
        var ruleSets = settings.ruleSets.map { (value: $0, text: $0) }
        if let current = settings.values[.rules], !settings.ruleSets.contains(current) { ruleSets.insert((current, current), at: 0) }
        let scopes = ["none", "district", "province", "radius"].map { (value: $0, text: labels("serve.run.scope.\($0)")) }
        let yesNo = [(value: "false", text: labels("serve.run.no")), (value: "true", text: labels("serve.run.yes"))]
        let pool = [(value: "", text: labels("serve.run.pool.rules", ["state": labels(settings.pooledByRules ? "serve.run.pool.state_on" : "serve.run.pool.state_off")])),
                    (value: "true", text: labels("serve.run.pool.on")), (value: "false", text: labels("serve.run.pool.off"))]
        body += """
            <form method="post" action="/w/\(id)/simulate" class="stack" id="simulate-form" novalidate>
            \(csrfField(context))
            <p class="hint">\(labels("serve.run.intro"))</p>
            <fieldset><legend>\(labels("serve.run.legend.rules"))</legend>
            \(select(.rules, ruleSets))
            \(input(.effectiveDate, extra: " placeholder=\"\(labels("serve.run.field.effective_date_placeholder"))\" inputmode=\"numeric\""))
            \(select(.pooledQuota, pool))
            </fieldset>
            <fieldset><legend>\(labels("serve.run.legend.transfers"))</legend>
            \(select(.scope, scopes))
            \(input(.maxKm, extra: " inputmode=\"decimal\""))
            \(select(.crossCategory, yesNo))
            </fieldset>
            <fieldset><legend>\(labels("serve.run.legend.transition"))</legend>
            \(input(.runs, extra: " inputmode=\"numeric\""))
            \(input(.precision, extra: " inputmode=\"decimal\""))
            \(input(.seed, extra: " inputmode=\"numeric\""))
            \(input(.earlyRetirementUptake, extra: " inputmode=\"decimal\""))
            \(input(.resignationUptake, extra: " inputmode=\"decimal\""))
            </fieldset>
            <p class="hint">\(labels("serve.run.outputs"))</p>
            <button type="submit" id="simulate-submit">\(labels("serve.run.submit"))</button>
            </form>
            """
        return Page(title: title, body: body, workspace: workspace, step: .simulate, status: status)
    }
}
