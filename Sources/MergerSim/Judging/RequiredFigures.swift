/// The area and population a unit must reach (a standard, or a merged unit's target), held exactly:
/// area in whole millionths of a km² and population in whole people.
///
/// The rules set a figure as a percentage of a percentage of a standard, which need not be a whole
/// millionth; since a unit's own area is a whole number of millionths, it reaches the rule's figure
/// exactly when it reaches that figure rounded up to the next millionth (population likewise, to the next
/// person). The rule set's judge and the proposer (``GroupTargets``) both decide with ``reached(areaMillionths:population:)``, so they cannot disagree.
public struct RequiredFigures: Hashable, Sendable {
    /// The area to reach, in millionths of a km² (rounded up from the rule's figure).
    public let areaMillionths: Int64
    /// The population to reach (rounded up from the rule's figure).
    public let population: Int

    /// Figures given in whole millionths of a km² and whole people.
    public init(areaMillionths: Int64, population: Int) {
        self.areaMillionths = areaMillionths
        self.population = population
    }

    /// Figures from the rule's values scaled by 10⁴ (percent × percent), each rounded up to a whole millionth or person.
    init(scaledAreaMillionths: Int64, scaledPopulation: Int64) {
        func roundedUp(_ value: Int64) -> Int64 { value / 10_000 + (value % 10_000 > 0 ? 1 : 0) }
        areaMillionths = roundedUp(scaledAreaMillionths)
        population = Int(roundedUp(scaledPopulation))
    }

    /// Whether a unit (or a group's sum) with this area, in millionths of a km², and population reaches each figure.
    public func reached(areaMillionths: Int64, population: Int) -> (area: Bool, population: Bool) {
        (areaMillionths >= self.areaMillionths, population >= self.population)
    }

    /// Whether both figures are reached (``reached(areaMillionths:population:)``).
    public func met(areaMillionths: Int64, population: Int) -> Bool {
        let reached = reached(areaMillionths: areaMillionths, population: population)
        return reached.area && reached.population
    }
}
