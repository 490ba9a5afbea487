/// A rule set's values and the rule-set folder.
///
/// Keys are `rules.<name>`, their sentences in `Labels/errors_rules.<lang>.json`.
public enum RuleSetReason: ReasonForm {
    public var parts: (key: String, english: String, values: [String: String]) {
        switch self {}
    }
}
