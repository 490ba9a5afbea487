/// A fault of mergersim itself, not of what the user gave: a broken invariant
/// or a failure inside GSL. It ends with exit code 1 and asks to be reported.
public struct InternalError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String {
        "internal error: \(message). This is a fault in mergersim, not in your input; "
            + "please report it with the command and the input files that led to it."
    }
}
