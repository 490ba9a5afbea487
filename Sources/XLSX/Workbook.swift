import CXLSXWriter
import Foundation

/// A failure reported by libxlsxwriter, as a Swift error: its status and its own sentence for it, and
/// the system's reason (`strerror`) when a file operation failed.
public struct XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
    public let status: UInt32
    public let operation: String
    /// The system's reason for a failed file operation ("No space left on device"), when there was one.
    public let reason: String?

    public init(status: UInt32, operation: String, reason: String? = nil) {
        self.status = status
        self.operation = operation
        self.reason = reason
    }

    /// libxlsxwriter's sentence for the status.
    public var statusText: String { String(cString: lxw_strerror(lxw_error(rawValue: status))) }

    public var description: String {
        "libxlsxwriter failed in \(operation): \(statusText) (status \(status))" + (reason.map { ": \($0)" } ?? "")
    }
}

/// An Excel workbook written through libxlsxwriter: the only code of mergersim that touches its C API.
///
/// Sheets and formats are made from the workbook; every write checks libxlsxwriter's status and turns a
/// failure into ``XLSXError``. The file is written when ``close()`` is called (once); a workbook not
/// closed is closed (and its file written) when released, its status then ignored.
public final class Workbook {
    private var pointer: OpaquePointer?
    public let path: String
    private var formats: [FormatKey: UnsafeMutablePointer<lxw_format>] = [:]

    /// A new workbook that will be written to `path` (replacing any file there when closed).
    ///
    /// - Parameter tmpdir: the folder of libxlsxwriter's own temporary files (made and removed while the
    ///   workbook is written); nil for the C library's `tmpfile()`, which uses the system's temporary folder.
    public init(path: String, tmpdir: String? = nil) throws(XLSXError) {
        self.path = path
        var options = lxw_workbook_options()
        options.constant_memory = 0  // cells kept in memory: the sheets are small
        options.use_zip64 = 0
        // libxlsxwriter copies the folder's name; ours is freed as soon as the workbook is made.
        let made: UnsafeMutablePointer<lxw_workbook>? = if let tmpdir {
            tmpdir.withCString { folder in
                options.tmpdir = UnsafeMutablePointer(mutating: folder)
                return workbook_new_opt(path, &options)
            }
        } else {
            workbook_new_opt(path, &options)
        }
        guard let made else { throw XLSXError(status: LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue, operation: "creating \(path)") }
        pointer = OpaquePointer(made)
    }

    deinit {
        if let pointer { _ = workbook_close(UnsafeMutablePointer(pointer)) }
    }

    private var workbook: UnsafeMutablePointer<lxw_workbook> {
        guard let pointer else { preconditionFailure("the workbook is closed") }
        return UnsafeMutablePointer(pointer)
    }

    /// A new sheet named `name` (at most 31 characters, none of `[]:*?/\`; libxlsxwriter refuses others).
    public func addSheet(_ name: String) throws(XLSXError) -> Sheet {
        let valid = workbook_validate_sheet_name(workbook, name)
        guard valid == LXW_NO_ERROR else { throw XLSXError(status: valid.rawValue, operation: "naming a sheet \"\(name)\"") }
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw XLSXError(status: LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED.rawValue, operation: "adding the sheet \"\(name)\"")
        }
        return Sheet(sheet, workbook: self)
    }

    /// How a cell looks: bold, a number format (`#,##0`, `0.00`, `@` for text), a background colour (0xRRGGBB), wrapping.
    public struct Format: Hashable, Sendable {
        public var bold = false
        public var numberFormat: String?
        public var background: UInt32?
        public var wrap = false

        public init(bold: Bool = false, numberFormat: String? = nil, background: UInt32? = nil, wrap: Bool = false) {
            self.bold = bold
            self.numberFormat = numberFormat
            self.background = background
            self.wrap = wrap
        }
    }

    private typealias FormatKey = Format

    /// A calendar day, as a sheet's date cell holds it.
    public struct Day: Hashable, Sendable, CustomStringConvertible {
        public var year: Int, month: Int, day: Int
        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
        public var description: String { "\(year)-\(month)-\(day)" }
    }

    /// The workbook's format for `format`, made once.
    fileprivate func lxwFormat(_ format: Format?) -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        if let made = formats[format] { return made }
        guard let made = workbook_add_format(workbook) else { return nil }
        if format.bold { format_set_bold(made) }
        if let numberFormat = format.numberFormat { format_set_num_format(made, numberFormat) }
        if let background = format.background { format_set_bg_color(made, lxw_color_t(background)) }
        if format.wrap { format_set_text_wrap(made) }
        formats[format] = made
        return made
    }

    /// Writes the file and releases the workbook.
    ///
    /// - Throws: ``XLSXError`` with the system's reason when the file or a temporary file cannot be written.
    public func close() throws(XLSXError) {
        errno = 0
        let status = workbook_close(workbook)
        let error = errno
        pointer = nil
        guard status == LXW_NO_ERROR else {
            throw XLSXError(status: status.rawValue, operation: "writing \(path)", reason: error == 0 ? nil : String(cString: strerror(error)))
        }
    }

    /// One worksheet of a ``Workbook``.
    public struct Sheet {
        private let sheet: UnsafeMutablePointer<lxw_worksheet>
        private let workbook: Workbook

        fileprivate init(_ sheet: UnsafeMutablePointer<lxw_worksheet>, workbook: Workbook) {
            self.sheet = sheet
            self.workbook = workbook
        }

        private func check(_ status: lxw_error, _ operation: @autoclosure () -> String) throws(XLSXError) {
            guard status == LXW_NO_ERROR else { throw XLSXError(status: status.rawValue, operation: operation()) }
        }

        /// Text in row `row`, column `column` (0-based), stored as text whatever it looks like.
        public func write(_ text: String, row: Int, column: Int, format: Format? = nil) throws(XLSXError) {
            try check(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, workbook.lxwFormat(format)), "writing text at row \(row + 1), column \(column + 1)")
        }

        /// A number (finite) in row `row`, column `column`.
        public func write(_ number: Double, row: Int, column: Int, format: Format? = nil) throws(XLSXError) {
            try check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, workbook.lxwFormat(format)), "writing a number at row \(row + 1), column \(column + 1)")
        }

        /// A calendar day (an Excel date: the serial day number, shown by `format`'s date format) in row `row`,
        /// column `column`.
        ///
        /// - Throws: ``XLSXError`` when libxlsxwriter refuses it (a day outside Excel's 1900–9999).
        public func write(_ day: Day, row: Int, column: Int, format: Format? = nil) throws(XLSXError) {
            guard (1900...9999).contains(day.year), (1...12).contains(day.month), (1...31).contains(day.day) else {
                throw XLSXError(status: LXW_ERROR_PARAMETER_VALIDATION.rawValue, operation: "writing the date \(day) at row \(row + 1), column \(column + 1)")
            }
            var datetime = lxw_datetime(year: Int32(day.year), month: Int32(day.month), day: Int32(day.day), hour: 0, min: 0, sec: 0)
            try check(worksheet_write_datetime(sheet, lxw_row_t(row), lxw_col_t(column), &datetime, workbook.lxwFormat(format)),
                      "writing a date at row \(row + 1), column \(column + 1)")
        }

        /// Column `column`'s width, in characters.
        public func setWidth(_ width: Double, column: Int) throws(XLSXError) {
            try check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil), "setting column \(column + 1)'s width")
        }

        /// Keeps the first `rows` rows in view when scrolling.
        public func freeze(rows: Int) {
            worksheet_freeze_panes(sheet, lxw_row_t(rows), 0)
        }

        /// A filter on the header row over `columns` columns and `rows` rows below it.
        public func autofilter(rows: Int, columns: Int) throws(XLSXError) {
            guard columns > 0 else { return }
            try check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows), lxw_col_t(columns - 1)), "setting the filter")
        }
    }
}
