import Foundation
import MergerSim
import Yams

/// A YAML file composed into nodes, decoded into Swift values with every
/// failure located at its line and column.
struct YAMLDocument {
    let file: String
    var root: Node
    /// Key paths given by `--set`, so that a value found wrong there is reported as the override's fault.
    var overridden: [([String], Override)] = []

    /// Parses `bytes`; a syntax error is reported where it is (65).
    init(bytes: [UInt8], file: String, what: String) throws(InputError) {
        self.file = file
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .badData(file, line: 1, reason: .yaml(.notUTF8(what: what)))
        }
        do {
            guard let composed = try Yams.compose(yaml: text) else { throw InputError.badData(file, line: 1, reason: .yaml(.empty(what: what))) }
            root = composed
        } catch let error as InputError {
            throw error
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw .badData(file, line: mark.line, column: mark.column, reason: .yaml(.syntax(what: what, problem: problem)))
            case .duplicatedKeysInMapping(let duplicates, let context):
                let key = duplicates.sorted().first ?? ""
                let place = Self.secondOccurrence(of: key, in: text, from: context.mark)
                throw .badData(file, line: place.line, column: place.column, reason: .yaml(.duplicateKey(key, what: what)))
            default:
                throw .badData(file, reason: .yaml(.otherYAMLError(what: what, detail: "\(error)")))
            }
        } catch {
            throw .badData(file, reason: .yaml(.unreadable(what: what, detail: "\(error)")))
        }
    }

    /// Where `key` is written as a key (`key:`) the second time at or after `mark`, the start of the
    /// mapping Yams found it repeated in; `mark` itself when it cannot be found.
    private static func secondOccurrence(of key: String, in text: String, from mark: Mark) -> (line: Int, column: Int) {
        var seen = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where offset + 1 >= mark.line {
            let characters = Array(line)
            let keyCharacters = Array(key)
            var i = 0
            while i + keyCharacters.count <= characters.count {
                let before = i == 0 ? " " : characters[i - 1]
                var j = i + keyCharacters.count
                if j < characters.count, characters[j] == "\"" || characters[j] == "'" { j += 1 }  // a quoted key
                while j < characters.count, characters[j] == " " { j += 1 }
                if Array(characters[i..<(i + keyCharacters.count)]) == keyCharacters, " {,\t\"'".contains(before),
                   j < characters.count, characters[j] == ":" {
                    seen += 1
                    if seen == 2 { return (offset + 1, i + 1) }
                    i = j
                }
                i += 1
            }
        }
        return (mark.line, mark.column)
    }

    /// Decodes the whole document as `T`, locating a decoding failure by its coding path. Numbers are
    /// read in plain decimal notation only (``StrictNodeDecoder``), not in YAML 1.1's other forms.
    func decode<T: Decodable>(_ type: T.Type) throws(InputError) -> T {
        do {
            return try T(from: StrictNodeDecoder(node: root))
        } catch let error as DecodingError {
            throw located(error)
        } catch {
            throw .badData(file, "\(error)")
        }
    }

    /// An error at the node along `path` (mapping keys or sequence indices), or as near as exists.
    func error(at path: [String], _ message: String) -> InputError {
        if let (_, override) = overridden.last(where: { given, _ in !path.isEmpty && (given.starts(with: path) || path.starts(with: given)) }) {
            return override.error(message)
        }
        let mark = node(at: path)?.mark
        return .badData(file, line: mark?.line, column: mark?.column, message)
    }

    /// An error for a typed `reason` at the node along `path`, or as near as exists (see the message form).
    func error(at path: [String], reason: InputError.Reason) -> InputError {
        if let (_, override) = overridden.last(where: { given, _ in !path.isEmpty && (given.starts(with: path) || path.starts(with: given)) }) {
            return override.error(reason)
        }
        let mark = node(at: path)?.mark
        return .badData(file, line: mark?.line, column: mark?.column, reason: reason)
    }

    /// An error at a top-level key itself (not its value).
    func error(atKey key: String, _ message: String) -> InputError {
        let mark = root.mapping?.first { $0.key.string == key }?.key.mark
        return .badData(file, line: mark?.line, column: mark?.column, message)
    }

    /// An error for a typed `reason` at a top-level key itself (not its value).
    func error(atKey key: String, reason: InputError.Reason) -> InputError {
        var error = self.error(atKey: key, reason.english)
        error.reason = reason
        return error
    }

    /// The keys of the top-level mapping that are not in `known`.
    func unknownTopLevelKeys(known: Set<String>) -> [String] {
        guard let mapping = root.mapping else { return [] }
        return mapping.keys.compactMap(\.string).filter { !known.contains($0) }
    }

    /// Throws, at the first key of the mapping at `path` that is not in `known`, naming the keys it may have.
    /// Nothing is checked where `path` holds no mapping (decoding reports that). A name that is a whole
    /// number steps into a list's item.
    func checkKeys(at path: [String], known: Set<String>, what: String) throws(InputError) {
        var current = root
        for name in path {
            if let child = current.mapping?[name] {
                current = child
            } else if let index = Int(name), let items = current.sequence, items.indices.contains(index) {
                current = items[index]
            } else {
                return
            }
        }
        guard let mapping = current.mapping else { return }
        for key in mapping.keys {
            let name = key.string ?? "\(key)"
            guard !known.contains(name) else { continue }
            throw .badData(file, line: key.mark?.line, column: key.mark?.column, reason: .unknownKey(name, in: what, known: known.sorted()))
        }
    }

    /// The decoding failure at its place, as a typed reason where its kind or its underlying error
    /// (``ValueRefusal``, ``StrictNodeDecoder/Refusal``) says what is wrong; else its description, in English.
    private func located(_ error: DecodingError) -> InputError {
        let path: [CodingKey]
        let reason: (String) -> YAMLReason?
        let description: String
        switch error {
        case .keyNotFound(let key, let context):
            (path, description) = (context.codingPath, "")
            reason = { .missing(at: $0, key: key.stringValue) }
        case .typeMismatch(let type, let context):
            (path, description) = (context.codingPath, "")
            reason = { .expected(at: $0, .init(type)) }
        case .valueNotFound(let type, let context):
            (path, description) = (context.codingPath, "")
            reason = { .expectedFoundNothing(at: $0, .init(type)) }
        case .dataCorrupted(let context):
            (path, description) = (context.codingPath, context.debugDescription)
            switch context.underlyingError {
            case let refusal as ValueRefusal: reason = { .refused(at: $0, refusal) }
            case let refusal as StrictNodeDecoder.Refusal: reason = { refusal.reason(at: $0) }
            default: reason = { _ in nil }
            }
        @unknown default:
            return .badData(file, "\(error)")
        }
        let names = path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        let at = names.isEmpty ? "" : names.joined(separator: ".") + ": "
        guard let typed = reason(at) else { return self.error(at: names, at + description) }
        return self.error(at: names, reason: .yaml(typed))
    }

    private func node(at path: [String]) -> Node? {
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
