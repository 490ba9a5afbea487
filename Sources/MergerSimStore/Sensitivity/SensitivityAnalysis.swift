import Foundation
import GSL
import MergerSim
import MergerSimInputs
import MergerSimReports

/// One-at-a-time sensitivity of a scenario's headline figures to the rule set's NC values: the
/// scenario as it is (the base), then each number at its low and at its high, and each named choice at
/// its alternative (``SensitivityParameters``), with everything else as in the base, all with the same
/// seed, so each swing (high − low; for a choice, the alternative − the base run) is a paired difference
/// with little Monte Carlo noise. Runs go into a run store like a sweep's, so an analysis stopped
/// midway resumes.
public struct SensitivityAnalysis: Sendable {
    public let scenarioPath: String
    /// Every candidate value, those the rule set refuses at their low or high included (with the reason).
    public let parameters: [SensitivityParameters.Parameter]
    /// The base (number 1), then per parameter run its low and high (a choice: its alternative).
    public let settings: [SweepPlan.Setting]

    /// Reads the scenario's rule set (with `base` overrides) and checks each value a parameter runs by
    /// loading the scenario with it; `only` keeps the parameters whose key starts with one of its prefixes.
    /// A `ranges` file's range replaces a number's plausible range (or ±50 %), with its distribution.
    /// - Throws: ``InputError`` located in `ranges` for a key that is not an NC number of the rule set, or an end
    ///   of its range that the rule set refuses; the scenario's own errors.
    public init(scenarioPath: String, base: [Override], only: [String] = [], ranges: SensitivityRangesFile? = nil) throws(InputError) {
        self.scenarioPath = scenarioPath
        let scenario = try Scenario(path: scenarioPath, overrides: base)
        var ignored: [RunManifest.DefaultEntry] = []
        // The base's rule set must load (its plausible ranges included) before any value is varied from it.
        _ = try ScenarioInputs.ruleSets(of: scenario, defaults: &ignored)
        let keyPaths = try RuleSetLoader.keyPaths(scenario.rulesLocation(scenario.settings.rules), overrides: base.filter { $0.target.0 == .rules })
        var candidates = SensitivityParameters.candidates(keyPaths: keyPaths)
        /// Why the rule set refuses `value` of `key`, or nil when it runs.
        func refusal(_ key: String, _ value: String) -> InputError? {
            let override = Override(path: key.split(separator: ".").map(String.init), value: value)
            do {
                _ = try ScenarioInputs.ruleSets(of: try Scenario(path: scenarioPath, overrides: base + [override]), defaults: &ignored)
                return nil
            } catch {
                return error
            }
        }
        var fromFile = Set<String>()
        for entry in ranges?.entries ?? [] {
            guard let ranges else { break }
            guard let i = candidates.firstIndex(where: { $0.key == entry.key }), case .numeric(let value, _, _) = candidates[i].range else {
                throw ranges.error(at: entry, .rangesUnknownKey(entry.key))
            }
            candidates[i].range = .numeric(value: value, low: entry.low, high: entry.high)
            candidates[i].rangeSource = .rangesFile
            candidates[i].distribution = entry.distribution
            candidates[i].refused = nil
            for (_, end) in candidates[i].runs {
                if let error = refusal(entry.key, end) {
                    guard let reason = error.reason else {
                        throw InputError.badData(ranges.path, line: entry.line, column: entry.column, "\(entry.key) = \(end): \(error.message)")
                    }
                    throw ranges.error(at: entry, .rangesRefused(key: entry.key, value: end, reason: reason))
                }
            }
            fromFile.insert(entry.key)
        }
        var parameters = candidates.filter { p in
            only.isEmpty || only.contains { p.key == $0 || p.key.hasPrefix($0.hasSuffix(".") ? $0 : $0 + ".") }
        }
        for i in parameters.indices where !fromFile.contains(parameters[i].key) {
            for (_, value) in parameters[i].runs where parameters[i].refused == nil {
                if let error = refusal(parameters[i].key, value) { parameters[i].refused = "\(value): \(error.message)" }
            }
        }
        self.parameters = parameters
        var settings = [SweepPlan.Setting(number: 1, row: 0, values: ["base"], seed: nil, overrides: base)]
        for (i, p) in parameters.enumerated() where p.refused == nil {
            for (side, value) in p.runs {
                let override = Override(path: p.key.split(separator: ".").map(String.init), value: value)
                settings.append(SweepPlan.Setting(number: settings.count + 1, row: i + 1, values: [side], seed: nil, overrides: base + [override]))
            }
        }
        self.settings = settings
    }

    /// One parameter's effect on one headline metric, with the parameter's rank.
    public struct Effect: Sendable {
        public var parameter: SensitivityParameters.Parameter
        /// The means, the swing (high − low, paired; a choice: the alternative − the base run) and the verdicts.
        public var swing: HeadlineSwing
        public var rank: Int
        public var metric: HeadlineMetric { swing.metric }
        public var verdictFlips: Bool { swing.verdicts.flip }
    }

    /// The effects, parameters ranked by ``HeadlineSwing/score(_:)`` (a verdict flip first, then the
    /// largest relative swing), read from the runs of `store` (setting number → run id). The store only
    /// reads the runs back; ``HeadlineSwing`` computes.
    /// - Throws: ``InputError`` for a run the store cannot read, or one without a known verdict;
    ///   ``InternalError`` for a parameter whose settings are not the runs it needs.
    public func effects(runIDs: [Int: Int64], store: RunStore) throws -> [Effect] {
        guard let baseID = runIDs[1] else { return [] }
        let base = try store.headlineResult(ofRun: baseID)
        var varied: [(parameter: SensitivityParameters.Parameter, low: HeadlineResult, high: HeadlineResult)] = []
        for (i, p) in parameters.enumerated() where p.refused == nil {
            let ids = settings.filter { $0.row == i + 1 }.map { runIDs[$0.number] }
            switch (p.range, ids.count) {
            case (.numeric, 2):
                guard let lowID = ids[0], let highID = ids[1] else { continue }
                varied.append((p, try store.headlineResult(ofRun: lowID), try store.headlineResult(ofRun: highID)))
            case (.choice, 1):
                // The low side is the rule set's own choice: the base run.
                guard let alternativeID = ids[0] else { continue }
                varied.append((p, base, try store.headlineResult(ofRun: alternativeID)))
            default:
                throw InternalError("the sensitivity of \(p.key) has \(ids.count) runs, not the \(p.runs.count) it needs")
            }
        }
        return try Self.effects(base: base, varied: varied)
    }

    /// The effects of each parameter's `low` and `high` runs beside the `base` run, ranked; in memory, no
    /// store. A named choice gives the base run as its `low` and its alternative's run as its `high`.
    public static func effects(base: HeadlineResult,
                               varied: [(parameter: SensitivityParameters.Parameter, low: HeadlineResult, high: HeadlineResult)]) throws(GSLError) -> [Effect] {
        let swings = try varied.map { v throws(GSLError) in try HeadlineSwing.swings(base: base, low: v.low, high: v.high) }
        let ranks = HeadlineSwing.ranks(swings)
        let order = varied.indices.sorted { ranks[$0] < ranks[$1] }
        return order.flatMap { i in swings[i].map { Effect(parameter: varied[i].parameter, swing: $0, rank: ranks[i]) } }
    }
}
