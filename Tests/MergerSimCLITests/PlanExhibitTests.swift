import Foundation
import Testing
import MergerSim
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 23, item 2: the plan shown with names ("Phương án"), the units before with their verdicts, and a
/// category that ends said where its figures appear.
struct PlanExhibitTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    /// The exhibit's groups are the plan file's groups, each member with its name from the units file, and
    /// what members bring adds up to the unit after (people and land conserved, as the plan file says).
    @Test func theExhibitIsThePlanFileWithNames() throws {
        let inputs = try ScenarioInputs(scenario: Scenario(path: phanRang, overrides: [Override(parsing: "transition.runs=5")]))
        let outcome = try inputs.run()
        let reallocation = try #require(outcome.reallocation)
        let exhibit = try PlanExhibit(before: outcome.before, after: reallocation.after, staffAfterTransfers: reallocation.transfers.staffAfter)
        let plan = try csv(repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/plan.csv").path)
        let units = try csv(repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path)
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0["code"] ?? "", $0["name"] ?? "") })
        var groups: [String: [String]] = [:]
        for row in plan { groups[row["new_code"] ?? "", default: []].append(row["member_code"] ?? "") }
        #expect(exhibit.after.count == 2 && exhibit.changed.count == 2 && exhibit.untouched.isEmpty && exhibit.before.count == 5)
        for unit in exhibit.after {
            #expect(unit.members.map(\.screening.unit.code) == groups[unit.result.unit.code], "\(unit.result.unit.code)")
            for member in unit.members { #expect(member.screening.unit.name == names[member.screening.unit.code] && !member.isSplit) }
            #expect(unit.members.map(\.contribution.population).reduce(0, +) == unit.result.unit.population)
            #expect(unit.members.map(\.contribution.area.millionths).reduce(0, +) == unit.result.unit.area.millionths)
        }
        // Kinh Dinh: 3.50 km² and 24,656 people against 5.5 km² × 100 % and 7,000 × 100 % (R-2.5 on ): 64 % and 352 %.
        let kinhDinh = try #require(exhibit.after.first { $0.result.unit.code == "22759" })
        #expect(abs(kinhDinh.areaShare - 3.50 / 5.5) < 1e-9 && abs(kinhDinh.populationShare - 24_656.0 / 7_000) < 1e-9)
        // The verdicts of the units before: 2 must merge, 1 borderline, 2 not required (the screening line of the console).
        #expect(exhibit.verdictCounts == [.merge: 2, .borderline: 1, .keep: 2])
        // The surplus after transfers is each unit's staff after stage 2 over its quota (no transfers here: staff − quota).
        #expect(kinhDinh.surplusAfterTransfers == kinhDinh.result.surplus)
    }

    /// The run's own results must agree; a member the units before lack is an internal error, not a blank row.
    @Test func aMemberMissingFromTheUnitsBeforeIsAnInternalError() throws {
        let inputs = try ScenarioInputs(scenario: Scenario(path: phanRang, overrides: [Override(parsing: "transition.runs=5")]))
        let outcome = try inputs.run(through: .judging)
        #expect(throws: InternalError.self) { try PlanExhibit(before: Array(outcome.before.dropFirst()), after: outcome.judged) }
        #expect(throws: InternalError.self) { try PlanExhibit(before: outcome.before, after: outcome.judged, staffAfterTransfers: []) }
    }

    /// The report shows the plan with every member's name, in a table per unit after, then the units before.
    @Test(arguments: [("vi", "Phương án: các đơn vị hành chính sau sắp xếp", "5 đơn vị: 2 phải sắp xếp, 1 cận ngưỡng, 0 không bắt buộc sắp xếp, 2 không thuộc diện sắp xếp."),
                      ("en", "The plan: units after the arrangement", "5 units: 2 must merge, 1 borderline, 0 exempt from merging, 2 not required to merge.")])
    func theReportShowsThePlanWithNames(lang: String, title: String, counts: String) throws {
        let scratch = try Scratch()
        let run = mergersim(["simulate", phanRang, "--runs", "20", "--quiet", "--out", scratch.path("out"), "--lang", lang])
        #expect(run.code == 0, "\(run.error)")
        let page = try String(contentsOfFile: scratch.path("out/report.html"), encoding: .utf8)
        #expect(page.contains(title) && page.contains(counts))
        for name in ["Mỹ Hương", "Tấn Tài", "Kinh Dinh", "Thanh Sơn", "Phủ Hà"] {
            // Once in the plan (as a member) and once among the units before, at least.
            #expect(page.components(separatedBy: ">\(name)<").count - 1 >= 2, "\(name)")
        }
        #expect(page.components(separatedBy: "<tr class=\"after\">").count - 1 == 2)
        #expect(page.components(separatedBy: "<tr class=\"member\">").count - 1 == 5)
        #expect(!page.contains("exhibit."), "a label key printed instead of its words")
        // Phan Rang's non-professional posts do not end (vn-2023): no sentence, no marker.
        #expect(!page.contains("stroke-dasharray"))
    }

    /// The workbook's "Phương án" sheet: one row per member, its unit after's figures on each row, names and
    /// verdicts in words, shares as percentages.
    @Test func theWorkbookHasThePlanSheet() throws {
        let book = try WorkbookFormatTests.vietnameseBook()
        let s = try #require(book.names.firstIndex(of: "Phương án"))
        #expect(s == 1, "the plan comes right after the summary")
        let rows = book.sheets[s].filter { $0.key > 1 }.map(\.value)
        #expect(rows.count == 5)
        func column(_ name: String) throws -> String { try #require(book.letter(of: name, in: s), "\(name)") }
        let member = try column("member_name"), newName = try column("new_name"), verdict = try column("verdict"), share = try column("area_share")
        #expect(Set(rows.compactMap { $0[member]?.value }) == ["Mỹ Hương", "Tấn Tài", "Kinh Dinh", "Thanh Sơn", "Phủ Hà"])
        #expect(rows.filter { $0[newName]?.value == "Kinh Dinh" }.count == 3 && rows.filter { $0[newName]?.value == "Phủ Hà" }.count == 2)
        #expect(rows.contains { $0[verdict]?.value == "phải sắp xếp" } && !rows.contains { $0[verdict]?.value == "merge" })
        let kinhDinh = try #require(rows.first { $0[newName]?.value == "Kinh Dinh" }?[share])
        #expect(kinhDinh.number && kinhDinh.format.hasSuffix("%") && abs((Double(kinhDinh.value) ?? 0) - 3.5 / 5.5) < 1e-6)
    }

    /// vn-2025 ends the non-professional posts on 1 Aug 2025: the report says so beside the
    /// figures, with the people concerned, and marks the day on the category's chart.
    @Test func aCategoryThatEndsIsSaidAndMarked() throws {
        let scratch = try Scratch()
        let units = try scratch.write("units.csv", Array("""
            code,name,kind,province,area_km2,population,cadres,civil_servants,non_professional,lat,lon
            A1,Xã Một,commune,Tỉnh A,20,3000,10,10,9,11.50,108.90
            A2,Xã Hai,commune,Tỉnh A,25,3500,10,11,8,11.52,108.92
            """.utf8))
        let plan = try scratch.write("plan.csv", Array("""
            new_code,new_name,new_kind,member_code
            N1,Xã Mới,commune,A1
            N1,Xã Mới,commune,A2
            """.utf8))
        let scenario = try scratch.write("scenario.yaml", Array("""
            name: ends
            rules: vn-2025
            units: \(units)
            plan: \(plan)
            transition: {runs: 10}
            """.utf8))
        let run = mergersim(["simulate", scenario, "--quiet", "--out", scratch.path("out"), "--lang", "vi"])
        #expect(run.code == 0, "\(run.error)")
        let page = try String(contentsOfFile: scratch.path("out/report.html"), encoding: .utf8)
        #expect(page.contains("Chức danh người hoạt động không chuyên trách cấp xã chấm dứt từ ngày 01/08/2025 (theo Công văn số 09/CV-BCĐ ngày 30/05/2025; Điều 11 Nghị quyết số 76/2025/UBTVQH15; R-4.7)"))
        #expect(page.contains("17 người đang giữ chức danh"), "the 9 + 8 non-professional workers")
        #expect(page.contains("stroke-dasharray") && page.contains("chấm dứt 01/08/2025"))
    }
}
