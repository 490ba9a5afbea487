import Foundation
import Testing
import MergerSimCLI

/// Issue 23: `compare --lang vi` writes the settings that differ in words, not as the manifest's machine text
/// (`scope=district cross_category=false`, `none`).
struct CompareSettingsTests {
    @Test func settingsThatDifferAreSaidInVietnamese() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let a = mergersim(["simulate", scenario, "--runs", "2", "--quiet", "--out", scratch.path("a")])
        let b = mergersim(["simulate", scenario, "--runs", "3", "--quiet", "--set", "transfers.scope=province", "--out", scratch.path("b")])
        #expect(a.code == 0 && b.code == 0, "\(a.error) \(b.error)")
        let vi = mergersim(["compare", scratch.path("a"), scratch.path("b"), "--lang", "vi"])
        #expect(vi.code == 0, "\(vi.error)")
        let lines = vi.out.split(separator: "\n").map(String.init)
        let transfers = try #require(lines.first { $0.hasPrefix("thiết lập khác nhau: điều động") })
        #expect(transfers.contains("phạm vi điều động: trong cùng huyện; điều động chéo giữa các nhóm: không"), "\(transfers)")
        #expect(transfers.contains("phạm vi điều động: trong cùng tỉnh; điều động chéo giữa các nhóm: không"), "\(transfers)")
        let overrides = try #require(lines.first { $0.hasPrefix("thiết lập khác nhau: giá trị ghi đè") })
        #expect(overrides.contains(" không có ") && overrides.contains("transfers.scope=province"), "\(overrides)")
        // English keeps the manifest's words, for scripts and as it always wrote them.
        let en = mergersim(["compare", scratch.path("a"), scratch.path("b")])
        #expect(en.out.contains("scope=district cross_category=false") && en.out.contains("scope=province cross_category=false"))
    }
}
