import Foundation
import MergerSim

/// The values a sensitivity analysis varies: every number under a value the rule set marks NC (not
/// confirmed), each taken to a low and a high value one at a time.
///
/// The range is ±50 % of the rule set's value; whole numbers go to the whole numbers below and above
/// (⌊0.5·v⌋ and ⌈1.5·v⌉); shares, rates, uptakes, factors and weights at most 1 stay at most 1. A value
/// of 0 has no ±50 % range and is left out. Each low and high is checked by the rule set's own checks
/// before anything runs; one it refuses is left out with the reason (``Parameter/refused``).
public struct SensitivityParameters: Sendable {
    public struct Parameter: Sendable, Equatable {
        /// The override key (`rules.transition.exits.resignation_uptake`).
        public var key: String
        public var rule: String
        public var value: Double
        public var low: Double, high: Double
        /// Why the rule set refuses the low or high value, when it does (the parameter is then not run).
        public var refused: String?

        /// The value as an override writes it.
        public static func text(_ x: Double) -> String {
            x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(format: "%.6g", x)
        }
    }

    /// The part of a key path that marks a value at most 1 when the value is.
    static let unitInterval = ["uptake", "share", "rate", "factor", "weight", "probability"]

    /// Every number under an NC mark (`status: NC`) of a rule file, given as its key paths and values
    /// (``RuleSetLoader/keyPaths(_:overrides:)``), in file order, with its range (not yet checked).
    public static func candidates(keyPaths: [(path: String, value: String)]) -> [Parameter] {
        let marked = keyPaths.filter { $0.path.hasSuffix(".status") && $0.value == Status.notConfirmed.rawValue }
            .map { String($0.path.dropLast(".status".count)) + "." }
        let rules = keyPaths.filter { $0.path == "rule" || $0.path.hasSuffix(".rule") }.map { (prefix: String($0.path.dropLast("rule".count)), rule: $0.value) }
        var found: [Parameter] = []
        for (path, text) in keyPaths where marked.contains(where: { path.hasPrefix($0) }) {
            let name = path.split(separator: ".").last.map(String.init) ?? path
            guard name != "rule", name != "status", let value = DecimalText.decimal(text), value != 0 else { continue }
            let whole = value == value.rounded() && !text.contains(".")
            var low = whole ? (value * 0.5).rounded(.down) : value * 0.5
            var high = whole ? (value * 1.5).rounded(.up) : value * 1.5
            if value < 0 { swap(&low, &high) }
            let parts = path.split(separator: ".")
            if value > 0, value <= 1, parts.contains(where: { part in unitInterval.contains { part.contains($0) } }) { high = min(high, 1) }
            let rule = rules.filter { path.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }?.rule ?? ""
            found.append(Parameter(key: "rules." + path, rule: rule, value: value, low: low, high: high))
        }
        return found
    }
}
