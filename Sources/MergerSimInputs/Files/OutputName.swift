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
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name == "." || name == ".." { return "\"\(name)\" is not a folder of its own" }
        if name.hasPrefix(".") { return "it starts with a dot (a hidden name)" }
        if name.contains("/") || name.contains("\\") { return "it holds a path separator; give one folder name" }
        let scalars = name.unicodeScalars
        if scalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "it holds a control character (a tab, a line break, a NUL, …)"
        }
        if let separator = scalars.first(where: { [.lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) }) {
            return "it holds a line or paragraph separator (\(code(separator))), which breaks the name over two lines"
        }
        if let control = scalars.first(where: \.properties.isBidiControl) {
            return "it holds a bidirectional control character (\(code(control))), which shows the name in another order than it is stored"
        }
        if scalars.allSatisfy(\.properties.isWhitespace) { return "it is blank (only spaces)" }
        if let first = scalars.first, first.properties.isWhitespace {
            return "it starts with a space (\(code(first))), which a folder list does not show"
        }
        if let last = scalars.last, last.properties.isWhitespace {
            return "it ends with a space (\(code(last))), which a folder list does not show"
        }
        if name.utf8.count > Limits.maxOutputNameBytes {
            return "it is \(name.utf8.count) bytes long; at most \(Limits.maxOutputNameBytes) are allowed"
        }
        return nil
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
