import Foundation
import Testing
import MergerSimCLI

/// Issue 23: `sensitivity --lang vi` prints its console in Vietnamese (the keys and sensitivity.csv stay machine
/// text); English as before.
struct SensitivityLanguageTests {
    @Test func theTornadoInVietnamese() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let vi = mergersim(["sensitivity", scenario, "--runs", "4", "--only", "rules.transition.exits.offer_model", "--quiet", "--lang", "vi",
                            "--out", scratch.path("vi")])
        #expect(vi.code == 0, "\(vi.error)")
        let keysLeftOut = vi.out.split(separator: "\n").map { $0.replacingOccurrences(of: "rules.transition.exits.offer_model", with: " ") }
        let found = VietnameseWordsTests.englishConsoleWords(keysLeftOut.joined(separator: "\n"))
        #expect(found.isEmpty, "sensitivity: \(Set(found).sorted())")
        #expect(vi.out.hasPrefix("Phân tích độ nhạy của kịch bản phan-rang-2024 theo các giá trị chưa xác nhận (NC) của bộ quy định (1 giá trị thay đổi, "))
        #expect(vi.out.contains("lựa chọn một lần, giữ nguyên các năm sau → xét lại hằng năm"))
        #expect(!vi.out.contains("lasting") && !vi.out.contains("Wrote"))
        let en = mergersim(["sensitivity", scenario, "--runs", "4", "--only", "rules.transition.exits.offer_model", "--quiet",
                            "--out", scratch.path("en")])
        #expect(en.out.hasPrefix("Sensitivity of phan-rang-2024 to the NC values of its rule set (1 varied, "))
        #expect(en.out.contains("lasting → yearly") && en.out.contains("\nWrote \(scratch.path("en"))/: runs.sqlite, sensitivity.csv, report.html, manifest.json"))
        // The CSV is the same whatever the language.
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path("vi/sensitivity.csv")))
                == Data(contentsOf: URL(fileURLWithPath: scratch.path("en/sensitivity.csv"))))
    }
}
