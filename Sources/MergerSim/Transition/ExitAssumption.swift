/// A reading of the rule set marked NC that priced an exit quote, with the values that say it: the window of
/// the decision, the non-professional allowance, the decree, its odd months, the band of months early, the
/// pension terms. ``english`` is how `mergersim package` has always written it.
public enum ExitAssumption: Hashable, Sendable {
    /// The window of the decision on the arrangement: its months.
    case window(rule: String, months: Int)
    /// The end-of-post allowance of non-professional workers, and the instrument it follows.
    case nonProfessionalAllowance(rule: String, instrument: String)
    /// The decree a merger's surplus staff take, by its id and instrument.
    case decree(rule: String, id: String, instrument: String)
    /// How the decree counts odd months: none under `halfFromMonths`, half a year to `wholeFromMonths` − 1, a whole year from it.
    case partialYear(rule: String, decree: String, instrument: String, halfFromMonths: Int, wholeFromMonths: Int)
    /// A band of months early of the decree's formula (open-ended without a maximum), and its instrument.
    case band(rule: String, minMonthsEarly: Int, maxMonthsEarly: Int?, instrument: String)
    /// The pension terms in force from a day, and their instrument.
    case pension(rule: String, from: CalendarDate, instrument: String)

    /// The instrument it names, if any (for its name in another language).
    public var instrument: String? {
        switch self {
        case .window: nil
        case let .nonProfessionalAllowance(_, instrument), let .decree(_, _, instrument), let .partialYear(_, _, instrument, _, _),
             let .band(_, _, _, instrument), let .pension(_, _, instrument): instrument
        }
    }

    /// In English, as `package` prints it and its CSV holds it.
    public var english: String {
        switch self {
        case let .window(rule, months): "\(rule) window: \(months) months from the decision"
        case let .nonProfessionalAllowance(rule, instrument): "\(rule) non-professional allowance: \(instrument)"
        case let .decree(rule, id, instrument): "\(rule) \(id): \(instrument)"
        case let .partialYear(rule, decree, _, half, whole):
            "\(rule) odd months of \(decree): under \(half) none, to \(whole - 1) half a year, more a whole year"
        case let .band(rule, minimum, maximum, instrument):
            "\(rule) \(minimum)–\(maximum.map(String.init) ?? "…") months early: \(instrument)"
        case let .pension(rule, from, instrument): "\(rule) pension terms from \(from): \(instrument)"
        }
    }
}
