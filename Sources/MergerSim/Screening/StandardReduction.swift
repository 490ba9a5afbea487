/// A specific-factor reduction applied to a unit's standard, as typed parts; the reports write it
/// in a language, `screening.csv` in English.
public struct StandardReduction: Hashable, Sendable {
    /// Which factor, and what it makes of the standard.
    public enum Factor: Hashable, Sendable {
        /// An ethnic-minority share of `share` in a mountainous or border area: population standard at `percent` %.
        case ethnicMinority(share: FixedDecimal, percent: Int)
        /// An especially difficult coastal commune: population standard at `percent` %.
        case coastalDifficult(percent: Int)
        /// The Red River Delta: area standard at `percent` %.
        case redRiverDelta(percent: Int)
    }

    /// The reductions' rule.
    public var rule: String
    public var factor: Factor

    public init(rule: String, factor: Factor) {
        self.rule = rule
        self.factor = factor
    }
}
