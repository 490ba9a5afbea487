import Foundation
import MergerSim
import MergerSimInputs
import XLSX

/// `report.xlsx`: the run's tables in one Excel workbook (libxlsxwriter), for people: a sheet per typed table
/// (``ReportTable``: summary, units before, units after, transfers, timeline), the assumptions and defaults
/// applied (``AssumptionTable``), and a column dictionary. Headers are labels in the chosen language (the
/// dictionary maps them to the CSV names, unique per sheet); each column has one number format, its kind's:
/// codes and other identifiers text (leading zeros kept), counts with thousands separators, areas with 2
/// decimals, shares and percentages as `%`, dates as Excel dates (dd/mm/yyyy in Vietnamese), money in whole
/// đồng with a tỷ đồng column beside it; categorical values and notes in the chosen language. The header row
/// is frozen with a filter; widths fit; verdicts are coloured. No formulas: every text is a text cell.
///
/// What a sheet cannot hold is never left to libxlsxwriter: a sheet over ``maxRows`` rows refuses `--xlsx`
/// (64) before any cell is written, and a text over ``maxCellCharacters`` is cut, visibly (see
/// ``cellText(_:)``). The workbook is written where it is asked, libxlsxwriter's own temporary files beside it.
public enum WorkbookReport {
    static let colours: [String: UInt32] = [
        "meets": 0xC8E6C9, "met": 0xC8E6C9, "keep": 0xC8E6C9, "no": 0xC8E6C9,
        "waived": 0xBBDEFB, "exempt": 0xBBDEFB,
        "needs_exception": 0xFFE0B2, "at risk": 0xFFE0B2, "borderline": 0xFFE0B2,
        "below": 0xFFCDD2, "not met": 0xFFCDD2, "merge": 0xFFCDD2, "yes": 0xFFCDD2,
    ]
    static let verdictColumns: Set<String> = ["standards_outcome", "verdict", "must_merge", "deadline_verdict"]

    /// Writes the workbook to `url` (replacing a file there): `sheets` (label key, table) in order, then
    /// assumptions and the dictionary. libxlsxwriter's temporary files go to `url`'s folder, never to TMPDIR:
    /// give it a file inside the run's staging folder, so that an interrupt removes everything.
    ///
    /// - Throws: ``InputError`` 64 when a sheet would have more rows than Excel holds (checked before any cell
    ///   is written), 73 when the file cannot be written (a missing, read-only or full folder);
    ///   ``InternalError`` when libxlsxwriter refuses a cell.
    ///
    /// The assumptions carry their rule set's names of its instruments and citations, written in the language.
    public static func write(to url: URL, sheets: [(key: String, table: ReportTable)], assumptions: RunAssumptions, labels l: Labels) throws {
        do {
            try make(url, sheets: sheets, assumptions: assumptions, labels: l)
        } catch let error as Unwritable {
            throw InputError(.unwritable, file: url.lastPathComponent,
                             reason: .output(.workbookUnwritable(folder: url.deletingLastPathComponent().path, system: error.reason)))
        }
    }

    static func make(_ url: URL, sheets: [(key: String, table: ReportTable)], assumptions: RunAssumptions, labels l: Labels) throws {
        let dictionary = try ColumnDictionary(l)
        try checkRows(sheets.map { ($0.key, $0.table.rows.count) }, labels: l)
        let workbook: Workbook
        do {
            workbook = try Workbook(path: url.path, tmpdir: url.deletingLastPathComponent().path)
            var used: [(sheet: String, column: String)] = []
            for (key, table) in sheets {
                let name = l("sheet.\(key)")
                let columns = try writeTable(table, into: try workbook.addSheet(name), dictionary: dictionary, labels: l)
                used += columns.map { (name, $0) }
            }
            try writeAssumptions(assumptions, into: try workbook.addSheet(l("sheet.assumptions")), labels: l)
            try writeDictionary(used, dictionary: dictionary, into: try workbook.addSheet(l("sheet.dictionary")), labels: l)
        } catch {
            throw InternalError("the workbook could not be made: \(error)")
        }
        do {
            try workbook.close()
        } catch {
            throw Unwritable(url: url, reason: error.reason ?? error.statusText)
        }
    }

    /// Why the workbook's file could not be written; 73 with a sentence that fits where it was written.
    struct Unwritable: Error, CustomStringConvertible {
        var url: URL
        var reason: String
        var description: String { "\(url.path) cannot be written: \(reason)" }
    }

    static let header = Workbook.Format(bold: true, background: 0xE0E0E0, wrap: true)

    /// One column of a sheet: a table column shown in the workbook, or the tỷ đồng column beside a money one.
    struct SheetColumn {
        var name: String
        var kind: ReportTable.Kind
        /// The table column whose cells it shows.
        var source: Int
    }

    /// The sheet's columns of `table`: those shown in the workbook, each money column followed by its
    /// tỷ đồng column (`…_vnd` → `…_ty_dong`).
    static func sheetColumns(_ table: ReportTable) -> [SheetColumn] {
        var columns: [SheetColumn] = []
        for (i, column) in table.columns.enumerated() where column.audience != .csv {
            columns.append(SheetColumn(name: column.name, kind: column.kind, source: i))
            if column.kind == .money {
                let base = column.name.hasSuffix("_vnd") ? String(column.name.dropLast(4)) : column.name
                columns.append(SheetColumn(name: base + "_ty_dong", kind: .billions, source: i))
            }
        }
        return columns
    }

    /// The one number format of a column of `kind`, in `labels`' language (a date as the language writes it).
    static func numberFormat(_ kind: ReportTable.Kind, labels l: Labels) -> String {
        switch kind {
        case .identifier, .name, .value, .phrase: "@"
        case .count, .money: "#,##0"
        case .year: "0"
        case .decimal(let places): places == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: places)
        case .area: "#,##0.00"
        case .share: "[=0]0%;0.0%"
        case .percent(let places): places == 0 ? "0%" : "[=0]0%;0." + String(repeating: "0", count: places) + "%"
        case .figure: "[>=1000000]#,##0;#,##0.00"
        case .billions: "#,##0.000"
        case .date: l.language == .vi ? "dd/mm/yyyy" : "yyyy-mm-dd"
        case .coordinate: "0.0000"
        }
    }

    /// The number a cell of `kind` is written as: a percentage divided by 100 (Excel's `%` multiplies), đồng
    /// as tỷ đồng in a billions column.
    static func workbookNumber(_ x: Double, kind: ReportTable.Kind) -> Double {
        switch kind {
        case .percent: x / 100
        case .billions: x / 1e9
        default: x
        }
    }

    /// A table as a sheet: headers from the column dictionary, one number format per column (its kind's),
    /// categorical values and notes in the chosen language, dates as Excel dates.
    /// Returns the sheet's columns by CSV name.
    @discardableResult
    static func writeTable(_ table: ReportTable, into sheet: Workbook.Sheet, dictionary: ColumnDictionary, labels l: Labels) throws -> [String] {
        let columns = sheetColumns(table)
        var widths = columns.map { Double((dictionary.entry($0.name)?.label ?? $0.name).count) }
        for (c, column) in columns.enumerated() {
            try sheet.write(cellText(dictionary.entry(column.name)?.label ?? column.name), row: 0, column: c, format: header)
        }
        let formats = columns.map { Workbook.Format(numberFormat: numberFormat($0.kind, labels: l)) }
        for (r, row) in table.rows.enumerated() {
            for (c, column) in columns.enumerated() {
                let cell = row[column.source]
                if case .date(let date) = cell {
                    try sheet.write(Workbook.Day(year: date.year, month: date.month, day: date.day), row: r + 1, column: c, format: formats[c])
                    widths[c] = max(widths[c], 12)
                } else if let x = cell.number, column.kind != .identifier, column.kind != .name, column.kind != .value {
                    try sheet.write(workbookNumber(x, kind: column.kind), row: r + 1, column: c, format: formats[c])
                    widths[c] = max(widths[c], Double(min(cell.csvText(english: l).count + 4, 18)))
                } else if let text = shown(cell, column: table.columns[column.source].name, labels: l), !text.isEmpty {
                    var format = formats[c]
                    if verdictColumns.contains(column.name), case .value(let raw) = cell { format.background = colours[raw] }
                    try sheet.write(cellText(text), row: r + 1, column: c, format: format)
                    widths[c] = max(widths[c], Double(text.count))
                }
            }
        }
        for (c, width) in widths.enumerated() { try sheet.setWidth(min(50, max(6, width + 2)), column: c) }
        sheet.freeze(rows: 1)
        try sheet.autofilter(rows: table.rows.count, columns: columns.count)
        return columns.map(\.name)
    }

    /// The text a person reads in a text cell: a categorical value's label, a phrase in the language, a code or
    /// name as it is; nil for nothing.
    public static func shown(_ cell: ReportTable.Cell, column: String, labels l: Labels) -> String? {
        switch cell {
        case .empty: return nil
        case .value(let raw):
            let text = l.value(raw, column: column)
            guard text == raw else { return text }
            // Where the value tables have no label yet: the kinds, outcomes, verdicts and categories the tables had before them.
            for key in ["kind.\(raw)", "outcome.\(raw)", "verdict.\(raw)", "category.\(raw)"] where l(key) != key { return l(key) }
            return raw
        case .phrase(let phrase): return phrase.text(l)
        case .shares(let shares):
            return shares.map { share in
                let percent = share.doubleValue * 100
                return l.number(percent, decimals: AssumptionTable.decimals(percent)) + "%"
            }.joined(separator: "; ")
        default: return cell.csvText(english: l)
        }
    }

    /// The assumptions as a table a person reads (``AssumptionTable``): label, value with its unit, rule,
    /// instrument, status; the key path last, for scripts. Every cell is text.
    static func writeAssumptions(_ assumptions: RunAssumptions, into sheet: Workbook.Sheet, labels l: Labels) throws {
        let table = AssumptionTable(assumptions, labels: l)
        let headers = AssumptionTable.headers.map { l("assumption.column.\($0)") }
        for (c, text) in headers.enumerated() { try sheet.write(text, row: 0, column: c, format: header) }
        let text = Workbook.Format(numberFormat: "@")
        for (r, row) in table.rows.enumerated() {
            for (c, cell) in [row.label, row.value, row.rule, row.instrument, row.status, row.key].enumerated() where !cell.isEmpty {
                try sheet.write(cellText(cell), row: r + 1, column: c, format: text)
            }
        }
        for (c, width) in [60.0, 28, 10, 40, 24, 30].enumerated() { try sheet.setWidth(width, column: c) }
        sheet.freeze(rows: 1)
        try sheet.autofilter(rows: table.rows.count, columns: headers.count)
    }

    static func writeDictionary(_ used: [(sheet: String, column: String)], dictionary: ColumnDictionary, into sheet: Workbook.Sheet, labels l: Labels) throws {
        for (c, key) in ["dict.sheet", "dict.column", "dict.label", "dict.meaning", "dict.unit", "dict.rule"].enumerated() {
            try sheet.write(l(key), row: 0, column: c, format: header)
        }
        for (r, use) in used.enumerated() {
            let entry = dictionary.entry(use.column)
            for (c, text) in [use.sheet, use.column, entry?.label ?? use.column, entry?.meaning ?? "", entry?.unit ?? "", entry?.rule ?? ""].enumerated() {
                try sheet.write(cellText(text), row: r + 1, column: c, format: .init(numberFormat: "@"))
            }
        }
        for (c, width) in [16.0, 36, 34, 70, 12, 10].enumerated() { try sheet.setWidth(width, column: c) }
        sheet.freeze(rows: 1)
        try sheet.autofilter(rows: used.count, columns: 6)
    }
}
