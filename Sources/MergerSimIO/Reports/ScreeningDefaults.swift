import MergerSim

/// The defaults a screening applied, for the manifest.
public enum ScreeningDefaults {
    public static func applied(_ results: [ScreeningResult], ruleSet: RuleSet, rulesGiven: String, roundGiven: Int?) -> [RunManifest.DefaultEntry] {
        var entries: [RunManifest.DefaultEntry] = []
        entries.append(.init(name: "rules", value: rulesGiven))
        if roundGiven == nil { entries.append(.init(name: "round", value: String(ruleSet.screening.defaultRound))) }
        let other = ruleSet.classification.otherPoints
        let defaulted = results.filter(\.classification.otherPointsDefaulted).count
        if defaulted > 0 {
            entries.append(.init(name: "other_points", value: ReportFormat.decimal(other.default), rule: other.rule,
                                 status: other.status, units: defaulted))
        }
        let typed = results.filter { !$0.classification.typeGiven }.count
        if typed > 0 {
            entries.append(.init(name: "type", value: "from the score", rule: ruleSet.classification.thresholds.rule, units: typed))
        }
        return entries
    }

    /// The defaults applied in judging the units after a plan.
    public static func afterDefaults(_ results: [UnitAfterResult], ruleSet: RuleSet, scenario: Scenario) -> [RunManifest.DefaultEntry] {
        var entries: [RunManifest.DefaultEntry] = []
        let settings = scenario.settings
        if settings.rulesBefore == nil { entries.append(.init(name: "rules_before", value: settings.rules)) }
        let other = ruleSet.classification.otherPoints
        let defaulted = results.filter(\.classification.otherPointsDefaulted).count
        if defaulted > 0 {
            entries.append(.init(name: "after.other_points", value: ReportFormat.decimal(other.default), rule: other.rule, status: other.status, units: defaulted))
        }
        let typed = results.filter { !$0.classification.typeGiven }.count
        if typed > 0 { entries.append(.init(name: "after.type", value: "from the score", rule: ruleSet.classification.thresholds.rule, units: typed)) }
        let newUnits = results.filter { !$0.merged.untouched }
        let unclassed = Set(newUnits.map(\.unit.province)).filter { settings.provinceClasses?[$0] == nil }
        if !ruleSet.mergedUnits.targets.isEmpty, !unclassed.isEmpty {
            entries.append(.init(name: "province_class", value: "other", rule: ruleSet.mergedUnits.rule, units: newUnits.filter { unclassed.contains($0.unit.province) }.count))
        }
        if settings.transfers == nil { entries.append(.init(name: "transfers.scope", value: "none")) }
        return entries
    }
}
