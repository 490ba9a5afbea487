/// A unit's classification score and type.
public struct Classification: Hashable, Sendable {
    public var populationPoints: FixedDecimal
    public var areaPoints: FixedDecimal
    public var otherPoints: FixedDecimal
    /// Whether `otherPoints` is the rule set's default rather than the unit's own.
    public var otherPointsDefaulted: Bool
    public var type: UnitType
    /// Whether `type` was given in the input (else it comes from the score).
    public var typeGiven: Bool

    public var score: FixedDecimal { FixedDecimal(millionths: populationPoints.millionths + areaPoints.millionths + otherPoints.millionths, decimals: 0) }
}

extension ClassificationRules {
    /// Scores `unit` and types it, unless its type is given.
    ///
    /// Points for population and area: the base points up to the base, then
    /// the points per full step beyond, at most the maximum.
    /// A mountainous commune counts against 75 % and a land-border commune
    /// against 30 % of the population thresholds (the scale's values; ).
    public func classify(_ unit: AdministrativeUnit) throws(RuleApplicationError) -> Classification {
        guard let table = points.first(where: { $0.kinds.contains(unit.kind) }) else {
            throw RuleApplicationError(unitCode: unit.code, field: "kind",
                                       message: "the rule set has no classification points for a \(unit.kind.rawValue)")
        }
        var scalePercent: Int64 = 100
        // the lower population thresholds are those of mountainous and border communes (xã); wards and
        // towns count against the full thresholds even where they are mountainous or on a border.
        if unit.kind == .commune {
            if unit.features.mountainous { scalePercent = min(scalePercent, Int64(populationScale.mountainousPercent)) }
            if unit.features.border { scalePercent = min(scalePercent, Int64(populationScale.borderPercent)) }
        }
        // Population in millionths × 100 against thresholds × scale percent.
        let populationSteps = Self.fullSteps(
            value: Int64(unit.population) * FixedDecimal.scale * 100,
            upTo: table.population.upTo.millionths * scalePercent, per: table.population.per.millionths * scalePercent)
        let areaSteps = Self.fullSteps(value: unit.area.millionths, upTo: table.area.upTo.millionths, per: table.area.per.millionths)
        let populationPoints = table.points(steps: populationSteps, max: table.population.maxPoints)
        let areaPoints = table.points(steps: areaSteps, max: table.area.maxPoints)
        let other = unit.otherPoints ?? otherPoints.default
        let score = populationPoints.millionths + areaPoints.millionths + other.millionths
        let scored: UnitType = score >= thresholds.typeI.millionths ? .typeI : score >= thresholds.typeII.millionths ? .typeII : .typeIII
        return Classification(populationPoints: populationPoints, areaPoints: areaPoints, otherPoints: other,
                              otherPointsDefaulted: unit.otherPoints == nil, type: unit.type ?? scored, typeGiven: unit.type != nil)
    }

    static func fullSteps(value: Int64, upTo: Int64, per: Int64) -> Int64 {
        value > upTo ? (value - upTo) / per : 0
    }
}

extension ClassificationRules.PointsTable {
    func points(steps: Int64, max: FixedDecimal) -> FixedDecimal {
        FixedDecimal(millionths: Swift.min(max.millionths, basePoints.millionths + pointsPerStep.millionths * steps))
    }
}
