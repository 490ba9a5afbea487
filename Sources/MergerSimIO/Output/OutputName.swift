import MergerSim

/// Whether a text can name an output folder: one safe path component.
public enum OutputName {
    /// Why `name` cannot be one folder name, or nil when it can.
    ///
    /// Refused: the empty name, `.` and `..`, a name starting with `.` (mergersim's own temporary
    /// folders are hidden), a `/` or `\`, any control character (NUL, tab, newline, …), and more than
    /// ``Limits/maxOutputNameBytes`` bytes of UTF-8.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name == "." || name == ".." { return "\"\(name)\" is not a folder of its own" }
        if name.hasPrefix(".") { return "it starts with a dot (a hidden name)" }
        if name.contains("/") || name.contains("\\") { return "it holds a path separator; give one folder name" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "it holds a control character (a tab, a line break, a NUL, …)"
        }
        if name.utf8.count > Limits.maxOutputNameBytes {
            return "it is \(name.utf8.count) bytes long; at most \(Limits.maxOutputNameBytes) are allowed"
        }
        return nil
    }

    /// `name` with control characters shown as `\u{…}`, for messages.
    public static func printable(_ name: String) -> String {
        name.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}
