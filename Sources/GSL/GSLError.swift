import CGSL

/// A failure reported by GSL, as a Swift error.
///
/// GSL signals errors through integer status codes (`GSL_EDOM`, `GSL_ENOMEM`,
/// …). Its default handler aborts the process, so mergersim switches that
/// handler off once (``GSLRuntime``) and turns every non-success status into
/// this error, carrying GSL's own sentence for the code.
public struct GSLError: Error, Equatable, CustomStringConvertible, Sendable {
    /// GSL's status code (`gsl_errno.h`).
    public let status: Int32
    /// What mergersim was doing when GSL failed.
    public let operation: String

    public init(status: Int32, operation: String) {
        self.status = status
        self.operation = operation
    }

    /// GSL's sentence for the status code, e.g. "input domain error".
    public var reason: String { String(cString: gsl_strerror(status)) }

    public var description: String { "GSL failed in \(operation): \(reason) (status \(status))" }
}

/// Process-wide GSL set-up: the error handler is switched off exactly once.
enum GSLRuntime {
    /// Evaluated once, thread-safely (Swift global initialisation), before any GSL call.
    static let ready: Void = { _ = gsl_set_error_handler_off() }()

    static let success = cgsl_success()
    static let `continue` = cgsl_continue()

    /// Throws unless `status` is `GSL_SUCCESS`.
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(GSLError) {
        guard status == success else { throw GSLError(status: status, operation: operation()) }
    }
}
