import Foundation
import MergerSim
import MergerSimInputs

/// mergersim's version, as written into every manifest.
public enum MergerSimVersion {
    public static let current = "0.1.0"
}

/// `manifest.json`: what a run was made from, so it can be made again:
/// the tool's version, the rule set and its hash, the inputs and their
/// hashes, the seed, and every default and assumption applied.
///
/// It holds no time stamp, so the same run writes the same bytes.
public struct RunManifest: Codable, Sendable {
    public var tool = "mergersim"
    public var version = MergerSimVersion.current
    /// The command and its arguments as given.
    public var command: [String]
    /// The scenario's name, for `simulate`.
    public var scenario: String?
    public var rules: RulesEntry
    /// The rule set that screened the units before the plan, when it differs.
    public var rulesBefore: RulesEntry?
    public var effectiveDate: String?
    public var round: Int?
    public var seed: UInt64?
    /// Replications run (with a precision: those used).
    public var runs: Int?
    /// A run until precise: what was asked, the runs used and the intervals reached; absent otherwise.
    public var precision: PrecisionEntry?
    public var inputs: [InputEntry]
    /// The language of the reports for people (`en`, `vi`).
    public var language: String?
    /// The transfers in force: scope, distance limit, across categories.
    public var transfers: String?
    /// Values given by `--set` in place of the scenario's or the rule sets', as KEY=VALUE in order.
    public var overrides: [String] = []
    /// Defaults applied where the input or command line gave no value.
    public var defaults: [DefaultEntry]
    /// The rule set's values marked NC (not confirmed) that were in force.
    public var assumptions: [Assumption]
    public var outputs: [String]

    /// A manifest of a run under `rules`, with the rule set's NC values as its assumptions.
    ///
    /// - Throws: ``InternalError`` where the rule set cannot be written as JSON (``Assumption/all(in:)``).
    public init(command: [String], rules: LoadedRuleSet, round: Int? = nil, seed: UInt64? = nil, runs: Int? = nil,
                inputs: [InputEntry], defaults: [DefaultEntry], outputs: [String]) throws(InternalError) {
        self.command = command
        self.rules = RulesEntry(rules)
        self.round = round
        self.seed = seed
        self.runs = runs
        self.inputs = inputs
        self.defaults = defaults
        self.assumptions = try Assumption.all(in: rules.rules)
        self.outputs = outputs
    }

    /// ``PrecisionReached`` as the manifest writes it.
    public struct PrecisionEntry: Codable, Sendable {
        /// R: the ±R asked for.
        public var halfWidth: Double
        public var minimumRuns: Int
        public var checkedEvery: Int
        public var maximumRuns: Int
        public var runsUsed: Int
        /// Whether every interval got within its ±R before the most runs.
        public var reached: Bool
        public var intervals: [Interval]

        /// One headline figure's 95 % interval at the last check.
        public struct Interval: Codable, Sendable {
            public var metric: String
            /// `t` (Student's t around the mean) or `wilson`.
            public var method: String
            public var mean: Double, low: Double, high: Double
            /// The half-width allowed.
            public var allowed: Double
            public var within: Bool
        }

        public init(_ p: PrecisionReached) {
            halfWidth = p.precision.halfWidth
            minimumRuns = Precision.minimumRuns
            checkedEvery = Precision.step
            maximumRuns = p.maximumRuns
            runsUsed = p.runsUsed
            reached = p.isReached
            intervals = p.intervals.map {
                Interval(metric: $0.metric.name, method: $0.method.rawValue, mean: $0.mean, low: $0.low, high: $0.high,
                         allowed: $0.allowed, within: $0.isWithin)
            }
        }
    }

    public struct RulesEntry: Codable, Sendable {
        public var id: String
        public var title: String
        public var source: String
        public var sha256: String
        /// A rule file given by path whose id is a bundled rule set's but whose bytes differ from it.
        public var editedFromBundled: Bool?

        public init(_ loaded: LoadedRuleSet) {
            self.init(id: loaded.rules.id, title: loaded.rules.title, source: loaded.source, sha256: loaded.sha256)
            editedFromBundled = loaded.editedFromBundled ? true : nil
        }

        init(id: String, title: String, source: String, sha256: String) {
            self.id = id
            self.title = title
            self.source = source
            self.sha256 = sha256
        }
    }

    /// An input file the run read (see ``InputRecord``).
    public typealias InputEntry = InputRecord
    /// A value the run used without being given it (see ``DefaultRecord``).
    public typealias DefaultEntry = DefaultRecord

    /// A value of the rule set marked NC, with where it sits in the rule file.
    public struct Assumption: Codable, Sendable, Equatable {
        public var rule: String
        public var path: String
        /// The value as the rule set holds it (a number, or an object of the values under an NC mark).
        public var value: JSONValue

        /// Every NC-marked value of `rules`, in file order.
        ///
        /// - Throws: ``InternalError`` where `rules` cannot be written as JSON and read back (a number JSON
        ///   cannot hold): the loader admits no such value, so the manifest would otherwise hide the
        ///   rule set's assumptions.
        public static func all(in rules: RuleSet) throws(InternalError) -> [Assumption] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let tree: JSONValue
            do {
                tree = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(rules))
            } catch {
                throw InternalError("rule set \(rules.id) cannot be written as JSON for its assumptions: \(error)")
            }
            var found: [Assumption] = []
            collect(tree, path: [], rule: "", into: &found)
            return found
        }

        private static func collect(_ node: JSONValue, path: [String], rule: String, into found: inout [Assumption]) {
            switch node {
            case .object(let dictionary):
                var rule = rule
                if case .string(let own)? = dictionary["rule"] { rule = own }
                if dictionary["status"] == .string(Status.notConfirmed.rawValue) {
                    var value = dictionary
                    value["status"] = nil
                    value["rule"] = nil
                    // One value under the mark is written as itself; several as an object.
                    let single = value.count == 1 ? value.values.first : nil
                    found.append(Assumption(rule: rule, path: path.joined(separator: "."), value: single ?? .object(value)))
                }
                for key in dictionary.keys.sorted() {
                    if let child = dictionary[key] { collect(child, path: path + [key], rule: rule, into: &found) }
                }
            case .array(let array):
                for (i, element) in array.enumerated() {
                    collect(element, path: path + [String(i)], rule: rule, into: &found)
                }
            default:
                break
            }
        }
    }

    /// Pretty, key-sorted JSON, every key in snake_case.
    ///
    /// - Throws: ``InternalError`` where a value cannot be written (a number JSON cannot hold): an empty
    ///   manifest would silently lose what the run was made from.
    public func json() throws(InternalError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return try encoder.encode(self)
        } catch {
            throw InternalError("the manifest cannot be written as JSON: \(error)")
        }
    }
}
