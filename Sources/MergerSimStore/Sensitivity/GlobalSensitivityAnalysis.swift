import Foundation
import GSL
import MergerSim
import MergerSimInputs

/// How `mergersim sensitivity` explores the NC numbers' ranges.
public enum SensitivityMethod: String, Sendable, CaseIterable {
    /// One at a time: each value at its low and its high beside the base (``SensitivityAnalysis``).
    case oat
    /// Morris's elementary effects over r trajectories (``MorrisDesign``): μ, μ*, σ.
    case morris
    /// Sobol's first- and total-order indices, Saltelli's design (``SobolDesign``).
    case sobol
}

/// A global sensitivity analysis of a scenario's headline figures over the NC numbers' ranges: every
/// point of a Morris or Sobol design in [0, 1]^k becomes a setting (each number at its distribution's quantile
/// at u over its range, low + u·(high − low) when uniform, rounded to a whole number where the rule file writes
/// the value whole), run with the scenario's seed
/// (common random numbers: the points differ only by their values), then each metric's replication
/// mean at the points goes through ``MorrisEstimator`` or ``SobolEstimator``.
///
/// The parameters are the one-at-a-time analysis's numbers that the rule set accepts at both ends (named
/// choices are left to one at a time).
public struct GlobalSensitivityAnalysis: Sendable {
    public enum Design: Sendable, Equatable {
        case morris(MorrisDesign)
        case sobol(SobolDesign)
    }

    /// The numbers varied, in the design's coordinate order.
    public let parameters: [SensitivityParameters.Parameter]
    public let design: Design
    /// The seed of the Morris trajectories and of the bootstrap (the scenario's).
    public let seed: UInt64
    /// One setting per design point, numbered from 1 in the design's order.
    public let settings: [SweepPlan.Setting]

    /// The design over the accepted numbers of `oneAtATime`: `.morris` with `size` trajectories or `.sobol` with
    /// `size` base rows (N; N·(k + 2) runs).
    /// - Throws: `GSLError` when the design refuses its size (k beyond 20 for Sobol, r < 2, N < 2).
    /// - Precondition: `method` is `.morris` or `.sobol` (one at a time is ``SensitivityAnalysis``'s own settings).
    public init(oneAtATime: SensitivityAnalysis, method: SensitivityMethod, size: Int, seed: UInt64, base: [Override]) throws(GSLError) {
        let numbers = oneAtATime.parameters.filter { p in
            if case .numeric = p.range { p.refused == nil } else { false }
        }
        parameters = numbers
        self.seed = seed
        precondition(method != .oat, "one at a time has no global design")
        let points: [[Double]]
        switch method {
        case .morris, .oat:
            let morris = try MorrisDesign(parameterCount: numbers.count, trajectories: size, seed: seed)
            design = .morris(morris)
            points = morris.points
        case .sobol:
            let sobol = try SobolDesign(parameterCount: numbers.count, baseSamples: size)
            design = .sobol(sobol)
            points = sobol.points
        }
        settings = points.enumerated().map { n, point in
            let overrides = zip(numbers, point).map { p, u in
                Override(path: p.key.split(separator: ".").map(String.init), value: Self.value(of: p, at: u))
            }
            return SweepPlan.Setting(number: n + 1, row: n + 1, values: overrides.map(\.value), seed: nil, overrides: base + overrides)
        }
    }

    /// The value of `parameter` at the unit coordinate `u`: its distribution's quantile at u over [low, high]
    /// (uniform: low + u·(high − low); ``RangeDistribution/quantile(_:low:high:)``), as an override writes it; a
    /// value the rule file writes whole stays whole (rounded to the nearest).
    static func value(of parameter: SensitivityParameters.Parameter, at u: Double) -> String {
        guard case .numeric(let value, let low, let high) = parameter.range else { return parameter.valueText }
        let x = parameter.distribution.quantile(u, low: low, high: high)
        let whole = parameter.whole && value == value.rounded() && low == low.rounded() && high == high.rounded()
        return SensitivityParameters.Parameter.text(whole ? x.rounded() : x)
    }

    /// One parameter's Morris measures on one headline metric, ranked by μ* (1 the largest).
    public struct MorrisResult: Sendable {
        public var metric: HeadlineMetric
        public var parameter: SensitivityParameters.Parameter
        public var effect: MorrisEffect
        public var rank: Int
    }

    /// One parameter's Sobol indices on one headline metric.
    public struct SobolResult: Sendable {
        public var metric: HeadlineMetric
        public var parameter: SensitivityParameters.Parameter
        public var index: SobolIndex
    }

    /// What the analysis found: per metric, Morris's measures or Sobol's indices; a metric whose outputs do
    /// not vary (e.g. a probability 0 at every point) is listed in `constant`.
    public struct Results: Sendable {
        public var morris: [MorrisResult] = []
        public var sobol: [SobolResult] = []
        public var constant: [HeadlineMetric] = []
    }

    /// The results from the runs of `store` (setting number → run id): each point's output is the metric's
    /// mean over its replications.
    /// - Throws: ``InputError`` for a run the store cannot read; ``InternalError`` for a point without its run;
    ///   `GSLError` from the estimators.
    public func results(runIDs: [Int: Int64], store: RunStore, resamples: Int = BootstrapResampler.defaultResamples) throws -> Results {
        var outputs: [HeadlineMetric: [Double]] = [:]
        for setting in settings {
            guard let id = runIDs[setting.number] else { throw InternalError("the design point \(setting.number) has no run") }
            let result = try store.headlineResult(ofRun: id)
            for metric in HeadlineMetric.allCases { outputs[metric, default: []].append(try Statistics.mean(result.sample(metric))) }
        }
        return try results(outputs: outputs, resamples: resamples)
    }

    /// The results from each metric's outputs at the design's points, in order; in memory, no store.
    /// - Throws: `GSLError` from the estimators.
    public func results(outputs: [HeadlineMetric: [Double]], resamples: Int = BootstrapResampler.defaultResamples) throws(GSLError) -> Results {
        var results = Results()
        let bootstrap = BootstrapResampler(resamples: resamples, seed: seed)
        for metric in HeadlineMetric.allCases {
            let y = outputs[metric] ?? []
            // Constant as the estimator sees it: Morris over every point; Sobol over A and B, whose variance is the
            // indices' denominator (a share can be constant there and vary on some A_B^(i) row).
            let seen: [Double]
            switch design {
            case .morris: seen = y
            case .sobol(let sobol): seen = Array(y.prefix(2 * sobol.baseSamples))
            }
            guard let first = seen.first, seen.contains(where: { $0 != first }) else { results.constant.append(metric); continue }
            switch design {
            case .morris(let morris):
                let effects = try MorrisEstimator.effects(design: morris, outputs: y, bootstrap: bootstrap)
                let order = effects.indices.sorted { effects[$0].muStar > effects[$1].muStar }
                var rank = [Int](repeating: 0, count: effects.count)
                for (r, i) in order.enumerated() { rank[i] = r + 1 }
                results.morris += order.map { MorrisResult(metric: metric, parameter: parameters[$0], effect: effects[$0], rank: rank[$0]) }
            case .sobol(let sobol):
                let indices = try SobolEstimator.indices(design: sobol, outputs: y, bootstrap: bootstrap)
                results.sobol += indices.map { SobolResult(metric: metric, parameter: parameters[$0.parameter], index: $0) }
            }
        }
        return results
    }
}
