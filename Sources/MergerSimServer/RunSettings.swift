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
    /// R-4.8: cadres and civil servants as one pool; empty is the rule set's `quotas.pooled`.
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

    /// The posted values that differ from the shown ones, as `KEY=VALUE` texts in the CLI's form (an ISO date, a
    /// decimal point) in the form's order: a value left as shown is the scenario's and needs no override. A field
    /// missing from the post is left as it is.
    func changes(_ form: Form) -> [(RunSetting, String)] {
        RunSetting.allCases.compactMap { setting in
            guard let posted = form[setting.key].map({ setting.canonical($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
                  posted != values[setting] else { return nil }
            return (setting, "\(setting.key)=\(posted)")
        }
    }
}

extension RunSetting {
    /// What a planner types in the field, beyond what the CLI reads.
    enum Kind { case date, decimal, whole, choice }

    var kind: Kind {
        switch self {
        case .effectiveDate: .date
        case .maxKm, .precision, .earlyRetirementUptake, .resignationUptake: .decimal
        case .runs, .seed: .whole
        case .rules, .scope, .crossCategory, .pooledQuota: .choice
        }
    }

    /// `typed` in the CLI's form: a date written day/month/year (01/07/2025, as Vietnamese documents write it) as
    /// ISO 2025-07-01, a decimal comma (0,5) as a point; anything else as typed, for the CLI's parser to judge.
    func canonical(_ typed: String) -> String {
        switch kind {
        case .date:
            let parts = typed.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 else { return typed }
            func two(_ part: Substring) -> String { part.count == 1 ? "0" + part : String(part) }
            return "\(parts[2])-\(two(parts[1]))-\(two(parts[0]))"
        case .decimal:
            guard typed.filter({ $0 == "," }).count == 1, !typed.contains(".") else { return typed }
            return typed.replacingOccurrences(of: ",", with: ".")
        case .whole, .choice:
            return typed
        }
    }

    /// A value in the CLI's form as the page's language writes it: a date as `labels.date` writes it, a decimal with
    /// the language's mark; what is not a date or decimal as it is.
    func shown(_ value: String, labels: Labels) -> String {
        switch kind {
        case .date: CalendarDate(iso: value).map(labels.date) ?? value
        case .decimal: Double(value) != nil ? labels.decimalMark(value) : value
        case .whole, .choice: value
        }
    }

    /// A value a planner might type, for the sentence about a value that is not a number.
    var example: String {
        switch self {
        case .maxKm: "15.5"
        case .precision: "0.05"
        case .earlyRetirementUptake, .resignationUptake: "0.3"
        case .seed: "42"
        default: "200"
        }
    }

    /// An override of this setting (`value` in the CLI's form) in words of `labels`' language: the transfers as
    /// `compare` says them, a date and decimals as the language writes them, yes and no in words.
    func words(_ value: String, labels: Labels) -> String {
        func named(_ key: String, _ shown: String) -> String { labels("serve.run.setting." + key, ["value": shown]) }
        let yesNo = ["true": labels("serve.run.yes"), "false": labels("serve.run.no")]
        let suffix = String(labelKey.dropFirst("serve.run.field.".count))
        if value.isEmpty, self != .maxKm { return labels("serve.run.setting.empty", ["name": labels(labelKey)]) }
        switch self {
        case .scope, .crossCategory:
            return Comparison.setting("\(key.dropFirst("transfers.".count))=\(value)", name: "transfers", labels)
        case .maxKm:
            return value.isEmpty ? labels("serve.run.setting.transfers_max_km_none") : Comparison.setting("max_km=\(value)", name: "transfers", labels)
        case .pooledQuota:
            return named(suffix, yesNo[value] ?? value)
        case .runs:
            return named(suffix, Int(value).map { labels.number(Double($0)) } ?? value)
        default:
            return named(suffix, shown(value, labels: labels))
        }
    }
}

extension RunSettings {
    /// Overrides as a run's manifest lists them (`KEY=VALUE`), in words: a setting of the form by its name and its
    /// value in the language's writing; a key the form does not have (a run made at the command line) as typed.
    static func words(_ overrides: [String], labels: Labels) -> String {
        guard !overrides.isEmpty else { return labels("serve.results.overrides_none") }
        return overrides.map { text in
            guard let equals = text.firstIndex(of: "="), let setting = RunSetting(rawValue: String(text[..<equals])) else { return text }
            return setting.words(String(text[text.index(after: equals)...]), labels: labels)
        }.joined(separator: "; ")
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
    /// Checks `changes` as `mergersim simulate --xlsx --set …` checks them before it computes. The overrides are
    /// parsed with the CLI's parser and applied TOGETHER to the scenario and its rule sets (a distance is checked with
    /// the scope that needs it); an error that names one of them is that field's problem, and the rest are checked
    /// again without it, until they pass or an error names none (so every field's own problem is found). Then all
    /// together through ``ScenarioInputs`` (the units, plan and rule sets read), the memory check and the workbook's
    /// row limits. Sentences are the CLI's, in `labels`' language, places shown relative to the workspace; a field's
    /// own sentence without the `--set` place (see ``sentence(_:for:typed:labels:)``).
    static func check(_ changes: [(RunSetting, String)], scenario path: String, in folder: URL, labels: Labels, typed: Form? = nil) -> RunCheck {
        var check = RunCheck()
        func place(_ error: InputError) -> String { shown(error, in: folder, labels: labels) }
        /// The field `error` names, and the sentence to show at it.
        func problem(_ error: InputError, among candidates: [(RunSetting, Override)]) -> (RunSetting, String)? {
            guard var (setting, _) = candidates.last(where: { error.file == "--set \($0.1)" }) else { return nil }
            // The CLI names the transfers' last override for a radius without its distance: the scope is what needs it.
            if error.reason == .scenario(.radiusWithoutMaxKm),
               let needing = candidates.first(where: { $0.0 == .scope }) ?? candidates.first(where: { $0.0 == .maxKm }) {
                setting = needing.0
            }
            return (setting, sentence(error, for: setting, typed: typed?[setting.key] ?? "", labels: labels))
        }
        var parsed: [(RunSetting, Override)] = []
        for (setting, text) in changes {
            do throws(InputError) {
                let override = try Override(parsing: text)
                // A rule set is one of the bundled ids, never a path: the loader's own refusal of an unknown id.
                if setting == .rules, !RuleSetLoader.isBundled(override.value) {
                    throw InputError(.usage, file: "--set \(override)", reason: .ruleSet(.unknownID(bundled: try RuleSetLoader.bundledIDs)))
                }
                parsed.append((setting, override))
            } catch {
                check.byField[setting] = sentence(error, for: setting, typed: typed?[setting.key] ?? "", labels: labels)
            }
        }
        var remaining = parsed
        while !remaining.isEmpty {
            do throws(InputError) {
                var ignored: [DefaultRecord] = []
                _ = try ScenarioInputs.ruleSets(of: try Scenario(path: path, overrides: remaining.map(\.1)), defaults: &ignored)
                break
            } catch {
                guard let (setting, text) = problem(error, among: remaining) else {
                    check.general.append(place(error))
                    break
                }
                check.byField[setting] = text
                remaining.removeAll { $0.0 == setting }
            }
        }
        check.overrides = parsed.map(\.1)
        guard check.isValid else { return check }
        do throws(InputError) {
            let inputs = try ScenarioInputs(scenario: try Scenario(path: path, overrides: check.overrides))
            try inputs.checkMemory(runsFromFlag: false)
            try WorkbookReport.checkRows(of: inputs, labels: labels)
        } catch {
            if let (setting, text) = problem(error, among: parsed) {
                check.byField[setting] = text
            } else {
                check.general.append(place(error))
            }
        }
        return check
    }

    /// The CLI's sentence about a field's value without its `--set KEY=VALUE:` place (the field shows where), and
    /// without the key path some sentences open with; for the sentences that name the scenario's keys or a form the
    /// planner does not type (YYYY-MM-DD in Vietnamese, a decimal point), the workbench's own sentence of the same
    /// rule, naming the value as `typed`.
    static func sentence(_ error: InputError, for setting: RunSetting, typed: String, labels: Labels) -> String {
        guard error.file.hasPrefix("--set "), let reason = error.reason else { return error.text(labels) }
        func number(_ text: String?) -> String { text.flatMap(Double.init).map { labels.number($0) } ?? text ?? "" }
        let values = reason.values, name = reason.key.split(separator: ".").last.map(String.init) ?? reason.key
        let example = setting.kind == .decimal ? labels.decimalMark(setting.example) : setting.example
        switch name {
        case "radius_without_max_km", "max_km_not_positive", "precision_not_positive":
            return labels("serve.run.error.\(name)")
        case "not_date" where setting == .effectiveDate:
            return labels("serve.run.error.not_date", ["text": typed])
        case "not_decimal":
            return labels("serve.run.error.not_number", ["text": typed, "example": example])
        case "not_whole_number", "not_count":
            return labels("serve.run.error.not_whole_number", ["text": typed, "example": example])
        case "whole_number_too_large":
            return labels("serve.run.error.whole_number_range", ["text": typed, "lowest": values["lowest"] ?? "", "highest": values["highest"] ?? ""])
        case "transition_runs":
            return labels("serve.run.error.transition_runs", ["max": number(values["max"])])
        case "precision_runs":
            return labels("serve.run.error.precision_runs", ["minimum": number(values["minimum"]), "runs": number(values["runs"])])
        case "not_probability":
            return labels("serve.run.error.not_probability", ["text": typed])
        default:
            let text = reason.text(labels)
            guard let at = values["at"], !at.isEmpty, text.hasPrefix(at) else { return text }
            return String(text.dropFirst(at.count))
        }
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
