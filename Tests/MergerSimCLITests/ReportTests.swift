import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 12: report.html in every simulate run folder, in English or Vietnamese, from one label table per language.
struct ReportTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    @Test func bothLanguagesHaveEveryLabel() throws {
        let en = try Labels.table(.en), vi = try Labels.table(.vi)
        #expect(Set(en.keys) == Set(vi.keys), "only in en: \(Set(en.keys).subtracting(vi.keys)); only in vi: \(Set(vi.keys).subtracting(en.keys))")
        #expect(en.values.allSatisfy { !$0.isEmpty } && vi.values.allSatisfy { !$0.isEmpty })
        // Placeholders match, so a sentence never loses a figure in translation.
        func placeholders(_ text: String) -> Set<String> {
            Set(text.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap { $0.split(separator: "}").first.map(String.init) })
        }
        for (key, text) in en { #expect(placeholders(text) == placeholders(vi[key] ?? ""), "\(key)") }
        let labels = try Labels(.vi)
        #expect(labels.number(1234567.26, decimals: 1) == "1.234.567,3")
        #expect(try Labels(.en).number(1234567.26, decimals: 1) == "1,234,567.3")
        #expect(labels.billions(15_969_825_612) == "16,0 tỷ đồng")
    }

    @Test(arguments: [("en", "Surplus cadres: the path to quota", "not met"), ("vi", "Dôi dư cán bộ: lộ trình bảo đảm số lượng theo quy định", "không đạt")])
    func everyRunFolderHasASelfContainedReport(lang: String, fanTitle: String, verdict: String) throws {
        let scratch = try Scratch()
        let run = mergersim(["simulate", phanRang, "--runs", "40", "--quiet", "--out", scratch.path("out"), "--lang", lang])
        #expect(run.code == 0, "\(run.error)")
        let page = try String(contentsOfFile: scratch.path("out/report.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html><html lang=\"\(lang)\">"))
        // Self-contained: no script, no stylesheet or image to fetch, no address but SVG's namespace.
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("<link"))
        #expect(page.components(separatedBy: "http").count - 1 == page.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
        // Every label found in the language's table (no key printed instead of its words).
        // (The assumptions' key paths, for scripts, are not labels: `reallocation.cross_category.0.from`.)
        let keyCell = try NSRegularExpression(pattern: "<td class=\"code key\">[^<]*</td>")
        let words = keyCell.stringByReplacingMatches(in: page, range: NSRange(page.startIndex..., in: page), withTemplate: "")
        for prefix in ["report.", "category.", "outcome.", "verdict.", "money.", "assumption."] { #expect(!words.contains(prefix), "\(prefix)") }
        // The assumptions are a table a person reads, never JSON.
        #expect(!page.contains("{&quot;") && !page.contains("[&quot;"))
        #expect(page.contains(fanTitle) && page.contains(verdict))
        // A fan chart per category: two bands and a median line each.
        #expect(page.components(separatedBy: "<polygon").count - 1 == 6)
        #expect(page.components(separatedBy: "<polyline").count - 1 == 3)
        // The units with most surplus, by code, and the assumptions in force.
        #expect(page.contains(">22759<") && page.contains("transition.exits"))
        let manifest = try String(contentsOfFile: scratch.path("out/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"language\" : \"\(lang)\"") && manifest.contains("report.html"))
    }

    @Test func theConsoleSpeaksTheChosenLanguage() throws {
        let scratch = try Scratch()
        let run = mergersim(["simulate", phanRang, "--runs", "20", "--quiet", "--out", scratch.path("out"), "--lang", "vi"])
        #expect(run.out.hasPrefix("Phương án phan-rang-2024 theo vn-2023"), "\(run.out)")
        #expect(run.out.contains("cán bộ") && run.out.contains("tỷ đồng (bình quân)") && run.out.contains(": không đạt."))
        let units = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path
        let screen = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("screen"), "--lang", "vi"])
        #expect(screen.out.hasPrefix("Đã rà soát 5 đơn vị theo vn-2023") && screen.out.contains("sắp xếp"), "\(screen.out)")
        let english = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("screen-en")])
        #expect(english.out.hasPrefix("Screened 5 units under vn-2023") && english.out.contains("meet both standards"))
        // What was written is said in the language too (issue 23): no English "Wrote" in a Vietnamese console.
        #expect(run.out.contains("Đã ghi vào \(scratch.path("out"))/: screening.csv") && !run.out.contains("Wrote"), "\(run.out)")
        #expect(screen.out.contains("Đã ghi vào \(scratch.path("screen"))/: screening.csv, manifest.json") && !screen.out.contains("Wrote"), "\(screen.out)")
        #expect(english.out.contains("Wrote \(scratch.path("screen-en"))/: screening.csv, manifest.json"), "\(english.out)")
    }

    @Test func aScenarioChoosesItsLanguageAndABadOneIsRefused() throws {
        let scratch = try Scratch()
        let text = try String(contentsOfFile: phanRang, encoding: .utf8)
        let folder = URL(fileURLWithPath: phanRang).deletingLastPathComponent().path
        let scenario = try scratch.write("s.yaml", Array((text.replacingOccurrences(of: "units: units.csv", with: "units: \(folder)/units.csv")
            .replacingOccurrences(of: "plan: plan.csv", with: "plan: \(folder)/plan.csv") + "\nlang: vi\n").utf8))
        let run = mergersim(["simulate", scenario, "--runs", "10", "--quiet", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        #expect(try String(contentsOfFile: scratch.path("out/report.html"), encoding: .utf8).contains("<html lang=\"vi\">"))
        let bad = mergersim(["simulate", scenario, "--runs", "10", "--quiet", "--out", scratch.path("bad"), "--set", "lang=fr"])
        #expect(bad.code == 64 && bad.error.contains("lang \"fr\" is not en or vi"), "\(bad.error)")
        #expect(mergersim(["simulate", scenario, "--lang", "fr"]).code == 64)
    }

    /// A native reader's finding (issue 23): the console's table of units by kind shows only the kinds the run
    /// has (Phan Rang: wards only), not columns of zeros for special zones and island districts.
    @Test func theConsoleShowsOnlyTheKindsTheRunHas() throws {
        let scratch = try Scratch()
        let run = mergersim(["simulate", phanRang, "--runs", "5", "--quiet", "--out", scratch.path("out"), "--lang", "vi"])
        #expect(run.code == 0, "\(run.error)")
        let header = try #require(run.out.split(separator: "\n").first { $0.contains("tổng") && $0.contains("phường") })
        #expect(!header.contains("đặc khu") && !header.contains("huyện đảo") && !header.contains("thị trấn"), "\(header)")
        #expect(run.out.split(separator: "\n").contains { $0.hasPrefix("trước sắp xếp") && $0.hasSuffix(" 5") })
    }
}
