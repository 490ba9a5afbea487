/// Whether a unit falls under a round's mandatory-merger tests.
public enum MergerDecision: String, Hashable, Sendable, CaseIterable {
    case yes
    case no
    /// The published figures and the rounding of the input disagree: the
    /// verdict differs somewhere within half a unit of the area's last decimal.
    case borderline
}

extension ScreeningTest {
    /// Whether a unit of `area` and `population` falls under this test,
    /// against `standard` (strict inequalities, exact arithmetic).
    public func holds(area: FixedDecimal, population: Int, standard: ApplicableStandard) -> Bool {
        let areaHolds = area.millionths * 10_000
            < Int64(areaBelowPercent) * standard.standard.area.millionths * Int64(standard.areaPercent)
        let populationHolds = Int64(population) * 10_000
            < Int64(populationBelowPercent) * Int64(standard.standard.population) * Int64(standard.populationPercent)
        return areaHolds && populationHolds
    }
}

extension ScreeningRound {
    /// The round's decision for a unit, and the test behind it.
    ///
    /// The decision is taken on the published area and again at both ends of
    /// its rounding interval (± half a unit of the last decimal given; a
    /// population is a whole count, taken as exact). When the two ends
    /// disagree the unit is ``MergerDecision/borderline`` and the test
    /// named is the one that holds at the lower end.
    public func decide(area: FixedDecimal, population: Int, standard: ApplicableStandard) -> (MergerDecision, ScreeningTest?) {
        func firstHolding(_ millionths: Int64) -> ScreeningTest? {
            let value = FixedDecimal(millionths: max(0, millionths))
            return tests.first { $0.holds(area: value, population: population, standard: standard) }
        }
        let rounding = area.roundingMillionths
        let atLow = firstHolding(area.millionths - rounding)
        let atHigh = firstHolding(area.millionths + rounding)
        if (atLow == nil) != (atHigh == nil) { return (.borderline, atLow) }
        if let published = firstHolding(area.millionths) { return (.yes, published) }
        return (.no, nil)
    }
}
