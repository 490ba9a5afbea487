import Foundation
import Hummingbird
import MergerSim
import MergerSimInputs
import MergerSimReports

/// The start page: the workspaces, and a new one from a bundled scenario or an uploaded units file.
extension Workbench {
    /// The bundled scenarios (folders of `settings.scenarios` holding a scenario.yaml, units.csv and plan.csv), by name.
    var bundledScenarios: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: settings.scenarios.path)) ?? []
        return names.filter { name in
            OutputName.refusal(name) == nil && !name.hasPrefix(".") && [WorkspaceFile.scenario, .units, .plan].allSatisfy {
                FileManager.default.fileExists(atPath: settings.scenarios.appendingPathComponent(name).appendingPathComponent($0.rawValue).path)
            }
        }.sorted()
    }

    func registerHome(_ router: Router<WorkbenchContext>) {
        router.get("/") { request, context in
            self.respond(await self.homePage(context), request, context)
        }
        router.post("workspaces") { request, context in
            let form = try await self.form(request, context, uploads: true)
            let labels = self.labels(context)
            let name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 200 else {
                return self.respond(await self.homePage(context, problem: labels("serve.home.name_missing"), status: .badRequest), request, context)
            }
            if let bundled = form["bundled"], !bundled.isEmpty {
                guard self.bundledScenarios.contains(bundled) else { throw WorkbenchError.notFound }
                let source = self.settings.scenarios.appendingPathComponent(bundled)
                var files: [(WorkspaceFile, Data)] = []
                for file in [WorkspaceFile.scenario, .units, .plan] {
                    do { files.append((file, try Data(contentsOf: source.appendingPathComponent(file.rawValue)))) } catch {
                        throw WorkbenchError.system(error.localizedDescription)
                    }
                }
                let workspace = try await self.workspaces.create(name: name, bundled: bundled, files: files)
                return self.redirect("/w/\(workspace.id.text)/units")
            }
            guard let upload = form.uploads["units"], !upload.content.isEmpty else {
                return self.respond(await self.homePage(context, problem: labels("serve.home.source_missing"), status: .badRequest), request, context)
            }
            // More rows than any country has is refused before it is read (a units file of a million rows).
            try self.checkRows(upload.content)
            // The units are read as the CLI reads them; a problem is shown at its place in the uploaded file.
            do throws(InputError) {
                _ = try UnitsFile(bytes: [UInt8](upload.content), file: Self.shownName(upload.filename, default: "units.csv"))
            } catch {
                return self.respond(await self.homePage(context, problem: error.text(labels), status: .unprocessableContent), request, context)
            }
            let workspace = try await self.workspaces.create(name: name, bundled: nil, files: [(.units, upload.content)])
            return self.redirect("/w/\(workspace.id.text)/units")
        }
        router.get("w/:workspace") { _, context in
            let workspace = try await self.workspace(context)
            return self.redirect("/w/\(workspace.id.text)/units")
        }
    }

    /// Refuses an upload of more lines than ``WorkbenchSettings/Limits/uploadRows`` (and a header).
    func checkRows(_ content: Data) throws(WorkbenchError) {
        var lines = 0
        for byte in content where byte == 0x0A {
            lines += 1
            if lines > settings.limits.uploadRows + 1 { throw .tooManyRows(limit: settings.limits.uploadRows) }
        }
    }

    /// A browser's name of an uploaded file, only to be shown in messages: its last path part, at most 100
    /// characters, without control characters; `default` when nothing is left.
    static func shownName(_ filename: String, default fallback: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.prefix(100))
        return clean.isEmpty ? fallback : clean
    }

    /// A workspace's creation time (stored as ISO 8601 in UTC) as a local date and time in the page's language:
    /// 06/12/2026 19:07 in Vietnamese, 2026-12-06 19:07 in English; the stored text when it is not such a time.
    static func shownTime(_ stored: String, labels: Labels) -> String {
        guard let instant = ISO8601DateFormatter().date(from: stored) else { return stored }
        let parts = Calendar.current.dateComponents(in: TimeZone.current, from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let hour = parts.hour, let minute = parts.minute else { return stored }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(labels.date(CalendarDate(year: year, month: month, day: day))) \(two(hour)):\(two(minute))"
    }

    func homePage(_ context: WorkbenchContext, problem: String? = nil, status: HTTPResponse.Status = .ok) async -> Page {
        let labels = self.labels(context)
        let list = await workspaces.list()
        var rows = HTML.empty
        for workspace in list {
            let source = workspace.info.bundled.map { labels("serve.home.from_bundled", ["name": $0]) } ?? labels("serve.home.from_upload")
            rows += "<tr><td><a href=\"/w/\(workspace.id.text)/units\">\(workspace.info.name)</a></td><td>\(source)</td><td>\(Self.shownTime(workspace.info.created, labels: labels))</td></tr>"
        }
        let table: HTML = list.isEmpty ? "<p>\(labels("serve.home.none"))</p>" : """
            <table class="data"><thead><tr><th>\(labels("serve.home.col.name"))</th><th>\(labels("serve.home.col.source"))</th>\
            <th>\(labels("serve.home.col.created"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let options = HTML.join(bundledScenarios.map { name -> HTML in "<option value=\"\(name)\">\(name)</option>" })
        let alert: HTML = problem.map { "<pre class=\"error\" role=\"alert\">\($0)</pre>" } ?? .empty
        let body: HTML = """
            <section><h2>\(labels("serve.home.workspaces"))</h2>\(table)</section>
            <section><h2>\(labels("serve.home.new"))</h2>
            \(alert)
            <form method="post" action="/workspaces" enctype="multipart/form-data" class="stack" id="new-workspace">
            \(csrfField(context))
            <label>\(labels("serve.home.name")) <input name="name" required maxlength="200"></label>
            <fieldset><legend>\(labels("serve.home.source"))</legend>
            <label>\(labels("serve.home.bundled")) <select name="bundled"><option value="">—</option>\(options)</select></label>
            <label>\(labels("serve.home.upload")) <input type="file" name="units" accept=".csv,text/csv"></label>
            <p class="hint">\(labels("serve.home.upload_hint", ["limit": "\(labels.number(Double(settings.limits.uploadBytes / (1024 * 1024)))) MB"]))</p>
            </fieldset>
            <button type="submit">\(labels("serve.home.create"))</button>
            </form></section>
            """
        return Page(title: labels("serve.home.title"), body: body, status: status)
    }
}
