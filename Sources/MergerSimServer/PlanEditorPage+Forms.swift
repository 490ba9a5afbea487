import Foundation
import Hummingbird
import MergerSim
import MergerSimInputs
import MergerSimReports

/// The plan page's forms (upload, propose, save) and a proposal's view.
extension PlanPage {
    // MARK: upload, propose, save

    func uploadSection() -> HTML {
        """
        <section id="plan-upload-section"><h2>\(labels("serve.plan.upload_title"))</h2>
        <form method="post" action="\(base)/upload" enctype="multipart/form-data" class="inline" id="plan-upload">\(csrf)
        <label>\(labels("serve.plan.upload_file")) <input type="file" name="plan" id="plan-file" accept=".csv,text/csv" required></label>
        <button type="submit" id="plan-upload-submit">\(labels("serve.plan.upload"))</button></form>
        <p class="hint">\(labels("serve.plan.upload_hint"))</p></section>
        """
    }

    func proposeSection(_ state: PlanEditorState) -> HTML {
        let rules = Workbench.ruleOptions(selected: state.world.rules.rules.id)
        var earlier = HTML.empty
        let proposals = workspace.numbered(workspace.proposals).filter {
            FileManager.default.fileExists(atPath: workspace.proposals.appendingPathComponent(String($0)).appendingPathComponent("plan.csv").path)
        }
        if !proposals.isEmpty {
            earlier = "<p>\(labels("serve.plan.proposals")) " + HTML.join(proposals.map { n -> HTML in
                "<a id=\"proposal-\(n)\" href=\"\(base)?proposal=\(n)\">\(labels("serve.plan.proposal_number", ["number": String(n)]))</a>"
            }, separator: ", ") + "</p>"
        }
        let running = jobs.first { $0.kind == .propose && $0.state.isActive }
        let job: HTML = running.map { "<p class=\"notice\"><a id=\"propose-job\" href=\"/w/\(workspace.id.text)/jobs/\($0.id)\">\(labels("serve.plan.propose_running"))</a></p>" } ?? ""
        return """
            <section id="plan-propose-section"><h2>\(labels("serve.plan.propose_title"))</h2>\(job)
            <form method="post" action="\(base)/propose" enctype="multipart/form-data" class="stack" id="propose-form">\(csrf)
            <fieldset><legend>\(labels("serve.plan.mode"))</legend>
            <label><input type="radio" name="mode" value="mandatory" id="mode-mandatory" checked> \(labels("serve.plan.mode.mandatory"))</label>
            <label><input type="radio" name="mode" value="targets" id="mode-targets"> \(labels("serve.plan.mode.targets"))</label>
            <label>\(labels("serve.plan.targets_file")) <input type="file" name="targets" id="propose-targets" accept=".csv,text/csv"></label>
            <p class="hint">\(labels("serve.plan.targets_hint"))</p></fieldset>
            <label>\(labels("serve.plan.rules")) <select name="rules" id="propose-rules">\(rules)</select></label>
            <label>\(labels("serve.plan.seed")) <input type="number" name="seed" id="propose-seed" value="42" min="0" required></label>
            <button type="submit" id="propose-submit">\(labels("serve.plan.propose"))</button></form>\(earlier)</section>
            """
    }

    func saveSection(_ state: PlanEditorState) -> HTML {
        var fields = HTML.empty
        if workspace.info.bundled == nil {
            let rules = Workbench.ruleOptions(selected: state.world.rules.rules.id)
            fields = """
                <label>\(labels("serve.plan.rules")) <select name="rules" id="save-rules">\(rules)</select></label>
                <label>\(labels("serve.plan.effective")) <input type="date" name="effective_date" id="save-effective" required value="\(state.world.template.settings.effectiveDate.description)"></label>
                """
        }
        let hint = workspace.info.bundled == nil ? "serve.plan.save_hint_generated" : "serve.plan.save_hint_bundled"
        return """
            <section id="plan-save-section"><h2>\(labels("serve.plan.save_title"))</h2>
            <form method="post" action="\(base)/save" class="inline" id="save-form">\(csrf)\(fields)
            <button type="submit" id="save-submit">\(labels("serve.plan.save"))</button></form>
            <p class="hint">\(labels(hint))</p></section>
            """
    }

    // MARK: a proposal

    func proposalSection(_ number: Int, state: PlanEditorState) -> HTML {
        var html: HTML = "<section id=\"proposal-view\"><h2>\(labels("serve.plan.proposal_title", ["number": String(number)]))</h2>"
        switch proposal {
        case .success(let judgement):
            let merged = judgement.after.filter { !$0.merged.untouched }
            let outcomes = merged.reduce(into: [StandardsOutcome: Int]()) { $0[$1.outcome, default: 0] += 1 }
            html += "<p>\(labels("serve.plan.proposal_counts", ["new": self.number(merged.count), "members": self.number(merged.reduce(0) { $0 + $1.merged.memberCount }), "after": self.number(judgement.after.count), "meets": self.number(outcomes[.meets] ?? 0), "waived": self.number(outcomes[.waived] ?? 0), "exception": self.number(outcomes[.needsException] ?? 0), "below": self.number(outcomes[.below] ?? 0)]))</p>"
            html += table(HTML.join(merged.prefix(PlanView.pageRows).map { row($0, state: state) }), id: "proposal-units")
            if merged.count > PlanView.pageRows { html += "<p class=\"hint\">\(labels("serve.plan.proposal_more", ["shown": self.number(PlanView.pageRows), "count": self.number(merged.count)]))</p>" }
            html += """
                <p><a id="proposal-report" href="\(base)/proposals/\(number)/report.html">\(labels("serve.plan.proposal_report"))</a></p>
                <form method="post" action="\(base)/take" id="take-form">\(csrf)<input type="hidden" name="proposal" value="\(number)">
                <button type="submit" id="take-proposal">\(labels("serve.plan.take"))</button></form>
                """
        case .failure(let error) where error.reason == .noPlanRows:
            // propose found no unit that must merge: nothing to take.
            html += "<p class=\"notice\" id=\"proposal-empty\">\(labels("serve.plan.proposal_empty"))</p>"
        case .failure(let error):
            html += "<pre class=\"error\" role=\"alert\">\(error.text(labels))</pre>"
        case nil:
            break
        }
        return html + "</section>"
    }
}
