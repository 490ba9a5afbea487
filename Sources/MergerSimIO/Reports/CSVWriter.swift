import Foundation
import MergerSim

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

/// How numbers appear in reports: exact decimals trimmed of trailing zeros,
/// percentages with two decimals.
public enum ReportFormat {
    /// "1.1", "62.5", "5" from a fixed decimal, at least the decimals it was given with.
    /// `x` with at most `decimals` decimals and no trailing zeros, as scripts read it (`-0` written `0`).
    public static func trimmed(_ x: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", x)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    public static func decimal(_ value: FixedDecimal) -> String {
        let magnitude = value.millionths.magnitude
        let scale = UInt64(FixedDecimal.scale)
        var fraction = magnitude % scale
        var digits = FixedDecimal.maxDecimals
        let minimum = min(value.decimals, FixedDecimal.maxDecimals)
        while digits > minimum, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var text = value.millionths < 0 ? "-" : ""
        text += String(magnitude / scale)
        guard digits > 0 else { return text }
        let fractionText = String(fraction)
        text += "."
        text += String(repeating: "0", count: digits - fractionText.count)
        text += fractionText
        return text
    }

    /// `value` × `percent` / 100, exactly where it can be, as decimal text.
    static func scaled(_ value: FixedDecimal, percent: Int) -> String {
        decimal(FixedDecimal(millionths: value.millionths * Int64(percent) / 100, decimals: 0))
    }

    /// Two decimals, rounded half away from zero ("20.00", "152.29"), except that a share never rounds onto a
    /// whole percent it does not reach: the thresholds of the standards are whole percents, so 20,999 people of
    /// a 21,000 standard are "99.99", not "100.00" (and 19.996 % "19.99"); float noise (20.000000000000004) aside.
    static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var hundredths = Int((value * 100).rounded())
        if value > 0, hundredths % 100 == 0, Double(hundredths) / 100 - value > 1e-9 * max(1, value) { hundredths -= 1 }
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return (hundredths < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    /// `text` padded with spaces to `width` characters, on the left when `right` (right-aligned).
    public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    /// A whole number with thousands separated by spaces for the terminal ("24 656").
    /// `value` rounded to `decimals`, its whole part grouped by thousands with commas (12,345.6).
    public static func grouped(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = grouped(Int(parts[0]) ?? 0)
        let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + whole + (parts.count > 1 ? "." + parts[1] : "")
    }

    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }
}
