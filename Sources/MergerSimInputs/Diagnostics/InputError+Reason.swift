extension InputError {
    /// What is wrong, as a typed value: the common problems a planner meets in their own files (units, plan,
    /// scenario, `--set`, the output folder), with the values that make the sentence.
    ///
    /// A reason has a key and named values; ``english`` fills the English sentence from them, and a report
    /// module renders it in another language from its label tables (`error.<key>`, the same placeholders).
    /// The English sentence of each reason is the message mergersim has always printed for that case.
    public enum Reason: Equatable, Sendable {
        // Files
        /// The path names nothing.
        case noSuchFile
        /// The path names a folder where a file is expected.
        case folderNotFile
        /// The file exists but cannot be read.
        case unreadableFile

        // CSV
        /// A control character other than tab, CR and LF (`byte` in hex).
        case controlCharacter(byte: String)
        /// Bytes that are not UTF-8 (`byte` in hex, the first).
        case notUTF8(byte: String)
        /// A quoted field never closed.
        case unclosedQuote
        /// Text after a field's closing quote.
        case textAfterQuote
        /// A quote inside an unquoted field.
        case quoteInUnquotedField
        /// A header column without a name (1-based).
        case unnamedColumn(Int)
        /// A header name used twice.
        case repeatedColumn(String)
        /// A CSV file without even a header row.
        case emptyFile
        /// A record whose field count differs from the header's, in a file with `separator`;
        /// `looksSemicolonSeparated` when a short row of a `,` file holds a `;`.
        case raggedRow(fields: Int, headerFields: Int, separator: CSVSeparator, looksSemicolonSeparated: Bool)
        /// A header whose columns are separated by both `;` and `,`.
        case mixedSeparators
        /// Required columns absent from the header.
        case missingColumns([String], header: [String])
        /// An empty field that every row needs.
        case emptyField(column: String)
        /// A whole number written with a minus sign.
        case negative(column: String, text: String)
        /// Text that is not a whole number of digits.
        case notWholeNumber(column: String, text: String)
        /// A point in a number of a `;` file, where the comma is the decimal mark.
        case pointInSemicolonFile(column: String, text: String)
        /// A number outside the column's limits (written as the file has them).
        case outOfRange(column: String, text: String, lowest: String, highest: String)
        /// A number with more decimals than mergersim keeps.
        case tooManyDecimals(column: String, text: String, maxDecimals: Int)
        /// Text that is not a number, in a file with `separator`.
        case notNumber(column: String, text: String, maxDecimals: Int, separator: CSVSeparator)
        /// A number with a decimal comma in a `,` file; `pointed` is how to write it.
        case decimalComma(column: String, text: String, pointed: String)
        /// Text that is not true or false.
        case notFlag(column: String, text: String)

        // Units file
        /// A units file with a header and no rows.
        case noUnits
        /// A unit code used on an earlier line.
        case duplicateCode(String, earlierLine: Int)
        /// A kind that is not one of those accepted: `names` (the file's values) or their `vietnameseNames`, in the same order.
        case unknownKind(column: String, text: String, names: [String], vietnameseNames: [String])
        /// A unit without its area.
        case missingArea
        /// A unit without its population.
        case missingPopulation
        /// A headcount column left empty.
        case missingHeadcount(column: String)
        /// A unit with more staff than residents.
        case staffAboveResidents(staff: Int, population: Int)
        /// A type that is not I, II or III.
        case unknownType(column: String, text: String)
        /// One coordinate given without the other.
        case halfCoordinate(given: String, missing: String)

        // Plan file
        /// A plan with a header and no rows.
        case noPlanRows
        /// A plan row without its member.
        case noMembers(newCode: String)
        /// A plan's `new_kind` that is not a unit kind.
        case unknownNewKind(text: String)
        /// A member listed twice in one new unit.
        case memberTwice(member: String, newCode: String, earlierLine: Int)
        /// Rows of one new unit with different names.
        case otherName(newCode: String, name: String, firstLine: Int)
        /// Rows of one new unit with different kinds.
        case otherKind(newCode: String, firstLine: Int)
        /// Rows of one new unit with different types.
        case otherType(newCode: String, firstLine: Int)

        // Scenario
        /// A key a scenario does not have.
        case unknownScenarioKey(String, known: [String])
        /// A key a mapping of a scenario (`transfers`, `transition`…) does not have.
        case unknownKey(String, in: String, known: [String])
        /// A date setting (`key` as the message names it) that is not a date within the years mergersim takes.
        case notDate(key: String, text: String, firstYear: Int, lastYear: Int)
        /// A `lang:` that is not a language of the reports.
        case unknownLanguage(String)
        /// Transition years outside 1…`maxYears`.
        case transitionYears(maxYears: Int)
        /// Transition runs outside 1…`maxRuns`.
        case transitionRuns(maxRuns: Int)

        // Overrides
        /// A `--set` that is not KEY=VALUE.
        case overrideForm
        /// A `--set` whose key is not a dotted key path.
        case overrideKeyPath(String)

        // Output folder
        /// A path on the way to the output folder is a file.
        case outputBlockedByFile(String)
        /// The folder that would hold the output is not writable.
        case outputParentNotWritable(String)

        // Told by a reader's own reasons (each in its file under Diagnostics/Reasons)
        /// YAML syntax and value types, in scenarios, rule files, sweep files and `--set`.
        case yaml(YAMLReason)
        /// A rule set's values and the rule-set folder.
        case ruleSet(RuleSetReason)
        /// A scenario's values and the files it names (units, plan, roster), beyond the common cases above.
        case scenario(ScenarioReason)
        /// A sweep file or a sensitivity's parameters.
        case sweep(SweepReason)
        /// An output folder or file that cannot be replaced or written.
        case output(OutputReason)
        /// A run store that cannot be opened, read or written.
        case store(StoreReason)
        /// A command line's own values (`package`'s person and dates, a screening round, what a command cannot do).
        case command(CommandReason)

        /// The label key of this reason (after `error.`), one per sentence form.
        public var key: String { parts.key }

        /// The values of the sentence's placeholders.
        public var values: [String: String] { parts.values }

        /// The English sentence.
        public var english: String { parts.english.filled(with: parts.values) }

        /// The key, the English template and the values of this reason.
        private var parts: (key: String, english: String, values: [String: String]) {
            switch self {
            case .noSuchFile: ("no_such_file", "no such file", [:])
            case .folderNotFile: ("folder_not_file", "this is a folder, not a file", [:])
            case .unreadableFile: ("unreadable_file", "the file cannot be read (permissions?)", [:])
            case let .controlCharacter(byte):
                ("control_character", "the file holds a control character here (byte 0x{byte}); only tab, CR and LF may appear in a CSV file",
                 ["byte": byte])
            case let .notUTF8(byte):
                ("not_utf8", "the file is not valid UTF-8 here (byte 0x{byte}); save it from Excel as \"CSV UTF-8\"", ["byte": byte])
            case .unclosedQuote: ("unclosed_quote", "this quoted field is never closed (a \" is missing)", [:])
            case .textAfterQuote: ("text_after_quote", "text after the closing quote of a field; a quote inside a quoted field is written \"\"", [:])
            case .quoteInUnquotedField:
                ("quote_in_unquoted_field", "a quote inside an unquoted field; quote the whole field and double the quote (\"\")", [:])
            case let .unnamedColumn(number): ("unnamed_column", "column {number} of the header has no name", ["number": "\(number)"])
            case let .repeatedColumn(name): ("repeated_column", "the column \"{name}\" appears twice in the header", ["name": name])
            case .emptyFile: ("empty_file", "the file is empty; expected a header row naming the columns", [:])
            case let .raggedRow(fields, headerFields, separator, looksSemicolon):
                switch (separator, looksSemicolon) {
                case (.comma, true):
                    ("ragged_row_semicolon_looking", "this row has {fields} fields but the header has {header}; the header is separated by \",\" "
                     + "but this row seems separated by \";\": use one separator throughout, or {save_as}",
                     ["fields": "\(fields)", "header": "\(headerFields)", "save_as": CSVSeparator.saveAsAdvice])
                case (.comma, false):
                    ("ragged_row", "this row has {fields} fields but the header has {header}; a field containing a comma must be quoted",
                     ["fields": "\(fields)", "header": "\(headerFields)"])
                case (.semicolon, _):
                    ("ragged_row_semicolon", "this row has {fields} fields but the header has {header} (the file is separated by \";\", "
                     + "as its header is); a field containing a semicolon must be quoted",
                     ["fields": "\(fields)", "header": "\(headerFields)"])
                }
            case .mixedSeparators:
                ("mixed_separators", "the header is separated by both \";\" and \",\", so its columns cannot be told apart; "
                 + "separate them with one character throughout, or {save_as}", ["save_as": CSVSeparator.saveAsAdvice])
            case let .missingColumns(missing, header):
                (missing.count > 1 ? "missing_columns" : "missing_column",
                 missing.count > 1 ? "missing required columns {missing}; the header has {header}"
                    : "missing required column {missing}; the header has {header}",
                 ["missing": missing.joined(separator: ", "), "header": header.joined(separator: ", ")])
            case let .emptyField(column): ("empty_field", "{column} is empty; every row needs one", ["column": column])
            case let .negative(column, text):
                ("negative", "{column} is {text}, but it cannot be negative", ["column": column, "text": text])
            case let .notWholeNumber(column, text):
                text.contains(",") || text.contains(".")
                    ? ("not_whole_number_grouped", "{column} \"{text}\" is not a whole number (write it without separators or decimals)",
                       ["column": column, "text": text])
                    : ("not_whole_number", "{column} \"{text}\" is not a whole number", ["column": column, "text": text])
            case let .pointInSemicolonFile(column, text):
                ("point_in_semicolon_file", "{column} \"{text}\" holds a point, but in this \";\"-separated file the decimal mark is the comma "
                 + "(12,5) and a point may group thousands: write the number without grouping and its decimals after a comma, or {save_as}",
                 ["column": column, "text": text, "save_as": CSVSeparator.saveAsAdvice])
            case let .outOfRange(column, text, lowest, highest):
                ("out_of_range", "{column} is {text}, outside {lowest} to {highest}",
                 ["column": column, "text": text, "lowest": lowest, "highest": highest])
            case let .tooManyDecimals(column, text, maxDecimals):
                ("too_many_decimals", "{column} \"{text}\" has more than {decimals} decimals",
                 ["column": column, "text": text, "decimals": "\(maxDecimals)"])
            case let .notNumber(column, text, maxDecimals, separator):
                separator == .semicolon
                    ? ("not_number_semicolon", "{column} \"{text}\" is not a number (digits with at most {decimals} decimals "
                       + "after a comma, as this \";\"-separated file writes them)",
                       ["column": column, "text": text, "decimals": "\(maxDecimals)"])
                    : ("not_number", "{column} \"{text}\" is not a number (digits with at most {decimals} decimals after a point)",
                       ["column": column, "text": text, "decimals": "\(maxDecimals)"])
            case let .decimalComma(column, text, pointed):
                ("decimal_comma", "{column} \"{text}\" uses a comma; the decimal mark is a point: write {pointed}",
                 ["column": column, "text": text, "pointed": pointed])
            case let .notFlag(column, text):
                ("not_flag", "{column} \"{text}\" is not true or false (also 1/0, yes/no)", ["column": column, "text": text])
            case .noUnits: ("no_units", "the file has a header but no units", [:])
            case let .duplicateCode(code, earlierLine):
                ("duplicate_code", "code {code} is already used on line {line}; codes must be unique", ["code": code, "line": "\(earlierLine)"])
            case let .unknownKind(column, text, names, vietnameseNames):
                ("unknown_kind", "{column} \"{text}\" is not one of {choices}",
                 ["column": column, "text": text, "choices": zip(names, vietnameseNames).map { "\($0) (\($1))" }.joined(separator: ", ")])
            case .missingArea: ("missing_area", "area_km2 is empty; every unit needs its area in km²", [:])
            case .missingPopulation: ("missing_population", "population is empty; every unit needs its population", [:])
            case let .missingHeadcount(column):
                ("missing_headcount", "{column} is empty; give the headcount (0 if none)", ["column": column])
            case let .staffAboveResidents(staff, population):
                ("staff_above_residents", "the unit has {staff} staff but a population of {population}; staff cannot outnumber residents",
                 ["staff": "\(staff)", "population": "\(population)"])
            case let .unknownType(column, text):
                ("unknown_type", "{column} \"{text}\" is not I, II or III", ["column": column, "text": text])
            case let .halfCoordinate(given, missing):
                ("half_coordinate", "{given} is given but {missing} is empty; give both or neither", ["given": given, "missing": missing])
            case .noPlanRows: ("no_plan_rows", "the plan has a header but no rows", [:])
            case let .noMembers(newCode):
                ("no_members", "new unit {code} has no members: member_code is empty", ["code": newCode])
            case let .unknownNewKind(text): ("unknown_new_kind", "new_kind \"{text}\" is not a unit kind", ["text": text])
            case let .memberTwice(member, newCode, earlierLine):
                ("member_twice", "member {member} is already in new unit {code} on line {line}",
                 ["member": member, "code": newCode, "line": "\(earlierLine)"])
            case let .otherName(newCode, name, firstLine):
                ("other_name", "new unit {code} is called \"{name}\" on line {line}", ["code": newCode, "name": name, "line": "\(firstLine)"])
            case let .otherKind(newCode, firstLine):
                ("other_kind", "new unit {code} has another kind on line {line}", ["code": newCode, "line": "\(firstLine)"])
            case let .otherType(newCode, firstLine):
                ("other_type", "new unit {code} has another type on line {line}", ["code": newCode, "line": "\(firstLine)"])
            case let .unknownScenarioKey(key, known):
                ("unknown_scenario_key", "unknown key \"{key}\"; a scenario has {known}", ["key": key, "known": known.joined(separator: ", ")])
            case let .unknownKey(key, mapping, known):
                ("unknown_key", "unknown key \"{key}\" in {mapping}; it has {known}",
                 ["key": key, "mapping": mapping, "known": known.joined(separator: ", ")])
            case let .notDate(key, text, firstYear, lastYear):
                ("not_date", "{key} \"{text}\" is not a date YYYY-MM-DD between {first} and {last}",
                 ["key": key, "text": text, "first": "\(firstYear)", "last": "\(lastYear)"])
            case let .unknownLanguage(text): ("unknown_language", "lang \"{text}\" is not en or vi", ["text": text])
            case let .transitionYears(maxYears):
                ("transition_years", "transition years must be from 1 to {max}", ["max": "\(maxYears)"])
            case let .transitionRuns(maxRuns):
                ("transition_runs", "transition runs must be from 1 to {max}", ["max": ReportFormat.grouped(maxRuns)])
            case .overrideForm: ("override_form", "an override is KEY=VALUE, e.g. transfers.scope=none", [:])
            case let .overrideKeyPath(key):
                ("override_key_path", "the key \"{key}\" is not a dotted key path such as transition.runs", ["key": key])
            case let .outputBlockedByFile(path):
                ("output_blocked_by_file", "{path} is a file, so the folder cannot be made there", ["path": path])
            case let .outputParentNotWritable(path):
                ("output_parent_not_writable", "{path} is not writable; give --out a folder you may write to", ["path": path])
            case let .yaml(reason): reason.parts
            case let .ruleSet(reason): reason.parts
            case let .scenario(reason): reason.parts
            case let .sweep(reason): reason.parts
            case let .output(reason): reason.parts
            case let .store(reason): reason.parts
            case let .command(reason): reason.parts
            }
        }
    }
}
