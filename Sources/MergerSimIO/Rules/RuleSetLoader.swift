import Foundation
import MergerSim
import RuleSets
import Yams

/// A rule set as loaded: its values, where it came from, and the hash of its file.
public struct LoadedRuleSet: Sendable {
    public let rules: RuleSet
    /// `bundled` or the path given.
    public let source: String
    /// SHA-256 of the file's bytes, for the manifest.
    public let sha256: String
}

/// Finds and reads rule sets: bundled ones by id, a planner's own by path.
public enum RuleSetLoader {
    /// The ids of the bundled rule sets, sorted.
    public static var bundledIDs: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: BundledRuleSets.folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads the bundled rule set `idOrPath`, or else the rule file at that path.
    ///
    /// - Throws: ``InputError``: 64 for an unknown id that is not a file
    ///   either, 66 for an unreadable file, 65 for a malformed one (with line and column).
    public static func load(_ idOrPath: String) throws(InputError) -> LoadedRuleSet {
        if bundledIDs.contains(idOrPath) {
            let path = BundledRuleSets.folder.appendingPathComponent("\(idOrPath).yaml").path
            return try load(bytes: try FileInput.read(path), file: "\(idOrPath).yaml", source: "bundled")
        }
        guard idOrPath.contains("/") || idOrPath.hasSuffix(".yaml") || idOrPath.hasSuffix(".yml") else {
            throw InputError(.usage, file: idOrPath,
                             "no bundled rule set has this id; bundled: \(bundledIDs.joined(separator: ", ")); or give a path to a rule file")
        }
        return try load(bytes: try FileInput.read(idOrPath), file: idOrPath, source: idOrPath)
    }

    /// Parses and checks a rule file's bytes.
    public static func load(bytes: [UInt8], file: String, source: String) throws(InputError) -> LoadedRuleSet {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .badData(file, line: 1, "the rule file is not valid UTF-8")
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { throw InputError.badData(file, line: 1, "the rule file is empty") }
            node = composed
        } catch let error as InputError {
            throw error
        } catch let error as YamlError {
            throw located(error, file: file)
        } catch {
            throw .badData(file, "the rule file cannot be read as YAML: \(error)")
        }
        let rules: RuleSet
        do {
            rules = try YAMLDecoder().decode(RuleSet.self, from: node)
        } catch let error as DecodingError {
            throw located(error, in: node, file: file)
        } catch {
            throw .badData(file, "the rule file does not describe a rule set: \(error)")
        }
        try check(rules, node: node, file: file)
        return LoadedRuleSet(rules: rules, source: source, sha256: SHA256.hex(bytes))
    }

    /// Checks what decoding cannot: the default round exists, thresholds are
    /// ordered, one quota scheme is given, steps are positive.
    private static func check(_ rules: RuleSet, node: Node, file: String) throws(InputError) {
        func fail(_ path: [String], _ message: String) -> InputError {
            let mark = Self.node(at: path, in: node)?.mark
            return .badData(file, line: mark?.line, column: mark?.column, message)
        }
        guard !rules.standards.isEmpty else { throw fail(["standards"], "standards: the rule set needs at least one standard") }
        for (i, standard) in rules.standards.enumerated() where standard.population <= 0 || standard.area.millionths <= 0 {
            throw fail(["standards", "\(i)"], "standards: \(standard.rule) needs a population and an area above 0")
        }
        guard rules.screening.round(rules.screening.defaultRound) != nil else {
            throw fail(["screening", "default_round"], "screening: default_round \(rules.screening.defaultRound) is not one of the rounds listed")
        }
        let thresholds = rules.classification.thresholds
        guard thresholds.typeI > thresholds.typeII else {
            throw fail(["classification", "thresholds"], "classification: type_i must be above type_ii")
        }
        for (i, table) in rules.classification.points.enumerated()
        where table.population.per.millionths <= 0 || table.area.per.millionths <= 0 {
            throw fail(["classification", "points", "\(i)"], "classification: \(table.rule) needs steps (per) above 0")
        }
        guard (rules.quotas.combined == nil) != (rules.quotas.interimNorm == nil) else {
            throw fail(["quotas"], "quotas: give exactly one of combined (R-4.1) or interim_norm (R-4.7)")
        }
        if rules.quotas.combined != nil, rules.quotas.extras == nil {
            throw fail(["quotas"], "quotas: combined quotas (R-4.1) need extras (R-4.2)")
        }
        if let norm = rules.quotas.interimNorm, norm.residentsPerPost <= 0 || norm.residentsPerPostMountainous <= 0 {
            throw fail(["quotas", "interim_norm"], "quotas: residents per post must be above 0")
        }
        if let byKind = rules.quotas.combined?.byKind {
            for key in byKind.keys where UnitKind(rawValue: key) == nil {
                throw fail(["quotas", "combined", "by_kind", key], "quotas: \"\(key)\" is not a unit kind")
            }
        }
        guard (rules.deadline.date == nil) != (rules.deadline.yearsAfterEffective == nil) else {
            throw fail(["deadline"], "deadline: give exactly one of date or years_after_effective")
        }
    }

    private static func located(_ error: YamlError, file: String) -> InputError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .badData(file, line: mark.line, column: mark.column, "the rule file is not valid YAML: \(problem)")
        default:
            return .badData(file, "the rule file is not valid YAML: \(error)")
        }
    }

    /// Locates a decoding failure by walking its coding path through the YAML node tree.
    private static func located(_ error: DecodingError, in root: Node, file: String) -> InputError {
        let (path, message): ([CodingKey], String)
        switch error {
        case .keyNotFound(let key, let context):
            path = context.codingPath
            message = "\(key.stringValue) is missing"
        case .typeMismatch(let type, let context):
            path = context.codingPath
            message = "expected \(describe(type)) here"
        case .valueNotFound(let type, let context):
            path = context.codingPath
            message = "expected \(describe(type)), found nothing"
        case .dataCorrupted(let context):
            path = context.codingPath
            message = context.debugDescription
        @unknown default:
            return .badData(file, "\(error)")
        }
        let names = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        let mark = node(at: names, in: root)?.mark
        let place = names.isEmpty ? "" : names.joined(separator: ".") + ": "
        return .badData(file, line: mark?.line, column: mark?.column, place + message)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        default: "\(type)" == "Scalar" ? "a single value" : "\(type)"
        }
    }

    /// The deepest node along `path` (mapping keys or sequence indices).
    private static func node(at path: [String], in root: Node) -> Node? {
        var current = root
        for name in path {
            if let index = Int(name), let sequence = current.sequence, index < sequence.count {
                current = sequence[index]
            } else if let child = current[name] {
                current = child
            } else {
                break
            }
        }
        return current
    }
}
