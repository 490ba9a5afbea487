import MergerSim

/// Whether a text can name an output folder: one safe path component, shown as it is stored.
public enum OutputName {
    /// Why `name` cannot be one folder name, or nil when it can.
    ///
    /// Refused: the empty name, `.` and `..`, a name starting with `.` (mergersim's own temporary
    /// folders are hidden), a `/` or `\`, any control character (NUL, tab, newline, …), more than
    /// ``Limits/maxOutputNameBytes`` bytes of UTF-8, and what would make a folder list lie: a blank name,
    /// white space (a space, a no-break space U+00A0, …) at either end, a line or paragraph separator
    /// (U+2028, U+2029), or a bidirectional control character (U+202E, U+2066…U+2069, …), which shows a
    /// name in another order than it is stored.
    public static func problem(_ name: String) -> String? { refusal(name)?.english }

    /// Why `name` cannot be one folder name, as a typed value (see ``problem(_:)``), or nil when it can.
    public static func refusal(_ name: String) -> Problem? {
        if name.isEmpty { return .empty }
        if name == "." || name == ".." { return .dots(name) }
        if name.hasPrefix(".") { return .hidden }
        if name.contains("/") || name.contains("\\") { return .pathSeparator }
        let scalars = name.unicodeScalars
        if scalars.contains(where: { $0.properties.generalCategory == .control }) { return .controlCharacter }
        if let separator = scalars.first(where: { [.lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) }) {
            return .lineSeparator(code: code(separator))
        }
        if let control = scalars.first(where: \.properties.isBidiControl) { return .bidirectionalControl(code: code(control)) }
        if scalars.allSatisfy(\.properties.isWhitespace) { return .blank }
        if let first = scalars.first, first.properties.isWhitespace { return .leadingSpace(code: code(first)) }
        if let last = scalars.last, last.properties.isWhitespace { return .trailingSpace(code: code(last)) }
        if name.utf8.count > Limits.maxOutputNameBytes { return .tooLong(bytes: name.utf8.count, maxBytes: Limits.maxOutputNameBytes) }
        return nil
    }

    /// Why a text cannot name an output folder.
    public enum Problem: Equatable, Sendable, CaseIterable {
        /// The empty name.
        case empty
        /// `.` or `..`.
        case dots(String)
        /// A name starting with a dot.
        case hidden
        /// A `/` or `\\` in the name.
        case pathSeparator
        /// A control character (tab, line break, NUL…).
        case controlCharacter
        /// A line or paragraph separator (`code`: `U+2028`…).
        case lineSeparator(code: String)
        /// A bidirectional control character.
        case bidirectionalControl(code: String)
        /// Only white space.
        case blank
        /// White space first.
        case leadingSpace(code: String)
        /// White space last.
        case trailingSpace(code: String)
        /// More UTF-8 bytes than allowed.
        case tooLong(bytes: Int, maxBytes: Int)

        /// One problem of every form, for tests of the sentences.
        public static let allCases: [Problem] = [.empty, .dots(".."), .hidden, .pathSeparator, .controlCharacter, .lineSeparator(code: "U+2028"),
                                                 .bidirectionalControl(code: "U+202E"), .blank, .leadingSpace(code: "U+00A0"),
                                                 .trailingSpace(code: "U+0020"), .tooLong(bytes: 300, maxBytes: 255)]

        /// The label key (after `error_value.output_name.`), the English template and its values.
        public var parts: (key: String, english: String, values: [String: String]) {
            switch self {
            case .empty: ("empty", "it is empty", [:])
            case let .dots(name): ("dots", "\"{name}\" is not a folder of its own", ["name": name])
            case .hidden: ("hidden", "it starts with a dot (a hidden name)", [:])
            case .pathSeparator: ("path_separator", "it holds a path separator; give one folder name", [:])
            case .controlCharacter: ("control_character", "it holds a control character (a tab, a line break, a NUL, …)", [:])
            case let .lineSeparator(code):
                ("line_separator", "it holds a line or paragraph separator ({code}), which breaks the name over two lines", ["code": code])
            case let .bidirectionalControl(code):
                ("bidirectional_control", "it holds a bidirectional control character ({code}), which shows the name in another order than it is stored",
                 ["code": code])
            case .blank: ("blank", "it is blank (only spaces)", [:])
            case let .leadingSpace(code): ("leading_space", "it starts with a space ({code}), which a folder list does not show", ["code": code])
            case let .trailingSpace(code): ("trailing_space", "it ends with a space ({code}), which a folder list does not show", ["code": code])
            case let .tooLong(bytes, maxBytes):
                ("too_long", "it is {bytes} bytes long; at most {max} are allowed", ["bytes": String(bytes), "max": String(maxBytes)])
            }
        }

        /// The English sentence.
        public var english: String { parts.english.filled(with: parts.values) }
    }

    /// `name` with what a terminal would not show as it is (control characters, separators, bidirectional
    /// controls, white space other than a plain space) written `\u{…}`, for messages.
    public static func printable(_ name: String) -> String {
        name.unicodeScalars.map { scalar in
            let properties = scalar.properties
            let hidden = [.control, .lineSeparator, .paragraphSeparator].contains(properties.generalCategory) || properties.isBidiControl
                || (properties.isWhitespace && scalar != " ")
            return hidden ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }

    /// `U+00A0`, for messages.
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
