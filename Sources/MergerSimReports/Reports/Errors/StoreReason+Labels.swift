import MergerSimInputs

extension StoreReason {
    /// The placeholders' values as `labels`' language writes them: seconds with the language's decimal mark;
    /// paths, run numbers, stored machine values and SQLite's own words as they are.
    func values(in labels: Labels) -> [String: String] {
        var values = parts.values
        if case let .locked(seconds) = self, labels.language == .vi { values["seconds"] = labels.decimalMark(seconds) }
        return values
    }
}
