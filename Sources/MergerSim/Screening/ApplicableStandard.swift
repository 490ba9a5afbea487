/// The standard that applies to one unit, after specific-factor reductions.
public struct ApplicableStandard: Hashable, Sendable {
    /// The rule set's entry, before reductions.
    public var standard: Standard
    /// The population standard as a percentage of the entry's (100 without reduction).
    public var populationPercent: Int
    /// The area standard as a percentage of the entry's.
    public var areaPercent: Int
    /// The reductions applied, with their rule.
    public var reductions: [StandardReduction]

    /// The population standard after reduction (may be fractional).
    public var population: Double { Double(standard.population) * Double(populationPercent) / 100 }
    /// The area standard after reduction, in km².
    public var areaKm2: Double { standard.area.doubleValue * Double(areaPercent) / 100 }

    /// Whether `population` reaches the reduced standard, exactly.
    public func meetsPopulation(_ population: Int) -> Bool {
        Int64(population) * 100 >= Int64(standard.population) * Int64(populationPercent)
    }

    /// Whether `area` reaches the reduced standard, exactly.
    public func meetsArea(_ area: FixedDecimal) -> Bool {
        area.millionths * 100 >= standard.area.millionths * Int64(areaPercent)
    }

    /// `population` as a percentage of the reduced standard.
    public func populationPercentOfStandard(_ population: Int) -> Double { Double(population) / self.population * 100 }

    /// `area` as a percentage of the reduced standard.
    public func areaPercentOfStandard(_ area: FixedDecimal) -> Double { area.doubleValue / areaKm2 * 100 }
}

extension RuleSet {
    /// The standard of `unit`: the first entry whose selector matches it, with
    /// the most favourable reduction of each standard.
    ///
    /// - Throws: ``RuleApplicationError`` when no entry matches (a ward
    ///   without `district_kind` where the standard depends on it, or a kind
    ///   this rule set has no standard for).
    public func standard(for unit: AdministrativeUnit) throws(RuleApplicationError) -> ApplicableStandard {
        guard let standard = standards.first(where: { $0.applies.matches(unit) }) else {
            let ofKind = standards.filter { $0.applies.kind == unit.kind }
            if unit.districtKind == nil, !ofKind.isEmpty, ofKind.allSatisfy({ $0.applies.districtKind != nil }) {
                throw RuleApplicationError(
                    unitCode: unit.code, field: "district_kind",
                    message: "a \(unit.kind.rawValue) needs district_kind under rule set \(id) (its standard depends on it: "
                        + ofKind.map { "\($0.rule) \($0.applies.districtKind!.rawValue)" }.joined(separator: ", ") + ")")
            }
            throw RuleApplicationError(
                unitCode: unit.code, field: unit.districtKind == nil ? "kind" : "district_kind",
                message: "rule set \(id) has no standard for a \(unit.kind.rawValue)"
                    + (unit.districtKind.map { " in a \($0.rawValue)" } ?? ""))
        }
        var result = ApplicableStandard(standard: standard, populationPercent: 100, areaPercent: 100, reductions: [])
        guard reductions.appliesTo.contains(unit.kind) else { return result }
        var populationOptions: [(percent: Int, factor: StandardReduction.Factor)] = []
        if let ethnic = reductions.ethnicMinority, let share = unit.features.ethnicMinorityShare,
           share >= ethnic.minimumShare, unit.features.mountainous || unit.features.border {
            let furtherSteps = Int((share.millionths - ethnic.minimumShare.millionths) / ethnic.stepShare.millionths)
            let percent = max(ethnic.floorPercent, ethnic.populationPercent - ethnic.stepPercent * furtherSteps)
            populationOptions.append((percent, .ethnicMinority(share: share, percent: percent)))
        }
        if let percent = reductions.coastalDifficultPopulationPercent, unit.features.coastalDifficult {
            populationOptions.append((percent, .coastalDifficult(percent: percent)))
        }
        if let best = populationOptions.min(by: { $0.percent < $1.percent }) {
            result.populationPercent = best.percent
            result.reductions.append(StandardReduction(rule: reductions.rule, factor: best.factor))
        }
        if let percent = reductions.redRiverDeltaAreaPercent, unit.features.redRiverDelta {
            result.areaPercent = percent
            result.reductions.append(StandardReduction(rule: reductions.rule, factor: .redRiverDelta(percent: percent)))
        }
        return result
    }
}
