import Foundation
import MergerSim
import RuleSets

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

    /// The top-level keys of a rule file.
    static let knownKeys: Set<String> = [
        "id", "title", "instruments", "standards", "reductions", "screening", "merged_units", "classification", "quotas",
        "deadline", "reallocation", "transition",
    ]

    /// Parses and checks a rule file's bytes.
    public static func load(bytes: [UInt8], file: String, source: String) throws(InputError) -> LoadedRuleSet {
        let document = try YAMLDocument(bytes: bytes, file: file, what: "rule file")
        if let unknown = document.unknownTopLevelKeys(known: knownKeys).first {
            throw document.error(atKey: unknown, "unknown key \"\(unknown)\"; a rule file has " + knownKeys.sorted().joined(separator: ", "))
        }
        let rules = try document.decode(RuleSet.self)
        try check(rules, document: document)
        return LoadedRuleSet(rules: rules, source: source, sha256: SHA256.hex(bytes))
    }

    /// Checks what decoding cannot: the default round exists, thresholds are
    /// ordered, one quota scheme is given, steps are positive.
    private static func check(_ rules: RuleSet, document: YAMLDocument) throws(InputError) {
        func fail(_ path: [String], _ message: String) -> InputError { document.error(at: path, message) }
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
}
