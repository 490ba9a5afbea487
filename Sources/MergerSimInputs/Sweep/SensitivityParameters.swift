import Foundation
import MergerSim
import Yams

/// The values a sensitivity analysis varies: every number under a value the rule set marks NC (not
/// confirmed), each taken to a low and a high value one at a time, and every named choice under such a
/// mark (``namedChoices``), each taken to every other valid choice.
///
/// A number's range is the rule set's plausible range for it (its `plausible:` section, keyed like the
/// value: `{min, max}`, with where it comes from in the file's comments); where the rule set gives none, ±50 %
/// of the rule set's value, said so by ``Parameter/rangeSource``: whole numbers go to the whole numbers below
/// and above (⌊0.5·v⌋ and ⌈1.5·v⌉); shares, rates, uptakes, factors and weights at most 1 stay at most 1. A
/// value of 0 without a plausible range has no ±50 % range and is left out. A named choice (``Parameter/Range/choice(base:alternative:)``)
/// is compared with the rule set's own choice, which the base run already holds: its swing is the
/// alternative − the rule set's choice. Each value run is checked by the rule set's own checks before
/// anything runs; one it refuses is left out with the reason (``Parameter/refused``).
public struct SensitivityParameters: Sendable {
    public struct Parameter: Sendable, Equatable {
        /// The override key (`rules.transition.exits.resignation_uptake`).
        public var key: String
        public var rule: String
        /// The rule set's value and what it is taken to.
        public var range: Range
        /// Why the rule set refuses a value run, when it does (the parameter is then not run).
        public var refused: String?
        /// Where a number's low and high come from; nil for a named choice.
        public var rangeSource: RangeSource?
        /// How a number spreads over [low, high] for Morris and Sobol: uniform unless a ranges file says otherwise
        /// (``SensitivityRangesFile``).
        public var distribution: RangeDistribution = .uniform
        /// Whether the rule file writes the number whole (`25`, not `25.0` or `0.3`): Morris and Sobol then keep
        /// its values whole. Read from the file's own text, which ``valueText`` (re-formatted) cannot tell.
        public var whole = false

        /// Where a number's range comes from, as `sensitivity.csv`'s `range_source` writes it.
        public enum RangeSource: String, Sendable, Equatable {
            /// A ranges file given to the command (`--ranges`, ``SensitivityRangesFile``).
            case rangesFile = "ranges_file"
            /// The rule set's documented plausible range (its `plausible:` section).
            case ruleSet = "rule_set"
            /// Neither: ±50 % of the rule set's value.
            case plusMinus50 = "plus_minus_50"
        }

        /// What a parameter's value is taken to.
        public enum Range: Sendable, Equatable {
            /// A number: the rule set's `value`, taken to `low` and to `high` (two runs beside the base).
            case numeric(value: Double, low: Double, high: Double)
            /// A named choice: the rule set's choice `base` (the base run) and one `alternative` valid
            /// choice (one run beside the base).
            case choice(base: String, alternative: String)
        }

        public init(key: String, rule: String, range: Range, refused: String? = nil, rangeSource: RangeSource? = nil) {
            self.key = key
            self.rule = rule
            self.range = range
            self.refused = refused
            if case .numeric = range { self.rangeSource = rangeSource ?? .plusMinus50 } else { self.rangeSource = nil }
        }

        /// The rule set's value as an override writes it (a choice: its name).
        public var valueText: String {
            switch range {
            case .numeric(let value, _, _): Self.text(value)
            case .choice(let base, _): base
            }
        }

        /// The low side as an override writes it; for a choice, the rule set's choice (the base run).
        public var lowText: String {
            switch range {
            case .numeric(_, let low, _): Self.text(low)
            case .choice(let base, _): base
            }
        }

        /// The high side as an override writes it; for a choice, the alternative.
        public var highText: String {
            switch range {
            case .numeric(_, _, let high): Self.text(high)
            case .choice(_, let alternative): alternative
            }
        }

        /// The runs the parameter needs beside the base, each a side's name and the value its override
        /// writes: a number's low and high; a choice's alternative alone (its low side is the base run).
        public var runs: [(side: String, value: String)] {
            switch range {
            case .numeric: [("low", lowText), ("high", highText)]
            case .choice: [("alternative", highText)]
            }
        }

        /// The value as an override writes it.
        public static func text(_ x: Double) -> String {
            x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.6g", x)
        }
    }

    /// The part of a key path that marks a value at most 1 when the value is.
    static let unitInterval = ["uptake", "share", "rate", "factor", "weight", "probability"]

    /// The named choices a rule file may hold under an NC mark, by key path, each with its valid names
    /// as the type that reads it knows them.
    public static let namedChoices: [(path: String, names: [String])] = [
        ("transition.exits.offer_model", OfferModel.allCases.map(\.rawValue)),
    ]

    /// The rule file's top-level section of plausible ranges, keyed like the values.
    static let plausibleSection = "plausible."

    /// Every number under an NC mark (`status: NC`) of a rule file, given as its key paths and values
    /// (``RuleSetLoader/keyPaths(_:overrides:)``), in file order, with its range (the file's plausible range,
    /// else ±50 %; not yet checked); then every named choice under an NC mark (``namedChoices``) once per other
    /// valid choice, in file order. The choices come last so that adding one leaves the numbers' runs where
    /// they were. A plausible range that is not two numbers with min < max leaves its parameter refused, with why.
    public static func candidates(keyPaths: [(path: String, value: String)]) -> [Parameter] {
        var plausible: [String: (min: String?, max: String?)] = [:]
        for (path, text) in keyPaths where path.hasPrefix(plausibleSection) {
            let rest = path.dropFirst(plausibleSection.count)
            if rest.hasSuffix(".min") { plausible[String(rest.dropLast(4)), default: (nil, nil)].min = text }
            if rest.hasSuffix(".max") { plausible[String(rest.dropLast(4)), default: (nil, nil)].max = text }
        }
        let marked = keyPaths.filter { $0.path.hasSuffix(".status") && $0.value == Status.notConfirmed.rawValue }
            .map { String($0.path.dropLast(".status".count)) + "." }
        let rules = keyPaths.filter { $0.path == "rule" || $0.path.hasSuffix(".rule") }.map { (prefix: String($0.path.dropLast("rule".count)), rule: $0.value) }
        func rule(of path: String) -> String { rules.filter { path.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }?.rule ?? "" }
        var numbers: [Parameter] = [], choices: [Parameter] = []
        for (path, text) in keyPaths where marked.contains(where: { path.hasPrefix($0) }) {
            if let choice = namedChoices.first(where: { $0.path == path }) {
                // A name the type does not know is the rule file's error, refused when the base run reads it.
                guard choice.names.contains(text) else { continue }
                for alternative in choice.names where alternative != text {
                    choices.append(Parameter(key: "rules." + path, rule: rule(of: path), range: .choice(base: text, alternative: alternative)))
                }
                continue
            }
            let name = path.split(separator: ".").last.map(String.init) ?? path
            guard name != "rule", name != "status", let value = DecimalText.decimal(text) else { continue }
            if let range = plausible[path] {
                let low = range.min.flatMap(DecimalText.decimal), high = range.max.flatMap(DecimalText.decimal)
                var parameter = Parameter(key: "rules." + path, rule: rule(of: path), range: .numeric(value: value, low: low ?? value, high: high ?? value),
                                          rangeSource: .ruleSet)
                parameter.whole = value == value.rounded() && !text.contains(".")
                if let low, let high {
                    if !(low < high) { parameter.refused = "plausible range \(range.min ?? "") to \(range.max ?? ""): min must be below max" }
                } else {
                    parameter.refused = "plausible range needs min and max as numbers (min: \(range.min ?? "none"), max: \(range.max ?? "none"))"
                }
                numbers.append(parameter)
                continue
            }
            guard value != 0 else { continue }
            let whole = value == value.rounded() && !text.contains(".")
            var low = whole ? (value * 0.5).rounded(.down) : value * 0.5
            var high = whole ? (value * 1.5).rounded(.up) : value * 1.5
            if value < 0 { swap(&low, &high) }
            let parts = path.split(separator: ".")
            if value > 0, value <= 1, parts.contains(where: { part in unitInterval.contains { part.contains($0) } }) { high = min(high, 1) }
            var parameter = Parameter(key: "rules." + path, rule: rule(of: path), range: .numeric(value: value, low: low, high: high))
            parameter.whole = whole
            numbers.append(parameter)
        }
        return numbers + choices
    }
}

extension SensitivityParameters {
    /// Checks a rule file's `plausible:` section where it is written: each range is `{min, max}`, both plain
    /// decimals with min < max, keyed like an NC number of the file (a number under a `status: NC` mark); each
    /// problem at its line and column, said as a ranges file's (`SweepReason.ranges…`, keyed `plausible.<path>`).
    static func checkPlausible(_ document: YAMLDocument) throws(InputError) {
        guard let section = document.root.mapping?["plausible"] else { return }
        /// `reason` at the node along `path` under `plausible` (or the `--set` that wrote it).
        func fail(_ path: [String], _ reason: SweepReason) -> InputError { document.error(at: ["plausible"] + path, reason: .sweep(reason)) }
        let numbers = Set(candidates(keyPaths: document.keyPaths()).filter { if case .numeric = $0.range { true } else { false } }
            .map { String($0.key.dropFirst("rules.".count)) })
        func walk(_ node: Node, _ path: [String]) throws(InputError) {
            let key = (["plausible"] + path).joined(separator: ".")
            guard let mapping = node.mapping else { throw fail(path, .rangesForm(key: key)) }
            guard mapping.keys.contains(where: { ["min", "max"].contains($0.string ?? "") }) else {
                for (name, child) in mapping { try walk(child, path + [name.string ?? ""]) }
                return
            }
            for field in mapping.keys where !["min", "max"].contains(field.string ?? "") {
                throw fail(path + [field.string ?? ""], .rangesUnknownField(key: key, field: field.string ?? "", distribution: "uniform", known: "min, max"))
            }
            var ends: [(value: Double, text: String)] = []
            for field in ["min", "max"] {
                guard let end = mapping[field] else { throw fail(path, .rangesMissingField(key: key, field: field, distribution: "uniform")) }
                guard let text = end.scalar?.string, let value = DecimalText.decimal(text) else {
                    throw fail(path + [field], .rangesNotNumber(key: key, field: field, found: end.scalar?.string))
                }
                ends.append((value, text))
            }
            guard ends[0].value < ends[1].value else { throw fail(path, .rangesOrder(key: key, low: ends[0].text, high: ends[1].text)) }
            guard numbers.contains(path.joined(separator: ".")) else { throw fail(path, .rangesUnknownKey(path.joined(separator: "."))) }
        }
        try walk(section, [])
    }
}
