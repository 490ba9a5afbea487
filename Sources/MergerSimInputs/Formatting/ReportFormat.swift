import Foundation
import MergerSim

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
    public static func scaled(_ value: FixedDecimal, percent: Int) -> String {
        decimal(FixedDecimal(millionths: value.millionths * Int64(percent) / 100, decimals: 0))
    }

    /// Two decimals, rounded half away from zero ("20.00", "152.29"), except that a share never rounds onto a
    /// whole percent it does not reach: the thresholds of the standards are whole percents, so 20,999 people of
    /// a 21,000 standard are "99.99", not "100.00" (and 19.996 % "19.99"); float noise (20.000000000000004) aside.
    public static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var hundredths = Int((value * 100).rounded())
        if value > 0, hundredths % 100 == 0, Double(hundredths) / 100 - value > 1e-9 * max(1, value) { hundredths -= 1 }
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return (hundredths < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    public static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    /// `text` padded with spaces to `width` characters, on the left when `right` (right-aligned).
    public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

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
