import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports
import Testing
@testable import MergerSimServer

/// Step 1: the units page screens the workspace's units as `mergersim screen` does, and shows them a page at a time.
@Suite struct UnitsTests {
    static let phanRangUnits = TestWorkbench.root.appendingPathComponent("scenarios/phan-rang-2024/units.csv")

    /// A workspace made from an uploaded units file; returns its units page's path.
    static func upload(_ content: String, name: String = "upload", browser: TestBrowser) async throws -> TestResponse {
        _ = try await browser.get("/")
        return try await browser.postMultipart("/workspaces", fields: [("name", name)], files: [("units", "my units.csv", Array(content.utf8))])
    }

    @Test func theScreeningTableAndMapGiveTheLibrarysVerdictForEveryUnit() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        _ = try await browser.get("/")
        let made = try await browser.postMultipart("/workspaces", fields: [("name", "Phan Rang"), ("bundled", "phan-rang-2024")], files: [])
        let page = try await browser.get(try #require(made.header("Location")))
        #expect(page.status == 200)
        // The expected verdicts: the library's own screening under the scenario's rules before the merger.
        let scenario = try Scenario(path: TestWorkbench.root.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path)
        let ruleSet = try RuleSetLoader.load(scenario.settings.rulesBefore ?? scenario.settings.rules).rules
        let units = try UnitsFile(path: Self.phanRangUnits.path).units
        let results = try ruleSet.screen(units, round: try #require(ruleSet.screening.round(ruleSet.screening.defaultRound)))
        let labels = try Labels(.en)
        for result in results {
            #expect(page.text.contains("<tr data-code=\"\(result.unit.code)\">"))
            let verdict = labels.value(result.verdict.rawValue, column: "verdict")
            #expect(page.text.contains("<td class=\"verdict-\(Workbench.mapClass(result.verdict))\">\(verdict)</td>"))
        }
        let map = try await browser.get(try #require(made.header("Location")) + "/map.json")
        let data = try JSONDecoder().decode(MapData.self, from: Data(map.body))
        #expect(data.points.count == results.filter { $0.unit.location != nil }.count)
        #expect(Set(data.points.map(\.c)) == Set(results.filter { $0.unit.location != nil }.map(\.unit.code)))
        await server.stop()
    }

    @Test func filtersSortingAndPagesOnTheNationalUnits() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        _ = try await browser.get("/")
        let made = try await browser.postMultipart("/workspaces", fields: [("name", "national"), ("bundled", "vn-2025")], files: [])
        let path = try #require(made.header("Location"))
        let first = try await browser.get(path)
        #expect(first.status == 200)
        #expect(first.text.components(separatedBy: "<tr data-code=").count - 1 == Workbench.unitsPerPage)
        let province = "Tỉnh Nghệ An"
        let query = "?province=\(QueryText.escaped(province))&verdict=merge&sort=population&desc=1"
        let filtered = try await browser.get(path + query)
        let codes = filtered.text.components(separatedBy: "<tr data-code=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        let units = try UnitsFile(path: TestWorkbench.root.appendingPathComponent("scenarios/vn-2025/units.csv").path).units
        let byCode = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) })
        #expect(!codes.isEmpty)
        #expect(codes.allSatisfy { byCode[$0]?.province == province })
        let populations = codes.compactMap { byCode[$0]?.population }
        #expect(populations == populations.sorted(by: >))
        // The filter's own form: a browser sends the spaces of a province's name as "+".
        let plus = try await browser.get(path + "?province=" + province.split(separator: " ").map { QueryText.escaped(String($0)) }.joined(separator: "+"))
        #expect(plus.text.contains("data-focus=\"\(province)\""))
        let inProvince = units.filter { $0.province == province }.count
        #expect(plus.text.components(separatedBy: "<tr data-code=").count - 1 == min(inProvince, Workbench.unitsPerPage))
        #expect(plus.text.contains("(\(inProvince))"))
        #expect(plus.text.contains("?lang=vi") == false && plus.text.contains("&amp;lang=vi"))
        // An unknown province, verdict or column is not a filter: the page answers with all units.
        let ignored = try await browser.get(path + "?province=Atlantis&verdict=maybe&sort=../../etc&page=-3")
        #expect(ignored.status == 200)
        #expect(ignored.text.components(separatedBy: "<tr data-code=").count - 1 == Workbench.unitsPerPage)
        await server.stop()
    }

    @Test func anUploadedUnitsFileIsReadAsTheCLIReadsItAndANameIsShownAsText() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        var lines = try String(contentsOf: Self.phanRangUnits, encoding: .utf8).components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",")
        let nameColumn = try #require(header.firstIndex(of: "name"))
        var cells = lines[1].components(separatedBy: ",")
        cells[nameColumn] = "<script>alert(1)</script>"
        lines[1] = cells.joined(separator: ",")
        let made = try await Self.upload(lines.joined(separator: "\n"), browser: browser)
        #expect(made.status == 303)
        let page = try await browser.get(try #require(made.header("Location")))
        #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.text.contains("<script>alert(1)"))

        // A bad value: the CLI's sentence at its place in the uploaded file, in the page's language; nothing made.
        let populationColumn = try #require(header.firstIndex(of: "population"))
        cells[populationColumn] = "many"
        lines[1] = cells.joined(separator: ",")
        let before = try FileManager.default.contentsOfDirectory(atPath: server.data.path).sorted()
        let refused = try await Self.upload(lines.joined(separator: "\n"), browser: browser)
        #expect(refused.status == 422)
        var expected = ""
        do { _ = try UnitsFile(bytes: Array(lines.joined(separator: "\n").utf8), file: "my units.csv") } catch {
            expected = error.text(try Labels(.en))
        }
        #expect(!expected.isEmpty)
        #expect(refused.text.contains(HTML.escape(expected)))
        #expect(refused.text.contains("my units.csv:2:"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: server.data.path).sorted() == before)
        await server.stop()
    }
}
