import Foundation
import Testing
import MergerSimCLI

/// Issue 24: the sweep workbook is wide (one row per setting, the varied keys and each headline figure's mean
/// and 95 % interval as labelled columns) and carries the base scenario's assumptions; it was long (a row per
/// setting and metric, raw metric names) with an empty assumptions sheet.
struct SweepWorkbookTests {
    @Test func oneRowPerSettingWithLabelledFiguresAndTheScenariosAssumptions() throws {
        let scratch = try Scratch()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let file = try scratch.write("sweep.yaml", Array("""
            scenario: \(scenario)
            vary:
              rules.transition.exits.resignation_uptake: [0.1, 0.3]
            seeds: [1, 2]
            runs: 6
            """.utf8))
        let run = mergersim(["sweep", file, "--out", scratch.path("out"), "--quiet", "--xlsx", "--lang", "vi"])
        #expect(run.code == 0, "\(run.error)")
        let book = try WorkbookTests.Opened(scratch.path("out/report.xlsx"))
        #expect(book.sheetNames == ["Các bộ tham số", "Giả định", "Giải thích các cột"])
        let sheet = book.sheets[0]
        // Two settings: a header and two rows, the setting numbers of sweep.csv.
        #expect(sheet["A2"]?.value == "1" && sheet["A3"]?.value == "2" && sheet["A4"] == nil)
        // Headers are labels in Vietnamese, never a raw metric name.
        let headers = sheet.filter { $0.key.hasSuffix("1") && $0.key.count == 2 }.map(\.value.value)
        #expect(headers.contains("Kinh phí thực hiện chính sách, chế độ, bình quân"))
        #expect(!headers.contains { $0.contains("exit_cost") || $0.contains("surplus_at") || $0.contains("all_within") })
        // The exit cost's mean is sweep.csv's, in tỷ đồng (the sheet's number is the CSV's VND / 10⁹).
        let rows = try csv(scratch.path("out/sweep.csv"))
        let costColumn = try #require(sheet.first { $0.key.hasSuffix("1") && $0.key.count == 2 && $0.value.value == "Kinh phí thực hiện chính sách, chế độ, bình quân" }).key.dropLast()
        for (line, setting) in [(2, "1"), (3, "2")] {
            let mean = try #require(Double(rows.first { $0["setting"] == setting && $0["metric"] == "exit_cost_vnd" }?["mean"] ?? ""))
            let cell = try #require(sheet["\(costColumn)\(line)"])
            let value = try #require(Double(cell.value))
            #expect(cell.number)
            #expect(abs(value - mean / 1e9) < 1e-6)
        }
        // The assumptions sheet lists the scenario's rule set's NC values, named in Vietnamese.
        let assumptions = book.sheets[1]
        #expect(assumptions.count > 12)
        #expect(assumptions["E2"]?.value == "chưa xác nhận")
    }
}
