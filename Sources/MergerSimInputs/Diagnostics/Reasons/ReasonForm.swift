/// One group of ``InputError/Reason``s told by one reader (YAML, rule sets, scenarios, sweeps, outputs, stores):
/// each case gives its label key, its English template and the values of the template's placeholders.
///
/// The key is prefixed by the group (`yaml.tab`, `store.locked`…) and is looked up as `error.<key>` in the
/// label tables, so each group's sentences live in their own label part file (`errors_<group>.<lang>.json`).
/// The English template, filled, is the message mergersim prints in English.
public protocol ReasonForm: Equatable, Sendable {
    /// The label key (after `error.`), the English template, and the placeholders' values.
    var parts: (key: String, english: String, values: [String: String]) { get }
}
