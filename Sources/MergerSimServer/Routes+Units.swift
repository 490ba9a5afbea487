import Foundation
import Hummingbird
import MergerSim
import MergerSimInputs
import MergerSimReports

/// Step 1, the units: the screening of the workspace's units (as `mergersim screen` gives it) as a table to
/// sort and filter by province and verdict, a page at a time, and the map of their verdicts.
extension Workbench {
    /// The columns of `screening.csv` the page shows, in order.
    static let unitColumns = ["code", "name", "kind", "province", "district", "area_km2", "population", "area_pct", "population_pct",
                              "verdict", "type", "quota_cadres", "quota_civil_servants", "quota_non_professional",
                              "surplus_cadres", "surplus_civil_servants", "surplus_non_professional"]
    static let unitsPerPage = 200

    /// What the units page was asked: each value checked against the lists it must come from.
    struct UnitsQuery {
        var rules: String
        var province: String?
        var verdict: Verdict?
        var sort = "code"
        var descending = false
        var page = 1

        init(_ request: Request, screeningRules: String, provinces: [String]) throws(WorkbenchError) {
            // Read as a form: the filter is a GET form, and a browser sends a space in a province's name as "+".
            let query = try Form.urlEncoded(request.uri.query ?? "")
            rules = screeningRules
            if let province = query["province"], provinces.contains(province) { self.province = province }
            verdict = query["verdict"].flatMap { Verdict(rawValue: $0) }
            if let sort = query["sort"], Workbench.unitColumns.contains(sort) { self.sort = sort }
            descending = query["desc"] == "1"
            page = query["page"].flatMap { Int($0) }.map { max(1, min($0, 100_000)) } ?? 1
        }

        /// The query string of this view with `changes`.
        func link(_ changes: [String: String?] = [:]) -> String {
            var items: [String: String?] = ["rules": rules, "province": province, "verdict": verdict?.rawValue, "sort": sort,
                                            "desc": descending ? "1" : nil, "page": page > 1 ? String(page) : nil]
            for (key, value) in changes { items[key] = value }
            return "?" + items.compactMap { key, value in value.map { "\(key)=\(QueryText.escaped($0))" } }.sorted().joined(separator: "&")
        }
    }

    /// The rule set a workspace is screened under before its merger: `?rules=` when it names a bundled set,
    /// else the scenario's `rules_before` (or `rules`), else the newest bundled set.
    func screeningRules(_ workspace: Workspace, asked: String?) throws(InputError) -> String {
        let bundled = RuleSetLoader.completionIDs
        if let asked, bundled.contains(asked) { return asked }
        if workspace.has(.scenario) {
            let scenario = try Scenario(path: workspace.url(.scenario).path)
            let given = scenario.settings.rulesBefore ?? scenario.settings.rules
            if bundled.contains(given) { return given }
        }
        return bundled.last ?? "vn-2026"
    }

    func registerUnits(_ router: Router<WorkbenchContext>) {
        router.get("w/:workspace/units") { request, context in
            let workspace = try await self.workspace(context)
            let labels = self.labels(context)
            let screening: WorkspaceScreening
            var rules = RuleSetLoader.completionIDs.last ?? ""
            let asked = try Form.urlEncoded(request.uri.query ?? "")["rules"]
            do throws(InputError) {
                rules = try self.screeningRules(workspace, asked: asked)
                screening = try await self.screenings.screening(workspace, rules: rules)
            } catch {
                // The units cannot be screened under this rule set (a kind of unit it has no standard for): the
                // sentence, and the rule sets to try instead.
                let body: HTML = """
                    <pre class="error" role="alert" id="units-error">\(error.text(labels))</pre>
                    <form method="get" class="inline" id="units-filter">
                    <label>\(labels("serve.units.rules")) <select name="rules" id="filter-rules">\(Self.ruleOptions(selected: rules))</select></label>
                    <button type="submit" id="filter-apply">\(labels("serve.units.other_rules"))</button></form>
                    """
                return self.respond(Page(title: labels("serve.units.title"), body: body, workspace: workspace, step: .units,
                                         status: .unprocessableContent), request, context)
            }
            let query = try UnitsQuery(request, screeningRules: screening.rules, provinces: screening.provinces)
            return self.respond(self.unitsPage(workspace, screening: screening, query: query, labels: labels), request, context)
        }
        router.get("w/:workspace/units/map.json") { request, context in
            let workspace = try await self.workspace(context)
            let labels = self.labels(context)
            let rules: String
            do { rules = try self.screeningRules(workspace, asked: try Form.urlEncoded(request.uri.query ?? "")["rules"]) } catch {
                throw WorkbenchError.badRequest("serve.units.unscreenable")
            }
            let screening: WorkspaceScreening
            do { screening = try await self.screenings.screening(workspace, rules: rules) } catch {
                throw WorkbenchError.badRequest("serve.units.unscreenable")
            }
            let points = screening.results.compactMap { result -> MapPoint? in
                guard let location = result.unit.location else { return nil }
                return MapPoint(c: result.unit.code, n: result.unit.name, p: result.unit.province, lat: location.latitude, lon: location.longitude,
                                k: Self.mapClass(result.verdict), g: nil)
            }
            return try self.json(MapData(points: points, legend: Self.verdictLegend(labels)))
        }
    }

    /// A verdict's colour class on the map and in the table.
    static func mapClass(_ verdict: Verdict) -> String {
        switch verdict {
        case .merge: "fail"
        case .borderline: "warn"
        case .exempt: "none"
        case .keep: "ok"
        }
    }

    static func verdictLegend(_ labels: Labels) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Verdict.allCases.map { (mapClass($0), labels.value($0.rawValue, column: "verdict")) })
    }

    func unitsPage(_ workspace: Workspace, screening: WorkspaceScreening, query: UnitsQuery, labels: Labels) -> Page {
        let dictionary = columnDictionaries[labels.language]
        let table = screening.table
        let index = Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($0.element.name, $0.offset) })
        var rows = Array(zip(screening.results, table.rows))
        if let province = query.province { rows = rows.filter { $0.0.unit.province == province } }
        if let verdict = query.verdict { rows = rows.filter { $0.0.verdict == verdict } }
        if let column = index[query.sort] {
            // Each row's key made once (a number, or the text folded for comparison), then sorted by it and the code:
            // comparing localised strings inside the sort took most of a national page's time.
            let keyed = rows.map { row -> (key: (number: Double?, text: String), row: (ScreeningResult, [ReportTable.Cell])) in
                let cell = row.1[column]
                let number = cell.number
                let text = number == nil ? cell.csvText(english: labels).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) : ""
                return ((number, text), row)
            }
            rows = keyed.sorted { a, b in
                switch (a.key.number, b.key.number) {
                case let (p?, q?) where p != q: return p < q
                case (nil, nil) where a.key.text != b.key.text: return a.key.text < b.key.text
                case (_?, nil): return true
                case (nil, _?): return false
                default: return a.row.0.unit.code < b.row.0.unit.code
                }
            }.map(\.row)
            if query.descending { rows.reverse() }
        }
        let pages = max(1, (rows.count + Self.unitsPerPage - 1) / Self.unitsPerPage)
        let page = min(query.page, pages)
        let shown = rows.dropFirst((page - 1) * Self.unitsPerPage).prefix(Self.unitsPerPage)

        // The summary: units by verdict, in the filter's province when one is chosen.
        let counted = query.province.map { province in screening.results.filter { $0.unit.province == province } } ?? screening.results
        let byVerdict = Dictionary(grouping: counted, by: \.verdict).mapValues(\.count)
        let summary = HTML.join(Verdict.allCases.map { verdict -> HTML in
            "<li class=\"verdict-\(Self.mapClass(verdict))\"><strong>\(labels.number(Double(byVerdict[verdict] ?? 0)))</strong> \(labels.value(verdict.rawValue, column: "verdict"))</li>"
        })

        var header = HTML.empty
        for name in Self.unitColumns {
            let entry = dictionary?.entry(name)
            let descending = query.sort == name && !query.descending
            let mark: HTML = query.sort == name ? (query.descending ? " ▼" : " ▲") : .empty
            let numeric = index[name].map { table.columns[$0].kind }.map(Self.isNumeric) ?? false
            header += "<th class=\"\(numeric ? "num" : "")\" title=\"\(entry?.meaning ?? "")\"><a href=\"\(query.link(["sort": name, "desc": descending ? "1" : nil, "page": nil]))\">\(entry?.label ?? name)</a>\(mark)</th>"
        }
        var body = HTML.empty
        for (result, cells) in shown {
            var row = HTML.empty
            for name in Self.unitColumns {
                guard let column = index[name] else { row += "<td></td>"; continue }
                let kind = table.columns[column].kind
                let text = Self.cellText(cells[column], kind: kind, column: name, labels: labels)
                if name == "verdict" {
                    row += "<td class=\"verdict-\(Self.mapClass(result.verdict))\">\(text)</td>"
                } else {
                    row += "<td class=\"\(Self.isNumeric(kind) ? "num" : "")\">\(text)</td>"
                }
            }
            body += "<tr data-code=\"\(result.unit.code)\">\(row)</tr>"
        }

        let provinceOptions = HTML.join(screening.provinces.map { province -> HTML in
            let selected: HTML = province == query.province ? " selected" : ""
            return "<option value=\"\(province)\"\(selected)>\(province)</option>"
        })
        let verdictOptions = HTML.join(Verdict.allCases.map { verdict -> HTML in
            let selected: HTML = verdict == query.verdict ? " selected" : ""
            return "<option value=\"\(verdict.rawValue)\"\(selected)>\(labels.value(verdict.rawValue, column: "verdict"))</option>"
        })
        let ruleOptions = Self.ruleOptions(selected: screening.rules)
        let located = screening.results.filter { $0.unit.location != nil }.count
        let legend = HTML.join(Verdict.allCases.map { verdict -> HTML in
            "<li><span class=\"dot \(Self.mapClass(verdict))\"></span>\(labels.value(verdict.rawValue, column: "verdict"))</li>"
        })
        var pager = HTML.empty
        if pages > 1 {
            let previous: HTML = page > 1 ? "<a id=\"units-previous\" href=\"\(query.link(["page": String(page - 1)]))\">\(labels("serve.units.previous"))</a>" : .empty
            let next: HTML = page < pages ? "<a id=\"units-next\" href=\"\(query.link(["page": String(page + 1)]))\">\(labels("serve.units.next"))</a>" : .empty
            pager = "<nav class=\"pager\">\(previous) <span>\(labels("serve.units.page", ["page": labels.number(Double(page)), "pages": labels.number(Double(pages))]))</span> \(next)</nav>"
        }
        let focus: HTML = query.province.map { " data-focus=\"\($0)\"" } ?? .empty
        let content: HTML = """
            <section>
            <p>\(labels("serve.units.summary", ["units": labels.number(Double(screening.results.count)), "rules": screening.rules, "round": String(screening.round)]))</p>
            <ul class="verdicts" id="verdict-counts">\(summary)</ul>
            <form method="get" class="inline" id="units-filter" data-autosubmit>
            <label>\(labels("serve.units.rules")) <select name="rules" id="filter-rules">\(ruleOptions)</select></label>
            <label>\(labels("serve.units.province")) <select name="province" id="filter-province"><option value="">\(labels("serve.units.all_provinces"))</option>\(provinceOptions)</select></label>
            <label>\(labels("serve.units.verdict")) <select name="verdict" id="filter-verdict"><option value="">\(labels("serve.units.all_verdicts"))</option>\(verdictOptions)</select></label>
            <button type="submit" id="filter-apply">\(labels("serve.units.apply"))</button>
            </form>
            </section>
            <section class="map-section">
            <h2>\(labels("serve.units.map"))</h2>
            <p class="hint">\(labels("serve.units.map_hint", ["located": labels.number(Double(located)), "units": labels.number(Double(screening.results.count))]))</p>
            <div class="map-frame"><canvas class="map" id="units-map" width="900" height="560" data-points="/w/\(workspace.id.text)/units/map.json?rules=\(screening.rules)"\(focus) \
            aria-label="\(labels("serve.units.map"))"></canvas><div class="map-tip" id="units-map-tip" hidden></div></div>
            <ul class="legend">\(legend)</ul>
            </section>
            <section>
            <h2>\(labels("serve.units.table", ["shown": labels.number(Double(rows.count))]))</h2>
            \(pager)
            <div class="table-frame"><table class="data" id="units-table"><thead><tr>\(header)</tr></thead><tbody>\(body)</tbody></table></div>
            \(pager)
            <p><a href="/w/\(workspace.id.text)/plan" id="to-plan">\(labels("serve.units.to_plan"))</a></p>
            </section>
            """
        return Page(title: labels("serve.units.title"), body: content, workspace: workspace, step: .units)
    }

    /// The bundled rule sets as a select's options, `selected` chosen.
    static func ruleOptions(selected: String) -> HTML {
        HTML.join(RuleSetLoader.completionIDs.map { id -> HTML in
            let mark: HTML = id == selected ? " selected" : ""
            return "<option value=\"\(id)\"\(mark)>\(id)</option>"
        })
    }

    static func isNumeric(_ kind: ReportTable.Kind) -> Bool {
        switch kind {
        case .identifier, .name, .value, .phrase: false
        default: true
        }
    }

    /// A cell as a person reads it in the page's language: numbers with its separators, values and phrases in its words.
    static func cellText(_ cell: ReportTable.Cell, kind: ReportTable.Kind, column: String, labels: Labels) -> String {
        guard isNumeric(kind), let number = cell.number else { return WorkbookReport.shown(cell, column: column, labels: labels) ?? "" }
        switch kind {
        case .percent(let places): return labels.number(number, decimals: places) + "%"
        case .area: return labels.number(number, decimals: 2)
        case .decimal(let places): return labels.number(number, decimals: places)
        default: return labels.number(number, decimals: number == number.rounded() ? 0 : 2)
        }
    }
}

/// One point of a map: a unit's code, name, province, place and colour class (and its new unit on the plan's map).
struct MapPoint: Codable, Sendable {
    let c: String
    let n: String
    let p: String
    let lat: Double
    let lon: Double
    let k: String
    let g: String?
}

struct MapData: Codable, Sendable {
    let points: [MapPoint]
    let legend: [String: String]
}
