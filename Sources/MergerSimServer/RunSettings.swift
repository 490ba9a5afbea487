import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// A setting of the simulate form: a scenario key or a rule-set value, by the key path `mergersim simulate
/// --set KEY=VALUE` takes. The form's field is named by that key, so a value the planner changes becomes the
/// override the CLI reads, checked by the CLI's own code (``RunSettings/check(_:in:labels:)``).
enum RunSetting: String, CaseIterable, Sendable {
    case rules
    case effectiveDate = "effective_date"
    case scope = "transfers.scope"
    case maxKm = "transfers.max_km"
    case crossCategory = "transfers.cross_category"
    case runs = "transition.runs"
    case precision = "transition.precision"
    case seed = "transition.seed"
    case earlyRetirementUptake = "rules.transition.exits.early_retirement_uptake"
    case resignationUptake = "rules.transition.exits.resignation_uptake"
    /// cadres and civil servants as one pool; empty is the rule set's `quotas.pooled`.
    case pooledQuota = "pooled_quota"

    /// The override key (and the form field's name).
    var key: String { rawValue }

    /// The element's id, for the page's labels and the end-to-end tests: `sim-transfers-max-km`.
    var elementID: String {
        "sim-" + rawValue.replacingOccurrences(of: "rules.transition.exits.", with: "").replacingOccurrences(of: ".", with: "-")
            .replacingOccurrences(of: "_", with: "-")
    }

    /// The label key of the field's name and of its hint.
    var labelKey: String { "serve.run.field." + elementID.dropFirst(4).replacingOccurrences(of: "-", with: "_") }
}

/// The simulate form of a workspace: each setting's current value (the scenario's, else the rule set's or the
/// CLI's default, as `simulate` would use it), and the overrides a posted form makes of it.
struct RunSettings: Sendable {
    /// The values the form shows, as text; a field posted with another value becomes an override.
    let values: [RunSetting: String]
    /// The bundled rule sets a planner may pick.
    let ruleSets: [String]
    /// The rule set's `quotas.pooled` (what an empty `pooled_quota` means).
    let pooledByRules: Bool

    /// The current values of the workspace's scenario at `path`, read as `simulate` reads it; its rule set loaded
    /// for the values the scenario leaves to it. Throws the CLI's error when the scenario cannot be read.
    init(scenario path: String) throws(InputError) {
        let scenario = try Scenario(path: path)
        let settings = scenario.settings
        let rules = try RuleSetLoader.load(scenario.rulesLocation(settings.rules))
        var values: [RunSetting: String] = [:]
        values[.rules] = settings.rules
        values[.effectiveDate] = (scenario.effectiveDate ?? rules.rules.inForce.from).description
        values[.scope] = settings.transfers?.scope.rawValue ?? TransferSettings.Scope.Name.none.rawValue
        values[.maxKm] = settings.transfers?.maxKm.map { ReportFormat.trimmed($0, decimals: 6) } ?? ""
        values[.crossCategory] = String(settings.transfers?.crossCategory ?? false)
        values[.runs] = String(settings.transition?.runs ?? ScenarioDefaults.runs)
        values[.precision] = settings.transition?.precision.map { ReportFormat.trimmed($0, decimals: 6) } ?? ""
        values[.seed] = String(settings.transition?.seed ?? ScenarioDefaults.seed)
        values[.earlyRetirementUptake] = ReportFormat.trimmed(rules.rules.transition.exits.earlyRetirementUptake, decimals: 6)
        values[.resignationUptake] = ReportFormat.trimmed(rules.rules.transition.exits.resignationUptake, decimals: 6)
        values[.pooledQuota] = settings.pooledQuota.map(String.init) ?? ""
        self.values = values
        pooledByRules = rules.rules.quotas.pooled.value
        ruleSets = try RuleSetLoader.bundledIDs
    }

    /// The posted values that differ from the shown ones, as `KEY=VALUE` texts in the form's order (a value left
    /// as shown is the scenario's and needs no override). A field missing from the post is left as it is.
    func changes(_ form: Form) -> [(RunSetting, String)] {
        RunSetting.allCases.compactMap { setting in
            guard let posted = form[setting.key]?.trimmingCharacters(in: .whitespacesAndNewlines), posted != values[setting] else { return nil }
            return (setting, "\(setting.key)=\(posted)")
        }
    }
}

/// What checking a posted form found: the overrides to run with, or the problems, each at its field when the
/// CLI's error names one of the form's overrides.
struct RunCheck: Sendable {
    var overrides: [Override] = []
    /// Problems by field, in the page's language, as the CLI says them.
    var byField: [RunSetting: String] = [:]
    /// Problems that belong to no one field (the scenario file, the plan, memory).
    var general: [String] = []

    var isValid: Bool { byField.isEmpty && general.isEmpty }
}

extension RunSettings {
    /// Checks `changes` as `mergersim simulate --xlsx --set …` checks them before it computes: each override parsed
    /// with the CLI's parser and applied alone to the scenario and its rule sets (so every field's own problem is
    /// found), then all together through ``ScenarioInputs`` (the units, plan and rule sets read), the memory check and
    /// the workbook's row limits. Sentences are the CLI's, in `labels`' language, places shown relative to the workspace.
    static func check(_ changes: [(RunSetting, String)], scenario path: String, in folder: URL, labels: Labels) -> RunCheck {
        var check = RunCheck()
        func place(_ error: InputError) -> String { shown(error, in: folder, labels: labels) }
        for (setting, text) in changes {
            do throws(InputError) {
                let override = try Override(parsing: text)
                // A rule set is one of the bundled ids, never a path: the loader's own refusal of an unknown id.
                if setting == .rules, !RuleSetLoader.isBundled(override.value) {
                    throw InputError(.usage, file: "--set \(override)", reason: .ruleSet(.unknownID(bundled: try RuleSetLoader.bundledIDs)))
                }
                check.overrides.append(override)
                var ignored: [DefaultRecord] = []
                _ = try ScenarioInputs.ruleSets(of: try Scenario(path: path, overrides: [override]), defaults: &ignored)
            } catch {
                check.byField[setting] = place(error)
            }
        }
        guard check.isValid else { return check }
        do throws(InputError) {
            let inputs = try ScenarioInputs(scenario: try Scenario(path: path, overrides: check.overrides))
            try inputs.checkMemory(runsFromFlag: false)
            try WorkbookReport.checkRows(of: inputs, labels: labels)
        } catch {
            if let (setting, _) = changes.last(where: { error.file == "--set \($0.1)" }) {
                check.byField[setting] = place(error)
            } else {
                check.general.append(place(error))
            }
        }
        return check
    }

    /// The CLI's sentence for `error` in `labels`' language, a workspace file named by its own name (not the
    /// server's path to it).
    static func shown(_ error: InputError, in folder: URL, labels: Labels) -> String {
        var error = error
        let prefix = folder.standardizedFileURL.path + "/"
        if error.file.hasPrefix(prefix) { error.file = String(error.file.dropFirst(prefix.count)) }
        return error.text(labels)
    }
}
