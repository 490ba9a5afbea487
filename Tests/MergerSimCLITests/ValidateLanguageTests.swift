import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs

/// Issue 23: `validate` says what it found in the chosen language (`--lang`, else the scenario's `lang:`);
/// English as it always printed it.
struct ValidateLanguageTests {
    static let scenario = repositoryRoot.appendingPathComponent("scenarios/vn-2026-round/scenario.yaml").path

    @Test func validateSpeaksVietnamese() throws {
        let vi = mergersim(["validate", Self.scenario, "--lang", "vi", "--set", "transfers.scope=radius", "--set", "transfers.max_km=12.5"])
        #expect(vi.code == 0, "\(vi.error)")
        // The overrides line repeats the keys as typed (`transfers.max_km`): codes, left out.
        let found = VietnameseWordsTests.englishConsoleWords(vi.out.split(separator: "\n").filter { !$0.contains("(--set)") }.joined(separator: "\n"))
        #expect(found.isEmpty, "validate: \(Set(found).sorted())")
        let lines = vi.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("  bộ quy định trước sắp xếp (mặc định): vn-2025 (đang có hiệu lực vào ngày 31/12/2025, ngày liền trước ngày sắp xếp có hiệu lực)"))
        #expect(lines.contains { $0.hasSuffix("units.csv: 3.321 (2.621 xã, 687 phường, 13 đặc khu)") })
        #expect(lines.contains { $0.hasPrefix("  điều động: trong bán kính, không quá 12,5 km; ") })
        #expect(lines.contains("Kịch bản hợp lệ."))
        #expect(lines.contains { $0.hasPrefix("  bộ quy định: vn-2026, Từ ngày 01/01/2026 (") })
    }

    /// English as before: the kinds by their file names, ISO dates, the rule set's English title.
    @Test func englishIsAsItWas() throws {
        let en = mergersim(["validate", Self.scenario])
        #expect(en.code == 0, "\(en.error)")
        let lines = en.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("  rules before: default vn-2025 (in force on 2025-12-31, the day before the effective date)"))
        #expect(lines.contains("  effective 2026-01-01 (default: the rule set's in_force.from); back within quota by 2031-01-01"))
        #expect(lines.contains { $0.hasSuffix("units.csv: 3,321 (2,621 commune, 687 ward, 13 special_zone)") })
        #expect(lines.last == "The scenario is valid.")
    }

    /// A scenario that says `lang: vi` is validated in Vietnamese without `--lang`.
    @Test func theScenariosLanguageIsValidatesLanguage() throws {
        let scratch = try Scratch()
        let folder = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024")
        let path = try scratch.write("scenario.yaml", Array("""
            name: pr-vi
            rules: vn-2023
            effective_date: 2024-11-01
            lang: vi
            units: \(folder.appendingPathComponent("units.csv").path)
            plan: \(folder.appendingPathComponent("plan.csv").path)

            """.utf8))
        let run = mergersim(["validate", path])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.hasPrefix("Kịch bản pr-vi (") && run.out.contains("\nKịch bản hợp lệ."), "\(run.out)")
    }

    /// Every bundled rule set has its title in Vietnamese, with no English title word in it.
    @Test(arguments: ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
    func everyBundledRuleSetHasAVietnameseTitle(id: String) throws {
        let title = try #require(try RuleSetLoader.load(id).rules.vietnameseTitle)
        for word in ["Res.", "Decree", "Round", "reform", "standards", "quotas", "Dispatch", "From"] { #expect(!title.contains(word), "\(id): \(title)") }
    }
}
