import MergerSimInputs

extension InputError.Reason: Phrase {
    /// The sentence in `labels`' language (the label `error.<key>` with the reason's values), numbers grouped
    /// as the language writes them. The English table's sentences are ``InputError/Reason/english``'s (a test checks).
    public func text(_ labels: Labels) -> String {
        var values = self.values
        if case .transitionRuns(let maxRuns) = self { values["max"] = labels.number(Double(maxRuns)) }
        return labels("error." + key, values)
    }
}

extension InputError {
    /// `file:line:column: sentence` in `labels`' language: the typed reason rendered, else the English ``message``.
    public func text(_ labels: Labels) -> String {
        "\(place): \(reason.map { $0.text(labels) } ?? message)"
    }
}
