import MergerSimInputs

extension YAMLReason {
    /// The placeholders' values as `labels`' language writes them (numbers grouped, names in the language);
    /// by default the values as they are.
    func values(in labels: Labels) -> [String: String] {
        parts.values
    }
}
