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

    /// Parses plain decimal text: an optional sign, digits, and at most 6
    /// decimals after a `.`. No exponent, no thousands separator, no `,`.
    public init?<S: StringProtocol>(parsing text: S) {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var whole: Int64 = 0, fraction: Int64 = 0, decimals = 0, digits = 0
        var afterPoint = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if afterPoint {
                    decimals += 1
                    guard decimals <= Self.maxDecimals else { return nil }
                    fraction = fraction * 10 + digit
                } else {
                    guard whole < 1_000_000_000_000 else { return nil }
                    whole = whole * 10 + digit
                }
            case UInt8(ascii: ".") where !afterPoint:
                afterPoint = true
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        var power: Int64 = 1
        for _ in decimals..<Self.maxDecimals { power *= 10 }
        let magnitude = whole * Self.scale + fraction * power
        self.init(millionths: negative ? -magnitude : magnitude, decimals: decimals)
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
