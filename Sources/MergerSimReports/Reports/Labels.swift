import Foundation
import Synchronization
import MergerSim
import MergerSimInputs

/// The words of the reports for people, one table per language (`Labels/en.json`, `Labels/vi.json` and the
/// per-output parts beside them, such as `notes.vi.json`;
/// resources of this module): a label is looked up by key and its `{name}` placeholders filled in.
/// The tables have the same keys (a test checks); CSV column names stay English, for scripts.
public struct Labels: Sendable {
    /// The languages of the label tables (see ``MergerSimInputs/Language``).
    public typealias Language = MergerSimInputs.Language

    public let language: Language
    let table: [String: String]

    /// The table of `language`, read from the module's resources.
    /// - Throws: ``InternalError`` when the table is missing or malformed (a broken install, not bad input).
    public init(_ language: Language) throws(InternalError) {
        self.language = language
        table = try Self.table(language)
    }

    /// A language's whole table: `Labels/<language>.json` and every `Labels/<part>.<language>.json` beside
    /// it (the words of one output each, e.g. `notes.vi.json`), except the column dictionary's
    /// `columns.<language>.json`. A key in two files is a broken install.
    public static func table(_ language: Language) throws(InternalError) -> [String: String] {
        if let read = tables.withLock({ $0[language] }) { return read }
        let read = try readTable(language)
        tables.withLock { $0[language] = read }
        return read
    }

    /// The tables read so far, by language: each is read from disk once a process.
    private static let tables = Mutex<[Language: [String: String]]>([:])

    /// A language's whole table, read from the module's resources.
    private static func readTable(_ language: Language) throws(InternalError) -> [String: String] {
        let suffix = ".\(language.rawValue).json"
        guard let folder = Bundle.module.url(forResource: "Labels", withExtension: nil) else {
            throw InternalError("the label tables (Labels/) are not installed")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0 == "\(language.rawValue).json" || ($0.hasSuffix(suffix) && !$0.hasPrefix("columns.")) }
                .sorted()
        } catch {
            throw InternalError("the label tables in \(folder.path) cannot be listed: \(error)")
        }
        guard names.contains("\(language.rawValue).json") else {
            throw InternalError("the label table Labels/\(language.rawValue).json is not installed")
        }
        var table: [String: String] = [:]
        for name in names {
            let part: [String: String]
            do {
                part = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: folder.appendingPathComponent(name)))
            } catch {
                throw InternalError("the label table Labels/\(name) cannot be read: \(error)")
            }
            for (key, text) in part {
                guard table.updateValue(text, forKey: key) == nil else {
                    throw InternalError("the label \(key) is in two tables of Labels/ (one is \(name))")
                }
            }
        }
        return table
    }

    /// The label `key` with `values` put in its `{name}` placeholders; the key itself when the table lacks it
    /// (the test of the tables keeps that from happening).
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        (table[key] ?? key).filled(with: values)
    }

    /// A number with the language's separators: 1,234.5 in English, 1.234,5 in Vietnamese.
    public func number(_ value: Double, decimals: Int = 0) -> String {
        let text = ReportFormat.grouped(value, decimals: decimals)
        guard language == .vi else { return text }
        return String(text.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
    }

    /// `text`, a number written with a point, with the language's decimal mark (0.5 / 0,5); its digits as they are.
    public func decimalMark(_ text: String) -> String {
        language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A number as Swift writes it (`0.25`, `1.5e-05`), with the language's decimal mark.
    public func decimal(_ value: Double) -> String { decimalMark("\(value)") }

    /// A date as the language writes it: ISO (2029-11-01) in English, day/month/year (01/11/2029) in Vietnamese.
    public func date(_ date: CalendarDate) -> String {
        guard language == .vi else { return date.description }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }

    /// A share (0…1) as a percentage with the language's decimal mark and `decimals` places, the sign
    /// against the number as Vietnamese documents write it: 99.9% / 99,9%. None and all are whole: 0% and
    /// 100%, not 0,0% (a share that only rounds to them keeps its decimals).
    public func percent(_ share: Double, decimals: Int = 1) -> String {
        number(share * 100, decimals: share == 0 || share == 1 ? 0 : decimals) + "%"
    }

    /// VND as billions (tỷ đồng) with one decimal.
    public func billions(_ vnd: Double) -> String { self("money.billion", ["amount": number(vnd / 1e9, decimals: 1)]) }
}

/// Text a person reads, made from typed parts (a rule, a count, a unit's name) and written out in the
/// chosen language by ``text(_:)``: a note or reason is never an English sentence carried to the renderer.
/// CSV files write the English text (for scripts); the report and workbook write the chosen language's.
public protocol Phrase: Sendable {
    /// The phrase in `labels`' language.
    func text(_ labels: Labels) -> String
}

/// Parts joined by a separator, each in the language (a standard's reductions: "ethnic minority …; coastal …").
public struct JoinedPhrase: Phrase {
    public var parts: [any Phrase]
    public var separator: String
    public init(_ parts: [any Phrase], separator: String) {
        self.parts = parts
        self.separator = separator
    }
    public func text(_ labels: Labels) -> String { parts.map { $0.text(labels) }.joined(separator: separator) }
}

/// One label of the table, without placeholders (a fixed sentence such as a transfer note).
public struct LabelPhrase: Phrase, Hashable {
    public var key: String
    public init(_ key: String) { self.key = key }
    public func text(_ labels: Labels) -> String { labels(key) }
}

extension Labels {
    /// A categorical value as a person reads it (a unit kind, a verdict, `yes`/`no`, a route, a category):
    /// the label `value.<column>.<raw>` when the table has one, else `value.<raw>`, else `raw` itself (codes
    /// and names, which are the same in every language). The machine value `raw` is what CSV files keep.
    public func value(_ raw: String, column: String) -> String {
        for key in ["value.\(column).\(raw)", "value.\(raw)"] {
            if let text = table[key] { return text }
        }
        return raw
    }
}
