/// A decimal number held exactly as an integer count of 10⁻⁶ units, with the
/// number of decimals its source text gave.
///
/// Legal thresholds are compared exactly (an area of 1.1 km² against 20 % of
/// 5.5 km² is equal, not "1.1000000000000001 > 1.1"), and the decimals given
/// tell how far the true value may lie from the published one.
public struct FixedDecimal: Hashable, Comparable, Sendable {
    /// 10⁶: the scale of ``millionths``.
    public static let scale: Int64 = 1_000_000
    /// How many decimals can be held.
    public static let maxDecimals = 6

    /// The value × 10⁶.
    public let millionths: Int64
    /// The number of decimals in the source text (6 for values made in code).
    public let decimals: Int

    public init(millionths: Int64, decimals: Int = FixedDecimal.maxDecimals) {
        self.millionths = millionths
        self.decimals = decimals
    }

    /// The nearest value to `value`, with 6 decimals.
    public init(_ value: Double) {
        self.init(millionths: Int64((value * Double(Self.scale)).rounded()))
    }

    /// The largest magnitude a value can hold: 9,223,372,036,854.775807 (Int64 millionths).
    /// Readers check a much narrower range per field; this bound only keeps parsing from overflowing.
    public static let largestMagnitude = FixedDecimal(millionths: Int64.max)

    /// Why a text is not a ``FixedDecimal``.
    public enum ParseFailure: Error, Hashable, Sendable {
        /// Not an optional sign, digits and at most one `.` (no exponent, no separators).
        case malformed
        /// More than ``maxDecimals`` decimals after the point.
        case tooManyDecimals
        /// Well formed, but beyond ``largestMagnitude``.
        case tooLarge
    }

    /// Parses plain decimal text: an optional sign, digits, and at most 6
    /// decimals after a `.`. No exponent, no thousands separator, no `,`.
    ///
    /// - Complexity: O(n) in the length of `text`; never traps (overflow is ``ParseFailure/tooLarge``).
    public static func parse<S: StringProtocol>(_ text: S) -> Result<FixedDecimal, ParseFailure> {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var whole: Int64 = 0, fraction: Int64 = 0, decimals = 0, digits = 0
        var afterPoint = false, overflow = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if afterPoint {
                    decimals += 1
                    if decimals <= Self.maxDecimals { fraction = fraction * 10 + digit }
                } else if !overflow {
                    let (times10, o1) = whole.multipliedReportingOverflow(by: 10)
                    let (next, o2) = times10.addingReportingOverflow(digit)
                    if o1 || o2 { overflow = true } else { whole = next }
                }
            case UInt8(ascii: ".") where !afterPoint:
                afterPoint = true
            default:
                return .failure(.malformed)
            }
        }
        guard digits > 0 else { return .failure(.malformed) }
        guard decimals <= Self.maxDecimals else { return .failure(.tooManyDecimals) }
        var power: Int64 = 1
        for _ in decimals..<Self.maxDecimals { power *= 10 }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: Self.scale)
        let (magnitude, o2) = scaled.addingReportingOverflow(fraction * power)
        guard !overflow, !o1, !o2 else { return .failure(.tooLarge) }
        return .success(FixedDecimal(millionths: negative ? -magnitude : magnitude, decimals: decimals))
    }

    /// Parses plain decimal text (see ``parse(_:)``); nil when it is not one or cannot be held.
    public init?<S: StringProtocol>(parsing text: S) {
        guard case .success(let value) = Self.parse(text) else { return nil }
        self = value
    }

    /// The value as plain decimal text with exactly ``decimals`` decimals, which ``parse(_:)`` reads back
    /// to the same value and precision.
    public var text: String {
        let magnitude = millionths.magnitude
        let whole = magnitude / UInt64(Self.scale), fraction = magnitude % UInt64(Self.scale)
        var result = (millionths < 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: Self.maxDecimals - digits.count) + digits
            result += "." + digits.prefix(decimals)
        }
        return result
    }

    /// Half a unit of the last decimal given, in millionths: the widest the
    /// true value can differ from this rounded one (0.05 for "1.1").
    public var roundingMillionths: Int64 {
        guard decimals < Self.maxDecimals else { return 0 }
        var unit: Int64 = 1
        for _ in decimals..<Self.maxDecimals { unit *= 10 }
        return unit / 2
    }

    public var doubleValue: Double { Double(millionths) / Double(Self.scale) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.millionths < rhs.millionths }

    /// Equality is by value: "1.10" equals "1.1".
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.millionths == rhs.millionths }
    public func hash(into hasher: inout Hasher) { hasher.combine(millionths) }
}
