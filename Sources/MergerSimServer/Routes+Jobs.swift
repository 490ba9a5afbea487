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

    func jobPage(_ status: JobStatus, workspace: Workspace, context: WorkbenchContext) -> Page {
        let labels = self.labels(context)
        let state = labels("serve.job.state.\(status.state.rawValue)")
        let percent = status.total > 0 ? status.done * 100 / status.total : 0
        var body: HTML = """
            <section class="job" id="job" data-status="/w/\(workspace.id.text)/jobs/\(status.id).json" data-state="\(status.state.rawValue)" \
            data-result="\(resultLocation(status))" \
            data-count-template="\(labels("serve.job.count"))" data-left-template="\(labels("serve.job.left"))">
            <p><strong id="job-state">\(state)</strong></p>
            <progress id="job-progress" max="100" value="\(percent)">\(percent)%</progress>
            <p id="job-count">\(labels("serve.job.count", ["done": labels.number(Double(status.done)), "total": labels.number(Double(status.total))]))</p>
            <p id="job-left">\(status.secondsLeft.map { labels("serve.job.left", ["seconds": labels.number($0.rounded(.up))]) } ?? "")</p>
            """
        if status.state == .queued || status.state == .running {
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
            body += "<pre class=\"error\" role=\"alert\">\(message)</pre>"
        }
        if status.state == .cancelled {
            body += "<p>\(labels("serve.job.cancelled_note"))</p>"
        }
        body += "</section>"
        return Page(title: labels("serve.job.title.\(status.kind.rawValue)"), body: body, workspace: workspace,
                    step: status.kind == .simulate ? .simulate : .plan)
    }
}
