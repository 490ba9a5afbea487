import Foundation
import ZIPFoundation

/// The parts of an .xlsx file as text, and the few regular expressions the workbook tests read them with: shared by
/// ``WorkbookTests/Opened`` (values, formulas, panes) and ``WorkbookFormatTests/Book`` (values with their formats).
struct XLSXParts {
    let archive: Archive

    init(_ path: String) throws {
        archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    }

    /// The part `name` (e.g. `xl/workbook.xml`) as text; empty when the file has no such part.
    func text(_ name: String) throws -> String {
        guard let entry = archive[name] else { return "" }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every match of `pattern` in `text`, each as its groups (group 0 first; an absent group is "").
    static func matches(_ pattern: String, _ text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    /// XML text with its entities written out.
    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The shared strings, in order.
    func sharedStrings() throws -> [String] {
        try Self.matches("<si><t[^>]*>(.*?)</t></si>", try text("xl/sharedStrings.xml")).map { Self.unescape($0[1]) }
    }

    /// The sheets' names, in order.
    func sheetNames() throws -> [String] {
        try Self.matches("<sheet name=\"([^\"]*)\"", try text("xl/workbook.xml")).map { Self.unescape($0[1]) }
    }
}
