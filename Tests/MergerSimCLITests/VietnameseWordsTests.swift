import Foundation
import Testing
import MergerSimCLI

/// Issue 23: what a person reads of a Vietnamese run (the console of `screen` and `simulate`, the text of
/// report.html, and of `propose`) has no English word from a fixed list. Codes are left out: R-ids and instrument numbers,
/// file names and paths, scenario ids, CSV column names in parentheses, the report's code cells.
struct VietnameseWordsTests {
    /// English words that would mean a label, a categorical value or a note was left untranslated.
    static let english: Set<String> = [
        "ward", "wards", "commune", "communes", "town", "special", "zone", "island", "district", "merge", "merged", "merges", "keep",
        "meets", "meet", "met", "waived", "below", "exempt", "borderline", "yes", "no", "not", "retirement", "resignation", "early",
        "voluntary", "cadres", "civil", "servants", "units_before", "units_after_by_kind", "surplus", "quota", "standards", "untouched",
        "transfer", "transfers", "res", "decree", "art", "law", "dispatch", "billion", "vnd", "unreachable", "deadline", "probability",
    ]

    /// The English words of `text`: whitespace-separated tokens that are not codes (no digit, no `/`, no
    /// file extension), split into words at anything but a letter or `_`.
    static func englishWords(_ text: String) -> [String] {
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init).filter { token in
            !token.contains(where: \.isNumber) && !token.contains("/")
                && token.range(of: #"\.(csv|html|xlsx|json|yaml)"#, options: .regularExpression) == nil
        }
        let words = tokens.flatMap { $0.split(whereSeparator: { !$0.isLetter && $0 != "_" }) }.map { $0.lowercased() }
        return words.filter(english.contains)
    }

    /// The words of a report a person reads: no style, no markup, no code cell; SVG text kept.
    static func readableText(ofReport html: String) -> String {
        var text = html.replacingOccurrences(of: #"<style>[\s\S]*?</style>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<(td|span) class="code( key)?">[\s\S]*?</\1>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    @Test func theListFindsEnglishAndLeavesCodesAlone() {
        #expect(Self.englishWords("2 must merge, 1 borderline (R-2.5); waived: merges 3 units") == ["merge", "borderline", "waived", "merges"])
        #expect(Self.englishWords("Đã ghi vào /tmp/x/: units_after.csv, report.html (R-4.6, Nghị quyết 35/2023/UBTVQH15)").isEmpty)
        #expect(Self.englishWords(Self.readableText(ofReport: "<td class=\"code\">ward</td><text x=\"1\">Yes</text>")) == ["yes"])
    }

    @Test(arguments: ["phan-rang-2024", "vn-2026-round"])
    func aVietnameseRunHasNoEnglishWord(scenario: String) throws {
        let scratch = try Scratch()
        let folder = repositoryRoot.appendingPathComponent("scenarios/\(scenario)")
        let screen = mergersim(["screen", folder.appendingPathComponent("units.csv").path, "--lang", "vi", "--out", scratch.path("screen")])
        #expect(screen.code == 0, "\(screen.error)")
        let run = mergersim(["simulate", folder.appendingPathComponent("scenario.yaml").path, "--runs", "2", "--quiet", "--lang", "vi",
                             "--out", scratch.path("run")])
        #expect(run.code == 0, "\(run.error)")
        let report = Self.readableText(ofReport: try String(contentsOfFile: scratch.path("run/report.html"), encoding: .utf8))
        for (output, text) in [("screen", screen.out), ("simulate", run.out), ("report.html", report)] {
            let found = Self.englishWords(text)
            #expect(found.isEmpty, "\(scenario) \(output): \(Set(found).sorted())")
        }
    }

    @Test func aVietnameseProposalHasNoEnglishWord() throws {
        let scratch = try Scratch()
        let units = repositoryRoot.appendingPathComponent("scenarios/vn-2026-round/units.csv").path
        let run = mergersim(["propose", units, "--rules", "vn-2026", "--lang", "vi", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
        let report = Self.readableText(ofReport: try String(contentsOfFile: scratch.path("out/report.html"), encoding: .utf8))
        for (output, text) in [("propose", run.out), ("report.html", report)] {
            let found = Self.englishWords(text)
            #expect(found.isEmpty, "\(output): \(Set(found).sorted())")
        }
    }
}
