import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 23 item 4: a Vietnamese workbook read back as Excel would: each column one number format, unique
/// headers, tỷ đồng beside đồng, probabilities as percentages, dates as dates, no JSON, categorical values in
/// Vietnamese.
struct WorkbookFormatTests {
    /// A workbook's sheets with each cell's text (shared strings resolved), whether it is a number, and its format code.
    struct Book {
        struct Cell { var value: String; var number: Bool; var format: String }
        var names: [String]
        /// Per sheet: rows (1-based) of cells by column letters.
        var sheets: [[Int: [String: Cell]]]

        init(_ path: String) throws {
            let parts = try XLSXParts(path)
            let text = parts.text, matches = XLSXParts.matches, unescape = XLSXParts.unescape
            let shared = try parts.sharedStrings()
            let styles = try text("xl/styles.xml")
            // Excel's built-in formats libxlsxwriter refers to by number.
            var codes: [String: String] = ["0": "General", "1": "0", "2": "0.00", "3": "#,##0", "4": "#,##0.00", "9": "0%", "10": "0.00%",
                                           "14": "m/d/yy", "49": "@"]
            for m in try matches("<numFmt numFmtId=\"([0-9]+)\" formatCode=\"([^\"]*)\"", styles) { codes[m[1]] = unescape(m[2]) }
            let xfsXML = try matches("<cellXfs[^>]*>(.*?)</cellXfs>", styles).first?[1] ?? ""
            let xfs = try matches("<xf numFmtId=\"([0-9]+)\"", xfsXML).map { codes[$0[1]] ?? "?" }
            names = try parts.sheetNames()
            sheets = []
            for i in 1...names.count {
                let xml = try text("xl/worksheets/sheet\(i).xml")
                var rows: [Int: [String: Cell]] = [:]
                for m in try matches("<c r=\"([A-Z]+)([0-9]+)\"([^>]*?)(?:/>|>(?:<v>([^<]*)</v>)?</c>)", xml) {
                    let attributes = m[3]
                    let style = try matches("s=\"([0-9]+)\"", attributes).first.flatMap { Int($0[1]) } ?? 0
                    let isString = attributes.contains("t=\"s\"")
                    let value = isString ? shared[Int(m[4]) ?? 0] : m[4]
                    rows[Int(m[2])!, default: [:]][m[1]] = Cell(value: value, number: !isString, format: style < xfs.count ? xfs[style] : "?")
                }
                sheets.append(rows)
            }
        }

        /// The sheet named `name`'s columns: header text by column letter.
        func headers(_ sheet: Int) -> [String: String] { (sheets[sheet][1] ?? [:]).mapValues(\.value) }

        /// The column letter of the CSV column `column` in sheet `sheet`, from the column dictionary (sheet, CSV name, label).
        func letter(of column: String, in sheet: Int) -> String? {
            guard let dictionary = names.firstIndex(of: names.last ?? "") else { return nil }
            let entry = sheets[dictionary].values.first { $0["A"]?.value == names[sheet] && $0["B"]?.value == column }
            guard let label = entry?["C"]?.value else { return nil }
            return headers(sheet).first { $0.value == label }?.key
        }

        /// The CSV columns of sheet `sheet`, in order, from the column dictionary.
        func csvColumns(_ sheet: Int) -> [String] {
            let dictionary = sheets[sheets.count - 1]
            return dictionary.keys.sorted().compactMap { row in
                guard row > 1, dictionary[row]?["A"]?.value == names[sheet] else { return nil }
                return dictionary[row]?["B"]?.value
            }
        }
    }

    /// The Vietnamese workbook of the Phan Rang scenario (a run with transfers, a transition and money).
    static func vietnameseBook() throws -> Book {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let run = mergersim(["simulate", scenario, "--runs", "20", "--quiet", "--out", scratch.path("out"), "--xlsx", "--lang", "vi"])
        #expect(run.code == 0, "\(run.error)")
        return try Book(scratch.path("out/report.xlsx"))
    }

    /// The data sheets (not the assumptions or the dictionary).
    static let dataSheets = 0..<6

    @Test func everyColumnHasOneNumberFormatAndEverySheetUniqueHeaders() throws {
        let book = try Self.vietnameseBook()
        for s in Self.dataSheets {
            var formats: [String: Set<String>] = [:]
            for (row, cells) in book.sheets[s] where row > 1 {
                for (letter, cell) in cells where !cell.value.isEmpty { formats[letter, default: []].insert(cell.format) }
            }
            // Text is text: a categorical value or a name never carries a number format (columns in step with their kinds).
            for (row, cells) in book.sheets[s] where row > 1 {
                for (letter, cell) in cells where !cell.number { #expect(cell.format == "@", "\(book.names[s]) \(letter)\(row): \(cell.value) as \(cell.format)") }
            }
            for (letter, used) in formats { #expect(used.count == 1, "\(book.names[s]) column \(letter) (\(book.headers(s)[letter] ?? "")): \(used)") }
            let headers = book.headers(s).values
            #expect(Set(headers).count == headers.count, "\(book.names[s]): \(headers.sorted())")
        }
    }

    @Test func moneyHasATyDongColumnBesideEveryDongColumn() throws {
        let book = try Self.vietnameseBook()
        var dongColumns = 0
        for s in Self.dataSheets {
            let columns = book.csvColumns(s)
            for (i, column) in columns.enumerated() where column.hasSuffix("_vnd") {
                dongColumns += 1
                #expect(i + 1 < columns.count && columns[i + 1] == column.dropLast(4) + "_ty_dong", "\(book.names[s]): \(column)")
            }
        }
        // The summary's money (the exit cost) and the timeline's cost rows have their tỷ đồng too.
        #expect(book.csvColumns(0).contains("value_vnd") && book.csvColumns(0).contains("value_ty_dong"))
        #expect(book.csvColumns(5).contains("mean_ty_dong"))
        #expect(dongColumns >= 2)
        // The summary's exit cost: tỷ đồng = đồng / 10⁹.
        let vnd = try #require(book.letter(of: "value_vnd", in: 0)), billions = try #require(book.letter(of: "value_ty_dong", in: 0))
        let row = try #require(book.sheets[0].first { $0.value[vnd]?.number == true && !($0.value[vnd]?.value.isEmpty ?? true) }?.value)
        let dong = try #require(Double(row[vnd]?.value ?? "")), ty = try #require(Double(row[billions]?.value ?? ""))
        #expect(abs(ty - dong / 1e9) < 1e-9 * max(1, dong))
    }

    @Test func probabilitiesArePercentagesAndDatesAreDates() throws {
        let book = try Self.vietnameseBook()
        let p = try #require(book.letter(of: "p_within_quota_by_deadline", in: 3))
        let probabilities = book.sheets[3].filter { $0.key > 1 }.compactMap { $0.value[p] }
        #expect(!probabilities.isEmpty && probabilities.allSatisfy { $0.number && $0.format.hasSuffix("%") })
        let share = try #require(book.letter(of: "value_share", in: 0))
        #expect(book.sheets[0].values.contains { $0[share]?.format.hasSuffix("%") == true && $0[share]?.number == true })
        let date = try #require(book.letter(of: "year_end", in: 5))
        let dates = book.sheets[5].filter { $0.key > 1 }.compactMap { $0.value[date] }
        #expect(!dates.isEmpty && dates.allSatisfy { $0.number && $0.format == "dd/mm/yyyy" })
        // The effective date of Phan Rang, 1 Nov 2024, is Excel's day 45597.
        #expect(book.sheets[5][2]?[date]?.value == "45597")
    }

    @Test func theAssumptionsHoldNoJSONAndTheSummaryNoKeys() throws {
        let book = try Self.vietnameseBook()
        let assumptions = try #require(book.names.firstIndex(of: "Giả định"))
        let cells = book.sheets[assumptions].values.flatMap(\.values)
        #expect(cells.count > 20)
        #expect(!cells.contains { $0.value.contains("{") || $0.value.contains("[") }, "\(cells.filter { $0.value.contains("{") }.prefix(3).map(\.value))")
        let summary = book.sheets[0].values.flatMap(\.values).map(\.value)
        #expect(!summary.contains("units_before") && summary.contains("Số đơn vị trước sắp xếp"))
    }

    /// English machine values a Vietnamese reader must not see (issue 23's list, those of categorical columns).
    static let english: Set<String> = ["ward", "commune", "town", "merge", "keep", "borderline", "exempt", "meets", "waived", "below",
                                       "needs_exception", "yes", "no", "cadres", "civil_servants", "non_professional", "met", "not met", "at risk"]

    @Test func categoricalValuesAreInVietnamese() throws {
        let book = try Self.vietnameseBook()
        let vi = try Labels(.vi)
        var shown: [String] = [], pending: [String] = []
        for s in Self.dataSheets {
            for (row, cells) in book.sheets[s] where row > 1 {
                for cell in cells.values where Self.english.contains(cell.value) {
                    // A word no Vietnamese table labels yet (values.vi.json is not installed) is pending, not a renderer's fault.
                    let labelled = vi.value(cell.value, column: "") != cell.value
                        || ["kind.", "outcome.", "verdict.", "category."].contains { vi($0 + cell.value) != $0 + cell.value }
                    if labelled { shown.append("\(book.names[s]): \(cell.value)") } else { pending.append(cell.value) }
                }
            }
        }
        #expect(shown.isEmpty, "\(Set(shown).sorted())")
        if !pending.isEmpty {
            withKnownIssue("yes/no and screening verdicts get their Vietnamese from values.vi.json (the notes work)") {
                #expect(pending.isEmpty, "\(Set(pending).sorted())")
            }
        }
    }
}

/// The native reader's findings on the workbook: money without cents, none as 0%, members' shares as percentages.
extension WorkbookFormatTests {
    /// The timeline's figures are whole đồng on a money row (no ",00" on billions) and two decimals on a mean of
    /// people, with one format for the column; a share of none reads 0%, not 0,0%; the members' shares read
    /// 100% each, not 1;1;1.
    @Test func moneyIsWholeNoneIsZeroPercentAndSharesArePercentages() throws {
        let book = try Self.vietnameseBook()
        let mean = try #require(book.letter(of: "mean", in: 5))
        let formats = Set(book.sheets[5].filter { $0.key > 1 }.compactMap { $0.value[mean]?.format })
        #expect(formats == ["[>=1000000]#,##0;#,##0.00"], "\(formats)")
        let p = try #require(book.letter(of: "p_within_quota_by_deadline", in: 3))
        #expect(book.sheets[3].filter { $0.key > 1 }.allSatisfy { $0.value[p]?.format == "[=0]0%;0.0%" })
        let shares = try #require(book.letter(of: "member_shares", in: 3))
        let kinhDinh = try #require(book.sheets[3].values.first { $0.values.contains { $0.value == "22753;22756;22759" } })
        #expect(kinhDinh[shares]?.value == "100%; 100%; 100%" && kinhDinh[shares]?.number == false)
    }
}
