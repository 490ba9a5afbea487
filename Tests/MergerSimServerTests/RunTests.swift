import Foundation
import Testing
import MergerSimInputs
import MergerSimReports
import MergerSimStore
@testable import MergerSimServer

/// The simulate, results and compare steps on Phan Rang (and a cancelled national run): a simulation asked for by the
/// form runs as `mergersim simulate`, its figures are the store's, its files are served by the manifest's names only,
/// a bad value is refused with the CLI's sentence, and two runs are compared as `mergersim compare` compares them.
@Suite(.serialized) struct RunTests {
    /// A workspace made from a bundled scenario: its id.
    static func workspace(_ browser: TestBrowser, bundled: String) async throws -> String {
        _ = try await browser.get("/")
        let made = try await browser.postMultipart("/workspaces", fields: [("name", bundled), ("bundled", bundled)], files: [])
        let location = try #require(made.header("Location"))
        return String(location.dropFirst(3).prefix(12))
    }

    /// Posts the simulate form with `fields` (the rest as shown) and waits for the job; its status.
    static func simulate(_ server: TestWorkbench, _ browser: TestBrowser, _ id: String, _ fields: [(String, String)]) async throws -> JobStatus {
        _ = try await browser.get("/w/\(id)/simulate")
        let posted = try await browser.post("/w/\(id)/simulate", fields)
        #expect(posted.status == 303, "\(posted.text)")
        let location = try #require(posted.header("Location"))
        #expect(location.hasPrefix("/w/\(id)/jobs/"))
        let status = try #require(await server.workbench.jobs.wait(String(location.split(separator: "/").last ?? "")))
        #expect(status.state == .finished, "\(status.message ?? "")")
        return status
    }

    /// The `data-value` of the headline figure `metric` in `html`.
    static func dataValue(_ html: String, metric: String) -> String? {
        guard let range = html.range(of: "data-metric=\"\(metric)\" data-value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test func aSimulationRunsIsListedAndServesEveryFileItsManifestNames() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        let id = try await Self.workspace(browser, bundled: "phan-rang-2024")
        let form = try await browser.get("/w/\(id)/simulate")
        #expect(form.status == 200)
        for element in ["simulate-form", "sim-rules", "sim-effective-date", "sim-transition-runs", "sim-transition-seed", "sim-pooled-quota", "simulate-submit"] {
            #expect(form.text.contains("id=\"\(element)\""), "\(element)")
        }
        #expect(form.text.contains("value=\"2024-11-01\""))
        let status = try await Self.simulate(server, browser, id, [("transition.runs", "20")])
        #expect(status.output == 1)

        let list = try await browser.get("/w/\(id)/results")
        #expect(list.status == 200)
        #expect(list.text.contains("id=\"open-run-1\""))
        let folder = server.data.appendingPathComponent(id)
        let store = try RunStore(reading: folder.appendingPathComponent("runs.sqlite").path)
        #expect(try store.runIDs() == [1])
        let stored = Dictionary(try store.summary(ofRun: 1).map { ($0.metric, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(try store.description(ofRun: 1)?.overrides == ["transition.runs=20"])
        // The workbench recorded which stored run the folder holds, as the job finished.
        let index = try JSONDecoder().decode([String: Int64].self, from: Data(contentsOf: folder.appendingPathComponent("runs.json")))
        #expect(index == ["1": 1])

        let run = try await browser.get("/w/\(id)/results/1")
        #expect(run.status == 200)
        #expect(stored["exit_cost_vnd_mean"] != nil && stored["deadline_verdict"] != nil)
        for metric in RunFigures.headline.map(\.name) {
            #expect(Self.dataValue(run.text, metric: metric) == stored[metric], "\(metric)")
            #expect(Self.dataValue(list.text, metric: metric) == stored[metric], "\(metric)")
        }
        #expect(run.text.contains("<iframe class=\"report\" id=\"report\""))
        #expect(run.text.contains("src=\"/w/\(id)/results/1/files/report.html\""))

        let report = try await browser.get("/w/\(id)/results/1/files/report.html")
        #expect(report.status == 200)
        #expect(report.header("Content-Security-Policy") == GuardMiddleware.reportPolicy)
        #expect(report.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(report.header("Content-Disposition") == nil)

        struct Manifest: Decodable { var outputs: [String] }
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("runs/1/manifest.json")))
        #expect(manifest.outputs.contains("report.xlsx") && manifest.outputs.contains("transfers.csv"))
        for name in manifest.outputs {
            #expect(run.text.contains("id=\"\(RunFile.downloadID(name))\""), "\(name)")
            let file = try await browser.get("/w/\(id)/results/1/files/\(name)")
            #expect(file.status == 200, "\(name)")
            #expect(file.body == [UInt8](try Data(contentsOf: folder.appendingPathComponent("runs/1/\(name)"))), "\(name)")
            if name != "report.html" { #expect(file.header("Content-Disposition")?.hasPrefix("attachment") == true, "\(name)") }
        }
        let workbook = try await browser.get("/w/\(id)/results/1/files/report.xlsx")
        #expect(workbook.body.prefix(2) == [0x50, 0x4B])
        #expect(workbook.header("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

        let other = try await Self.workspace(browser, bundled: "phan-rang-2024")
        for path in ["/w/\(id)/results/1/files/runs.sqlite", "/w/\(id)/results/1/files/..", "/w/\(id)/results/1/files/%2e%2e",
                     "/w/\(id)/results/1/files/..%2fmanifest.json", "/w/\(id)/results/1/files/%2e%2e%2f..%2fscenario.yaml",
                     "/w/\(id)/results/01", "/w/\(id)/results/2", "/w/\(id)/results/-1", "/w/\(id)/results/1/files/.marker",
                     "/w/\(other)/results/1", "/w/\(other)/results/1/files/report.html", "/w/\(id)/compare?run=1&run=9"] {
            let refused = try await browser.get(path)
            #expect(refused.status == 404, "\(path)")
        }

        // Without the store (a folder copied from elsewhere), the figures come from the files the command wrote: the same.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("runs.sqlite"))
        let unstored = try await browser.get("/w/\(id)/results/1")
        #expect(unstored.status == 200)
        for metric in RunFigures.headline.map(\.name) {
            // The store keeps numbers as numbers (summary.csv's 0.000 is 0 there): the same figure either way.
            let fromFiles = try #require(Self.dataValue(unstored.text, metric: metric)), fromStore = try #require(stored[metric])
            #expect(Double(fromFiles).map { $0 == Double(fromStore) } ?? (fromFiles == fromStore), "\(metric)")
        }
        await server.stop()
    }

    /// What the CLI says for `mergersim simulate SCENARIO --set FIELD=VALUE` (a rule set: the loader's refusal of an unknown id).
    static func refusal(_ field: String, _ value: String, scenario: String) -> InputError? {
        do throws(InputError) {
            let override = try Override(parsing: "\(field)=\(value)")
            if field == "rules" { _ = try RuleSetLoader.load(override.value) }
            var ignored: [DefaultRecord] = []
            _ = try ScenarioInputs.ruleSets(of: try Scenario(path: scenario, overrides: [override]), defaults: &ignored)
            return nil
        } catch {
            var located = error
            located.file = "--set \(field)=\(value)"
            return located
        }
    }

    @Test func aBadValueIsRefusedWithTheCLIsSentenceNextToItsFieldAndNoJob() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        let id = try await Self.workspace(browser, bundled: "phan-rang-2024")
        let scenario = server.data.appendingPathComponent(id).appendingPathComponent("scenario.yaml").path
        let english = try Labels(.en)
        let cases: [(field: String, value: String, element: String)] = [
            ("effective_date", "2024-13-01", "sim-effective-date"), ("transition.runs", "0", "sim-transition-runs"), ("rules", "vn-1999", "sim-rules"),
        ]
        for (field, value, element) in cases {
            _ = try await browser.get("/w/\(id)/simulate")
            let refused = try await browser.post("/w/\(id)/simulate", [(field, value)])
            #expect(refused.status == 422, "\(field)")
            // The field's sentence without the CLI's `--set KEY=VALUE:` place (the field shows where).
            let refusal = try #require(Self.refusal(field, value, scenario: scenario))
            let sentence = RunSettings.sentence(refusal, for: try #require(RunSetting(rawValue: field)), typed: value, labels: english)
            #expect(refused.text.contains("id=\"\(element)-error\">\(HTML.escape(sentence))</pre>"), "\(field): \(sentence)")
            #expect(!refused.text.contains("--set"), "\(field)")
        }
        _ = try await browser.get("/w/\(id)/simulate?lang=vi")
        let vietnamese = try await browser.post("/w/\(id)/simulate", [("transition.runs", "0")])
        #expect(vietnamese.status == 422)
        #expect(vietnamese.text.contains("<html lang=\"vi\">"))
        #expect(vietnamese.text.contains("id=\"sim-transition-runs-error\""))
        #expect(await server.workbench.jobs.jobs(of: try #require(WorkspaceID(id))).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: server.data.appendingPathComponent(id).appendingPathComponent("runs").path))

        // A workspace from an uploaded units file has no plan yet: the page says so and leads to the plan; a post runs nothing.
        let units = try [UInt8](Data(contentsOf: TestWorkbench.root.appendingPathComponent("scenarios/phan-rang-2024/units.csv")))
        let made = try await browser.postMultipart("/workspaces", fields: [("name", "uploaded")], files: [("units", "units.csv", units)])
        let uploaded = String(try #require(made.header("Location")).dropFirst(3).prefix(12))
        let page = try await browser.get("/w/\(uploaded)/simulate")
        #expect(page.status == 200)
        #expect(page.text.contains("id=\"simulate-needs-plan\"") && page.text.contains("href=\"/w/\(uploaded)/plan\""))
        #expect(!page.text.contains("id=\"simulate-form\""))
        let posted = try await browser.post("/w/\(uploaded)/simulate", [("transition.runs", "20")])
        #expect(posted.status == 422)
        #expect(await server.workbench.jobs.jobs(of: try #require(WorkspaceID(uploaded))).isEmpty)
        await server.stop()
    }

    @Test func twoRunsWithDifferentSeedsAreComparedAsCompareDoes() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        let id = try await Self.workspace(browser, bundled: "phan-rang-2024")
        _ = try await Self.simulate(server, browser, id, [("transition.runs", "20")])
        _ = try await Self.simulate(server, browser, id, [("transition.runs", "20"), ("transition.seed", "7"), ("transfers.scope", "none")])
        let compare = try await browser.get("/w/\(id)/compare?run=2&run=1")
        #expect(compare.status == 200)
        #expect(compare.text.contains("id=\"comparison\""))
        #expect(compare.text.contains("data-metric=\"setting: seed\""))
        #expect(compare.text.contains("data-metric=\"setting: transfers\""))
        #expect(compare.text.contains("data-metric=\"replications: mean exit_cost_vnd\""))
        #expect(compare.text.contains(" ± "))
        #expect(compare.text.contains("id=\"pick-run-1\" checked") && compare.text.contains("id=\"pick-run-2\" checked"))

        // The same comparison the CLI makes of the two run folders, cell for cell (the first ticked is the oldest).
        let folder = server.data.appendingPathComponent(id).appendingPathComponent("runs")
        let english = try Labels(.en)
        var runs = [try ComparedRun(folder: folder.appendingPathComponent("1").path), try ComparedRun(folder: folder.appendingPathComponent("2").path)]
        runs[0].name = "Run 1"
        runs[1].name = "Run 2"
        let comparison = try Comparison(runs)
        let headline = try #require(comparison.rows.first { $0.metric == "replications: mean exit_cost_vnd" })
        // The values and the difference cell for cell; the workbench names the row and an unpaired interval in its words.
        let unpaired = english("serve.compare.unpaired")
        for cell in comparison.cells(headline, english).dropFirst() {
            let shown = cell.replacingOccurrences(of: " " + english("console.compare.unpaired"), with: " " + unpaired)
            #expect(compare.text.contains(HTML.escape(shown)), "\(shown)")
        }
        #expect(compare.text.contains(english("serve.results.mean.exit_cost_vnd")))

        // Three runs: the second and the third each against the first.
        _ = try await Self.simulate(server, browser, id, [("transition.runs", "20"), ("rules.transition.exits.resignation_uptake", "0.3")])
        let three = try await browser.get("/w/\(id)/compare?run=3&run=1&run=2&changed=1")
        #expect(three.status == 200)
        for run in ["Run 2", "Run 3"] {
            #expect(three.text.contains(HTML.escape(english("serve.compare.versus", ["first": "Run 1", "run": run]))), "\(run)")
        }
        #expect(three.text.contains("uptake of resignation: 0.3"))

        let one = try await browser.get("/w/\(id)/compare?run=1")
        #expect(one.text.contains("id=\"compare-errors\""))
        await server.stop()
    }

    @Test func aCancelledNationalRunLeavesTheWorkspaceAsItWasAndAFullQueueIsBusy() async throws {
        let server = try await TestWorkbench.start { $0.limits.queuedJobs = 1 }
        let browser = server.browser()
        let id = try await Self.workspace(browser, bundled: "vn-2025")
        let folder = server.data.appendingPathComponent(id)
        _ = try await browser.get("/w/\(id)/simulate")
        let posted = try await browser.post("/w/\(id)/simulate", [])
        #expect(posted.status == 303, "\(posted.text)")
        let job = String(try #require(posted.header("Location")).split(separator: "/").last ?? "")
        func snapshot() throws -> ([String], Data) {
            let runs = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("runs").path)) ?? []
            return (runs.filter { !$0.hasPrefix(".") }.sorted(), try Data(contentsOf: folder.appendingPathComponent("runs.sqlite")))
        }
        let before = try snapshot()
        #expect(before.0.isEmpty)

        _ = try await browser.get("/w/\(id)/simulate")
        let busy = try await browser.post("/w/\(id)/simulate", [("transition.seed", "8")])
        #expect(busy.status == 503)
        #expect(busy.text.contains(try Labels(.en)("serve.error.busy")))
        #expect(await server.workbench.jobs.jobs(of: try #require(WorkspaceID(id))).count == 1)

        while await server.workbench.jobs.status(job)?.state == .queued { try await Task.sleep(for: .milliseconds(50)) }
        try await Task.sleep(for: .seconds(2))
        #expect(await server.workbench.jobs.status(job)?.state == .running)
        _ = try await browser.get("/w/\(id)/jobs/\(job)")
        let cancel = try await browser.post("/w/\(id)/jobs/\(job)/cancel", [])
        #expect(cancel.status == 303)
        let ended = try #require(await server.workbench.jobs.wait(job))
        #expect(ended.state == .cancelled)
        let after = try snapshot()
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        let hidden = ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("runs").path)) ?? [])
        #expect(hidden.isEmpty, "\(hidden)")
        await server.stop()
    }
}
