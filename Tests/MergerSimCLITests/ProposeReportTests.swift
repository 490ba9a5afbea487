import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 23, item 5: `propose` writes a report a planner can defend: report.html with the proposal on the
/// map and each group's reason by name, report.xlsx with --xlsx, and a console that explains the units below
/// the standards it leaves as they are. Checked against proposal.csv and the units file, not the renderer.
struct ProposeReportTests {
    static let round2026 = repositoryRoot.appendingPathComponent("scenarios/vn-2026-round/units.csv").path

    /// Units' names by code, from the units file itself.
    static func names(_ path: String) throws -> [String: String] {
        Dictionary(try csv(path).map { ($0["code"] ?? "", $0["name"] ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    /// The proposal's new units with their members' codes, as proposal.csv lists them.
    static func groups(_ folder: String) throws -> [(code: String, members: [String])] {
        try csv(folder + "/proposal.csv").filter { Int($0["member_count"] ?? "") ?? 0 >= 2 }
            .map { ($0["new_code"] ?? "", ($0["members"] ?? "").split(separator: ";").map(String.init)) }
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    @Test func theReportNamesEveryMemberOfEachGroupInItsReasonAndDrawsOneLinePerMember() throws {
        let scratch = try Scratch()
        let run = mergersim(["propose", Self.round2026, "--rules", "vn-2026", "--lang", "vi", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        let html = try String(contentsOfFile: scratch.path("out/report.html"), encoding: .utf8)
        let names = try Self.names(Self.round2026)
        let groups = try Self.groups(scratch.path("out"))
        #expect(!groups.isEmpty)
        // Each group's reason (the list item that opens with the new unit's code) names every member.
        let items = html.components(separatedBy: "<li>").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
        for group in groups {
            let item = items.first { $0.hasPrefix("<b><span class=\"code\">\(group.code)</span>") }
            #expect(item != nil, "no reason for \(group.code)")
            for member in group.members {
                #expect(item?.contains(Self.escaped(names[member] ?? "?")) == true, "\(group.code): \(member) \(names[member] ?? "?") not named")
            }
        }
        // One line per member other than the lead (whose code the new unit takes), every unit here having a position.
        let joins = html.components(separatedBy: "<line class=\"join\"").count - 1
        #expect(joins == groups.reduce(0) { $0 + $1.members.count - 1 }, "\(joins) lines")
        // Vietnamese: the reason says who must merge, by name.
        #expect(html.contains("phải sắp xếp (R-2.3"), "no reason in Vietnamese")
    }

    @Test func theUnitsBelowTheProposalLeavesAloneAreExplainedAndSimulateAgrees() throws {
        let scratch = try Scratch()
        let run = mergersim(["propose", Self.round2026, "--rules", "vn-2026", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        let simulate = mergersim(["simulate", scratch.path("out/scenario.yaml"), "--runs", "2", "--quiet", "--out", scratch.path("run")])
        #expect(simulate.code == 0, "\(simulate.error)")
        let below = try csv(scratch.path("run/summary.csv")).first { $0["metric"] == "units_after_below" }?["value"]
        let line = run.out.split(separator: "\n").first { $0.contains("not required to merge in the 2026 round") }
        let count = try #require(below.flatMap { Int($0) })
        #expect(count > 0 && line?.hasPrefix("\(ReportFormat.grouped(count)) units left as they are") == true, "\(count): \(run.out)")
    }

    @Test func theWorkbookHasTheProposalThePlanAndTheUnitsBefore() throws {
        let scratch = try Scratch()
        let run = mergersim(["propose", Self.round2026, "--rules", "vn-2026", "--lang", "vi", "--xlsx", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("report.xlsx"))
        let book = try WorkbookTests.Opened(scratch.path("out/report.xlsx"))
        #expect(book.sheetNames == ["Phương án đề xuất", "Phương án", "Đơn vị trước", "Giả định", "Giải thích các cột"], "\(book.sheetNames)")
        let rows = try csv(scratch.path("out/proposal.csv"))
        let proposal = book.sheets[0]
        // A header and one row per row of proposal.csv, codes as text, in the same order.
        #expect(proposal["A1"]?.value == "Mã đơn vị mới")
        #expect(proposal["A\(rows.count + 1)"]?.value == rows.last?["new_code"] && proposal["A\(rows.count + 1)"]?.number == false)
        #expect(proposal["A\(rows.count + 2)"] == nil)
        // The reason column (last) names the new unit's members.
        let names = try Self.names(Self.round2026)
        let reasons = proposal.filter { $0.key.hasPrefix("N") && $0.key != "N1" }.map(\.value.value)
        let first = try #require(rows.first)
        #expect(reasons.contains { reason in (first["members"] ?? "").split(separator: ";").allSatisfy { reason.contains(names[String($0)] ?? "?") } },
                "\(reasons.prefix(2))")
        // The units before, one row each.
        #expect(book.sheets[2]["A\(names.count + 1)"] != nil && book.sheets[2]["A\(names.count + 2)"] == nil)
    }
}
