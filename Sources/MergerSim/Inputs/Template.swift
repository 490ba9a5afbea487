extension String {
    /// This template with each `{name}` placeholder replaced by `values[name]` (a sentence of a message or a
    /// label, in any language).
    public func filled(with values: [String: String]) -> String {
        var text = self
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}
