import Foundation
import Hummingbird
import MergerSimInputs
import MergerSimReports

/// The compare step: runs picked in a GET form, compared by the library `mergersim compare` runs (each run after the
/// first against the first: paired differences with their intervals, then the settings that differ and the summary).
extension Workbench {
    func registerCompare(_ router: Router<WorkbenchContext>) {
        router.get("w/:workspace/compare") { request, context in
            let workspace = try await self.workspace(context)
            let labels = self.labels(context)
            let catalog = try self.catalog(workspace, labels: labels)
            let query = request.uri.queryParameters
            var numbers: [Int] = []
            for text in query.getAll("run") {
                // A run is a number written plainly, of a run folder of this workspace; anything else is not a run.
                guard let number = Int(String(text)), String(number) == String(text), catalog.entry(number) != nil else { throw WorkbenchError.notFound }
                if !numbers.contains(number) { numbers.append(number) }
            }
            // The oldest run ticked is the base the others are compared with.
            numbers.sort()
            let changed = query["changed"] == "1"
            let page = query["page"].flatMap { Int(String($0)) } ?? 1
            return self.respond(try self.comparePage(catalog, numbers: numbers, changed: changed, page: page, labels: labels), request, context)
        }
    }

    func comparePage(_ catalog: RunCatalog, numbers: [Int], changed: Bool, page: Int, labels: Labels) throws(WorkbenchError) -> Page {
        let title = labels("serve.compare.title")
        let workspace = catalog.workspace
        guard !catalog.entries.isEmpty else {
            let body: HTML = "<p id=\"compare-none\">\(labels("serve.results.none")) <a href=\"/w/\(workspace.id.text)/simulate\">\(labels("serve.results.to_simulate"))</a></p>"
            return Page(title: title, body: body, workspace: workspace, step: .compare)
        }
        var body = try runsForm(catalog, labels: labels, checked: Set(numbers), page: page, action: "/w/\(workspace.id.text)/compare", changed: changed)
        if numbers.count == 1 {
            body += "<p class=\"error\" role=\"alert\" id=\"compare-errors\">\(labels("serve.compare.two_needed"))</p>"
        } else if numbers.count >= 2 {
            let comparison: Comparison
            do {
                let all = try Comparison(try numbers.map { number throws(InputError) in try catalog.compared(number, labels: labels) })
                comparison = changed ? all.changedOnly : all
            } catch let error as InputError {
                throw .system(RunSettings.shown(error, in: workspace.folder, labels: labels))
            } catch {
                throw .system("\(error)")
            }
            body += comparisonTable(comparison, labels: labels)
        }
        return Page(title: title, body: body, workspace: workspace, step: .compare)
    }

    /// The comparison as `compare` prints it, cell for cell, as a table: headline rows (with their intervals) first,
    /// then the settings that differ, then the summary; the legend below it. The workbench names the columns, the
    /// settings' rows and an unpaired interval in its own words, and the values the simulate form changed in words.
    func comparisonTable(_ comparison: Comparison, labels: Labels) -> HTML {
        let runs = comparison.runs
        let names = [labels("serve.compare.metric")] + runs + runs.dropFirst().map { labels("serve.compare.versus", ["first": runs[0], "run": $0]) }
        let header = HTML.join(names.enumerated().map { index, text -> HTML in
            index == 0 ? "<th scope=\"col\">\(text)</th>" : "<th scope=\"col\" class=\"num\">\(text)</th>"
        })
        let unpaired = (" " + labels("console.compare.unpaired"), " " + labels("serve.compare.unpaired"))
        let rows = HTML.join(comparison.rows.map { row -> HTML in
            let kind: String
            var cells = comparison.cells(row, labels)
            switch row.subject {
            case .replicationMean(let metric):
                kind = "headline"
                cells[0] = labels("serve.results.mean.\(metric.name)")
                cells = cells.map { $0.replacingOccurrences(of: unpaired.0, with: unpaired.1) }
            case .setting(let name):
                kind = "setting"
                let what = name == "overrides" ? labels("serve.compare.overrides") : labels("console.compare.setting.\(name)")
                cells[0] = labels("serve.compare.setting", ["setting": what])
                if name == "overrides" {
                    for (index, value) in row.values.enumerated() where index + 1 < cells.count {
                        cells[index + 1] = RunSettings.words(value == "none" ? [] : value.split(separator: " ").map(String.init), labels: labels)
                    }
                }
            case .summary: kind = "summary"
            case .timeline: kind = "timeline"
            case .unit: kind = "unit"
            }
            let values = HTML.join(cells.dropFirst().map { "<td class=\"num\">\($0)</td>" })
            return "<tr class=\"\(kind)\" data-metric=\"\(row.metric)\"><th scope=\"row\">\(cells[0])</th>\(values)</tr>"
        })
        return """
            <section><h2>\(labels("serve.compare.result"))</h2>
            <table class="data" id="comparison"><thead><tr>\(header)</tr></thead><tbody>\(rows)</tbody></table>
            <p class="hint" id="comparison-legend">\(labels("compare.legend"))</p></section>
            """
    }
}
