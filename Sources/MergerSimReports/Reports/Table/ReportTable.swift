import Foundation
import MergerSim
import MergerSimInputs

/// A report's table as typed columns and cells, made once from a result and rendered by each output: the CSV
/// file for scripts (``csv(english:)``: machine values, ISO dates, dot decimals, exactly as the contract in the
/// README) and the workbook for people (``WorkbookReport``: one number format per column, chosen by the
/// column's ``Kind``; categorical values, notes and dates in the chosen language).
public struct ReportTable: Sendable {
    /// What a column holds, which decides how the workbook shows it (the CSV text comes from the cells).
    public enum Kind: Sendable, Equatable {
        /// A code or other identifier (text, leading zeros kept): a unit's code, a list of codes, a rule id.
        case identifier
        /// A unit's name or other proper name (text, the same in every language).
        case name
        /// A categorical machine value (`ward`, `merge`, `yes`), shown through ``Labels/value(_:column:)``.
        case value
        /// A whole count of people, units, posts or moves (`#,##0`).
        case count
        /// A number of years or an index (`0`, no thousands separator).
        case year
        /// A decimal with `places` places shown (`#,##0.00`).
        case decimal(places: Int)
        /// An area in km² (`#,##0.00`).
        case area
        /// A share 0…1 (a probability), shown as a percentage (`0.0%`).
        case share
        /// A percentage already times 100 (62.5 for 62.5 %), shown as a percentage with `places` places.
        case percent(places: Int)
        /// Whole đồng (`#,##0`), with a tỷ đồng column beside it in the workbook.
        case money
        /// Billions of đồng (tỷ đồng, `#,##0.000`).
        case billions
        /// A simulated figure that is a mean of people or units, or a sum of đồng (a timeline row's): two
        /// decimals below a million, whole đồng above (`[>=1000000]#,##0;#,##0.00`), one format for the column.
        case figure
        /// A calendar date (an Excel date; ISO in CSV).
        case date
        /// A latitude or longitude in degrees (`0.0000`).
        case coordinate
        /// Text a person reads (a note), rendered in the chosen language.
        case phrase
    }

    /// Which outputs show a column: the summary's value is one CSV column but several workbook columns (one
    /// per kind of figure), so each keeps one number format.
    public enum Audience: Sendable, Equatable {
        case all, csv, workbook
    }

    /// One column: its CSV name (the key of the column dictionary), what it holds, and where it is shown.
    public struct Column: Sendable {
        public var name: String
        public var kind: Kind
        public var audience: Audience
        public init(_ name: String, _ kind: Kind, audience: Audience = .all) {
            self.name = name
            self.kind = kind
            self.audience = audience
        }
    }

    /// One typed cell. Its CSV text is fixed by the case (``csvText(english:)``); its column's ``Kind`` decides
    /// the workbook's format.
    public enum Cell: Sendable {
        /// Nothing (an empty field, an empty cell).
        case empty
        /// Text written as given: a code, a name, a list, a rule id.
        case text(String)
        /// A categorical machine value (`ward`, `merge`, `yes`).
        case value(String)
        /// A whole number.
        case count(Int)
        /// An exact decimal, written with its own decimals (``ReportFormat/decimal(_:)``).
        case exact(FixedDecimal)
        /// A computed figure written with `decimals` decimals, half away from zero.
        case fixed(Double, decimals: Int)
        /// A computed figure written with at most 6 decimals, trailing zeros trimmed.
        case trimmed(Double)
        /// A computed figure written with at most `decimals` decimals, trailing zeros trimmed (``ReportFormat/trimmed(_:decimals:)``).
        case upTo(Double, decimals: Int)
        /// A percentage (times 100) written with 2 decimals, never rounded up onto a whole percent it does not reach.
        case percent(Double)
        /// Whole đồng.
        case money(Int64)
        /// A computed sum of đồng, written rounded to the đồng (`%.0f`).
        case moneyFigure(Double)
        /// A calendar date (ISO in CSV).
        case date(CalendarDate)
        /// Shares 0…1 of a list (a new unit's members' shares): `;`-separated exact decimals in CSV, percentages
        /// in the workbook.
        case shares([FixedDecimal])
        /// Text a person reads; CSV writes it in English.
        case phrase(any Phrase)

        /// The CSV field: machine values, dot decimals, ISO dates; a phrase in English.
        public func csvText(english: Labels) -> String {
            switch self {
            case .empty: ""
            case .text(let text), .value(let text): text
            case .count(let n): String(n)
            case .exact(let x): ReportFormat.decimal(x)
            case .fixed(let x, let decimals): ReportFormat.fixed(x, decimals: decimals)
            case .trimmed(let x): ReportFormat.number(x)
            case .upTo(let x, let decimals): ReportFormat.trimmed(x, decimals: decimals)
            case .percent(let x): ReportFormat.percent(x)
            case .money(let vnd): String(vnd)
            case .moneyFigure(let vnd): String(format: "%.0f", vnd)
            case .date(let date): date.description
            case .shares(let shares): shares.map(ReportFormat.decimal).joined(separator: ";")
            case .phrase(let phrase): phrase.text(english)
            }
        }

        /// The number the cell holds, nil for text, a value, a date, a phrase or nothing (and for a figure
        /// that is not finite, which CSV writes empty).
        public var number: Double? {
            let x: Double? = switch self {
            case .count(let n): Double(n)
            case .exact(let x): x.doubleValue
            case .fixed(let x, _), .trimmed(let x), .upTo(let x, _), .percent(let x), .moneyFigure(let x): x
            case .money(let vnd): Double(vnd)
            case .empty, .text, .value, .date, .shares, .phrase: nil
            }
            return x.flatMap { $0.isFinite ? $0 : nil }
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[Cell]] = []

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    /// A table of columns `names` holding `kinds`, shown in every output; as many kinds as names (a broken
    /// invariant otherwise: the report's lists are out of step).
    public init(names: [String], kinds: [Kind]) {
        precondition(names.count == kinds.count, "\(names.count) column names but \(kinds.count) kinds")
        self.init(zip(names, kinds).map { Column($0, $1) })
    }

    /// Appends a row; it has one cell per column (a broken invariant otherwise: the table's maker is wrong).
    public mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "a row of \(row.count) cells in a table of \(columns.count) columns")
        rows.append(row)
    }

    /// The CSV file: the columns shown in CSV, a row per row, phrases in English (`english`), text a
    /// spreadsheet would run as a formula neutralised (``CSVWriter``).
    public func csv(english: Labels) -> Data {
        let shown = columns.indices.filter { columns[$0].audience != .workbook }
        var writer = CSVWriter(header: shown.map { columns[$0].name }, spreadsheet: true)
        for row in rows { writer.append(shown.map { row[$0].csvText(english: english) }) }
        return writer.data
    }
}

extension ReportTable {
    /// `value` times a whole `percent`, as an exact decimal written with its own decimals (what
    /// ``ReportFormat/scaled(_:percent:)`` writes).
    static func scaled(_ value: FixedDecimal, percent: Int) -> FixedDecimal {
        FixedDecimal(millionths: value.millionths * Int64(percent) / 100, decimals: 0)
    }
}
