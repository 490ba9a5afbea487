/// A run store that cannot be opened, read or written.
///
/// Keys are `store.<name>`, their sentences in `Labels/errors_store.<lang>.json`.
public enum StoreReason: ReasonForm {
    public var parts: (key: String, english: String, values: [String: String]) {
        switch self {}
    }
}
