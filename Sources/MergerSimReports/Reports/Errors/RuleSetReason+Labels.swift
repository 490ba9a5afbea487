import MergerSimInputs

extension RuleSetReason {
    /// The placeholders' values as `labels`' language writes them: decimals with its decimal mark, dates as it
    /// writes them; key paths, R-ids and names from the file as written.
    func values(in labels: Labels) -> [String: String] {
        var values = parts.values
        switch self {
        case .notProbability(_, let value): values["value"] = labels.decimal(value)
        case .rosterMinimumAge(_, _, let retirementAge): values["retirement"] = labels.decimal(retirementAge)
        case let .rosterWindow(_, _, ageShare, salaryShare):
            values["age_share"] = labels.decimal(ageShare)
            values["salary_share"] = labels.decimal(salaryShare)
        case .pensionStart(_, let from): values["from"] = labels.date(from)
        default: break
        }
        return values
    }
}
