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
}
