/// YAML syntax and value types, in scenarios, rule files, sweep files and `--set`.
///
/// Keys are `yaml.<name>`, their sentences in `Labels/errors_yaml.<lang>.json`.
public enum YAMLReason: ReasonForm {
    public var parts: (key: String, english: String, values: [String: String]) {
        switch self {}
    }
}
