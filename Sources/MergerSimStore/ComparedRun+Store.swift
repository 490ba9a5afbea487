import MergerSim
import MergerSimInputs
import MergerSimReports

extension ComparedRun {
    /// Run `id` of a run store, as `compare` reads it (66 when the store has no such run).
    public init(store: RunStore, id: Int64) throws(InputError) {
        guard let run = try store.description(ofRun: id) else {
            throw InputError(.unreadable, file: store.path, reason: .store(.noRun(run: id, store: store.path)))
        }
        var settings = ["scenario": run.scenario, "rules": "\(run.rules) (\(run.rulesSHA256.prefix(12)))",
                        "rules_before": "\(run.rulesBefore) (\(run.rulesBeforeSHA256.prefix(12)))",
                        "overrides": run.overrides.isEmpty ? "none" : run.overrides.joined(separator: " "),
                        "seed": String(run.seed), "runs": String(run.runs)]
        settings["transfers"] = run.transfers
        let units = try store.units(ofRun: id).map { unit in
            (code: unit.code, values: ["standards_outcome": unit.outcome].merging(StaffCategory.allCases.map {
                ("surplus_\($0.rawValue)", unit.surplus[$0].map(String.init) ?? "")
            }, uniquingKeysWith: { a, _ in a }))
        }
        self.init(name: "run \(id)", settings: settings, summary: try store.summary(ofRun: id), headlines: try store.headlines(ofRun: id),
                  timeline: try store.timelineMeans(ofRun: id).map { ("\($0.year) \($0.category) \($0.metric)", $0.mean) }, units: units)
    }
}
