import Foundation
import MergerSim
import MergerSimInputs
import XLSX

/// `report.xlsx`: the run's tables in one Excel workbook (libxlsxwriter), for people: a sheet per CSV
/// (summary, units before, units after, transfers, timeline), the assumptions and defaults applied, and
/// a column dictionary. Headers are labels in the chosen language (the dictionary maps them to the
/// CSV names); codes and other identifiers are text (leading zeros kept); numbers are numbers with
/// formats (thousands separators, areas with 2 decimals, whole đồng beside a billions column); the
/// header row is frozen with a filter; widths fit; verdicts are coloured. No formulas: every text is a
/// text cell, whatever it starts with (the CSV's `'` before a formula-like text is taken off again).
///
/// What a sheet cannot hold is never left to libxlsxwriter: a sheet over ``maxRows`` rows refuses `--xlsx`
/// (64) before any cell is written, and a text over ``maxCellCharacters`` is cut, visibly (see
/// ``cellText(_:)``). The workbook is written where it is asked, libxlsxwriter's own temporary files beside it.
public enum WorkbookReport {
    /// Columns that identify rather than count: always text.
    static let identifiers: Set<String> = ["code", "from_code", "to_code", "members", "member_shares", "name", "from_name", "to_name",
                                           "province", "district", "year_end", "metric"]
    static let colours: [String: UInt32] = [
        "meets": 0xC8E6C9, "met": 0xC8E6C9, "keep": 0xC8E6C9, "no": 0xC8E6C9,
        "waived": 0xBBDEFB, "exempt": 0xBBDEFB,
        "needs_exception": 0xFFE0B2, "at risk": 0xFFE0B2, "borderline": 0xFFE0B2,
        "below": 0xFFCDD2, "not met": 0xFFCDD2, "merge": 0xFFCDD2, "yes": 0xFFCDD2,
    ]
    static let verdictColumns: Set<String> = ["standards_outcome", "verdict", "must_merge"]

    /// Writes the workbook to `url` (replacing a file there): `sheets` (label key, CSV bytes) in order, then
    /// assumptions and the dictionary. libxlsxwriter's temporary files go to `url`'s folder, never to TMPDIR:
    /// give it a file inside the run's staging folder, so that an interrupt removes everything.
    ///
    /// - Throws: ``InputError`` 64 when a sheet would have more rows than Excel holds (checked before any cell
    ///   is written), 73 when the file cannot be written (a missing, read-only or full folder);
    ///   ``InternalError`` when libxlsxwriter refuses a cell or a CSV mergersim wrote cannot be read back.
    public static func write(to url: URL, sheets: [(key: String, csv: Data)], assumptions: [RunManifest.Assumption],
                             defaults: [RunManifest.DefaultEntry], labels l: Labels) throws {
        do {
            try make(url, sheets: sheets, assumptions: assumptions, defaults: defaults, labels: l)
        } catch let error as Unwritable {
            throw InputError(.unwritable, file: url.lastPathComponent,
                             "the workbook cannot be written in \(url.deletingLastPathComponent().path): \(error.reason)")
        }
    }

    static func make(_ url: URL, sheets: [(key: String, csv: Data)], assumptions: [RunManifest.Assumption],
                     defaults: [RunManifest.DefaultEntry], labels l: Labels) throws {
        let dictionary = try ColumnDictionary(l)
        var tables: [(key: String, table: CSVTable)] = []
        for (key, csv) in sheets {
            do {
                tables.append((key, try CSVTable(bytes: [UInt8](csv), file: key)))
            } catch {
                throw InternalError("the \(key) table mergersim made cannot be read back: \(error)")
            }
        }
        try checkRows(tables.map { ($0.key, $0.table.records.count) }, labels: l)
        let workbook: Workbook
        do {
            workbook = try Workbook(path: url.path, tmpdir: url.deletingLastPathComponent().path)
            var used: [(sheet: String, column: String)] = []
            for (key, table) in tables {
                let name = l("sheet.\(key)")
                let columns = try writeTable(table, into: try workbook.addSheet(name), summary: key == "summary", dictionary: dictionary, labels: l)
                used += columns.filter { $0 != "billions" }.map { (name, $0) }
            }
            try writeAssumptions(assumptions, defaults: defaults, into: try workbook.addSheet(l("sheet.assumptions")), labels: l)
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

    static func numberFormat(_ column: String, _ value: Double) -> String {
        if column.hasSuffix("_ty_dong") { return "#,##0.000" }
        if column.hasSuffix("_vnd") { return "#,##0" }
        if column.contains("area") && column.hasSuffix("km2") { return "#,##0.00" }
        if column == "lat" || column == "lon" { return "0.0000" }
        if column.hasPrefix("p_") || column.hasPrefix("probability") { return "0.000" }
        return value == value.rounded() ? "#,##0" : "#,##0.000"
    }

    /// One CSV as a sheet; a `_vnd` column gains a billions (tỷ đồng) column beside it.
    /// Returns the sheet's columns by CSV name (the billions columns named `…_ty_dong`).
    @discardableResult
    static func writeTable(_ table: CSVTable, into sheet: Workbook.Sheet, summary: Bool, dictionary: ColumnDictionary, labels l: Labels) throws -> [String] {
        var columns: [(name: String, source: Int, billions: Bool)] = []
        for (i, name) in table.header.enumerated() {
            columns.append((name, i, false))
            if name.hasSuffix("_vnd") { columns.append((String(name.dropLast(4)) + "_ty_dong", i, true)) }
        }
        if summary { columns.append(("billions", 1, true)) }
        var widths = columns.map { column in
            Double((column.name == "billions" ? l("metric.billions") : dictionary.entry(column.name)?.label ?? column.name).count)
        }
        for (c, column) in columns.enumerated() {
            let label = column.name == "billions" ? l("metric.billions") : dictionary.entry(column.name)?.label ?? column.name
            try sheet.write(cellText(label), row: 0, column: c, format: header)
        }
        for (r, record) in table.records.enumerated() {
            let fields = record.fields
            let metric = summary ? (fields.first ?? "") : ""
            for (c, column) in columns.enumerated() {
                let text = column.source < fields.count ? CSVWriter.spreadsheetText(fields[column.source]) : ""
                let isVND = column.billions ? (!summary || metric.contains("vnd")) : false
                if column.billions {
                    guard isVND, let value = Double(text) else { continue }
                    try sheet.write(value / 1e9, row: r + 1, column: c, format: .init(numberFormat: "#,##0.000"))
                    continue
                }
                if !identifiers.contains(column.name), !text.isEmpty, let value = Double(text), value.isFinite, text.first != "+" {
                    let name = summary ? metric : column.name
                    try sheet.write(value, row: r + 1, column: c, format: .init(numberFormat: numberFormat(name, value)))
                    widths[c] = max(widths[c], Double(min(text.count + 4, 18)))
                } else if !text.isEmpty {
                    let coloured = verdictColumns.contains(column.name) || (summary && metric == "deadline_verdict")
                    let shown = coloured ? localisedVerdict(text, labels: l) : text
                    try sheet.write(cellText(shown), row: r + 1, column: c, format: .init(numberFormat: "@", background: coloured ? colours[text] : nil))
                    widths[c] = max(widths[c], Double(shown.count))
                }
            }
        }
        for (c, width) in widths.enumerated() { try sheet.setWidth(min(50, max(6, width + 2)), column: c) }
        sheet.freeze(rows: 1)
        try sheet.autofilter(rows: table.records.count, columns: columns.count)
        return columns.map(\.name)
    }

    static func localisedVerdict(_ text: String, labels l: Labels) -> String {
        for key in ["outcome.\(text)", "verdict.\(text)"] where l(key) != key { return l(key) }
        return text
    }

    static func writeAssumptions(_ assumptions: [RunManifest.Assumption], defaults: [RunManifest.DefaultEntry], into sheet: Workbook.Sheet, labels l: Labels) throws {
        for (c, key) in ["assumption.kind", "assumption.name", "assumption.value", "assumption.rule"].enumerated() {
            try sheet.write(l(key), row: 0, column: c, format: header)
        }
        var row = 1
        for a in assumptions {
            let value = a.value.text
            for (c, text) in [l("assumption.nc"), a.path, value, a.rule].enumerated() { try sheet.write(cellText(text), row: row, column: c, format: .init(numberFormat: "@")) }
            row += 1
        }
        for d in defaults {
            for (c, text) in [l("assumption.default"), d.name, d.value, d.rule ?? ""].enumerated() { try sheet.write(cellText(text), row: row, column: c, format: .init(numberFormat: "@")) }
            row += 1
        }
        for (c, width) in [34.0, 40, 80, 10].enumerated() { try sheet.setWidth(width, column: c) }
        sheet.freeze(rows: 1)
        try sheet.autofilter(rows: row - 1, columns: 4)
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
