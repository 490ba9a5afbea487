import MergerSimInputs

extension InputError.Reason: Phrase {
    /// The sentence in `labels`' language (the label `error.<key>` with the reason's values), numbers grouped
    /// as the language writes them, Excel's menu in its words (`error.save_as`), kinds a file may use named as a
    /// reader of the language writes them (a file takes Vietnamese names too). The English table's sentences
    /// are ``InputError/Reason/english``'s (a test checks).
    public func text(_ labels: Labels) -> String {
        var values = self.values
        switch self {
        case .transitionRuns(let maxRuns): values["max"] = labels.number(Double(maxRuns))
        case .unknownKind(_, _, _, let vietnameseNames) where labels.language == .vi: values["choices"] = vietnameseNames.joined(separator: ", ")
        case let .yaml(reason): values = reason.values(in: labels)
        case let .ruleSet(reason): values = reason.values(in: labels)
        case let .scenario(reason): values = reason.values(in: labels)
        case let .sweep(reason): values = reason.values(in: labels)
        case let .output(reason): values = reason.values(in: labels)
        case let .store(reason): values = reason.values(in: labels)
        case let .command(reason): values = reason.values(in: labels)
        default: break
        }
        if values["save_as"] != nil { values["save_as"] = labels("error.save_as") }
        return labels("error." + key, values)
    }
}

extension InputError {
    /// `file:line:column: sentence` in `labels`' language: the typed reason rendered, else the English ``message``.
    public func text(_ labels: Labels) -> String {
        "\(place): \(reason.map { $0.text(labels) } ?? message)"
    }
}
