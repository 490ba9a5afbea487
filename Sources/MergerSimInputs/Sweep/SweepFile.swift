import Foundation
import GSL
import MergerSim
import Yams

/// A sweep file (`mergersim sweep SWEEP.yaml`): a base scenario, the keys to vary and their values,
/// the seeds and the replications of each setting. Read and checked whole before anything runs;
/// each problem is reported at its line and column (65).
///
/// ```yaml
/// scenario: ../phan-rang-2024/scenario.yaml   # relative to this file
/// vary:
///   transfers.scope: [none, district]
///   rules.transition.exits.resignation_uptake: [0.1, 0.2, 0.3]
/// seeds: [1, 2]
/// runs: 500
/// ```
/// With `sample: {n: 50, method: latin_hypercube, seed: 7}` a varied key may also be a range
/// `{min: 0.05, max: 0.3}`; both ends written as whole numbers draw whole numbers.
public struct SweepFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// The sweep's name: the file's `name:`, else the file name without its extension.
    public let name: String
    /// The base scenario's path, resolved against the sweep file's folder.
    public let scenarioPath: String
    public let factors: [SweepDesign.Factor]
    /// Where each factor's key is written, to report a value the scenario or rule set refuses.
    let factorPlaces: [(line: Int?, column: Int?)]
    /// The seeds each setting runs with; nil: the scenario's.
    public let seeds: [UInt64]?
    /// Replications of each setting; nil: the scenario's. `sweep --runs N` replaces it (``replacingRuns(_:)``).
    public private(set) var runs: Int?
    public let sample: Sample?

    /// A Latin hypercube sample of `count` settings, drawn with `seed`.
    public struct Sample: Sendable, Equatable {
        public var count: Int
        public var seed: UInt64
    }

    static let knownKeys: Set<String> = ["name", "scenario", "vary", "seeds", "runs", "sample"]
    /// The most settings a sweep may have, so a typo cannot ask for a run of years.
    public static let maxSettings = 100_000

    public init(path: String) throws(InputError) {
        try self.init(bytes: try FileInput.read(path), file: path)
    }

    public init(bytes: [UInt8], file: String) throws(InputError) {
        path = file
        self.bytes = bytes
        let document = try YAMLDocument(bytes: bytes, file: file, what: "sweep file")
        guard let root = document.root.mapping else { throw .badData(file, line: 1, reason: .sweep(.notMapping)) }
        if let unknown = document.unknownTopLevelKeys(known: Self.knownKeys).first {
            throw document.error(atKey: unknown, reason: .sweep(.unknownKey(unknown, known: Self.knownKeys.sorted())))
        }
        func fail(_ node: Node?, _ reason: SweepReason) -> InputError {
            .badData(file, line: node?.mark?.line, column: node?.mark?.column, reason: .sweep(reason))
        }
        guard let scenarioNode = root["scenario"], let scenario = scenarioNode.scalar?.string, !scenario.isEmpty else {
            throw fail(root["scenario"] ?? document.root, .noScenario)
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        scenarioPath = scenario.hasPrefix("/") ? scenario : folder.appendingPathComponent(scenario).standardizedFileURL.path
        if let nameNode = root["name"] {
            guard let text = nameNode.scalar?.string, OutputName.problem(text) == nil else {
                throw fail(nameNode, .badName(problem: nameNode.scalar.flatMap { OutputName.problem($0.string) }))
            }
            name = text
        } else {
            name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        }
        if let node = root["runs"] {
            guard let value = Self.integer(node, as: Int.self), (1...Limits.maxRuns).contains(value) else {
                throw fail(node, .runs(max: Limits.maxRuns, found: Self.found(node)))
            }
            runs = value
        } else {
            runs = nil
        }
        if let node = root["seeds"] {
            guard let list = node.sequence, !list.isEmpty else { throw fail(node, .seedsNotList) }
            var seeds: [UInt64] = []
            for item in list {
                guard let seed = Self.integer(item, as: UInt64.self) else {
                    throw fail(item, .seedNotWhole(found: Self.found(item)))
                }
                guard !seeds.contains(seed) else { throw fail(item, .seedTwice("\(seed)")) }
                seeds.append(seed)
            }
            self.seeds = seeds
        } else {
            seeds = nil
        }
        if let node = root["sample"] {
            guard let mapping = node.mapping else { throw fail(node, .sampleNotMapping) }
            for key in mapping.keys where !["n", "method", "seed"].contains(key.string ?? "") {
                throw fail(key, .sampleUnknownKey(key.string ?? ""))
            }
            guard let nNode = mapping["n"], let n = Self.integer(nNode, as: Int.self), (1...Self.maxSettings).contains(n) else {
                throw fail(mapping["n"] ?? node, .sampleCount(max: Self.maxSettings, found: mapping["n"].flatMap(Self.found)))
            }
            guard let method = mapping["method"], method.scalar?.string == "latin_hypercube" else {
                throw fail(mapping["method"] ?? node, .sampleMethod)
            }
            var seed: UInt64 = 1
            if let seedNode = mapping["seed"] {
                guard let value = Self.integer(seedNode, as: UInt64.self) else {
                    throw fail(seedNode, .sampleSeed(found: Self.found(seedNode)))
                }
                seed = value
            }
            sample = Sample(count: n, seed: seed)
        } else {
            sample = nil
        }
        guard let varyNode = root["vary"], let vary = varyNode.mapping, !vary.isEmpty else {
            throw fail(root["vary"] ?? document.root, .noVary)
        }
        var factors: [SweepDesign.Factor] = [], places: [(line: Int?, column: Int?)] = []
        for (keyNode, valueNode) in vary {
            places.append((keyNode.mark?.line, keyNode.mark?.column))
            let key = keyNode.string ?? ""
            do {
                _ = try Override(parsing: key + "=x")
            } catch {
                throw fail(keyNode, .varyKeyPath(key))
            }
            factors.append(.init(key: key, values: try Self.values(valueNode, key: key, sampled: sample != nil, fail: fail)))
        }
        self.factors = factors
        factorPlaces = places
        for (i, factor) in factors.enumerated() {
            let clash = factor.key == "transition.runs" && runs != nil ? "runs" : factor.key == "transition.seed" && seeds != nil ? "seeds" : nil
            if let clash {
                throw .badData(file, line: places[i].line, column: places[i].column, reason: .sweep(.varyClash(key: factor.key, clash: clash)))
            }
        }
        let count = sample?.count ?? factors.reduce(1) { product, factor in
            if case .list(let values) = factor.values { return product.multipliedReportingOverflow(by: values.count).partialValue }
            return product
        }
        let total = count.multipliedReportingOverflow(by: seeds?.count ?? 1)
        guard !total.overflow, total.partialValue <= Self.maxSettings else {
            throw fail(varyNode, .tooManySettings(max: Self.maxSettings))
        }
    }

    private static func values(_ node: Node, key: String, sampled: Bool, fail: (Node?, SweepReason) -> InputError) throws(InputError) -> SweepDesign.Values {
        if let list = node.sequence {
            guard !list.isEmpty else { throw fail(node, .noValues(key: key)) }
            var values: [String] = []
            for item in list {
                guard let scalar = item.scalar else { throw fail(item, .valueNotScalar(key: key)) }
                guard !values.contains(scalar.string) else { throw fail(item, .valueTwice(key: key, value: scalar.string)) }
                values.append(scalar.string)
            }
            return .list(values)
        }
        if let range = node.mapping {
            guard sampled else { throw fail(node, .rangeNeedsSample(key: key)) }
            for k in range.keys where !["min", "max"].contains(k.string ?? "") {
                throw fail(k, .rangeUnknownKey(k.string ?? ""))
            }
            guard let lowNode = range["min"], let highNode = range["max"] else { throw fail(node, .rangeForm(key: key)) }
            var ends: [Double] = []
            for end in [lowNode, highNode] {
                guard let value = end.scalar.flatMap({ DecimalText.decimal($0.string) }) else {
                    throw fail(end, .rangeEnd(key: key, found: Self.found(end)))
                }
                ends.append(value)
            }
            let (low, high) = (ends[0], ends[1])
            guard low < high else { throw fail(lowNode, .rangeOrder(key: key, low: low, high: high)) }
            let whole = [lowNode, highNode].allSatisfy { Self.integer($0, as: Int.self) != nil }
            return .range(min: low, max: high, whole: whole)
        }
        throw fail(node, .valuesForm(key: key, sampled: sampled))
    }

    /// The whole number a node holds, read by ``DecimalText`` (decimal digits only: not YAML 1.1's `0x1F`,
    /// `0o17`, `1_000` or `1:20`).
    private static func integer<T: FixedWidthInteger>(_ node: Node, as type: T.Type) -> T? {
        node.scalar.flatMap { DecimalText.integer($0.string, as: type) }
    }

    /// The single value a node holds, for a message naming what was written (nil when it holds no single value).
    private static func found(_ node: Node) -> String? {
        node.scalar.map(\.string)
    }

    /// A value of a varied key refused where it is applied (by the scenario's or the rule set's checks),
    /// reported at the key in this file; other errors as they are.
    public func located(_ error: InputError, values: [String]) -> InputError {
        guard error.file.hasPrefix("--set ") else { return error }
        let given = error.file.dropFirst("--set ".count)
        for (i, factor) in factors.enumerated() where given == "\(factor.key)=\(values[i])" {
            guard let reason = error.reason else {
                return .badData(path, line: factorPlaces[i].line, column: factorPlaces[i].column, "vary.\(factor.key) = \(values[i]): \(error.message)")
            }
            return .badData(path, line: factorPlaces[i].line, column: factorPlaces[i].column,
                            reason: .sweep(.valueRefused(key: factor.key, value: values[i], reason: reason)))
        }
        return error
    }

    /// The same sweep with `runs` replications per setting in place of the file's (`sweep --runs N`, or
    /// `--set transition.runs=N`: the command line wins over the file).
    public func replacingRuns(_ runs: Int) -> SweepFile {
        var copy = self
        copy.runs = runs
        return copy
    }

    /// The settings: the grid of the lists, or the Latin hypercube sample.
    public func design() throws(GSLError) -> SweepDesign {
        guard let sample else { return .grid(factors) }
        return .latinHypercube(factors, count: sample.count, random: try RandomSource(seed: sample.seed))
    }
}
