import MergerSimInputs

extension SweepReason {
    /// The placeholders' values as `labels`' language writes them: limits grouped, decimals with a comma, a value the scenario or the
    /// rule set refuses said in the same language; by default the values as they are.
    func values(in labels: Labels) -> [String: String] {
        var values = parts.values
        // English keeps the values as the English sentence writes them (some numbers ungrouped).
        guard labels.language != .en else { return values }
        switch self {
        case let .runs(max, _), let .sampleCount(max, _), let .tooManySettings(max): values["max"] = labels.number(Double(max))
        case let .valueRefused(_, _, reason), let .rangesRefused(_, _, reason): values["reason"] = reason.text(labels)
        case let .rangeOrder(_, low, high):
            values["low"] = labels.decimalMark("\(low)")
            values["high"] = labels.decimalMark("\(high)")
        default: break
        }
        return values
    }
}
