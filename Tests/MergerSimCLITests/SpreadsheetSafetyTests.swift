import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 19, item 12: text a spreadsheet would run as a formula is neutralised in CSV reports (numbers
/// untouched) and stays text in the workbook; names a folder cannot honestly show are refused; blank
/// lines before a CSV's header are skipped like blank lines elsewhere.
struct SpreadsheetSafetyTests {
    // MARK: (a) formulas in CSV reports

    @Test func textThatASpreadsheetWouldRunIsPrefixedNumbersAreNot() {
        var writer = CSVWriter(header: ["a", "b"], spreadsheet: true)
        let cases: [(String, String)] = [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("@SUM(1+1)", "'@SUM(1+1)"), ("-2+3", "'-2+3"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("-", "'-"), ("-a", "'-a"),
            ("'=x", "''=x"), ("''+x", "'''+x"),
            // Numbers, and text that does not start a formula, as they are.
            ("-3", "-3"), ("-0.5", "-0.5"), ("12", "12"), ("0.000", "0.000"), ("a=b", "a=b"), ("'x", "'x"), ("", ""), ("Xã Đông Hải", "Xã Đông Hải"),
        ]
        for (field, _) in cases { writer.append([field, "-1"]) }
        let lines = writer.text.components(separatedBy: "\n").dropFirst()
        for (line, (field, written)) in zip(lines, cases) {
            #expect(line == written + ",-1", "\(field.debugDescription)")
        }
        // The default writer (files mergersim reads back, such as plan.csv) writes text exactly.
        var exact = CSVWriter(header: ["a"])
        exact.append(["=x"])
        #expect(exact.text == "a\n=x\n")
        // Neutralised text is read back exactly by undoing the prefix.
        for (field, _) in cases { #expect(CSVWriter.spreadsheetText(CSVWriter.neutralised(field)) == field) }
    }

    @Test func namesLikeFormulasAreNeutralisedInCSVAndStayTextInTheWorkbook() throws {
        let scratch = try Scratch()
        let header = InputBoundsTests.unitsHeader
        let units = try scratch.write("units.csv", Array((header + "\n"
            + "1,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",ward,@SUM(A1),-D,provincial_city,1.5,9000,II,10,12,12,11.5,108.9,10,0.1\n"
            + "2,+cmd|' /C calc'!A0,ward,P,D,provincial_city,1.5,9000,II,10,12,12,11.5,108.9,10,0.1\n").utf8))
        let run = mergersim(["screen", units, "--rules", "vn-2023", "--round", "2023", "--out", scratch.path("out"), "--xlsx"])
        #expect(run.code == 0, "\(run.error)")
        let text = try String(contentsOfFile: scratch.path("out/screening.csv"), encoding: .utf8)
        #expect(text.contains("1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",ward,'@SUM(A1),'-D,"), "\(text)")
        #expect(text.contains("2,'+cmd|' /C calc'!A0,ward,P,D,"), "\(text)")
        let book = try WorkbookTests.Opened(scratch.path("out/report.xlsx"))
        #expect(book.formulas == 0)
        let sheet = book.sheets[0]
        #expect(sheet["B2"]?.value == "=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)" || sheet["B2"]?.value == "=HYPERLINK(\"http://evil\",\"x\")")
        #expect(sheet["B2"]?.number == false && sheet["D2"]?.value == "@SUM(A1)" && sheet["E2"]?.value == "-D")
        #expect(sheet["B3"]?.value == "+cmd|' /C calc'!A0" && sheet["B3"]?.number == false)
    }

    // MARK: (b) names of output folders

    @Test(arguments: [" ", "   ", "a ", " a", "\u{00A0}", "a\u{00A0}", "\u{3000}a", "a\u{2028}b", "a\u{2029}", "a\u{202E}b", "\u{2066}a\u{2069}",
                      "a\u{200F}", "a\u{061C}", "a\u{200E}b"])
    func namesAFolderCannotHonestlyShowAreRefused(name: String) {
        #expect(OutputName.problem(name) != nil, "\(name.debugDescription)")
    }

    @Test(arguments: ["Phan Rang", "vn-2025", "Đà Nẵng 2025", "a b", "thử nghiệm (2)"])
    func ordinaryNamesAreKept(name: String) {
        #expect(OutputName.problem(name) == nil)
    }

    @Test(arguments: [("\"a \"", "\\\"a \\\"", "ends with a space"), ("\" \"", "\\\" \\\"", "blank"),
                      ("\"a\\u00A0\"", "a\\u{a0}", "ends with a space"), ("\"a\\u202Eb\"", "a\\u{202e}b", "bidirectional"),
                      ("\"a\\u2028b\"", "a\\u{2028}b", "line or paragraph separator")])
    func aScenarioNameIsRefusedAtItsPlace(yaml: String, shown: String, says: String) throws {
        let (scratch, path) = try phanRangScenario("rules: vn-2023\neffective_date: 2024-11-01\nname: \(yaml)\n")
        let run = mergersim(["simulate", path, "--runs", "2", "--quiet", "--out", scratch.path("out")])
        #expect(run.code == 65, "\(run.error)")
        #expect(run.error.contains("\(path):5:7: name \""), "\(run.error)")
        #expect(run.error.contains(says), "\(run.error)")
        #expect(!scratch.exists("out"))
        _ = shown
    }

    /// `--out` is checked by OutputFolder with the same rule as a scenario's name.
    @Test func anOutFolderWithATrailingSpaceIsRefused() throws {
        let (scratch, path) = try phanRangScenario("name: t\nrules: vn-2023\neffective_date: 2024-11-01\n")
        for name in ["run\u{00A0}", "run ", " run", "r\u{202E}un", "r\u{2028}un"] {
            let run = mergersim(["simulate", path, "--runs", "2", "--quiet", "--out", scratch.path(name)])
            #expect(run.code == 73 && run.error.contains("the folder name cannot be used"), "\(run.error)")
            #expect(!scratch.exists(name))
        }
    }

    // MARK: (c) blank lines before a CSV's header

    @Test func blankLinesBeforeTheHeaderAreSkippedAndLinesStayTrue() throws {
        let table = try CSVTable(bytes: Array("\n\r\n,,\ncode,name\n1,A\n\n2,B\n".utf8), file: "t.csv")
        #expect(table.header == ["code", "name"] && table.headerLine == 4)
        #expect(table.records.map(\.line) == [5, 7] && table.records.map { $0.fields[1] } == ["A", "B"])
        #expect(throws: InputError.badData("t.csv", line: 4, column: 5, "this row has 3 fields but the header has 2; a field containing a comma must be quoted")) {
            try CSVTable(bytes: Array("\n\ncode,name\n1,A,x\n".utf8), file: "t.csv")
        }
        #expect(throws: InputError.badData("t.csv", line: 1, column: 1, "the file is empty; expected a header row naming the columns")) {
            try CSVTable(bytes: Array("\n\n,,\n".utf8), file: "t.csv")
        }
        // A units file: a missing column is reported on the header's line, a later fault on its own.
        #expect {
            try UnitsFile(bytes: Array("\n\ncode,name\n1,A\n".utf8), file: "u.csv")
        } throws: { error in (error as? InputError)?.line == 3 && (error as? InputError)?.message.hasPrefix("missing required columns") == true }
        let header = InputBoundsTests.unitsHeader
        #expect {
            try UnitsFile(bytes: Array("\n\n\(header)\n1,A,hamlet,P,D,provincial_city,1.5,9000,II,10,12,12,11.5,108.9,10,0.1\n".utf8), file: "u.csv")
        } throws: { error in (error as? InputError)?.line == 4 && (error as? InputError)?.column == 5 }
        #expect {
            try UnitsFile(bytes: Array("\n\n\(header)\n".utf8), file: "u.csv")
        } throws: { error in (error as? InputError)?.line == 4 && (error as? InputError)?.message == "the file has a header but no units" }
    }

    @Test func aUnitsFileWithBlankLinesFirstIsScreened() throws {
        let scratch = try Scratch()
        let units = try scratch.write("units.csv", Array(("\n\n" + InputBoundsTests.unitsHeader + "\n"
            + "1,A,ward,P,D,provincial_city,1.5,9000,II,10,12,12,11.5,108.9,10,0.1\n").utf8))
        let run = mergersim(["screen", units, "--rules", "vn-2023", "--round", "2023", "--out", scratch.path("out")])
        #expect(run.code == 0, "\(run.error)")
    }
}
