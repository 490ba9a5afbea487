import Foundation
import Hummingbird
import MergerSim
import MergerSimInputs
import MergerSimReports

/// The results step: the workspace's runs from its run store, one run's headline figures, report and files, and the
/// files themselves (only those its manifest lists, each with its type).
extension Workbench {
    func registerResults(_ router: Router<WorkbenchContext>) {
        router.get("w/:workspace/results") { request, context in
            let workspace = try await self.workspace(context)
            return self.respond(try self.resultsPage(workspace, context: context, page: request.uri.queryParameters["page"].flatMap { Int(String($0)) } ?? 1),
                                request, context)
        }
        router.get("w/:workspace/results/:run") { request, context in
            let workspace = try await self.workspace(context)
            let labels = self.labels(context)
            let catalog = try self.catalog(workspace, labels: labels)
            guard let entry = Self.runNumber(context).flatMap(catalog.entry) else { throw WorkbenchError.notFound }
            return self.respond(try self.runPage(entry, catalog: catalog, context: context), request, context)
        }
        router.get("w/:workspace/results/:run/files/:name") { _, context in
            let workspace = try await self.workspace(context)
            // Only the run's own folder and manifest are read: a download does not open the store.
            guard let number = Self.runNumber(context), workspace.numbered(workspace.runs).contains(number),
                  let manifest = RunFolderManifest.read(workspace.runs.appendingPathComponent(String(number))),
                  let name = context.parameters.get("name"), manifest.outputs.contains(name), RunFile.isPlain(name) else {
                throw WorkbenchError.notFound
            }
            let path = workspace.runs.appendingPathComponent(String(number)).appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else { throw WorkbenchError.notFound }
            let body = try await FileIO().loadFile(path: path, context: context)
            var response = Response(status: .ok, headers: [.contentType: RunFile.contentType(name)], body: body)
            if name == "report.html" {
                // The CLI's own report, framed by the run page: its inline styles and data images, nothing else.
                response.headers[.contentSecurityPolicy] = GuardMiddleware.reportPolicy
            } else {
                response.headers[.contentDisposition] = "attachment; filename=\"run-\(number)-\(name)\""
            }
            return response
        }
    }

    /// The workspace's runs, or the CLI's sentence about a store it cannot read (shown as a 500 page).
    func catalog(_ workspace: Workspace, labels: Labels) throws(WorkbenchError) -> RunCatalog {
        do throws(InputError) { return try RunCatalog(workspace) } catch {
            throw .system(RunSettings.shown(error, in: workspace.folder, labels: labels))
        }
    }

    /// The number the `:run` parameter gives, written plainly (`1`, not `01` or `+1`).
    static func runNumber(_ context: WorkbenchContext) -> Int? {
        guard let text = context.parameters.get("run"), let number = Int(text), String(number) == text else { return nil }
        return number
    }

    /// Every run, newest first, a page of them at a time, each selectable for the comparison.
    func resultsPage(_ workspace: Workspace, context: WorkbenchContext, page: Int) throws(WorkbenchError) -> Page {
        let labels = self.labels(context)
        let catalog = try catalog(workspace, labels: labels)
        let body: HTML
        if catalog.entries.isEmpty {
            body = "<p id=\"results-none\">\(labels("serve.results.none")) <a href=\"/w/\(workspace.id.text)/simulate\">\(labels("serve.results.to_simulate"))</a></p>"
        } else {
            body = try runsForm(catalog, labels: labels, checked: [], page: page, action: "/w/\(workspace.id.text)/compare")
        }
        return Page(title: labels("serve.results.title"), body: body, workspace: workspace, step: .results)
    }

    /// The runs as a table of checkboxes in a GET form to the comparison (the results list and the compare page).
    func runsForm(_ catalog: RunCatalog, labels: Labels, checked: Set<Int>, page: Int, action: String, changed: Bool = false) throws(WorkbenchError) -> HTML {
        let perPage = 100
        let newestFirst = Array(catalog.entries.reversed())
        let pages = max(1, (newestFirst.count + perPage - 1) / perPage)
        let current = min(max(page, 1), pages)
        let shown = newestFirst[((current - 1) * perPage)..<min(newestFirst.count, current * perPage)]
        let id = catalog.workspace.id.text
        let headings = [labels("serve.results.col.pick"), labels("serve.results.col.run"), labels("serve.results.col.settings")]
            + RunFigures.headline.map { RunFigures.name($0, labels: labels) }
        var rows = HTML.empty
        for entry in shown {
            let figures = try RunFigures(entry.summary)
            var cells: HTML
            if let number = entry.number {
                let isChecked: HTML = checked.contains(number) ? " checked" : ""
                cells = """
                    <td><input type="checkbox" name="run" value="\(number)" id="pick-run-\(number)"\(isChecked) \
                    aria-label="\(labels("serve.results.pick", ["number": String(number)]))"></td>\
                    <td><a id="open-run-\(number)" href="/w/\(id)/results/\(number)">\(labels("serve.results.run_name", ["number": String(number)]))</a></td>
                    """
            } else {
                cells = "<td></td><td>\(labels("serve.results.no_folder", ["id": entry.stored.map { String($0.id) } ?? ""]))</td>"
            }
            cells += "<td>\(RunFigures.settings(entry, labels: labels))</td>"
            cells += HTML.join(RunFigures.headline.map { metric -> HTML in
                "<td class=\"num\" data-metric=\"\(metric.name)\" data-value=\"\(figures.raw(metric) ?? "")\">\(figures.text(metric, labels: labels))</td>"
            })
            rows += "<tr id=\"run-\(entry.number.map(String.init) ?? "stored-\(entry.stored?.id ?? 0)")\">\(cells)</tr>"
        }
        var pager = HTML.empty
        if pages > 1 {
            pager = "<nav class=\"inline\" aria-label=\"\(labels("serve.results.pages"))\">" + HTML.join((1...pages).map { n -> HTML in
                n == current ? "<span aria-current=\"page\">\(n)</span>" : "<a href=\"?page=\(n)\">\(n)</a>"
            }) + "</nav>"
        }
        let changedBox: HTML = changed ? " checked" : ""
        return """
            <form method="get" action="\(action)" id="compare-form">
            <table class="data" id="runs"><thead><tr>\(HTML.join(headings.map { "<th>\($0)</th>" }))</tr></thead><tbody>\(rows)</tbody></table>
            \(pager)
            <p class="inline"><label class="inline"><input type="checkbox" name="changed" value="1" id="compare-changed"\(changedBox)> \
            \(labels("serve.compare.changed_only"))</label>
            <button type="submit" id="compare-submit">\(labels("serve.compare.submit"))</button></p>
            <p class="hint">\(labels("serve.compare.hint"))</p>
            </form>
            """
    }

    /// One run: its settings and headline figures (from the store, or the files the command wrote), the CLI's report,
    /// where the plan exhibit is, and every file the run wrote.
    func runPage(_ entry: RunCatalog.Entry, catalog: RunCatalog, context: WorkbenchContext) throws(WorkbenchError) -> Page {
        let labels = self.labels(context)
        guard let number = entry.number, let manifest = entry.manifest else { throw .notFound }
        let base = "/w/\(catalog.workspace.id.text)/results/\(number)"
        let compared: ComparedRun
        let comparison: Comparison
        do {
            compared = try catalog.compared(number, labels: labels)
            comparison = try Comparison([compared])
        } catch let error as InputError {
            throw .system(RunSettings.shown(error, in: catalog.workspace.folder, labels: labels))
        } catch {
            throw .system("\(error)")
        }
        let figures = try RunFigures(compared.summary)
        let headline = HTML.join(RunFigures.headline.map { metric -> HTML in
            "<tr><th scope=\"row\">\(RunFigures.name(metric, labels: labels))</th><td class=\"num\" data-metric=\"\(metric.name)\" data-value=\"\(figures.raw(metric) ?? "")\">\(figures.text(metric, labels: labels))</td></tr>"
        })
        // The replications' means as `compare` writes them (one run: no difference column), named in the workbench's words.
        let means = HTML.join(comparison.rows.compactMap { row -> HTML? in
            guard case .replicationMean(let metric) = row.subject else { return nil }
            let cells = comparison.cells(row, labels)
            return "<tr><th scope=\"row\">\(labels("serve.results.mean.\(metric.name)"))</th><td class=\"num\" data-metric=\"\(row.metric)\">\(cells.count > 1 ? cells[1] : "")</td></tr>"
        })
        let downloads = HTML.join(manifest.outputs.filter(RunFile.isPlain).map { name -> HTML in
            "<li><a id=\"\(RunFile.downloadID(name))\" href=\"\(base)/files/\(name)\"\(name == "report.html" ? "" : " download")>\(name)</a> <span class=\"hint\">\(labels("serve.results.file.\(RunFile.kind(name))"))</span></li>"
        })
        let workbook: HTML = manifest.outputs.contains("report.xlsx")
            ? " <a id=\"exhibit-workbook\" href=\"\(base)/files/report.xlsx\" download>\(labels("serve.results.exhibit_workbook"))</a>" : ""
        let body: HTML = """
            <section><h2>\(labels("serve.results.settings"))</h2><p id="run-settings">\(RunFigures.settings(entry, labels: labels))</p></section>
            <section><h2>\(labels("serve.results.headline"))</h2>
            <table class="data" id="headlines"><tbody>\(headline)\(means)</tbody></table></section>
            <section><h2>\(labels("serve.results.files"))</h2><ul id="downloads">\(downloads)</ul></section>
            <section><h2>\(labels("serve.results.report"))</h2>
            <p class="hint" id="exhibit-note">\(labels("serve.results.exhibit", ["title": labels("exhibit.title")]))\(workbook)</p>
            <iframe class="report" id="report" title="\(labels("serve.results.report"))" src="\(base)/files/report.html"></iframe></section>
            """
        return Page(title: labels("serve.results.run_title", ["number": String(number)]), body: body, workspace: catalog.workspace, step: .results)
    }
}

/// The files of a run folder as the workbench serves them.
enum RunFile {
    /// A file name of the run folder itself: no folder, no hidden or parent name.
    static func isPlain(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
    }

    static func kind(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "csv": "csv"
        case "xlsx": "xlsx"
        case "json": "json"
        case "html": "html"
        default: "other"
        }
    }

    static func contentType(_ name: String) -> String {
        switch kind(name) {
        case "csv": "text/csv; charset=utf-8"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "json": "application/json"
        case "html": "text/html; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// The download link's id: `download-report-xlsx`.
    static func downloadID(_ name: String) -> String {
        "download-" + name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }
}
