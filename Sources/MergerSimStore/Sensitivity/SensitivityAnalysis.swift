import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// One-at-a-time sensitivity of a scenario's headline figures to the rule set's NC values: the
/// scenario as it is (the base), then each value at its low and at its high (``SensitivityParameters``)
/// with everything else as in the base, all with the same seed, so each swing (high − low) is a paired
/// difference with little Monte Carlo noise. Runs go into a run store like a sweep's, so an analysis
/// stopped midway resumes.
public struct SensitivityAnalysis: Sendable {
    public let scenarioPath: String
    /// Every candidate value, those the rule set refuses at their low or high included (with the reason).
    public let parameters: [SensitivityParameters.Parameter]
    /// The base (number 1), then per parameter run its low and high.
    public let settings: [SweepPlan.Setting]

    /// Reads the scenario's rule set (with `base` overrides) and checks each parameter's low and high by
    /// loading the scenario with it; `only` keeps the parameters whose key starts with one of its prefixes.
    public init(scenarioPath: String, base: [Override], only: [String] = []) throws(InputError) {
        self.scenarioPath = scenarioPath
        let scenario = try Scenario(path: scenarioPath, overrides: base)
        var ignored: [RunManifest.DefaultEntry] = []
        let keyPaths = try RuleSetLoader.keyPaths(scenario.rulesLocation(scenario.settings.rules), overrides: base.filter { $0.target.0 == .rules })
        var parameters = SensitivityParameters.candidates(keyPaths: keyPaths).filter { p in
            only.isEmpty || only.contains { p.key == $0 || p.key.hasPrefix($0.hasSuffix(".") ? $0 : $0 + ".") }
        }
        for i in parameters.indices {
            for value in [parameters[i].low, parameters[i].high] where parameters[i].refused == nil {
                let override = Override(path: parameters[i].key.split(separator: ".").map(String.init), value: SensitivityParameters.Parameter.text(value))
                do {
                    _ = try ScenarioInputs.ruleSets(of: try Scenario(path: scenarioPath, overrides: base + [override]), defaults: &ignored)
                } catch {
                    parameters[i].refused = "\(SensitivityParameters.Parameter.text(value)): \(error.message)"
                }
            }
        }
        self.parameters = parameters
        var settings = [SweepPlan.Setting(number: 1, row: 0, values: ["base"], seed: nil, overrides: base)]
        for (i, p) in parameters.enumerated() where p.refused == nil {
            for (side, value) in [("low", p.low), ("high", p.high)] {
                let override = Override(path: p.key.split(separator: ".").map(String.init), value: SensitivityParameters.Parameter.text(value))
                settings.append(SweepPlan.Setting(number: settings.count + 1, row: i + 1, values: [side], seed: nil, overrides: base + [override]))
            }
        }
        self.settings = settings
    }

    /// One parameter's effect on one headline metric.
    public struct Effect: Sendable {
        public var parameter: SensitivityParameters.Parameter
        public var metric: String
        public var base: Double, low: Double, high: Double
        /// high − low, paired replication by replication.
        public var swing: Estimate
        public var verdicts: (base: String, low: String, high: String)
        public var rank: Int
        public var verdictFlips: Bool { verdicts.low != verdicts.base || verdicts.high != verdicts.base }
    }

    /// The effects, parameters ranked by their largest swing over the headline metrics, each relative to
    /// the base mean (absolute for the probability all within quota; a base of 0 counts as 1), a verdict
    /// flip ranking before any swing.
    public func effects(runIDs: [Int: Int64], store: RunStore) throws -> [Effect] {
        guard let baseID = runIDs[1] else { return [] }
        func figures(_ id: Int64) throws -> (columns: [[Double]], verdict: String) {
            let headlines = try store.headlines(ofRun: id)
            let columns = TransitionSummary.Headline.metricNames.indices.map { m in headlines.map { $0.metricValues[m] } }
            let verdict = try store.summary(ofRun: id).first { $0.metric == "deadline_verdict" }?.value ?? ""
            return (columns, verdict)
        }
        let base = try figures(baseID)
        var byParameter: [[Effect]] = []
        for (i, p) in parameters.enumerated() where p.refused == nil {
            let numbers = settings.filter { $0.row == i + 1 }.map(\.number)
            guard numbers.count == 2, let lowID = runIDs[numbers[0]], let highID = runIDs[numbers[1]] else { continue }
            let low = try figures(lowID), high = try figures(highID)
            var effects: [Effect] = []
            for (m, metric) in TransitionSummary.Headline.metricNames.enumerated() {
                effects.append(Effect(parameter: p, metric: metric, base: try Estimate(sample: base.columns[m]).mean,
                                      low: try Estimate(sample: low.columns[m]).mean, high: try Estimate(sample: high.columns[m]).mean,
                                      swing: try Estimate.difference(low.columns[m], high.columns[m], paired: low.columns[m].count == high.columns[m].count),
                                      verdicts: (base.verdict, low.verdict, high.verdict), rank: 0))
            }
            byParameter.append(effects)
        }
        let ranked = byParameter.sorted { Self.score($0) > Self.score($1) }
        return ranked.enumerated().flatMap { rank, effects in effects.map { var e = $0; e.rank = rank + 1; return e } }
    }

    /// A parameter's place in the ranking: a verdict flip first, then its largest relative swing.
    static func score(_ effects: [Effect]) -> Double {
        let swing = effects.map { e in
            abs(e.swing.mean) / (e.metric == "all_within_quota" ? 1 : max(abs(e.base), 1))
        }.max() ?? 0
        return swing + (effects.first?.verdictFlips == true ? 1_000 : 0)
    }
}
