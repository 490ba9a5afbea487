/// The byte-level scanner behind ``CSVTable``: one pass, tracking line and
/// column (in Unicode scalars) of every field.
struct CSVParser {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1
    /// The byte between fields: `,` unless the file is a `;` file.
    private let separator: UInt8

    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    init(bytes: [UInt8], file: String, separator: CSVSeparator = .comma) {
        self.bytes = bytes
        self.file = file
        self.separator = separator.byte
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// Rejects invalid UTF-8 and control characters other than tab, CR and LF, naming the line and column of the first bad byte.
    func checkEncoding() throws(InputError) {
        var line = 1, lineStart = index, i = index
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte == Self.lf { line += 1; lineStart = i + 1 }
                if Self.isForbiddenControl(byte) {
                    let column = bytes[lineStart..<i].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                    throw .badData(file, line: line, column: column, reason: .controlCharacter(byte: Self.hex(byte)))
                }
                i += 1
                continue
            }
            let length = Self.sequenceLength(bytes, at: i)
            if length == 0 {
                let column = bytes[lineStart..<i].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                throw .badData(file, line: line, column: column, reason: .notUTF8(byte: Self.hex(byte)))
            }
            i += length
        }
    }

    /// C0 controls other than tab, LF and CR, and DEL: never part of a text field (a NUL often means a binary file).
    private static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != lf && byte != cr) || byte == 0x7F
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    /// The length of the well-formed UTF-8 sequence at `i`, or 0 (RFC 3629 table).
    private static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        func continuation(_ j: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool { j < bytes.count && range.contains(bytes[j]) }
        switch bytes[i] {
        case 0xC2...0xDF: return continuation(i + 1) ? 2 : 0
        case 0xE0: return continuation(i + 1, 0xA0...0xBF) && continuation(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(i + 1) && continuation(i + 2) ? 3 : 0
        case 0xED: return continuation(i + 1, 0x80...0x9F) && continuation(i + 2) ? 3 : 0
        case 0xF0: return continuation(i + 1, 0x90...0xBF) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        case 0xF1...0xF3: return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        case 0xF4: return continuation(i + 1, 0x80...0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        default: return 0
        }
    }

    /// The next record, or nil at the end of the file.
    mutating func nextRecord() throws(InputError) -> CSVRecord? {
        guard index < bytes.count else { return nil }
        let recordLine = line
        var fields: [String] = [], columns: [Int] = [], lines: [Int] = []
        while true {
            columns.append(column)
            lines.append(line)
            fields.append(try nextField())
            guard index < bytes.count else { break }
            let byte = bytes[index]
            advance()
            if byte == separator { continue }
            // A line end: CRLF counts once.
            if byte == Self.cr, index < bytes.count, bytes[index] == Self.lf { index += 1 }
            newLine()
            break
        }
        return CSVRecord(line: recordLine, fields: fields, columns: columns, lines: lines)
    }

    private mutating func nextField() throws(InputError) -> String {
        guard index < bytes.count, bytes[index] == Self.quote else { return try unquotedField() }
        let openLine = line, openColumn = column
        advance()
        var value: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw .badData(file, line: openLine, column: openColumn, reason: .unclosedQuote)
            }
            let byte = bytes[index]
            if byte == Self.quote {
                advance()
                if index < bytes.count, bytes[index] == Self.quote {
                    value.append(Self.quote)
                    advance()
                    continue
                }
                if index < bytes.count, ![separator, Self.lf, Self.cr].contains(bytes[index]) {
                    throw .badData(file, line: line, column: column, reason: .textAfterQuote)
                }
                return String(decoding: value, as: UTF8.self)
            }
            value.append(byte)
            if byte == Self.lf || (byte == Self.cr && !(index + 1 < bytes.count && bytes[index + 1] == Self.lf)) {
                index += 1
                newLine()
            } else {
                advance()
            }
        }
    }

    private mutating func unquotedField() throws(InputError) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == separator || byte == Self.lf || byte == Self.cr { break }
            if byte == Self.quote {
                throw .badData(file, line: line, column: column, reason: .quoteInUnquotedField)
            }
            advance()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Moves past one byte, counting a column for each character's first byte.
    private mutating func advance() {
        if bytes[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
    }

    private mutating func newLine() {
        line += 1
        column = 1
    }
}
