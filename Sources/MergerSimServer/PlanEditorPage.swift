import Foundation
import Hummingbird
import MergerSim
import MergerSimInputs
import MergerSimReports

/// What a GET of the plan page asks to see, read from its query and checked: a province and an outcome to
/// filter by, the pages of the two tables, a unit after to look into, a proposal to look at.
struct PlanView: Sendable {
    var province: String?
    var outcome: StandardsOutcome?
    var page = 1
    var unitsPage = 1
    var unit: String?
    var proposal: Int?
    var saved = false

    /// Rows of the units-after table on a page, and of the units table of a province.
    static let pageRows = 100
    static let unitRows = 200

    /// The view the query asks for; a value that is not one of the workspace's (a province, a unit, a
    /// proposal) or not a number in range is a bad request, never a default.
    static func read(_ query: String, state: PlanEditorState?, workspace: Workspace) throws(WorkbenchError) -> PlanView {
        let form = try Form.urlEncoded(query)
        var view = PlanView()
        if let province = form["province"], !province.isEmpty {
            guard state?.world.provinces.contains(province) ?? false else { throw .badRequest("serve.plan.bad.province") }
            view.province = province
        }
        if let outcome = form["outcome"], !outcome.isEmpty {
            guard let value = StandardsOutcome(rawValue: outcome) else { throw .badRequest("serve.plan.bad.outcome") }
            view.outcome = value
        }
        view.page = try number(form["page"]) ?? 1
        view.unitsPage = try number(form["upage"]) ?? 1
        if let unit = form["unit"], !unit.isEmpty {
            guard case .success(let judgement) = state?.judgement, judgement[code: unit] != nil else { throw .notFound }
            view.unit = unit
        }
        if let text = form["proposal"], !text.isEmpty {
            guard let number = try number(text), workspace.numbered(workspace.proposals).contains(number) else { throw .notFound }
            view.proposal = number
        }
        view.saved = form["saved"] == "1"
        return view
    }

    private static func number(_ text: String?) throws(WorkbenchError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text), (1...1_000_000).contains(value) else { throw .badRequest("serve.plan.bad.page") }
        return value
    }

    /// The query of this view with `changes` made (nil removes a key), for a link.
    func query(_ changes: [String: String?] = [:]) -> String {
        var pairs: [(String, String?)] = [("province", province), ("outcome", outcome?.rawValue), ("page", page > 1 ? String(page) : nil),
                                          ("upage", unitsPage > 1 ? String(unitsPage) : nil), ("unit", unit)]
        for (key, value) in changes {
            if let index = pairs.firstIndex(where: { $0.0 == key }) { pairs[index].1 = value } else { pairs.append((key, value)) }
        }
        let present = pairs.compactMap { pair in pair.1.map { "\(pair.0)=\(QueryText.escaped($0))" } }
        return present.isEmpty ? "" : "?" + present.joined(separator: "&")
    }


}

/// The plan page: the current plan as the library judged it, the last change and why, the units after
/// (filtered, a page at a time), a unit after's members with the move and split forms, a province's units
/// with the group form and the map, and the upload, propose and save forms.
struct PlanPage {
    let workspace: Workspace
    let state: PlanEditorState?
    let view: PlanView
    let labels: Labels
    let csrf: HTML
    /// Why the editor or the library refused the last request, or why the workspace cannot be read.
    var problem: String?
    /// The proposal looked at: its plan judged, or why it cannot be.
    var proposal: Result<PlanJudgement, InputError>?
    var jobs: [JobStatus] = []

    var base: String { "/w/\(workspace.id.text)/plan" }

    func page(status: HTTPResponse.Status = .ok) -> Page {
        var body = HTML.empty
        if let problem { body += "<pre class=\"error\" role=\"alert\" id=\"plan-error\">\(problem)</pre>" }
        if view.saved { body += "<p class=\"notice\" role=\"status\" id=\"plan-saved\">\(labels("serve.plan.saved"))</p>" }
        if let state {
            if let number = view.proposal { body += proposalSection(number, state: state) }
            body += summary(state)
            if case .success(let judgement) = state.judgement {
                body += lastChange(state, judgement)
                if let code = view.unit, let result = judgement[code: code] { body += detail(result, state: state, judgement: judgement) }
                body += unitsAfter(state, judgement)
                body += provinceUnits(state, judgement)
            }
            body += saveSection(state)
        }
        body += uploadSection()
        if let state { body += proposeSection(state) }
        return Page(title: labels("serve.plan.title"), body: body, workspace: workspace, step: .plan, status: status)
    }

    // MARK: the current plan

    private func summary(_ state: PlanEditorState) -> HTML {
        let history = state.history
        var html: HTML = "<section id=\"plan-summary\"><h2>\(labels("serve.plan.current"))</h2>"
        let members = Set(state.plan.units.flatMap { $0.members.map(\.code) }).count
        html += "<p>\(labels("serve.plan.counts", ["new": number(state.plan.units.count), "members": number(members), "units": number(state.world.units.count)]))</p>"
        switch state.judgement {
        case .success(let judgement):
            let outcomes = judgement.outcomes
            html += "<p id=\"plan-outcomes\">\(labels("serve.plan.outcomes", ["after": number(judgement.after.count), "meets": number(outcomes[.meets] ?? 0), "waived": number(outcomes[.waived] ?? 0), "exception": number(outcomes[.needsException] ?? 0), "below": number(outcomes[.below] ?? 0)]))</p>"
        case .failure(let failure):
            html += "<pre class=\"error\" role=\"alert\" id=\"plan-unjudged\">\(state.world.text(failure, plan: state.plan, labels: labels))</pre>"
        }
        let rulesKey = state.world.fromScenario ? "serve.plan.rules_scenario" : "serve.plan.rules_chosen"
        html += "<p class=\"hint\">\(labels(rulesKey, ["rules": state.world.rules.rules.id, "date": labels.date(state.world.template.settings.effectiveDate)]))</p>"
        html += "<div class=\"inline\">"
        html += historyButton("undo", enabled: history.canUndo)
        html += historyButton("redo", enabled: history.canRedo)
        let place = history.steps.isEmpty ? labels("serve.plan.history_none")
            : labels("serve.plan.history", ["position": number(history.position), "steps": number(history.steps.count)])
        html += "<p class=\"hint\" id=\"plan-history\">\(place)</p></div>"
        return html + "</section>"
    }

    private func historyButton(_ action: String, enabled: Bool) -> HTML {
        let disabled: HTML = enabled ? "" : " disabled"
        return "<form method=\"post\" action=\"\(base)/\(action)\">\(csrf)<button type=\"submit\" class=\"secondary\" id=\"plan-\(action)\"\(disabled)>\(labels("serve.plan.\(action)"))</button></form>"
    }

    /// The last step and every unit after it changed, judged, with why.
    private func lastChange(_ state: PlanEditorState, _ judgement: PlanJudgement) -> HTML {
        guard let step = state.history.last else { return .empty }
        let rows = step.affected.prefix(PlanView.pageRows).compactMap { judgement[code: $0] }.map { row($0, state: state) }
        var html: HTML = "<section id=\"plan-changed\"><h2>\(labels("serve.plan.last_change"))</h2><p>\(describe(step.kind))</p>"
        if !rows.isEmpty { html += table(HTML.join(rows), id: "plan-changed-units") }
        return html + "</section>"
    }

    func describe(_ kind: PlanStepKind) -> String {
        switch kind {
        case .uploaded(let file): labels("serve.plan.step.uploaded", ["file": file])
        case .proposal(let number): labels("serve.plan.step.proposal", ["number": String(number)])
        case .grouped(let code, let members): labels("serve.plan.step.grouped", ["code": code, "members": number(members)])
        case .moved(let code, let target): labels("serve.plan.step.moved", ["code": code, "target": target])
        case .split(let group, let members): labels("serve.plan.step.split", ["group": group, "members": number(members)])
        }
    }

    // MARK: the units after

    private func unitsAfter(_ state: PlanEditorState, _ judgement: PlanJudgement) -> HTML {
        let shown = judgement.after.filter { result in
            (view.province.map { result.unit.province == $0 } ?? true) && (view.outcome.map { result.outcome == $0 } ?? true)
        }
        let pages = max(1, (shown.count + PlanView.pageRows - 1) / PlanView.pageRows)
        let page = min(view.page, pages)
        let rows = shown[((page - 1) * PlanView.pageRows)..<min(shown.count, page * PlanView.pageRows)].map { row($0, state: state) }
        var html: HTML = "<section id=\"plan-units-after-section\"><h2>\(labels("serve.plan.units_after"))</h2>\(filterForm(state))"
        html += "<p>\(labels("serve.plan.shown", ["shown": number(shown.count), "page": number(page), "pages": number(pages)]))</p>"
        html += table(HTML.join(rows), id: "plan-units-after")
        html += pager(page: page, pages: pages, key: "page", id: "units-after")
        return html + "</section>"
    }

    private func filterForm(_ state: PlanEditorState) -> HTML {
        let provinces = HTML.join(state.world.provinces.map { name -> HTML in
            "<option value=\"\(name)\"\(name == view.province ? " selected" : "" as HTML)>\(name)</option>"
        })
        let outcomes = HTML.join(StandardsOutcome.allCases.map { outcome -> HTML in
            "<option value=\"\(outcome.rawValue)\"\(outcome == view.outcome ? " selected" : "" as HTML)>\(labels("serve.plan.outcome.\(outcome.rawValue)"))</option>"
        })
        return """
            <form method="get" action="\(base)" class="inline" id="plan-filter">
            <label>\(labels("serve.plan.province")) <select name="province" id="plan-province"><option value="">\(labels("serve.plan.all_provinces"))</option>\(provinces)</select></label>
            <label>\(labels("serve.plan.outcome")) <select name="outcome" id="plan-outcome"><option value="">\(labels("serve.plan.all_outcomes"))</option>\(outcomes)</select></label>
            <button type="submit" id="plan-filter-submit">\(labels("serve.plan.filter"))</button></form>
            """
    }

    func table(_ rows: HTML, id: String) -> HTML {
        let headers = ["code", "name", "members", "area", "population", "outcome", "type", "quota", "staff", "surplus", "why"]
        let head = HTML.join(headers.map { key -> HTML in "<th>\(labels("serve.plan.col.\(key)"))</th>" })
        return "<table class=\"data\" id=\"\(id)\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>"
    }

    /// One unit after as the library judged it: its figures against what it must reach, its outcome,
    /// type, quota, staff and surplus, and why (the reason in words, as the report gives it).
    func row(_ result: UnitAfterResult, state: PlanEditorState) -> HTML {
        let unit = result.unit
        let link = base + view.query(["unit": unit.code])
        let members: HTML = result.merged.untouched ? "\(labels("serve.plan.untouched"))" : "\(number(result.merged.memberCount))"
        return """
            <tr data-code="\(unit.code)"><td><a href="\(link)#plan-detail">\(unit.code)</a></td><td>\(unit.name)</td><td class="num">\(members)</td>\
            <td class="num">\(figure(unit.area.doubleValue, decimals: 2, required: result.requiredAreaKm2, meets: result.meetsArea))</td>\
            <td class="num">\(figure(Double(unit.population), decimals: 0, required: result.requiredPopulation, meets: result.meetsPopulation))</td>\
            <td class="\(Self.verdictClass(result.outcome))">\(labels("serve.plan.outcome.\(result.outcome.rawValue)"))</td>\
            <td>\(labels("serve.plan.type", ["type": result.classification.type.rawValue]))</td>\
            <td class="num">\(triple(result.quota.posts))</td><td class="num">\(unit.staff.map(triple) ?? "")</td>\
            <td class="num">\(result.surplus.map(triple) ?? "")</td><td>\(why(result, state: state))</td></tr>
            """
    }

    private func figure(_ value: Double, decimals: Int, required: Double, meets: Bool) -> HTML {
        let mark: HTML = meets ? "" : " <span class=\"verdict-fail\">\(labels("serve.plan.short"))</span>"
        return "\(labels.number(value, decimals: decimals))<br><span class=\"hint\">\(labels("serve.plan.required", ["value": labels.number(required, decimals: decimals)]))</span>\(mark)"
    }

    /// Cadres · civil servants · non-professional workers.
    /// A count with the language's separators.
    func number(_ value: Int) -> String { labels.number(Double(value)) }

    private func triple(_ counts: Headcount) -> HTML {
        "\(StaffCategory.allCases.map { number(counts[$0]) }.joined(separator: " · "))"
    }

    func why(_ result: UnitAfterResult, state: PlanEditorState) -> String {
        StandardsNote(result.standardsReason, citations: state.world.rules.rules.citations).text(labels)
    }

    static func verdictClass(_ outcome: StandardsOutcome) -> String { "verdict-" + Workbench.mapKind(outcome) }

    private func pager(page: Int, pages: Int, key: String, id: String) -> HTML {
        guard pages > 1 else { return .empty }
        var html: HTML = "<nav class=\"inline\" aria-label=\"\(labels("serve.plan.pages"))\">"
        if page > 1 { html += "<a id=\"\(id)-prev\" href=\"\(base + view.query([key: String(page - 1)]))\">\(labels("serve.plan.previous"))</a>" }
        if page < pages { html += "<a id=\"\(id)-next\" href=\"\(base + view.query([key: String(page + 1)]))\">\(labels("serve.plan.next"))</a>" }
        return html + "</nav>"
    }

    // MARK: one unit after: its members, move and split

    private func detail(_ result: UnitAfterResult, state: PlanEditorState, judgement: PlanJudgement) -> HTML {
        let unit = result.unit
        var html: HTML = "<section id=\"plan-detail\"><h2>\(labels("serve.plan.detail", ["code": unit.code, "name": unit.name]))</h2>"
        html += "<p class=\"\(Self.verdictClass(result.outcome))\"><strong>\(labels("serve.plan.outcome.\(result.outcome.rawValue)"))</strong>: \(why(result, state: state))</p>"
        html += "<p>\(labels("serve.plan.detail_figures", ["area": labels.number(unit.area.doubleValue, decimals: 2), "required_area": labels.number(result.requiredAreaKm2, decimals: 2), "population": number(unit.population), "required_population": labels.number(result.requiredPopulation), "type": result.classification.type.rawValue, "rules": result.quota.rules.joined(separator: ", ")]))</p>"
        let grouped = !result.merged.untouched
        var rows = HTML.empty
        for contribution in result.merged.contributions {
            let member = state.world.unitIndex[contribution.code].map { state.world.units[$0] }
            let share = contribution.share.millionths == FixedDecimal.scale ? "" : labels.percent(contribution.share.doubleValue)
            let pick: HTML = grouped ? "<td><input type=\"checkbox\" name=\"code\" value=\"\(contribution.code)\" id=\"split-\(contribution.code)\" aria-label=\"\(contribution.code)\"></td>" : ""
            rows += "<tr>\(pick)<td>\(contribution.code)</td><td>\(member?.name ?? "")</td><td class=\"num\">\(share)</td><td class=\"num\">\(labels.number(contribution.area.doubleValue, decimals: 2))</td><td class=\"num\">\(number(contribution.population))</td></tr>"
        }
        let pickHead: HTML = grouped ? "<th>\(labels("serve.plan.col.pick"))</th>" : ""
        let members: HTML = """
            <table class="data" id="plan-members"><thead><tr>\(pickHead)<th>\(labels("serve.plan.col.code"))</th><th>\(labels("serve.plan.col.name"))</th>\
            <th>\(labels("serve.plan.col.share"))</th><th>\(labels("serve.plan.col.area"))</th><th>\(labels("serve.plan.col.population"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        if grouped {
            html += """
                <form method="post" action="\(base)/split" id="split-form">\(csrf)
                <input type="hidden" name="group" value="\(unit.code)">\(returnField)
                \(members)
                <div class="inline"><button type="submit" name="members" value="chosen" id="split-chosen">\(labels("serve.plan.split_chosen"))</button>
                <button type="submit" name="members" value="all" class="secondary" id="split-all">\(labels("serve.plan.split_all"))</button></div>
                <p class="hint">\(labels("serve.plan.split_hint"))</p></form>
                """
        } else {
            html += members
        }
        // The units after of the same province are the targets offered (a datalist; any code of a unit after is taken).
        let targets = judgement.after.lazy.filter { $0.unit.province == unit.province && $0.unit.code != unit.code }.prefix(400)
        let options = HTML.join(targets.map { target -> HTML in "<option value=\"\(target.unit.code)\">\(target.unit.name)</option>" })
        let choices = HTML.join(result.merged.contributions.map { c -> HTML in "<option value=\"\(c.code)\">\(c.code)</option>" })
        html += """
            <form method="post" action="\(base)/move" class="inline" id="move-form">\(csrf)\(returnField)
            <label>\(labels("serve.plan.move_unit")) <select name="code" id="move-code">\(choices)</select></label>
            <label>\(labels("serve.plan.move_target")) <input name="target" id="move-target" list="move-targets" required maxlength="64"></label>
            <datalist id="move-targets">\(options)</datalist>
            <button type="submit" id="move-submit">\(labels("serve.plan.move"))</button></form>
            """
        return html + "</section>"
    }

    /// The province the page shows, posted back so the page after a change shows it again.
    private var returnField: HTML {
        view.province.map { "<input type=\"hidden\" name=\"province\" value=\"\($0)\">" } ?? .empty
    }

    // MARK: a province's units, the map and the group form

    private func provinceUnits(_ state: PlanEditorState, _ judgement: PlanJudgement) -> HTML {
        var html: HTML = "<section id=\"plan-group-section\"><h2>\(labels("serve.plan.group_title"))</h2><p class=\"hint\">\(labels("serve.plan.group_hint"))</p>"
        let points = "\(base)/map.json" + (view.province.map { "?province=\(QueryText.escaped($0))" } ?? "")
        let focus: HTML = view.province.map { " data-focus=\"\($0)\"" } ?? ""
        let legend = HTML.join(["ok", "warn", "fail", "none"].map { kind -> HTML in "<li class=\"verdict-\(kind)\">\(labels("serve.plan.legend.\(kind)"))</li>" })
        html += """
            <div class="map-frame"><canvas class="map" id="plan-map" width="900" height="560" data-points="\(points)"\(focus) \
            data-select-into="map-selection" aria-label="\(labels("serve.plan.group_title"))"></canvas><div class="map-tip" id="plan-map-tip" hidden></div></div>
            <ul class="legend">\(legend)</ul>
            """
        html += """
            <form method="post" action="\(base)/group" id="group-form">\(csrf)\(returnField)
            <input type="hidden" id="map-selection" name="codes" value="">
            <p class="hint">\(labels("serve.plan.map_selected")) <span id="map-selection-count">0</span></p>
            <div class="inline"><label>\(labels("serve.plan.group_name")) <input name="name" id="group-name" maxlength="200"></label>
            <button type="submit" id="group-submit">\(labels("serve.plan.group"))</button></div>
            """
        if let province = view.province {
            let units = state.world.units.filter { $0.province == province }
            let pages = max(1, (units.count + PlanView.unitRows - 1) / PlanView.unitRows)
            let page = min(view.unitsPage, pages)
            var rows = HTML.empty
            for unit in units[((page - 1) * PlanView.unitRows)..<min(units.count, page * PlanView.unitRows)] {
                let after = judgement.unitAfter[unit.code].flatMap { judgement[code: $0] }
                let now = after.map { "\($0.unit.code) \($0.unit.name)" } ?? ""
                let verdict: HTML = after.map { "<span class=\"\(Self.verdictClass($0.outcome))\">\(labels("serve.plan.outcome.\($0.outcome.rawValue)"))</span>" } ?? ""
                rows += """
                    <tr><td><input type="checkbox" name="code" value="\(unit.code)" id="pick-\(unit.code)" aria-label="\(unit.code) \(unit.name)"></td>\
                    <td>\(unit.code)</td><td>\(unit.name)</td><td class="num">\(labels.number(unit.area.doubleValue, decimals: 2))</td>\
                    <td class="num">\(number(unit.population))</td><td>\(now)</td><td>\(verdict)</td></tr>
                    """
            }
            html += """
                <table class="data" id="plan-units"><thead><tr><th>\(labels("serve.plan.col.pick"))</th><th>\(labels("serve.plan.col.code"))</th>\
                <th>\(labels("serve.plan.col.name"))</th><th>\(labels("serve.plan.col.area"))</th><th>\(labels("serve.plan.col.population"))</th>\
                <th>\(labels("serve.plan.col.unit_after"))</th><th>\(labels("serve.plan.col.outcome"))</th></tr></thead><tbody>\(rows)</tbody></table>
                """
            html += "</form>" + pager(page: page, pages: pages, key: "upage", id: "units")
        } else {
            html += "<p class=\"hint\">\(labels("serve.plan.choose_province"))</p></form>"
        }
        return html + "</section>"
    }
}
