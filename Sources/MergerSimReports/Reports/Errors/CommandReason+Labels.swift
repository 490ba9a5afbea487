import MergerSimInputs

extension CommandReason {
    /// The placeholders' values as `labels`' language writes them: dates dd/mm/yyyy and decimals with a comma in
    /// Vietnamese; in English as the English sentence writes them.
    func values(in labels: Labels) -> [String: String] {
        var values = parts.values
        guard labels.language != .en else { return values }
        // 100,000 → 100.000: the grouping mark of the language.
        func grouped(_ text: String) -> String { String(text.map { $0 == "," ? "." : $0 == "." ? "," : $0 }) }
        switch self {
        case let .leavingBeforeMerger(leaving, merger):
            values["leaving"] = labels.date(leaving)
            values["merger"] = labels.date(merger)
        case let .decisionAfterMerger(decision, merger):
            values["decision"] = labels.date(decision)
            values["merger"] = labels.date(merger)
        case let .bornAfterMerger(_, merger), let .tooYoungAtMerger(_, _, merger, _): values["merger"] = labels.date(merger)
        case let .tooMuchInsurance(_, date, _, atMost, _):
            values["date"] = labels.date(date)
            values["years"] = labels.decimalMark(values["years"] ?? "")
            values["at_most"] = labels.decimalMark(atMost)
        case let .flagRange(lowest, highest):
            values["lowest"] = grouped(lowest)
            values["highest"] = grouped(highest)
        case let .flagNumberRange(highest): values["highest"] = grouped(highest)
        case let .noBaseSalary(_, date, first, _):
            values["date"] = labels.date(date)
            values["first"] = first.map(labels.date) ?? "?"
        default: break
        }
        return values
    }
}
