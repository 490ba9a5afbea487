import Foundation

/// Where a command writes what it says: standard output for results,
/// standard error for diagnostics. Tests pass one that records.
public struct Console: Sendable {
    public let out: @Sendable (String) -> Void
    public let error: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.error = error
    }

    /// The process's standard output and standard error.
    public static let standard = Console(
        out: { print($0) },
        error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
}
