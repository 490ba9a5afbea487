import MergerSim
import MergerSimInputs

/// The defaults a screening applied, for the manifest.
public enum ScreeningDefaults {
    public static func applied(_ results: [ScreeningResult], ruleSet: RuleSet, rulesGiven: String, roundGiven: Int?) -> [RunManifest.DefaultEntry] {
        var entries: [RunManifest.DefaultEntry] = []
        entries.append(.init(name: "rules", value: rulesGiven))
        if roundGiven == nil { entries.append(.init(name: "round", value: String(ruleSet.screening.defaultRound))) }
        return entries + classificationDefaults(results.map(\.classification), ruleSet: ruleSet, prefix: "")
    }

    /// Other points and types the rule set supplied, with how many units took each.
    static func classificationDefaults(_ classifications: [Classification], ruleSet: RuleSet, prefix: String) -> [RunManifest.DefaultEntry] {
        var entries: [RunManifest.DefaultEntry] = []
        let other = ruleSet.classification.otherPoints
        let defaulted = classifications.filter(\.otherPointsDefaulted).count
        if defaulted > 0 {
            entries.append(.init(name: prefix + "other_points", meaning: .otherPoints(other.default), rule: other.rule,
                                 status: other.status, units: defaulted))
        }
        let typed = classifications.filter { !$0.typeGiven }.count
        if typed > 0 {
            entries.append(.init(name: prefix + "type", meaning: .typeFromScore, rule: ruleSet.classification.thresholds.rule, units: typed))
        }
        return entries
    }

    /// The defaults applied in judging the units after a plan.
    public static func afterDefaults(_ results: [UnitAfterResult], ruleSet: RuleSet, scenario: Scenario) -> [RunManifest.DefaultEntry] {
        var entries: [RunManifest.DefaultEntry] = []
        let settings = scenario.settings
        entries += classificationDefaults(results.map(\.classification), ruleSet: ruleSet, prefix: "after.")
        let newUnits = results.filter { !$0.merged.untouched }
        let unclassed = Set(newUnits.map(\.unit.province)).filter { scenario.provinceClasses.listed[$0] == nil }
        if !ruleSet.mergedUnits.targets.isEmpty, !unclassed.isEmpty {
            entries.append(.init(name: "province_class", meaning: .unlistedClass, rule: ruleSet.mergedUnits.rule, units: newUnits.filter { unclassed.contains($0.unit.province) }.count))
        }
        if settings.transfers == nil { entries.append(.init(name: "transfers.scope", meaning: .noTransfers)) }
        return entries
    }
}
