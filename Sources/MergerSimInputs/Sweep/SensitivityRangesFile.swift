import Foundation
import GSL
import MergerSim
import Yams

/// How a number of a sensitivity analysis is spread over its range: what one at a time takes as its low and
/// high, and where Morris and Sobol put a unit coordinate u ∈ [0, 1] (the distribution's quantile at u).
public enum RangeDistribution: Sendable, Equatable {
    /// Uniform on [low, high]: x(u) = low + u·(high − low).
    case uniform
    /// Triangular on [low, high] with its peak at `mode` (low ≤ mode ≤ high); the inverse CDF:
    /// x(u) = low + √(u·(high − low)·(mode − low)) for u ≤ (mode − low)/(high − low),
    /// else high − √((1 − u)·(high − low)·(high − mode)).
    case triangular(mode: Double)
    /// Normal with `mean` and standard deviation `sd`, truncated to [low, high] (mean ± 2 sd unless the file
    /// truncates it nearer): x(u) = mean + sd·Φ⁻¹(Φ(a) + u·(Φ(b) − Φ(a))), a = (low − mean)/sd, b = (high − mean)/sd,
    /// so u = 0 and u = 1 (a Morris design's end levels) are the ends, never ±∞.
    case normal(mean: Double, sd: Double)

    /// The name a ranges file and the manifest write.
    public var name: String {
        switch self {
        case .uniform: "uniform"
        case .triangular: "triangular"
        case .normal: "normal"
        }
    }

    /// The value at the unit coordinate `u` of a number ranging over [`low`, `high`].
    /// - Precondition: 0 ≤ `u` ≤ 1 and `low` < `high`.
    public func quantile(_ u: Double, low: Double, high: Double) -> Double {
        precondition((0...1).contains(u) && low < high, "a quantile at u = \(u) over [\(low), \(high)]")
        switch self {
        case .uniform:
            return low + u * (high - low)
        case .triangular(let mode):
            let width = high - low
            if u <= (mode - low) / width { return low + (u * width * (mode - low)).squareRoot() }
            return high - ((1 - u) * width * (high - mode)).squareRoot()
        case .normal(let mean, let sd):
            let a = NormalDistribution.cdf((low - mean) / sd), b = NormalDistribution.cdf((high - mean) / sd)
            return min(high, max(low, mean + sd * NormalDistribution.quantile(a + u * (b - a))))
        }
    }
}

/// A sensitivity ranges file (`mergersim sensitivity --ranges sensitivity.yaml`): per NC number of the rule set,
/// keyed as `--only` and `--set` write it, its range, which replaces the rule set's plausible range (or ±50 %).
/// Read and checked whole before anything runs; each problem is reported at its line and column (65).
///
/// ```yaml
/// rules.transition.exits.resignation_uptake: {min: 0.1, max: 0.4}          # uniform
/// rules.transition.exits.early_retirement_uptake: {distribution: triangular, min: 0.2, mode: 0.5, max: 0.8}
/// rules.transition.synthetic_roster.cadres.age_mean: {distribution: normal, mean: 45, sd: 3}        # mean ± 2 sd
/// rules.transition.synthetic_roster.civil_servants.age_mean: {distribution: normal, mean: 42, sd: 5, min: 35, max: 50}
/// ```
/// One at a time runs each number at its low and high (a normal: mean ± 2 sd, cut to the `min` and `max` it is
/// given); Morris and Sobol map each unit coordinate through ``RangeDistribution/quantile(_:low:high:)``. That a key
/// is an NC number of the rule set, and that the rule set accepts both ends, is checked by `SensitivityAnalysis`
/// against the scenario, reported here (``error(at:_:)``).
public struct SensitivityRangesFile: Sendable {
    /// One key's range, as the file gives it.
    public struct Entry: Sendable, Equatable {
        /// The override key (`rules.transition.exits.resignation_uptake`).
        public var key: String
        /// What one at a time runs, and the distribution's support.
        public var low: Double, high: Double
        public var distribution: RangeDistribution
        /// Where the key is written, to report a key or an end the rule set refuses.
        public var line: Int?, column: Int?
    }

    public let path: String
    /// The file's SHA-256, hex, for the manifest.
    public let sha256: String
    /// The ranges in file order.
    public let entries: [Entry]

    /// The fields each distribution takes (`min` and `max` only bound a normal, which needs neither).
    static let fields: [String: (required: [String], optional: [String])] = [
        "uniform": (["min", "max"], []),
        "triangular": (["min", "mode", "max"], []),
        "normal": (["mean", "sd"], ["min", "max"]),
    ]

    public init(path: String) throws(InputError) {
        try self.init(bytes: try FileInput.read(path), file: path)
    }

    public init(bytes: [UInt8], file: String) throws(InputError) {
        path = file
        sha256 = SHA256.hex(bytes)
        let document = try YAMLDocument(bytes: bytes, file: file, what: "ranges file")
        func fail(_ node: Node?, _ reason: SweepReason) -> InputError {
            .badData(file, line: node?.mark?.line, column: node?.mark?.column, reason: .sweep(reason))
        }
        guard let root = document.root.mapping, !root.isEmpty else { throw fail(document.root, .rangesNotMapping) }
        var entries: [Entry] = []
        for (keyNode, valueNode) in root {
            let key = keyNode.string ?? ""
            guard let range = valueNode.mapping else { throw fail(valueNode, .rangesForm(key: key)) }
            var distributionName = "uniform"
            if let node = range["distribution"] {
                guard let name = node.scalar?.string, Self.fields[name] != nil else {
                    throw fail(node, .rangesDistribution(key: key, found: node.scalar?.string ?? ""))
                }
                distributionName = name
            }
            let (required, optional) = Self.fields[distributionName] ?? ([], [])
            let known = ["distribution"] + required + optional
            for field in range.keys where !known.contains(field.string ?? "") {
                throw fail(field, .rangesUnknownField(key: key, field: field.string ?? "", distribution: distributionName,
                                                      known: (required + optional).joined(separator: ", ")))
            }
            var numbers: [String: (value: Double, text: String, node: Node)] = [:]
            for field in required + optional {
                guard let node = range[field] else { continue }
                guard let text = node.scalar?.string, let value = DecimalText.decimal(text) else {
                    throw fail(node, .rangesNotNumber(key: key, field: field, found: node.scalar?.string))
                }
                numbers[field] = (value, text, node)
            }
            func given(_ field: String) throws(InputError) -> (value: Double, text: String, node: Node) {
                guard let number = numbers[field] else { throw fail(valueNode, .rangesMissingField(key: key, field: field, distribution: distributionName)) }
                return number
            }
            let place = (line: keyNode.mark?.line, column: keyNode.mark?.column)
            let low: Double, high: Double, distribution: RangeDistribution
            if distributionName == "normal" {
                let mean = try given("mean"), sd = try given("sd")
                guard sd.value > 0 else { throw fail(sd.node, .rangesSD(key: key, found: sd.text)) }
                if let low = numbers["min"], let high = numbers["max"], !(low.value < high.value) {
                    throw fail(low.node, .rangesOrder(key: key, low: low.text, high: high.text))
                }
                for (field, bound) in [("min", numbers["min"]), ("max", numbers["max"])] {
                    guard let bound else { continue }
                    let inside = field == "min" ? bound.value < mean.value : mean.value < bound.value
                    guard inside else { throw fail(bound.node, .rangesMeanOutside(key: key, field: field, bound: bound.text, mean: mean.text)) }
                }
                low = max(mean.value - 2 * sd.value, numbers["min"]?.value ?? -.infinity)
                high = min(mean.value + 2 * sd.value, numbers["max"]?.value ?? .infinity)
                distribution = .normal(mean: mean.value, sd: sd.value)
            } else {
                let min = try given("min"), max = try given("max")
                guard min.value < max.value else { throw fail(min.node, .rangesOrder(key: key, low: min.text, high: max.text)) }
                (low, high) = (min.value, max.value)
                if distributionName == "triangular" {
                    let mode = try given("mode")
                    guard low <= mode.value, mode.value <= high else {
                        throw fail(mode.node, .rangesMode(key: key, mode: mode.text, low: min.text, high: max.text))
                    }
                    distribution = .triangular(mode: mode.value)
                } else {
                    distribution = .uniform
                }
            }
            let entry = Entry(key: key, low: low, high: high, distribution: distribution, line: place.line, column: place.column)
            entries.append(entry)
        }
        self.entries = entries
    }

    /// `reason` about `entry`, at its key's line and column in this file.
    public func error(at entry: Entry, _ reason: SweepReason) -> InputError {
        .badData(path, line: entry.line, column: entry.column, reason: .sweep(reason))
    }
}
