/// The one reading of numbers written in mergersim's YAML files (scenarios, rule files, sweep files)
/// and `--set` values: plain decimal notation, as people write it in a table.
///
/// YAML 1.1, which Yams follows, also reads `012` as octal 10, `0o17`, `0x1F`, `0b101`, `1_000`,
/// `1:20` (base 60, 80) and `.inf`/`.nan`; a planner who writes those means something else or
/// made a mistake, so none of them is a number here.
public enum DecimalText {
    /// A whole number: decimal digits, optionally signed with `-` or `+` (`012` is twelve). Nil for any
    /// other text, and for a number `T` cannot hold.
    static func integer<T: FixedWidthInteger>(_ text: String, as type: T.Type) -> T? {
        guard isInteger(text.utf8[...]) else { return nil }
        return T(text, radix: 10)
    }

    /// A finite decimal: an optional sign, then digits with at most one `.` (`0.25`, `.5`, `5.`, `-3`);
    /// no exponent, no separators. Nil for any other text, and for one beyond `Double`'s range.
    public static func decimal(_ text: String) -> Double? {
        var utf8 = text.utf8[...]
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        var digits = 0, points = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            default: return nil
            }
        }
        guard digits > 0, points <= 1, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static func isInteger(_ utf8: Substring.UTF8View) -> Bool {
        var rest = utf8
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// What a whole number looks like, for messages.
    static let integerForm = "a whole number in decimal digits (such as 12 or -3)"
    /// What a whole number from 0 looks like, for messages.
    static let unsignedForm = "a whole number from 0 in decimal digits (such as 12)"
    /// What a decimal looks like, for messages.
    static let decimalForm = "a number in plain decimal notation (such as 0.25 or 12)"
}
