/// A problem with what the user gave: a file, a value in it, or a command
/// line; with where it is and a plain sentence, and the exit code it ends with.
///
/// Exit codes (see the README): 64 usage, 65 bad input data, 66 input file
/// missing or unreadable, 73 output cannot be written.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Int32, Sendable {
        case usage = 64
        case badData = 65
        case unreadable = 66
        case unwritable = 73
    }

    public var kind: Kind
    /// The file at fault, as the user named it.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, counted in characters (Unicode scalars), when known.
    public var column: Int?
    public var message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// Bad data at a place in a file (exit 65).
    public static func badData(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) -> InputError {
        InputError(.badData, file: file, line: line, column: column, message)
    }

    public var exitCode: Int32 { kind.rawValue }

    /// `file:line:column: message`, as compilers write it, so editors can jump there.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let line = line, let column { _ = line; place += ":\(column)" }
        return "\(place): \(message)"
    }
}
