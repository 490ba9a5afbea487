/// A sweep file or a sensitivity's parameters.
///
/// Keys are `sweep.<name>`, their sentences in `Labels/errors_sweep.<lang>.json`.
public enum SweepReason: ReasonForm {
    public var parts: (key: String, english: String, values: [String: String]) {
        switch self {}
    }
}
