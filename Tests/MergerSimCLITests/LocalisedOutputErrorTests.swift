import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// Issue 23, item 1: the refusals of an output folder, an output file and a run store are said in `--lang`'s
/// language at the same place; without `--lang` the English line is the one mergersim always printed.
/// Item 2: `store merge` says its lines in `--lang`'s language.
struct LocalisedOutputErrorTests {
    static let units = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path

    /// A run folder holding a file mergersim did not write: refused (73), the file named, in Vietnamese.
    @Test func aFolderMergersimDidNotMake() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: false)
        _ = try scratch.write("out/notes.txt", Array("mine".utf8))
        let folder = scratch.path("out")
        let vi = mergersim(["screen", Self.units, "--lang", "vi", "--out", folder])
        #expect(vi.code == 73)
        #expect(vi.error == "lỗi: \(folder): thư mục này có tệp không do mergersim ghi (notes.txt); mergersim chỉ thay thế thư mục do chính nó ghi: "
                + "hãy chỉ định cho --out một thư mục mới")
        let en = mergersim(["screen", Self.units, "--out", folder])
        #expect(en.code == 73)
        #expect(en.error == "error: \(folder): this folder holds files that mergersim did not write (notes.txt); "
                + "mergersim replaces only a folder it wrote itself: give --out a new folder")
    }

    /// `compare --out` naming a folder: refused before any run is read (73).
    @Test func aComparisonWrittenOverAFolder() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("c"), withIntermediateDirectories: false)
        let folder = scratch.path("c")
        let vi = mergersim(["compare", "a", "b", "--lang", "vi", "--out", folder])
        #expect(vi.code == 73)
        #expect(vi.error == "lỗi: \(folder): đây là thư mục; hãy chỉ định cho --out tên một tệp CSV")
        let en = mergersim(["compare", "a", "b", "--out", folder])
        #expect(en.error == "error: \(folder): this is a folder; give --out the name of a CSV file")
    }

    /// `store merge` of a store into itself: 64, with the OUT to change.
    @Test func aStoreMergedIntoItself() throws {
        let scratch = try Scratch()
        let store = scratch.path("runs.sqlite")
        _ = try RunStore(path: store)
        let vi = mergersim(["store", "merge", store, store, "--lang", "vi"])
        #expect(vi.code == 64)
        #expect(vi.error == "lỗi: \(store): không thể gộp một kho lưu kết quả vào chính nó (đây là \(store)); hãy chỉ định OUT khác")
        let en = mergersim(["store", "merge", store, store])
        #expect(en.code == 64)
        #expect(en.error == "error: \(store): cannot merge a store into itself (this is \(store)); give another OUT")
    }

    /// A source that is not SQLite: 65, and OUT is not made.
    @Test func aStoreThatIsNotAStore() throws {
        let scratch = try Scratch()
        let text = try scratch.write("notes.sqlite", Array(String(repeating: "not a database\n", count: 100).utf8))
        let out = scratch.path("out.sqlite")
        let vi = mergersim(["store", "merge", out, text, "--lang", "vi"])
        #expect(vi.code == 65)
        #expect(vi.error == "lỗi: \(text): tệp này không phải kho lưu kết quả của mergersim (không phải SQLite)")
        let en = mergersim(["store", "merge", out, text])
        #expect(en.code == 65)
        #expect(en.error == "error: \(text): this file is not a mergersim run store (not SQLite)")
        #expect(!scratch.exists("out.sqlite"))
    }

    /// `compare --store` naming no file: 66.
    @Test func noSuchStore() throws {
        let scratch = try Scratch()
        let store = scratch.path("missing.sqlite")
        let vi = mergersim(["compare", "1", "2", "--store", store, "--lang", "vi"])
        #expect(vi.code == 66)
        #expect(vi.error == "lỗi: \(store): không có kho lưu kết quả này")
        #expect(mergersim(["compare", "1", "2", "--store", store]).error == "error: \(store): no such run store")
    }

    /// A store without the run `compare` asks for: 66, with the query that lists its runs kept as it is.
    @Test func aRunTheStoreDoesNotHave() throws {
        let scratch = try Scratch()
        let store = scratch.path("runs.sqlite")
        _ = try RunStore(path: store)
        let vi = mergersim(["compare", "1", "2", "--store", store, "--lang", "vi"])
        #expect(vi.code == 66)
        #expect(vi.error == "lỗi: \(store): kho lưu kết quả không có lần chạy 1; lệnh `sqlite3 \(store) 'SELECT id, scenario, overrides FROM runs'` "
                + "liệt kê các lần chạy có trong đó")
        #expect(mergersim(["compare", "1", "2", "--store", store]).error
                == "error: \(store): the store has no run 1; `sqlite3 \(store) 'SELECT id, scenario, overrides FROM runs'` lists them")
    }

    /// `store merge --lang vi` says what it copied in Vietnamese; without `--lang` the lines scripts read are unchanged.
    @Test func theMergeLinesInVietnamese() throws {
        let scratch = try Scratch()
        let source = scratch.path("a.sqlite")
        _ = try RunStore(path: source)
        let vi = mergersim(["store", "merge", scratch.path("vi.sqlite"), source, "--lang", "vi"])
        #expect(vi.code == 0, "\(vi.error)")
        #expect(vi.out == "\(source): đã sao chép 0 lần chạy\n\(scratch.path("vi.sqlite")): 0 lần chạy (sao chép thêm 0 lần chạy, 0 lần chạy đã có sẵn)")
        #expect(VietnameseWordsTests.englishConsoleWords(vi.out).isEmpty, "\(VietnameseWordsTests.englishConsoleWords(vi.out))")
        let en = mergersim(["store", "merge", scratch.path("en.sqlite"), source])
        #expect(en.out == "\(source): 0 runs copied\n\(scratch.path("en.sqlite")): 0 runs (0 copied, 0 stored already)")
    }

    /// The lock notice: the English label is the store's English line; the Vietnamese one writes the seconds with a comma.
    @Test func theLockNotice() throws {
        let notice = LockWaitNotice(path: "runs.sqlite", seconds: "0.5")
        #expect(notice.text(try Labels(.en)) == notice.english)
        #expect(notice.english == "waiting for another process using runs.sqlite to finish with it (at most 0.5 s)…")
        #expect(notice.text(try Labels(.vi)) == "đang chờ một tiến trình khác dùng xong runs.sqlite (tối đa 0,5 giây)…")
    }

    /// A sheet over Excel's rows is named by its Vietnamese name, the counts grouped with points.
    @Test func aSheetOverTheRowLimit() throws {
        let error = #expect(throws: InputError.self) {
            try WorkbookReport.checkRows([(key: "units_before", rows: 2_000_000)], labels: try Labels(.en))
        }
        let vi = try Labels(.vi)
        #expect(error?.message == "the sheet \"\(try Labels(.en)("sheet.units_before"))\" would have 2,000,000 rows below its header; "
                + "an Excel sheet holds at most 1,048,575: leave out --xlsx (the CSV files hold every row)")
        #expect(error?.text(vi) == "--xlsx: trang tính \"\(vi("sheet.units_before"))\" sẽ có 2.000.000 dòng dưới dòng tiêu đề; "
                + "một trang tính Excel chứa tối đa 1.048.575 dòng: hãy bỏ --xlsx (các tệp CSV chứa đủ mọi dòng)")
    }

    /// A folder name ending with a space: refused (73) with the reason in Vietnamese, the character's code as it is.
    @Test func aFolderNameEndingWithASpace() throws {
        let scratch = try Scratch()
        let folder = scratch.path("run ")
        let vi = mergersim(["screen", Self.units, "--lang", "vi", "--out", folder])
        #expect(vi.code == 73)
        #expect(vi.error == "lỗi: \(folder): không dùng được tên thư mục này: tên kết thúc bằng dấu cách (U+0020), mà danh sách thư mục không hiển thị")
        #expect(mergersim(["screen", Self.units, "--out", folder]).error
                == "error: \(folder): the folder name cannot be used: it ends with a space (U+0020), which a folder list does not show")
    }

    /// Every reason a name cannot name a folder: the English label is the English sentence, the Vietnamese one has
    /// no English word of the fixed list.
    @Test func everyFolderNameProblemInBothLanguages() throws {
        let en = try Labels(.en), vi = try Labels(.vi)
        for problem in OutputName.Problem.allCases {
            let reason = InputError.Reason.output(.unusableFolderName(problem))
            #expect(reason.text(en) == reason.english, "\(problem)")
            var text = reason.text(vi)
            for value in problem.parts.values.values { text = text.replacingOccurrences(of: value, with: " ") }
            #expect(VietnameseWordsTests.englishConsoleWords(text).isEmpty, "\(problem): \(text)")
            #expect(text != reason.english)
        }
        #expect(OutputName.problem("a\u{202E}b") == "it holds a bidirectional control character (U+202E), which shows the name in another order than it is stored")
    }
}
