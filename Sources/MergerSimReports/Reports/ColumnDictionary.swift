import Foundation
import MergerSim
import MergerSimInputs

/// What each CSV column means, per language (`Labels/columns.en.json`, `columns.vi.json`): its label,
/// meaning, unit and rule. Columns per category are written once with `{c}` (`surplus_{c}`), their
/// labels with `{category}` (or `{Category}` capitalised).
public struct ColumnDictionary: Sendable {
    public struct Entry: Sendable, Equatable {
        public var label: String, meaning: String, unit: String, rule: String
    }

    let entries: [String: [String]]
    let labels: Labels

    public init(_ labels: Labels) throws(InternalError) {
        self.labels = labels
        let name = "columns.\(labels.language.rawValue)"
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Labels") else {
            throw InternalError("the column dictionary Labels/\(name).json is not installed")
        }
        do {
            entries = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
                .mapValues { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        } catch {
            throw InternalError("the column dictionary Labels/\(name).json cannot be read: \(error)")
        }
    }

    /// The keys of a language's dictionary (for the test that both have the same).
    public static func keys(_ language: Labels.Language) throws(InternalError) -> Set<String> {
        Set(try ColumnDictionary(try Labels(language)).entries.keys)
    }

    /// The entry of CSV column `column`, nil when the dictionary has none.
    public func entry(_ column: String) -> Entry? {
        if let parts = entries[column] { return Self.entry(parts) }
        for category in StaffCategory.allCases {
            let c = category.rawValue
            let key: String
            if column == c { key = "{c}" } else if column.hasSuffix("_" + c) { key = String(column.dropLast(c.count)) + "{c}" } else { continue }
            guard let parts = entries[key] else { continue }
            let name = labels("category.\(c)")
            let capitalised = name.prefix(1).uppercased() + name.dropFirst()
            return Self.entry(parts.map { $0.replacingOccurrences(of: "{category}", with: name).replacingOccurrences(of: "{Category}", with: capitalised) })
        }
        if column.hasSuffix("_ty_dong"), let base = entry(String(column.dropLast("_ty_dong".count)) + "_vnd"), let parts = entries["billions"] {
            return Self.entry(parts.map { $0.replacingOccurrences(of: "{label}", with: base.label) })
        }
        return nil
    }

    private static func entry(_ parts: [String]) -> Entry {
        Entry(label: parts.first ?? "", meaning: parts.count > 1 ? parts[1] : "", unit: parts.count > 2 ? parts[2] : "", rule: parts.count > 3 ? parts[3] : "")
    }
}
