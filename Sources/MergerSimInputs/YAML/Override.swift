import Yams

/// One `--set KEY=VALUE`: a value put in place of a scenario's key, or of a rule set's value by its key
/// path (`rules.transition.exits.resignation_uptake`), before the file is decoded and checked, so the
/// value is checked exactly as if the file held it.
public struct Override: Sendable, Hashable, CustomStringConvertible {
    /// The key path, split at its dots (`["transfers", "scope"]`).
    public let path: [String]
    /// The value as given (YAML: `none`, `0.3`, `[a, b]`).
    public let value: String

    /// Which document a key path addresses.
    public enum Target: Sendable, Hashable {
        case scenario
        /// The scenario's rule set (`rules.…`) or the rule set that screens before (`rules_before.…`).
        case rules, rulesBefore
    }

    /// Parses `KEY=VALUE` (64 when it is not of that form).
    public init(parsing text: String) throws(InputError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw InputError(.usage, file: "--set \(text)", reason: .overrideForm)
        }
        let key = String(text[..<equals]), value = String(text[text.index(after: equals)...])
        let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !key.isEmpty, path.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
            throw InputError(.usage, file: "--set \(text)", reason: .overrideKeyPath(String(key)))
        }
        self.path = path
        self.value = value
    }

    public init(path: [String], value: String) {
        self.path = path
        self.value = value
    }

    public var key: String { path.joined(separator: ".") }
    public var description: String { "\(key)=\(value)" }

    /// The document it addresses, and the key path within it.
    public var target: (Target, [String]) {
        switch path.first {
        case "rules" where path.count > 1: (.rules, Array(path.dropFirst()))
        case "rules_before" where path.count > 1: (.rulesBefore, Array(path.dropFirst()))
        default: (.scenario, path)
        }
    }

    /// A usage error (64) about this override.
    func error(_ message: String) -> InputError { InputError(.usage, file: "--set \(self)", message) }

    /// A usage error (64) about this override, for a typed `reason`.
    func error(_ reason: InputError.Reason) -> InputError { InputError(.usage, file: "--set \(self)", reason: reason) }

    /// The value as a YAML node (a scalar unless it is written as a flow sequence or mapping).
    func node() throws(InputError) -> Node {
        do {
            return try Yams.compose(yaml: value) ?? Node("", Tag(.null))
        } catch {
            throw self.error(.yaml(.overrideNotYAML))
        }
    }
}

extension YAMLDocument {
    /// Puts each override's value at its key path. `allowed` says which key paths a document may be
    /// given (for a scenario, its known keys, present or not); without it (rule files, which write
    /// every key) the path must exist in the document. Unknown keys are refused naming the keys there.
    mutating func apply(_ overrides: [(Override, [String])], allowed: (([String]) -> Set<String>?)? = nil) throws(InputError) {
        for (override, path) in overrides {
            root = try Self.replacing(root, at: path[...], prefix: [], with: try override.node(), override: override, allowed: allowed) ?? root
            overridden.append((path, override))
        }
    }

    /// `node` (nil where the document has no such key) with `value` at `path` below it.
    private static func replacing(_ node: Node?, at path: ArraySlice<String>, prefix: [String], with value: Node, override: Override,
                                  allowed: (([String]) -> Set<String>?)?) throws(InputError) -> Node? {
        guard let name = path.first else { return value }
        let here = prefix.joined(separator: ".")
        if case .sequence(var sequence) = node {
            guard let index = Int(name), sequence.indices.contains(index) else {
                throw override.error(.yaml(.overrideListPosition(here: here, count: sequence.count, name: name)))
            }
            sequence[index] = try replacing(sequence[index], at: path.dropFirst(), prefix: prefix + [name], with: value, override: override,
                                            allowed: allowed) ?? sequence[index]
            return .sequence(sequence)
        }
        var mapping: Node.Mapping
        switch node {
        case .mapping(let existing)?: mapping = existing
        case nil where allowed != nil: mapping = Node.Mapping([])
        default: throw override.error(.yaml(.overrideUnderSingleValue(here: here, name: name)))
        }
        let keys = mapping.keys.compactMap(\.string)
        if let allowed {
            // A mapping whose keys are free (province names) allows any key; else only the known ones.
            if let known = allowed(prefix), !known.contains(name) {
                if known.isEmpty { throw override.error(.yaml(.overrideTakesSingleValue(here: here))) }
                throw override.error(.yaml(.overrideUnknownKey(name, here: here, known: known.sorted())))
            }
        } else if !keys.contains(name) {
            throw override.error(.yaml(.overrideNoKey(name, here: here, keys: Array(keys))))
        }
        mapping[name] = try replacing(mapping[name], at: path.dropFirst(), prefix: prefix + [name], with: value, override: override, allowed: allowed)
        return .mapping(mapping)
    }

    /// Every key path of the document that holds a single value, with that value, in document order
    /// (list positions as numbers): what `--set` can change in a rule set.
    func keyPaths() -> [(path: String, value: String)] {
        var found: [(String, String)] = []
        func walk(_ node: Node, _ prefix: [String]) {
            switch node {
            case .mapping(let mapping):
                for (key, child) in mapping { walk(child, prefix + [key.string ?? "\(key)"]) }
            case .sequence(let sequence):
                for (index, child) in sequence.enumerated() { walk(child, prefix + [String(index)]) }
            default:
                found.append((prefix.joined(separator: "."), node.string ?? ""))
            }
        }
        walk(root, [])
        return found
    }
}
