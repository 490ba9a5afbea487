import CGSL

extension GSLError {
    /// An invalid argument (`GSL_EINVAL`) to a computation built on GSL, said by what was asked.
    public static func invalidArgument(_ operation: String) -> GSLError {
        GSLError(status: Int32(GSL_EINVAL), operation: operation)
    }
}
