import Foundation

/// Markup that is safe to send: every `String` interpolated into it is escaped, so a unit named
/// `<script>` shows as text; only literals and other `HTML` values go in as they are.
///
///     let row: HTML = "<td>\(unit.name)</td><td>\(count)</td>"
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var markup: String

    public init(stringLiteral value: String) { markup = value }
    public init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }
    /// Text, escaped.
    public init(text: String) { markup = HTML.escape(text) }
    private init(markup: String) { self.markup = markup }

    public var description: String { markup }

    public static let empty: HTML = ""

    /// `parts` one after the other, separated by `separator`.
    public static func join<S: Sequence>(_ parts: S, separator: HTML = .empty) -> HTML where S.Element == HTML {
        HTML(markup: parts.map(\.markup).joined(separator: separator.markup))
    }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(markup: lhs.markup + rhs.markup) }
    public static func += (lhs: inout HTML, rhs: HTML) { lhs.markup += rhs.markup }

    /// `text` with the five characters that matter in HTML text and quoted attributes escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""
        public init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity + 16 * interpolationCount) }
        public mutating func appendLiteral(_ literal: String) { markup += literal }
        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        /// Markup: as it is.
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        public mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        public mutating func appendInterpolation(_ number: Int64) { markup += String(number) }
        /// Markup or nothing.
        public mutating func appendInterpolation(_ html: HTML?) { markup += html?.markup ?? "" }
    }
}

/// A value put into a link's query string: every character but letters, digits and `-._~` percent-escaped.
enum QueryText {
    static func escaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
