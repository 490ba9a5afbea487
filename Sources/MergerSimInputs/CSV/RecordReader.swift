import MergerSim

/// Typed, located reading of the fields of one CSV record by column name.
///
/// Every failure is an ``InputError`` naming the file, the record's line and
/// the field's column, with the column's name and a plain sentence.
public struct RecordReader {
    public let table: CSVTable
    public let record: CSVRecord

    /// The reader of `record`, a record of `table`.
    public init(table: CSVTable, record: CSVRecord) {
        self.table = table
        self.record = record
    }

    /// The trimmed text of `column`, or nil when the column is absent or the field empty.
    public func text(_ column: String) -> String? {
        guard let i = table.columnIndex[column] else { return nil }
        let value = record.fields[i].trimmingSpaces
        return value.isEmpty ? nil : value
    }

    /// The text of a required column.
    public func required(_ column: String) throws(InputError) -> String {
        guard let value = text(column) else { throw error(column, reason: .emptyField(column: column)) }
        return value
    }

    /// An error located at `column` of this record (or at the record when the column is absent).
    public func error(_ column: String, _ message: String) -> InputError {
        guard let i = table.columnIndex[column] else { return .badData(table.file, line: record.line, message) }
        return .badData(table.file, line: record.lines[i], column: record.columns[i], message)
    }

    /// An error for a typed `reason`, located at `column` of this record (or at the record when the column is absent).
    public func error(_ column: String, reason: InputError.Reason) -> InputError {
        guard let i = table.columnIndex[column] else { return .badData(table.file, line: record.line, reason: reason) }
        return .badData(table.file, line: record.lines[i], column: record.columns[i], reason: reason)
    }

    /// A whole number ≥ 0 with digits only ("12000", not "12,000", "12.5" or "-3").
    public func count(_ column: String) throws(InputError) -> Int? {
        guard let text = text(column) else { return nil }
        if text.hasPrefix("-"), text.dropFirst().allSatisfy(\.isNumber) {
            throw error(column, reason: .negative(column: column, text: text))
        }
        guard text.utf8.allSatisfy({ (48...57).contains($0) }), text.utf8.count <= 12, let value = Int(text) else {
            throw error(column, reason: .notWholeNumber(column: column, text: text))
        }
        return value
    }

    /// A decimal within `range`, written with the file's decimal mark (``CSVSeparator/decimalMark``):
    /// `12.5` in a `,` file, `12,5` in a `;` file.
    ///
    /// A value outside `range`, however many digits it has, is refused with the field's limits;
    /// text that is not a decimal is refused as such. In a `,` file a comma is never a decimal mark
    /// (`12,5` is refused, with the fix). In a `;` file thousands are not guessed: a point is refused
    /// whatever its place (`1.234` may be 1234 grouped as Vietnamese Excel displays it, or 1.234 typed
    /// in another locale), so that no value is read as other than its writer meant.
    public func decimal(_ column: String, in range: ClosedRange<Double>) throws(InputError) -> FixedDecimal? {
        guard let written = text(column) else { return nil }
        let outside = InputError.Reason.outOfRange(column: column, text: written, lowest: Self.format(range.lowerBound),
                                                   highest: Self.format(range.upperBound))
        let pointed: String
        switch table.separator {
        case .comma:
            pointed = written
        case .semicolon:
            if written.contains(".") {
                throw error(column, reason: .pointInSemicolonFile(column: column, text: written))
            }
            pointed = written.replacingOccurrences(of: ",", with: ".")
        }
        switch FixedDecimal.parse(pointed) {
        case .success(let value):
            guard range.contains(value.doubleValue) else {
                throw error(column, reason: outside)
            }
            return value
        case .failure(.tooLarge):
            throw error(column, reason: outside)
        case .failure(.tooManyDecimals):
            throw error(column, reason: .tooManyDecimals(column: column, text: written, maxDecimals: FixedDecimal.maxDecimals))
        case .failure(.malformed):
            if table.separator == .semicolon {
                throw error(column, reason: .notNumber(column: column, text: written, maxDecimals: FixedDecimal.maxDecimals, separator: .semicolon))
            }
            if written.contains(","), FixedDecimal(parsing: written.replacingOccurrences(of: ",", with: ".")) != nil {
                throw error(column, reason: .decimalComma(column: column, text: written, pointed: written.replacingOccurrences(of: ",", with: ".")))
            }
            throw error(column, reason: .notNumber(column: column, text: written, maxDecimals: FixedDecimal.maxDecimals, separator: .comma))
        }
    }

    /// `true`/`false`, `1`/`0`, `yes`/`no` (any case); empty is false.
    public func flag(_ column: String) throws(InputError) -> Bool {
        guard let text = text(column) else { return false }
        switch text.lowercased() {
        case "true", "1", "yes", "có": return true
        case "false", "0", "no", "không": return false
        default: throw error(column, reason: .notFlag(column: column, text: text))
        }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension CSVTable {
    /// Throws unless every column of `names` is in the header.
    public func require(columns names: [String]) throws(InputError) {
        let missing = names.filter { columnIndex[$0] == nil }
        guard missing.isEmpty else {
            throw .badData(file, line: headerLine, reason: .missingColumns(missing, header: header))
        }
    }
}
