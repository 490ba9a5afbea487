import MergerSimInputs
import MergerSimReports

extension ScenarioInputs {
    /// The overrides in force and any edited rule file, for the console in the language of `labels` (blank when neither).
    func settingsNote(_ labels: Labels) -> String {
        var lines: [String] = []
        if !scenario.overrides.isEmpty {
            lines.append(labels("console.overrides", ["overrides": scenario.overrides.map(\.description).joined(separator: ", ")]))
        }
        for loaded in [rules, rulesBefore] where loaded.editedFromBundled {
            lines.append(labels("console.edited_rules", ["file": loaded.source, "id": loaded.rules.id]))
        }
        return lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n")
    }
}
