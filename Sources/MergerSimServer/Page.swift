import Foundation
import Hummingbird
import MergerSimReports

/// The pages' words in both languages, loaded once at start (the `serve*.json` label tables and the rest).
public struct Translations: Sendable {
    public let en: Labels
    public let vi: Labels

    public init() throws(InternalErrorBox) {
        do {
            en = try Labels(.en)
            vi = try Labels(.vi)
        } catch {
            throw InternalErrorBox(message: error.message)
        }
    }

    public subscript(_ language: Labels.Language) -> Labels { language == .vi ? vi : en }
}

/// An internal error of the server's own making (a label table missing from the install).
public struct InternalErrorBox: Error, Sendable { public let message: String }

/// The steps of the planner's path, in the order of the navigation bar.
public enum Step: String, Sendable, CaseIterable {
    case units, plan, simulate, results, compare
}

/// One page of the workbench: the shared frame (title, language switch, the steps of a workspace) around `body`.
public struct Page: Sendable {
    public var title: String
    public var body: HTML
    /// The workspace the page belongs to, for the steps bar; nil on the start page.
    public var workspace: Workspace?
    public var step: Step?
    public var status: HTTPResponse.Status = .ok

    public init(title: String, body: HTML, workspace: Workspace? = nil, step: Step? = nil, status: HTTPResponse.Status = .ok) {
        self.title = title
        self.body = body
        self.workspace = workspace
        self.step = step
        self.status = status
    }

    /// The whole document in the context's language; `path` is the page's own address (its query kept), which the
    /// language link repeats.
    public func document(_ labels: Labels, path: String) -> HTML {
        let other: Labels.Language = labels.language == .vi ? .en : .vi
        var steps = HTML.empty
        if let workspace {
            let items = Step.allCases.map { step -> HTML in
                let current: HTML = step == self.step ? " aria-current=\"page\"" : ""
                return "<li><a href=\"/w/\(workspace.id.text)/\(step.rawValue)\"\(current)>\(labels("serve.step.\(step.rawValue)"))</a></li>"
            }
            steps = "<nav class=\"steps\" aria-label=\"\(labels("serve.steps"))\"><span class=\"workspace-name\">\(workspace.info.name)</span><ol>\(HTML.join(items))</ol></nav>"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(labels.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · mergersim</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/assets/workbench.css">
            <script src="/assets/workbench.js" defer></script>
            <script src="/assets/table.js" defer></script>
            <script src="/assets/map.js" defer></script>
            </head>
            <body>
            <header class="top"><a class="brand" href="/">mergersim</a>
            <span class="tagline">\(labels("serve.tagline"))</span>
            <a class="language" href="\(path + (path.contains("?") ? "&" : "?"))lang=\(other.rawValue)" hreflang="\(other.rawValue)">\(labels("serve.language.\(other.rawValue)"))</a></header>
            \(steps)
            <main>
            <h1>\(title)</h1>
            \(body)
            </main>
            <footer>\(labels("serve.footer"))</footer>
            </body>
            </html>
            """
    }

    /// The page as a response.
    public func response(_ context: WorkbenchContext, translations: Translations, path: String) -> Response {
        let html = document(translations[context.language], path: path)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html.markup)))
    }
}

/// A hidden field with the session's CSRF token; every form that posts carries one.
public func csrfField(_ context: WorkbenchContext) -> HTML {
    "<input type=\"hidden\" name=\"csrf\" value=\"\(context.session.csrf)\">"
}

/// The error pages: a status and a sentence in the context's language, nothing of the server's internals.
enum ErrorPage {
    static func response(_ error: WorkbenchError, context: WorkbenchContext, translations: Translations, sentence: String? = nil) -> Response {
        let labels = translations[context.language]
        let status: HTTPResponse.Status
        let key: String
        var values: [String: String] = [:]
        switch error {
        case .foreignDataFolder(let path, _): (status, key) = (.internalServerError, "serve.error.foreign_data"); values["path"] = path
        case .notFound: (status, key) = (.notFound, "serve.error.not_found")
        case .forbidden: (status, key) = (.forbidden, "serve.error.forbidden")
        case .tooLarge(let limit): (status, key) = (.contentTooLarge, "serve.error.too_large"); values["limit"] = "\(limit / (1024 * 1024)) MiB"
        case .tooManyRows(let limit): (status, key) = (.contentTooLarge, "serve.error.too_many_rows"); values["limit"] = labels.number(Double(limit))
        case .badRequest(let reason): (status, key) = (.badRequest, reason)
        case .busy: (status, key) = (.serviceUnavailable, "serve.error.busy")
        case .tooManyWorkspaces(let limit): (status, key) = (.serviceUnavailable, "serve.error.too_many_workspaces"); values["limit"] = labels.number(Double(limit))
        case .workspaceBusy: (status, key) = (.conflict, "serve.error.workspace_busy")
        case .unusable(let error): (status, key) = (.unprocessableContent, "serve.error.unusable"); values["sentence"] = error.text(labels)
        case .internalFailure: (status, key) = (.internalServerError, "serve.error.internal")
        case .system(let message): (status, key) = (.internalServerError, "serve.error.system"); values["message"] = message
        }
        let body: HTML = "<p class=\"error\" role=\"alert\">\(labels(sentence ?? key, values))</p><p><a href=\"/\">\(labels("serve.error.home"))</a></p>"
        var response = Page(title: labels("serve.error.title.\(status.code)"), body: body, status: status).response(context, translations: translations, path: "/")
        if status == .serviceUnavailable { response.headers[.retryAfter] = "10" }
        return response
    }
}
