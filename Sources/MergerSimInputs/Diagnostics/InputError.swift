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
    /// The plain sentence, in English.
    public var message: String
    /// What is wrong as a typed value, for the cases a planner meets in their own files; a report module
    /// renders it in the language the user chose. Nil for the rarer cases, told by ``message`` alone.
    public var reason: Reason?
    /// The language the user chose for messages, when the command knew it when the error passed
    /// (a scenario's `lang:`); the command line's `--lang` comes first.
    public var language: Language?

    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// An error for a typed `reason`; its ``message`` is the reason's English sentence.
    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, reason: Reason) {
        self.init(kind, file: file, line: line, column: column, reason.english)
        self.reason = reason
    }

    /// Bad data at a place in a file (exit 65).
    public static func badData(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) -> InputError {
        InputError(.badData, file: file, line: line, column: column, message)
    }

    /// Bad data at a place in a file (exit 65), for a typed `reason`.
    public static func badData(_ file: String, line: Int? = nil, column: Int? = nil, reason: Reason) -> InputError {
        InputError(.badData, file: file, line: line, column: column, reason: reason)
    }

    /// `file:line:column:`, as compilers write the place.
    public var place: String {
        var place = file
        if let line { place += ":\(line)" }
        if let line = line, let column { _ = line; place += ":\(column)" }
        return place
    }

    public var exitCode: Int32 { kind.rawValue }

    /// `file:line:column: message`, as compilers write it, so editors can jump there.
    public var description: String { "\(place): \(message)" }

    /// Two errors are equal when they say the same thing at the same place (the typed reason and the
    /// language only render that sentence).
    public static func == (lhs: InputError, rhs: InputError) -> Bool {
        lhs.kind == rhs.kind && lhs.file == rhs.file && lhs.line == rhs.line && lhs.column == rhs.column && lhs.message == rhs.message
    }
}
