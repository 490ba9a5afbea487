import MergerSimInputs
import MergerSimReports

extension ScenarioInputs {
    /// The overrides in force and any edited rule file, for the console (blank when neither).
    var settingsNote: String {
        var lines: [String] = []
        if !scenario.overrides.isEmpty {
            lines.append("Overrides (--set): " + scenario.overrides.map(\.description).joined(separator: ", "))
        }
        for loaded in [rules, rulesBefore] where loaded.editedFromBundled {
            lines.append("Rule file \(loaded.source) has the id \(loaded.rules.id) but differs from the bundled \(loaded.rules.id) (edited).")
        }
        return lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n")
    }
}
