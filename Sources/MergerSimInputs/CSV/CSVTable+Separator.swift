/// Telling a `;` file from a `,` file by its header, and the messages that name the separator.
extension CSVTable {
    /// The header record (the first whose fields are not all empty, or nil in an empty file), the
    /// separator it tells, and the parser past it.
    ///
    /// The header is read with `;` and cut further at every `,`: the known names found so are those the
    /// header holds. It is a `;` header when reading it with `;` alone finds all of them (at least one):
    /// `code;name;kind` read with `,` is the one name `code;name;kind`. It is a `,` header when reading
    /// with `,` alone finds all of them, as every header did before this detection (and so does any
    /// header when no names are given, or none is found). A header that needs both to find them
    /// (`code;name,kind`) is refused at its first `;`.
    ///
    /// - Throws: ``InputError`` 65 for a header separated by both, or a `,` header that does not parse.
    static func headerAndSeparator(of bytes: [UInt8], file: String, expecting knownColumns: Set<String>)
        throws(InputError) -> (parser: CSVParser, header: CSVRecord?, separator: CSVSeparator) {
        var commaParser = CSVParser(bytes: bytes, file: file, separator: .comma)
        let commaHeader = Result { () throws(InputError) in try Self.firstRecord(&commaParser) }
        guard !knownColumns.isEmpty else { return (commaParser, try commaHeader.get(), .comma) }
        var semicolonParser = CSVParser(bytes: bytes, file: file, separator: .semicolon)
        // A header without a `;` (one field read with `;`) is a `,` header, even of one known column.
        guard case .success(let semicolonRecord?) = Result(catching: { () throws(InputError) in try Self.firstRecord(&semicolonParser) }),
              semicolonRecord.fields.count > 1 else {
            return (commaParser, try commaHeader.get(), .comma)
        }
        func known(_ names: [String]) -> Int { names.filter { knownColumns.contains($0.trimmingSpaces) }.count }
        let knownInHeader = known(semicolonRecord.fields.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
        let knownOnSemicolon = known(semicolonRecord.fields)
        if knownOnSemicolon > 0, knownOnSemicolon == knownInHeader { return (semicolonParser, semicolonRecord, .semicolon) }
        if case .success(let commaRecord?) = commaHeader, known(commaRecord.fields) != knownInHeader {
            // The first `;` ends the first field: it stands just before the second field's first column.
            throw .badData(file, line: semicolonRecord.lines[1], column: semicolonRecord.columns[1] - 1,
                           reason: .mixedSeparators)
        }
        return (commaParser, try commaHeader.get(), .comma)
    }

    /// The first record whose fields are not all empty (blank lines and Excel's `,,,` or `;;;` rows are skipped).
    private static func firstRecord(_ parser: inout CSVParser) throws(InputError) -> CSVRecord? {
        var record = try parser.nextRecord()
        while let skipped = record, skipped.fields.allSatisfy(\.isEmpty) { record = try parser.nextRecord() }
        return record
    }

    /// Why a record's field count differs from the header's, naming the separator; when a row of a `,`
    /// file is short and holds a `;`, it says the row looks `;`-separated and how to save the file.
    static func raggedRowReason(_ record: CSVRecord, headerCount: Int, separator: CSVSeparator) -> InputError.Reason {
        let looksSemicolon = separator == .comma && record.fields.count < headerCount && record.fields.contains(where: { $0.contains(";") })
        return .raggedRow(fields: record.fields.count, headerFields: headerCount, separator: separator, looksSemicolonSeparated: looksSemicolon)
    }
}
