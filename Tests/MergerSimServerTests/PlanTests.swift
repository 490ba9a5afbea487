import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports
import Testing
@testable import MergerSimServer

/// The plan page over a real server: upload, edits judged as the library judges them, save for `simulate`,
/// escaping, CSRF, and the national data.
@Suite(.serialized) struct PlanTests {
    /// A workspace from bundled scenario `name`: its id and folder.
    static func workspace(_ server: TestWorkbench, _ browser: TestBrowser, bundled name: String) async throws -> (id: String, folder: URL) {
        _ = try await browser.get("/")
        let made = try await browser.postMultipart("/workspaces", fields: [("name", name), ("bundled", name)], files: [])
        let id = String(try #require(made.header("Location")).dropFirst(3).prefix(12))
        return (id, server.data.appendingPathComponent(id))
    }

    static func scenarioFile(_ name: String, _ file: String) throws -> [UInt8] {
        try FileInput.read(TestWorkbench.root.appendingPathComponent("scenarios/\(name)/\(file)").path)
    }

    /// The plan the editor holds now (editor.json), as the library's plan.
    static func editorPlan(_ folder: URL) throws -> MergerPlan {
        try JSONDecoder().decode(PlanHistory.self, from: Data(contentsOf: folder.appendingPathComponent("editor.json"))).current.plan()
    }

    /// The row of unit after `code` in a page.
    static func row(_ page: String, _ code: String) -> String? {
        guard let start = page.range(of: "<tr data-code=\"\(code)\">") else { return nil }
        return page[start.lowerBound...].range(of: "</tr>").map { String(page[start.lowerBound..<$0.upperBound]) }
    }

    /// Every unit after `plan` judged by the library in the workspace's scenario is on the page as the library says.
    static func expectJudged(_ plan: MergerPlan, page: String, folder: URL) throws {
        let inputs = try ScenarioInputs(path: folder.appendingPathComponent("scenario.yaml").path)
        let run = ScenarioRun(rules: inputs.run.rules, rulesBefore: inputs.run.rulesBefore, units: inputs.run.units, plan: plan, settings: inputs.run.settings)
        let after = try run.judgeAfter(try run.applyPlan())
        let labels = try Labels(.en)
        for result in after {
            let row = try #require(Self.row(page, result.unit.code), "unit \(result.unit.code) on the page")
            #expect(row.contains(labels.number(Double(result.unit.population))))
            #expect(row.contains(labels("outcome.\(result.outcome.rawValue)")))
            #expect(row.contains(HTML.escape(StandardsNote(result.standardsReason, citations: inputs.rules.rules.citations).text(labels))))
            let surplus = try #require(result.surplus)
            #expect(row.contains(StaffCategory.allCases.map { labels.number(Double(surplus[$0])) }.joined(separator: " · ")))
        }
    }

    @Test func anUploadedPlanIsCheckedAgainstTheUnitsAndAnUnknownMemberIsShownAtItsLine() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        let (id, folder) = try await Self.workspace(server, browser, bundled: "phan-rang-2024")
        _ = try await browser.get("/w/\(id)/plan")
        let plan = try Self.scenarioFile("phan-rang-2024", "plan.csv")
        let loaded = try await browser.postMultipart("/w/\(id)/plan/upload", fields: [], files: [("plan", "mine.csv", plan)])
        #expect(loaded.status == 303)
        let page = try await browser.get("/w/\(id)/plan")
        #expect(page.status == 200)
        #expect(page.text.contains("mine.csv"))
        try Self.expectJudged(try Self.editorPlan(folder), page: page.text, folder: folder)

        let bad = Array("new_code,new_name,member_code\nA,Alpha,22753\nA,Alpha,99999\n".utf8)
        let refused = try await browser.postMultipart("/w/\(id)/plan/upload", fields: [], files: [("plan", "bad.csv", bad)])
        #expect(refused.status == 422)
        let planFile = try PlanFile(bytes: bad, file: "bad.csv")
        let units = try UnitsFile(path: folder.appendingPathComponent("units.csv").path).units
        let expected: InputError
        do { _ = try planFile.plan.apply(to: units); Issue.record("the plan applies"); return } catch { expected = planFile.located(error) }
        #expect(expected.line == 3)
        #expect(refused.text.contains(HTML.escape(expected.text(try Labels(.en)))))
        #expect(try Self.editorPlan(folder) == (try PlanFile(bytes: plan, file: "plan.csv").plan))
        await server.stop()
    }

    @Test func groupMoveSplitUndoRedoAreJudgedAsTheLibraryJudgesThePlanAndTheSavedScenarioSimulates() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        let (id, folder) = try await Self.workspace(server, browser, bundled: "phan-rang-2024")
        let first = try await browser.get("/w/\(id)/plan?province=Ninh%20Thu%E1%BA%ADn")
        #expect(first.status == 200)
        #expect(first.text.contains("id=\"pick-22753\""))
        #expect(first.text.contains("id=\"map-selection\""))
        // One unit ticked in the table, one chosen on the map: the two become one new unit.
        let grouped = try await browser.post("/w/\(id)/plan/group", [("code", "22753"), ("codes", "22750"), ("name", "<script>alert(1)</script>"), ("province", "Ninh Thuận")])
        #expect(grouped.status == 303)
        #expect(grouped.header("Location")?.contains("unit=22753") == true)
        var page = try await browser.get(try #require(grouped.header("Location")))
        #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.text.contains("<script>alert(1)"))
        try Self.expectJudged(try Self.editorPlan(folder), page: page.text, folder: folder)

        #expect(try await browser.post("/w/\(id)/plan/move", [("code", "22756"), ("target", "22753")]).status == 303)
        let moved = try Self.editorPlan(folder)
        #expect(moved.newUnits.first { $0.code == "22753" }?.members.map(\.code) == ["22753", "22750", "22756"])
        #expect(try await browser.post("/w/\(id)/plan/split", [("group", "22753"), ("members", "chosen"), ("code", "22756")]).status == 303)
        let split = try Self.editorPlan(folder)
        #expect(!split.memberCodes.contains("22756"))
        page = try await browser.get("/w/\(id)/plan")
        try Self.expectJudged(split, page: page.text, folder: folder)

        #expect(try await browser.post("/w/\(id)/plan/undo", []).status == 303)
        #expect(try Self.editorPlan(folder) == moved)
        page = try await browser.get("/w/\(id)/plan")
        try Self.expectJudged(moved, page: page.text, folder: folder)
        #expect(try await browser.post("/w/\(id)/plan/redo", []).status == 303)
        #expect(try Self.editorPlan(folder) == split)

        // The map colours each unit by the outcome of the unit after it went into.
        let map = try await browser.get("/w/\(id)/plan/map.json")
        #expect(map.status == 200)
        #expect(map.text.contains("\"legend\""))

        // A refusal is a sentence on the page, and nothing changes.
        let refused = try await browser.post("/w/\(id)/plan/group", [("code", "22753")])
        #expect(refused.status == 422)
        #expect(refused.text.contains("Choose at least two units to group."))
        #expect(try Self.editorPlan(folder) == split)

        #expect(try await browser.post("/w/\(id)/plan/save", []).status == 303)
        #expect(try PlanFile(path: folder.appendingPathComponent("plan.csv").path).plan == split)
        try Self.expectSimulates(folder)
        await server.stop()
    }

    @Test func anUploadedUnitsFileGetsAGeneratedScenarioThatSimulates() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        _ = try await browser.get("/")
        let made = try await browser.postMultipart("/workspaces", fields: [("name", "mine")], files: [("units", "units.csv", try Self.scenarioFile("phan-rang-2024", "units.csv"))])
        let id = String(try #require(made.header("Location")).dropFirst(3).prefix(12))
        let folder = server.data.appendingPathComponent(id)
        let page = try await browser.get("/w/\(id)/plan")
        #expect(page.status == 200)
        #expect(page.text.contains("id=\"save-effective\""))
        let empty = try await browser.post("/w/\(id)/plan/save", [("rules", "vn-2023"), ("effective_date", "2024-11-01")])
        #expect(empty.status == 422)
        #expect(try await browser.post("/w/\(id)/plan/group", [("code", "22753"), ("code", "22759")]).status == 303)
        let badDate = try await browser.post("/w/\(id)/plan/save", [("rules", "vn-2023"), ("effective_date", "2024-13-01")])
        #expect(badDate.status == 422)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("scenario.yaml").path))
        #expect(try await browser.post("/w/\(id)/plan/save", [("rules", "vn-2023"), ("effective_date", "2024-11-01")]).status == 303)
        try Self.expectSimulates(folder)
        await server.stop()
    }

    /// `mergersim simulate` runs the workspace's scenario.yaml as it is.
    static func expectSimulates(_ folder: URL) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("plan-simulate-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = TestWorkbench.executable
        process.arguments = ["simulate", folder.appendingPathComponent("scenario.yaml").path, "--out", out.path, "--runs", "20", "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: said, as: UTF8.self))")
        try? FileManager.default.removeItem(at: out)
    }

    @Test func everyPostWithoutTheTokenIsRefusedAndChangesNothing() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        let (id, folder) = try await Self.workspace(server, browser, bundled: "phan-rang-2024")
        _ = try await browser.get("/w/\(id)/plan")
        #expect(try await browser.post("/w/\(id)/plan/group", [("code", "22753"), ("code", "22750")]).status == 303)
        func files() throws -> [Data?] { ["editor.json", "plan.csv", "scenario.yaml"].map { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) } }
        let before = try files()
        for action in ["group", "move", "split", "undo", "redo", "take", "save"] {
            let response = try await browser.post("/w/\(id)/plan/\(action)", [("code", "22753"), ("code", "22756"), ("target", "22759"), ("group", "22753"), ("members", "all")], csrf: "0000")
            #expect(response.status == 403, "\(action)")
        }
        for action in ["upload", "propose"] {
            let response = try await browser.postMultipart("/w/\(id)/plan/\(action)", fields: [("mode", "mandatory"), ("rules", "vn-2023"), ("seed", "1")],
                                                           files: [("plan", "plan.csv", try Self.scenarioFile("phan-rang-2024", "plan.csv"))], csrf: "0000")
            #expect(response.status == 403, "\(action)")
        }
        #expect(try files() == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("proposals").path))
        await server.stop()
    }

    @Test func aMandatoryProposalRunsAsAJobAndCanBeTaken() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        // Phan Rang's units have no positions (a proposal needs neighbours): the 2026 round's units have them.
        let (id, folder) = try await Self.workspace(server, browser, bundled: "vn-2026-round")
        _ = try await browser.get("/w/\(id)/plan")
        let submitted = try await browser.postMultipart("/w/\(id)/plan/propose", fields: [("mode", "mandatory"), ("rules", "vn-2026"), ("seed", "42")], files: [])
        #expect(submitted.status == 303)
        let job = String(try #require(submitted.header("Location")).split(separator: "/").last ?? "")
        let clock = ContinuousClock.now
        let status = try #require(await server.workbench.jobs.wait(job))
        print("mandatory proposal on the 2026 round's 3,321 units: \(ContinuousClock.now - clock)")
        #expect(status.state == .finished, "\(status.message ?? "")")
        let view = try await browser.get("/w/\(id)/plan?proposal=\(status.output)")
        #expect(view.status == 200)
        #expect(view.text.contains("id=\"take-proposal\""))
        #expect(try await browser.post("/w/\(id)/plan/take", [("proposal", String(status.output))]).status == 303)
        let proposed = try PlanFile(path: folder.appendingPathComponent("proposals/\(status.output)/plan.csv").path).plan
        #expect(try Self.editorPlan(folder) == proposed)
        #expect(try await browser.post("/w/\(id)/plan/take", [("proposal", "../1")]).status == 404)
        #expect(try await browser.get("/w/\(id)/plan?proposal=99").status == 404)
        // A target-mode targets file is read as `propose` reads it, before any job: a problem at its line, nothing kept.
        let targets = try await browser.postMultipart("/w/\(id)/plan/propose", fields: [("mode", "targets"), ("rules", "vn-2026"), ("seed", "42")],
                                                      files: [("targets", "my-targets.csv", Array("province,units\nNowhere,3\n".utf8))])
        #expect(targets.status == 422)
        #expect(targets.text.contains("my-targets.csv:2:1"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("targets.csv").path))
        let seed = try await browser.postMultipart("/w/\(id)/plan/propose", fields: [("mode", "mandatory"), ("rules", "vn-2026"), ("seed", "-1")], files: [])
        #expect(seed.status == 422)
        await server.stop()
    }

    @Test func theNationalPlanAnswersAndAGroupIsJudgedAgain() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        let (id, folder) = try await Self.workspace(server, browser, bundled: "vn-2025")
        var clock = ContinuousClock.now
        let page = try await browser.get("/w/\(id)/plan")
        print("national plan page (first, reading the scenario): \(ContinuousClock.now - clock), \(page.body.count) bytes")
        #expect(page.status == 200)
        // Two units of one province that the plan puts in different new units.
        let units = try UnitsFile(path: folder.appendingPathComponent("units.csv").path).units
        let plan = try PlanFile(path: folder.appendingPathComponent("plan.csv").path).plan
        let groupOf = Dictionary(plan.newUnits.flatMap { unit in unit.members.map { ($0.code, unit.code) } }, uniquingKeysWith: { a, _ in a })
        let province = try #require(units.first?.province)
        let inProvince = units.filter { $0.province == province }
        let a = try #require(inProvince.first)
        let b = try #require(inProvince.first { groupOf[$0.code] != groupOf[a.code] })
        clock = ContinuousClock.now
        let filtered = try await browser.get("/w/\(id)/plan?province=\(QueryText.escaped(province))")
        print("national plan page of \(province): \(ContinuousClock.now - clock), \(filtered.body.count) bytes")
        #expect(filtered.status == 200)
        clock = ContinuousClock.now
        let grouped = try await browser.post("/w/\(id)/plan/group", [("code", a.code), ("code", b.code), ("province", province)])
        print("national group edit (apply + judge 10,040 units, write editor.json): \(ContinuousClock.now - clock)")
        #expect(grouped.status == 303)
        clock = ContinuousClock.now
        let after = try await browser.get(try #require(grouped.header("Location")))
        print("national page after the edit: \(ContinuousClock.now - clock)")
        #expect(after.text.contains("id=\"plan-changed\""))
        clock = ContinuousClock.now
        let map = try await browser.get("/w/\(id)/plan/map.json")
        print("national map.json: \(ContinuousClock.now - clock), \(map.body.count) bytes")
        #expect(map.status == 200)
        await server.stop()
    }
}
