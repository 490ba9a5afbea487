import Foundation
import MergerSim
import MergerSimInputs

/// Writes CSV per RFC 4180: comma-separated, CRLF-free (LF line ends), UTF-8
/// without a byte-order mark; a field is quoted when it holds a comma, a
/// quote or a line break.
///
/// A report meant for spreadsheets (`spreadsheet: true`) also neutralises text
/// a spreadsheet would run as a formula (OWASP's rule for CSV injection): a text
/// field starting with `=`, `+`, `-`, `@`, a tab or a CR gets a `'` in front,
/// as does one whose leading `'`s come before such a character, so that taking
/// one `'` off (``spreadsheetText(_:)``) gives back the text exactly. Numbers, as
/// mergersim writes them (`-3`, `-0.5`, `12`), are never touched. Files mergersim
/// reads back as input (a proposal's `plan.csv`) are written exactly.
public struct CSVWriter {
    public private(set) var text = ""
    /// Whether text a spreadsheet would run as a formula is neutralised.
    public let spreadsheet: Bool

    public init(header: [String], spreadsheet: Bool = false) {
        self.spreadsheet = spreadsheet
        append(header)
    }

    public mutating func append(_ fields: [String]) {
        text += fields.map { Self.escape(spreadsheet ? Self.neutralised($0) : $0) }.joined(separator: ",")
        text += "\n"
    }

    public var data: Data { Data(text.utf8) }

    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The first bytes that make a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`, tab, CR.
    static let formulaStarts: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// Whether `field` is a number as mergersim writes numbers: an optional `-`, digits, optionally a point and digits.
    static func isNumber(_ field: String) -> Bool {
        var bytes = field.utf8[...]
        if bytes.first == 0x2D { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: 0x2E, maxSplits: 1, omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }
    }

    /// `field` safe to open in a spreadsheet: `'` in front of text that would start a formula (after any `'`s).
    public static func neutralised(_ field: String) -> String {
        guard let start = field.utf8.first(where: { $0 != 0x27 }), formulaStarts.contains(start) else { return field }
        if field.utf8.first != 0x27, isNumber(field) { return field }
        return "'" + field
    }

    /// The text a neutralised field stands for: one `'` taken off where ``neutralised(_:)`` put it.
    public static func spreadsheetText(_ field: String) -> String {
        let bytes = field.utf8
        guard bytes.first == 0x27, let start = bytes.first(where: { $0 != 0x27 }), formulaStarts.contains(start) else { return field }
        return String(field.dropFirst())
    }
}

