/// An output folder or file that cannot be replaced or written.
///
/// Keys are `output.<name>`, their sentences in `Labels/errors_output.<lang>.json`.
public enum OutputReason: ReasonForm {
    public var parts: (key: String, english: String, values: [String: String]) {
        switch self {}
    }
}
