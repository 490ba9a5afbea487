import Foundation
import Hummingbird
import MergerSimReports

/// A job's page (progress with the time left, a cancel button), its JSON for the page's script, and its cancel.
extension Workbench {
    func registerJobs(_ router: Router<WorkbenchContext>) {
        router.get("w/:workspace/jobs/:job") { request, context in
            let workspace = try await self.workspace(context)
            let id = context.parameters.get("job") ?? ""
            if id.hasSuffix(".json") {
                guard let status = await self.jobs.status(String(id.dropLast(5))), status.workspace == workspace.id.text else { throw WorkbenchError.notFound }
                return try self.json(status)
            }
            guard let status = await self.jobs.status(id), status.workspace == workspace.id.text else { throw WorkbenchError.notFound }
            return self.respond(self.jobPage(status, workspace: workspace, context: context), request, context)
        }
        router.post("w/:workspace/jobs/:job/cancel") { request, context in
            let workspace = try await self.workspace(context)
            _ = try await self.form(request, context)
            let id = context.parameters.get("job") ?? ""
            guard let status = await self.jobs.status(id), status.workspace == workspace.id.text else { throw WorkbenchError.notFound }
            await self.jobs.cancel(id)
            return self.redirect("/w/\(workspace.id.text)/jobs/\(id)")
        }
    }

    /// Where a finished job's result is shown.
    func resultLocation(_ status: JobStatus) -> String {
        switch status.kind {
        case .simulate: "/w/\(status.workspace)/results/\(status.output)"
        case .propose: "/w/\(status.workspace)/plan?proposal=\(status.output)"
        }
    }

    /// What a failed job's command said, its files named relative to the workspace (never the server's paths); a
    /// proposal refused for units without coordinates in the workbench's sentence, which names no command-line option
    /// (the planner cannot give one here). The CLI wrote in the page's language (the job ran with its `--lang`), so its
    /// sentence is found by its own label.
    static func shownMessage(_ message: String, workspace: Workspace, labels: Labels) -> String {
        let relative = message.replacingOccurrences(of: workspace.folder.standardizedFileURL.path + "/", with: "")
            .replacingOccurrences(of: workspace.folder.path + "/", with: "")
        guard let values = matched(labels("error.scenario.no_position"), in: relative) else { return relative }
        return labels("serve.job.no_position", values)
    }

    /// The values of `template`'s `{name}` placeholders where a sentence made from it stands in `text`; nil when none does.
    static func matched(_ template: String, in text: String) -> [String: String]? {
        var names: [String] = []
        var pattern = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.+?)"
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest))
        guard !names.isEmpty, let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        var values: [String: String] = [:]
        for (index, name) in names.enumerated() {
            guard let range = Range(match.range(at: index + 1), in: text) else { return nil }
            values[name] = String(text[range])
        }
        return values
    }

    func jobPage(_ status: JobStatus, workspace: Workspace, context: WorkbenchContext) -> Page {
        let labels = self.labels(context)
        let state = labels("serve.job.state.\(status.state.rawValue)")
        let percent = status.total > 0 ? status.done * 100 / status.total : 0
        // A job that counts nothing (a proposal, or one that ended before its first step) shows no bar and no count;
        // a simulation still waiting or running shows them for the script to fill in.
        let counted = status.total > 0 || (status.kind == .simulate && status.state.isActive)
        let hidden: HTML = counted ? "" : " hidden"
        var body: HTML = """
            <section class="job" id="job" data-status="/w/\(workspace.id.text)/jobs/\(status.id).json" data-state="\(status.state.rawValue)" \
            data-result="\(resultLocation(status))" \
            data-count-template="\(labels("serve.job.count"))" data-left-template="\(labels("serve.job.left"))">
            <p><strong id="job-state">\(state)</strong></p>
            <progress id="job-progress" max="100" value="\(percent)"\(hidden)>\(percent)%</progress>
            <p id="job-count"\(hidden)>\(labels("serve.job.count", ["done": labels.number(Double(status.done)), "total": labels.number(Double(status.total))]))</p>
            <p id="job-left">\(status.secondsLeft.map { labels("serve.job.left", ["seconds": labels.number($0.rounded(.up))]) } ?? "")</p>
            """
        if status.state.isActive {
            body += """
                <form method="post" action="/w/\(workspace.id.text)/jobs/\(status.id)/cancel">\(csrfField(context))\
                <button type="submit" id="cancel">\(labels("serve.job.cancel"))</button></form>
                <noscript><p>\(labels("serve.job.reload"))</p></noscript>
                """
        }
        if status.state == .finished {
            body += "<p><a id=\"job-result\" href=\"\(resultLocation(status))\">\(labels("serve.job.open_result"))</a></p>"
        }
        if let message = status.message {
            body += "<pre class=\"error\" role=\"alert\" id=\"job-error\">\(Self.shownMessage(message, workspace: workspace, labels: labels))</pre>"
        }
        if status.state == .cancelled {
            body += "<p>\(labels("serve.job.cancelled_note"))</p>"
        }
        body += "</section>"
        return Page(title: labels("serve.job.title.\(status.kind.rawValue)"), body: body, workspace: workspace,
                    step: status.kind == .simulate ? .simulate : .plan)
    }
}
