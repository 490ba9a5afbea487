import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 12: report.xlsx, read back as Excel would: the sheets, text codes, numeric numbers, no formulas.
struct WorkbookTests {
    /// A workbook opened: each sheet's cells by reference (A1), with whether each is a number.
    struct Opened {
        var sheetNames: [String]
        var sheets: [[String: (value: String, number: Bool)]]
        var formulas: Int
        var frozen: [Bool]
        var filtered: [Bool]

        init(_ path: String) throws {
            let parts = try XLSXParts(path)
            let shared = try parts.sharedStrings()
            sheetNames = try parts.sheetNames()
            sheets = []
            formulas = 0
            frozen = []
            filtered = []
            for i in 1...sheetNames.count {
                let xml = try parts.text("xl/worksheets/sheet\(i).xml")
                formulas += xml.components(separatedBy: "<f>").count - 1
                frozen.append(xml.contains("state=\"frozen\""))
                filtered.append(xml.contains("<autoFilter"))
                var cells: [String: (String, Bool)] = [:]
                for m in try XLSXParts.matches("<c r=\"([A-Z]+[0-9]+)\"([^>]*)>(?:<v>([^<]*)</v>)?</c>", xml) {
                    let isString = m[2].contains("t=\"s\"")
                    cells[m[1]] = isString ? (shared[Int(m[3]) ?? 0], false) : (m[3], true)
                }
                sheets.append(cells)
            }
        }
    }

    @Test func aScreeningWorkbookKeepsCodesAsTextAndNumbersAsNumbers() throws {
        let scratch = try Scratch()
        let lines = try String(contentsOfFile: repositoryRoot.appendingPathComponent("scenarios/vn-2025/units.csv").path, encoding: .utf8)
            .split(separator: "\n").prefix(30)
        let units = try scratch.write("units.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
        let run = mergersim(["screen", units, "--rules", "vn-2023", "--round", "2023", "--out", scratch.path("out"), "--xlsx"])
        #expect(run.code == 0, "\(run.error)")
        let book = try Opened(scratch.path("out/report.xlsx"))
        #expect(book.sheetNames == ["Units before", "Assumptions", "Column dictionary"])
        let sheet = book.sheets[0]
        #expect(sheet["A1"]?.value == "Code" && sheet["A2"]?.value == "00001" && sheet["A2"]?.number == false)
        // Population (column H) is a number, and equals the CSV's.
        #expect(sheet["H2"]?.number == true && sheet["H2"]?.value == "22166")
        #expect(book.formulas == 0 && book.frozen == [true, true, true] && book.filtered == [true, true, true])
        // The dictionary names the CSV column behind each label.
        let dictionary = book.sheets[2]
        #expect(dictionary["B2"]?.value == "code" && dictionary["C2"]?.value == "Code")
    }

    @Test func aRunWorkbookInVietnameseHasEverySheet() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let run = mergersim(["simulate", scenario, "--runs", "20", "--quiet", "--out", scratch.path("out"), "--xlsx", "--lang", "vi"])
        #expect(run.code == 0, "\(run.error)")
        let book = try Opened(scratch.path("out/report.xlsx"))
        #expect(book.sheetNames == ["Tóm tắt", "Phương án", "Đơn vị trước", "Đơn vị sau", "Điều động", "Lộ trình", "Giả định", "Giải thích các cột"])
        #expect(book.formulas == 0)
        // The summary: exit cost in whole đồng with its billions beside it; the verdict in Vietnamese.
        let summary = book.sheets[0]
        // Columns: label, count, figure, share, đồng (E), tỷ đồng (F), date, verdict.
        let row = try #require(summary.first { $0.value.value == "Kinh phí thực hiện chính sách, chế độ, bình quân" }.map { Int($0.key.dropFirst())! })
        let vnd = try #require(Double(summary["E\(row)"]?.value ?? ""))
        #expect(summary["E\(row)"]?.number == true && vnd == vnd.rounded())
        #expect(abs(try #require(Double(summary["F\(row)"]?.value ?? "")) - vnd / 1e9) < 1e-6)
        #expect(summary.values.contains { $0.value == "không đạt" })
        // Units after: the header is the Vietnamese label, the standards outcome in words.
        #expect(book.sheets[3]["A1"]?.value == "Mã" && book.sheets[3].values.contains { $0.value == "không bắt buộc đạt tiêu chuẩn" })
        #expect(try String(contentsOfFile: scratch.path("out/manifest.json"), encoding: .utf8).contains("report.xlsx"))
    }

    @Test func bothLanguagesDescribeTheSameColumns() throws {
        #expect(try ColumnDictionary.keys(.en) == ColumnDictionary.keys(.vi))
        // Every column of every CSV a run writes has an entry.
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        #expect(mergersim(["simulate", scenario, "--runs", "5", "--quiet", "--out", scratch.path("out")]).code == 0)
        let dictionary = try ColumnDictionary(try Labels(.en))
        for file in ["screening.csv", "units_after.csv", "transfers.csv", "timeline.csv"] {
            let header = try String(contentsOfFile: scratch.path("out/\(file)"), encoding: .utf8).prefix { $0 != "\n" }.split(separator: ",")
            for column in header { #expect(dictionary.entry(String(column)) != nil, "\(file): \(column)") }
        }
    }

    /// screen's Vietnamese workbook names the instruments of its assumptions in Vietnamese, as simulate's does
    /// (it wrote the rule files' English titles: "Decree 108/2014/NĐ-CP …").
    @Test func aVietnameseScreeningWorkbookNamesItsInstrumentsInVietnamese() throws {
        let scratch = try Scratch()
        let units = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path
        let run = mergersim(["screen", units, "--rules", "vn-2023", "--out", scratch.path("out"), "--xlsx", "--lang", "vi"])
        #expect(run.code == 0, "\(run.error)")
        let strings = try XLSXParts(scratch.path("out/report.xlsx")).sharedStrings()
        #expect(strings.contains { $0.hasPrefix("Nghị định số 108/2014/NĐ-CP") })
        #expect(!strings.contains { $0.contains("Decree ") || $0.contains("Res. ") }, "\(strings.filter { $0.contains("Decree ") || $0.contains("Res. ") }.prefix(3))")
    }
}
