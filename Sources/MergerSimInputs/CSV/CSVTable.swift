/// A CSV file read whole: the header and the records, each field with its
/// line and column, per RFC 4180 and as Excel writes it.
///
/// Accepted: UTF-8 with or without a byte-order mark; CRLF, LF or CR line
/// ends; fields quoted with `"` (a quote inside doubled, line breaks inside
/// kept). Records whose fields are all empty (Excel's `,,,,` or `;;;;` rows and blank
/// lines) are skipped, before the header too; lines are counted in the file
/// as it is, blank lines included. Rejected, with the place: invalid UTF-8, control
/// characters other than tab, CR and LF (a NUL, say), a quote
/// inside an unquoted field, text after a closing quote, an unclosed quote,
/// a record with more or fewer fields than the header, a repeated header name.
///
/// Separated by `,`, or by `;` as Excel writes "CSV" in a locale whose decimal mark is the comma
/// (``CSVSeparator``): the header tells which, when the reader names the columns it expects
/// (``init(bytes:file:expecting:)``). A header separated by both is refused.
public struct CSVTable: Sendable {
    /// The file's name, as given, for messages.
    public let file: String
    /// Header names, trimmed of surrounding spaces.
    public let header: [String]
    /// The line of the header (after any blank lines).
    public let headerLine: Int
    public let records: [CSVRecord]

    /// The index of each header name.
    public let columnIndex: [String: Int]

    /// The character between fields, told by the header; `;` makes `,` the decimal mark.
    public let separator: CSVSeparator

    /// Parses `bytes` (the whole file).
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - file: its name, for messages.
    ///   - knownColumns: column names the file's kind has (a reader's required columns). A header whose
    ///     known names are all separated by `;` makes a `;` file; one that needs both `;` and `,` to
    ///     separate them is refused (``headerAndSeparator(of:file:expecting:)``). Without names, the
    ///     file is read as `,`-separated.
    /// - Throws: ``InputError`` (bad data, 65) naming the file, line and column.
    public init(bytes: [UInt8], file: String, expecting knownColumns: [String] = []) throws(InputError) {
        self.file = file
        try CSVParser(bytes: bytes, file: file).checkEncoding()
        let detected = try Self.headerAndSeparator(of: bytes, file: file, expecting: Set(knownColumns))
        var parser = detected.parser
        let separator = detected.separator
        self.separator = separator
        guard let headerRecord = detected.header else {
            throw .badData(file, line: 1, column: 1, reason: .emptyFile)
        }
        header = headerRecord.fields.map { $0.trimmingSpaces }
        headerLine = headerRecord.line
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            if name.isEmpty {
                throw .badData(file, line: headerRecord.line, column: headerRecord.columns[i], reason: .unnamedColumn(i + 1))
            }
            if index[name] != nil {
                throw .badData(file, line: headerRecord.line, column: headerRecord.columns[i], reason: .repeatedColumn(name))
            }
            index[name] = i
        }
        columnIndex = index
        var records: [CSVRecord] = []
        while let record = try parser.nextRecord() {
            if record.fields.allSatisfy(\.isEmpty) { continue }
            guard record.fields.count == header.count else {
                let column = record.fields.count > header.count ? record.columns[header.count] : nil
                throw .badData(file, line: record.line, column: column,
                               reason: Self.raggedRowReason(record, headerCount: header.count, separator: separator))
            }
            records.append(record)
        }
        self.records = records
    }
}

/// One record of a CSV file.
public struct CSVRecord: Sendable {
    /// The line the record starts on.
    public let line: Int
    public let fields: [String]
    /// The column each field starts at (of its quote, when quoted).
    public let columns: [Int]
    /// The line each field starts on (differs from `line` after a quoted line break).
    public let lines: [Int]
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        return String(self[first...last])
    }
}
