/// A scenario's values and the files it names (units, plan, roster), beyond the common cases of InputError/Reason.
///
/// Keys are `scenario.<name>`, their sentences in `Labels/errors_scenario.<lang>.json`.
public enum ScenarioReason: ReasonForm {
    public var parts: (key: String, english: String, values: [String: String]) {
        switch self {}
    }
}
