import Foundation
import Testing
import MergerSim
import RuleSets
@testable import MergerSimInputs
@testable import MergerSimReports

/// Issue 23: every R-id a rule set uses is cited by the legal name of its instrument, in English and Vietnamese.
struct CitationTests {
    /// Every `rule:` value of the bundled file, read from its text (not through the loader under test).
    static func ruleIDsInText(_ id: String) throws -> Set<String> {
        let text = try String(contentsOf: BundledRuleSets.folder.appendingPathComponent("\(id).yaml"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\brule: (R-[0-9]+\.[0-9]+[a-z]?)"#)
        return Set(pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    @Test(arguments: ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
    func everyRuleOfABundledSetIsCited(id: String) throws {
        let rules = try RuleSetLoader.load(id).rules
        let used = try Self.ruleIDsInText(id)
        #expect(used.count >= 15)
        for rule in used {
            let citation = try #require(rules.citations[rule], "\(id): \(rule)")
            // The Vietnamese names the instrument as Vietnamese officials write it, never in English.
            // The article first, then the instrument with "số" before its number: "Điều 3 Nghị quyết số 35/2023/UBTVQH15".
            #expect(["Nghị quyết số", "Nghị định số", "Công văn số", "Luật", "Các Nghị định số", "Điều", "khoản", "Chương"].contains { citation.vi.hasPrefix($0) },
                    "\(id): \(rule) \(citation.vi)")
            #expect(citation.vi.range(of: #"(Nghị quyết|Nghị định|Quyết định|Công văn|Thông tư) [0-9]"#, options: .regularExpression) == nil,
                    "\(id): \(rule) \(citation.vi): an instrument's number follows \"số\"")
            for english in ["Res.", "Decree", "Art.", "Law ", "Dispatch", "as amended"] { #expect(!citation.vi.contains(english), "\(id): \(rule)") }
        }
    }

    @Test func theResolutionOfTheRoundsIsCitedWithItsArticle() throws {
        let rules = try RuleSetLoader.load("vn-2023").rules
        #expect(rules.citations["R-2.2a"] == Citation(en: "Res. 35/2023/UBTVQH15, Art. 3", vi: "Điều 3 Nghị quyết số 35/2023/UBTVQH15"))
        #expect(rules.citation("R-4.6")?.vi == "khoản 3 Điều 11 Nghị quyết số 35/2023/UBTVQH15")
        #expect(try RuleSetLoader.load("vn-2026").rules.citation("R-3.0")?.en == "Decree 307/2025/NĐ-CP")
    }

    @Test func aRuleWithoutACitationIsRefusedWhereItIsUsed() throws {
        let path = BundledRuleSets.folder.appendingPathComponent("vn-2026.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "  R-4.6: {en:", with: "  R-4.6x: {en:")
        #expect(edited != text)
        do {
            _ = try RuleSetLoader.load(bytes: Array(edited.utf8), file: "r.yaml", source: "r.yaml")
            Issue.record("a rule set without R-4.6's citation loaded")
        } catch {
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("deadline:") }.map { $0 + 1 }
            #expect(error.description.hasPrefix("r.yaml:\(line ?? 0):"), "\(error)")
            #expect(error.description.contains("R-4.6 has no citation"))
        }
    }

    /// Every `instrument:` a value names has its Vietnamese name (instrument_names), or the file is refused at
    /// the value's line: a report in Vietnamese never shows an English title.
    @Test func anInstrumentWithoutAVietnameseNameIsRefusedWhereItIsNamed() throws {
        let path = BundledRuleSets.folder.appendingPathComponent("vn-2025.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "  \"Res. 76/2025 Art. 11\": ", with: "  \"Res. 76/2025 Art. 12\": ")
        #expect(edited != text)
        do {
            _ = try RuleSetLoader.load(bytes: Array(edited.utf8), file: "r.yaml", source: "r.yaml")
            Issue.record("a rule set without the Vietnamese name of Res. 76/2025 Art. 11 loaded")
        } catch {
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("predecessors_cap:") }.map { $0 + 1 }
            #expect(error.description.hasPrefix("r.yaml:\(line ?? 0):"), "\(error)")
            #expect(error.description.contains("\"Res. 76/2025 Art. 11\" has no Vietnamese name"), "\(error)")
        }
        // Each bundled set names every instrument in Vietnamese, and the name is Vietnamese (no English title word).
        for id in ["vn-2019", "vn-2023", "vn-2025", "vn-2026"] {
            let names = try #require(try RuleSetLoader.load(id).rules.instrumentNames)
            #expect(!names.isEmpty)
            for (english, vietnamese) in names {
                #expect(!vietnamese.contains("Decree") && !vietnamese.contains("Res.") && !vietnamese.contains("Law ") && !vietnamese.contains("Art."),
                        "\(id): \(english) → \(vietnamese)")
            }
        }
    }

    @Test func theDeadlineLineCitesTheInstrumentInTheChosenLanguage() throws {
        let rules = try RuleSetLoader.load("vn-2023").rules
        #expect(RulePhrase("R-4.6", citations: rules.citations).text(try Labels(.vi)) == "theo khoản 3 Điều 11 Nghị quyết số 35/2023/UBTVQH15; R-4.6")
        #expect(RulePhrase("R-4.6", citations: rules.citations).text(try Labels(.en)) == "R-4.6, Res. 35/2023/UBTVQH15, Art. 11(3)")
        #expect(RulePhrase("R-4.6", citations: nil).text(try Labels(.vi)) == "R-4.6")
    }

    /// A date inside a Vietnamese citation or instrument name is written as every other date of the outputs
    /// (dd/mm/yyyy, 30/05/2025), never 30/5/2025 beside 01/08/2025.
    @Test(arguments: ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
    func datesInVietnameseCitationsAreWrittenAsTheOutputsWriteThem(id: String) throws {
        let rules = try RuleSetLoader.load(id).rules
        let texts = rules.citations.values.map(\.vi) + (rules.instrumentNames ?? [:]).values
        for text in texts {
            for match in text.matches(of: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/) {
                #expect(match.output.1.count == 2 && match.output.2.count == 2, "\(id): \(text)")
            }
        }
    }
}
