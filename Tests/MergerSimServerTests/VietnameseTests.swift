import Foundation
import Testing
import MergerSimInputs
import MergerSimReports
import MergerSimStore
@testable import MergerSimServer

/// The workbench as a Vietnamese planner reads it (a native reader's findings): every page of a Phan Rang workspace in
/// Vietnamese shows no English keys, raw settings, ISO dates or timestamps, or command-line syntax outside `<code>`;
/// the simulate form takes a date as 01/11/2024 and a decimal with a comma; transfers within a distance work.
@Suite(.serialized) struct VietnameseTests {
    /// What a Vietnamese page must not show a reader (outside `<code>`, scripts and the tags themselves).
    static let forbidden: [(name: String, pattern: String)] = [
        ("ISO date form", "YYYY-MM-DD"), ("ISO date", "\\b\\d{4}-\\d{2}-\\d{2}\\b"), ("timestamp", "T\\d{2}:\\d{2}:\\d{2}Z"),
        ("raw setting", "transfers\\.scope="), ("raw override", "\\b[a-z_]+(\\.[a-z_]+)+=[^ ]"), ("true", "\\btrue\\b"), ("false", "\\bfalse\\b"),
        // A column named in a sentence ("cột province = tên tỉnh") is a file's word, not the page's.
        ("province", "\\bprovince\\b(?! = )"), ("--set", "--set"), ("of", " of "), ("server path", "/tmp/|/work/"),
    ]

    /// The text a reader sees: the page without its tags, scripts, styles and `<code>`.
    static func visible(_ html: String) -> String {
        var text = html
        for element in ["script", "style", "code"] {
            text = text.replacingOccurrences(of: "<\(element)[^>]*>.*?</\(element)>", with: " ", options: [.regularExpression])
        }
        return text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    }

    /// Expects `page` (the HTML of `name`) to show none of ``forbidden``.
    static func expectVietnamese(_ page: TestResponse, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(page.text.contains("<html lang=\"vi\">"), "\(name) is not in Vietnamese", sourceLocation: sourceLocation)
        let text = visible(page.text)
        for (what, pattern) in forbidden {
            if let range = text.range(of: pattern, options: .regularExpression) {
                let before = text[..<range.lowerBound].suffix(60), after = text[range.upperBound...].prefix(60)
                let context = String(before) + String(text[range]) + String(after)
                Issue.record("\(name) shows \(what): …\(context)…", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func everyPageOfAPhanRangWorkspaceReadsInVietnamese() async throws {
        let server = try await TestWorkbench.start(language: .vi)
        let browser = server.browser()
        let id = try await RunTests.workspace(browser, bundled: "phan-rang-2024")
        Self.expectVietnamese(try await browser.get("/"), "home")
        Self.expectVietnamese(try await browser.get("/w/\(id)/units"), "units")
        let plan = try await browser.get("/w/\(id)/plan")
        Self.expectVietnamese(plan, "plan")
        #expect(plan.text.contains("01/11/2024"))

        // The form shows the scenario's date and the rule set's uptakes as a Vietnamese planner writes them.
        let form = try await browser.get("/w/\(id)/simulate")
        Self.expectVietnamese(form, "simulate")
        #expect(form.text.contains("value=\"01/11/2024\""))
        #expect(form.text.contains("id=\"sim-early-retirement-uptake\"") && form.text.range(of: "id=\"sim-resignation-uptake\" name=\"[^\"]+\" type=\"text\" value=\"0,\\d+\"", options: .regularExpression) != nil)

        // A date as day/month/year, decimals with a comma, transfers within 15,5 km: run as the CLI's overrides.
        let first = try await RunTests.simulate(server, browser, id, [
            ("effective_date", "15/11/2024"), ("rules.transition.exits.early_retirement_uptake", "0,3"),
            ("transfers.scope", "radius"), ("transfers.max_km", "15,5"), ("transfers.cross_category", "true"), ("transition.runs", "20"),
        ])
        let store = try RunStore(reading: server.data.appendingPathComponent(id).appendingPathComponent("runs.sqlite").path)
        #expect(try store.description(ofRun: 1)?.overrides == [
            "effective_date=2024-11-15", "transfers.scope=radius", "transfers.max_km=15.5", "transfers.cross_category=true", "transition.runs=20",
            "rules.transition.exits.early_retirement_uptake=0.3",
        ])
        let job = try await browser.get("/w/\(id)/jobs/\(first.id)")
        Self.expectVietnamese(job, "simulation's job")
        #expect(job.text.components(separatedBy: "Đã xong").count == 2)
        _ = try await RunTests.simulate(server, browser, id, [("transition.runs", "20"), ("transition.seed", "7"), ("transfers.scope", "province")])

        Self.expectVietnamese(try await browser.get("/w/\(id)/results"), "results")
        let run = try await browser.get("/w/\(id)/results/1")
        Self.expectVietnamese(run, "run")
        #expect(run.text.contains("phạm vi điều động: trong bán kính") && run.text.contains("không quá 15,5 km"))
        #expect(run.text.contains("ngày có hiệu lực: 15/11/2024") && run.text.contains("tỷ lệ nhận chính sách nghỉ hưu trước tuổi: 0,3"))
        let compare = try await browser.get("/w/\(id)/compare?run=1&run=2")
        Self.expectVietnamese(compare, "compare")
        #expect(compare.text.contains("Lần chạy 2 so với Lần chạy 1") && compare.text.contains("không ghép cặp do khác số khởi tạo ngẫu nhiên"))
        #expect(compare.text.contains("Thiết lập khác nhau: giá trị thay đổi so với kịch bản"))

        // A proposal on units without coordinates fails: the workbench's sentence, no server path, no CLI option.
        _ = try await browser.get("/w/\(id)/plan")
        let proposed = try await browser.postMultipart("/w/\(id)/plan/propose", fields: [("mode", "mandatory"), ("rules", "vn-2023"), ("seed", "42")], files: [])
        let proposal = String(try #require(proposed.header("Location")).split(separator: "/").last ?? "")
        let failed = try #require(await server.workbench.jobs.wait(proposal))
        #expect(failed.state == .failed)
        let failedPage = try await browser.get("/w/\(id)/jobs/\(proposal)")
        Self.expectVietnamese(failedPage, "failed proposal")
        #expect(failedPage.text.contains("chưa có tọa độ") && !failedPage.text.contains("--adjacency"))
        #expect(failedPage.text.contains("id=\"job-progress\" max=\"100\" value=\"0\" hidden"))
        await server.stop()
    }

    @Test func aBadValueIsTheFieldsSentenceInVietnameseWithoutTheCommandLine() async throws {
        let server = try await TestWorkbench.start(language: .vi)
        let browser = server.browser()
        let id = try await RunTests.workspace(browser, bundled: "phan-rang-2024")
        for (field, value, element, sentence) in [
            ("effective_date", "32/13/2024", "sim-effective-date", "“32/13/2024” không phải là ngày hợp lệ"),
            ("transfers.scope", "radius", "sim-transfers-scope", "Điều động trong bán kính cần nhập khoảng cách tối đa (km) lớn hơn 0."),
            ("transfers.max_km", "-3", "sim-transfers-max-km", "Khoảng cách tối đa phải là số ki-lô-mét lớn hơn 0"),
            ("transition.runs", "mười", "sim-transition-runs", "“mười” không phải là số nguyên"),
            ("rules.transition.exits.resignation_uptake", "1,5", "sim-resignation-uptake", "Tỷ lệ phải từ 0 đến 1, không phải 1,5."),
        ] {
            _ = try await browser.get("/w/\(id)/simulate")
            let refused = try await browser.post("/w/\(id)/simulate", [(field, value)])
            #expect(refused.status == 422, "\(field)")
            Self.expectVietnamese(refused, "refused \(field)")
            #expect(refused.text.contains("id=\"\(element)-error\">\(HTML.escape(sentence))"), "\(field)")
            #expect(refused.text.contains("value=\"\(HTML.escape(value))\""), "\(field) keeps what was typed")
        }
        #expect(await server.workbench.jobs.jobs(of: try #require(WorkspaceID(id))).isEmpty)
        await server.stop()
    }

    /// The bug the reader found: radius was checked without the distance given beside it.
    @Test func radiusWithItsDistanceIsAccepted() throws {
        let scenario = TestWorkbench.root.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let folder = TestWorkbench.root.appendingPathComponent("scenarios/phan-rang-2024")
        let labels = try Labels(.vi)
        for km in ["20", "15,5", "15.5"] {
            let changes: [(RunSetting, String)] = [(.scope, "transfers.scope=radius"), (.maxKm, "transfers.max_km=\(RunSetting.maxKm.canonical(km))")]
            let check = RunSettings.check(changes, scenario: scenario, in: folder, labels: labels)
            #expect(check.isValid, "\(km): \(check.byField) \(check.general)")
        }
        let alone = RunSettings.check([(.scope, "transfers.scope=radius")], scenario: scenario, in: folder, labels: labels)
        #expect(alone.byField[.scope] == labels("serve.run.error.radius_without_max_km"))
        #expect(alone.byField.count == 1)
        // With another transfers value changed after it, the scope still carries the problem.
        let three = RunSettings.check([(.scope, "transfers.scope=radius"), (.crossCategory, "transfers.cross_category=true")], scenario: scenario,
                                      in: folder, labels: labels)
        #expect(three.byField.keys.sorted { $0.rawValue < $1.rawValue } == [.scope])
    }

    @Test func theFormReadsAndWritesAsAVietnamesePlannerDoes() throws {
        let vi = try Labels(.vi), en = try Labels(.en)
        #expect(RunSetting.effectiveDate.canonical("01/07/2025") == "2025-07-01")
        #expect(RunSetting.effectiveDate.canonical("1/7/2025") == "2025-07-01")
        #expect(RunSetting.effectiveDate.canonical("2025-07-01") == "2025-07-01")
        #expect(RunSetting.effectiveDate.canonical("32/13/2024") == "2024-13-32")
        #expect(RunSetting.earlyRetirementUptake.canonical("0,5") == "0.5")
        #expect(RunSetting.earlyRetirementUptake.canonical("0.5") == "0.5")
        #expect(RunSetting.runs.canonical("1,5") == "1,5")
        #expect(RunSetting.effectiveDate.shown("2024-11-01", labels: vi) == "01/11/2024")
        #expect(RunSetting.effectiveDate.shown("2024-11-01", labels: en) == "2024-11-01")
        #expect(RunSetting.maxKm.shown("15.5", labels: vi) == "15,5")
        #expect(RunSettings.words(["transfers.scope=province", "transfers.cross_category=true", "transition.runs=20", "transition.seed=7",
                                   "rules.transition.exits.early_retirement_uptake=0.3", "pooled_quota=true"], labels: vi)
                == "phạm vi điều động: trong cùng tỉnh; điều động chéo giữa các nhóm: có; số lần mô phỏng: 20; số khởi tạo ngẫu nhiên: 7; "
                + "tỷ lệ nhận chính sách nghỉ hưu trước tuổi: 0,3; tính chung biên chế cán bộ, công chức: có")
        #expect(RunSettings.words([], labels: vi) == "không có")
        #expect(Workbench.shownTime("not a time", labels: vi) == "not a time")
        #expect(Workbench.shownTime("2026-12-06T19:07:55Z", labels: vi).range(of: "^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}$", options: .regularExpression) != nil)
    }
}
