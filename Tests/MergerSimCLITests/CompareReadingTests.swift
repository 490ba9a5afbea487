import Foundation
import Testing
import MergerSimCLI

/// Issue 24: `compare` that reads. Two Phan Rang runs with the same seed, the second with a higher
/// resignation uptake (so the headline figures differ and the runs are paired).
struct CompareReadingTests {
    /// The two run folders, simulated once per test.
    private func twoRuns(_ scratch: Scratch) -> (String, String) {
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let a = mergersim(["simulate", scenario, "--runs", "40", "--quiet", "--out", scratch.path("a")])
        let b = mergersim(["simulate", scenario, "--runs", "40", "--quiet", "--set", "rules.transition.exits.resignation_uptake=0.4",
                           "--out", scratch.path("b")])
        #expect(a.code == 0 && b.code == 0, "\(a.error) \(b.error)")
        return (scratch.path("a"), scratch.path("b"))
    }

    /// The paired headline intervals come first (they came after ~85 rows), and --changed drops every row
    /// whose runs agree (a 0 difference, a setting or figure the same).
    @Test func headlineDifferencesFirstAndOnlyChangedRows() throws {
        let scratch = try Scratch()
        let (a, b) = twoRuns(scratch)
        let all = mergersim(["compare", a, b])
        #expect(all.code == 0, "\(all.error)")
        let rows = all.out.split(separator: "\n").map(String.init)
        #expect(rows.count > 80)
        for row in rows[1...5] { #expect(row.hasPrefix("replications: mean") && row.contains("paired"), "\(row)") }
        let changed = mergersim(["compare", a, b, "--changed"])
        let table = changed.out.components(separatedBy: "\n\n")[0].split(separator: "\n").map(String.init)
        #expect(table.count > 6 && table.count < 40, "\(table.count) rows")
        #expect(table.contains { $0.hasPrefix("setting: overrides") })
        #expect(!table.contains { $0.hasPrefix("units_before ") || $0.hasPrefix("population_before") }, "\(table)")
        #expect(!table.dropFirst().contains { $0.hasSuffix(" 0") || $0.contains(" 0 (+0.0%)") }, "\(table)")
    }

    /// Money grouped with its unit (it was `± 13790246.1695`), shares as percentages, counts whole; in
    /// Vietnamese tỷ đồng / đồng with the Vietnamese marks.
    @Test func moneyCountsAndSharesAreWrittenForAPerson() throws {
        let scratch = try Scratch()
        let (a, b) = twoRuns(scratch)
        let en = mergersim(["compare", a, b]).out
        let cost = try #require(en.split(separator: "\n").first { $0.hasPrefix("replications: mean exit_cost_vnd") })
        #expect(cost.contains(" VND") && cost.contains("± "), "\(cost)")
        #expect(cost.range(of: #"\d{4}"#, options: .regularExpression) == nil, "ungrouped digits in \(cost)")
        #expect(cost.range(of: #"\d,\d{3},\d{3},\d{3} VND"#, options: .regularExpression) != nil, "\(cost)")
        let population = try #require(en.split(separator: "\n").first { $0.hasPrefix("population_before") })
        #expect(population.contains("48,613"), "\(population)")
        let share = try #require(en.split(separator: "\n").first { $0.hasPrefix("replications: mean all_within_quota") })
        #expect(share.contains("%") && share.contains(" pp"), "\(share)")
        let vi = mergersim(["compare", a, b, "--lang", "vi"]).out
        #expect(vi.contains("tỷ đồng") && vi.contains("48.613") && vi.contains("điểm phần trăm"), "\(vi)")
    }

    /// `--units` said nothing when no unit differed; now it says so.
    @Test func unitsSaysWhenNoUnitDiffers() throws {
        let scratch = try Scratch()
        let (a, b) = twoRuns(scratch)
        let en = mergersim(["compare", a, b, "--units"])
        #expect(en.out.contains("No unit differs in standards outcome or surplus."), "\(en.out)")
        let vi = mergersim(["compare", a, b, "--units", "--lang", "vi"])
        #expect(vi.out.contains("Không có đơn vị nào có kết quả đánh giá tiêu chuẩn hoặc số dôi dư khác nhau giữa các lần chạy."), "\(vi.out)")
    }

    /// The variance-reduction factor of pairing in the console and the CSV, checked against the two runs'
    /// replications.csv: (s²a + s²b)/n over s²(b − a)/n, worked out here from the files.
    @Test func varianceReductionOfPairingIsShownAndRight() throws {
        let scratch = try Scratch()
        let (a, b) = twoRuns(scratch)
        #expect(mergersim(["compare", a, b, "--out", scratch.path("c.csv")]).code == 0)
        let rows = try csv(scratch.path("c.csv"))
        let cost = try #require(rows.first { $0["metric"] == "replications: mean exit_cost_vnd" })
        let factor = try #require(Double(cost["variance_reduction b"] ?? ""))
        let x = try csv(a + "/replications.csv").map { try #require(Double($0["exit_cost_vnd"] ?? "")) }
        let y = try csv(b + "/replications.csv").map { try #require(Double($0["exit_cost_vnd"] ?? "")) }
        func variance(_ v: [Double]) -> Double {
            let m = v.reduce(0, +) / Double(v.count)
            return v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count - 1)
        }
        let expected = (variance(x) + variance(y)) / variance(zip(x, y).map { $1 - $0 })
        #expect(abs(factor - expected) < 0.005 + 1e-9 * expected, "\(factor) vs \(expected)")
        #expect(cost["paired b"] == "yes")
        let console = mergersim(["compare", a, b]).out
        #expect(console.contains("paired, variance ÷"), "\(console)")
        // The probability's interval stays within [−1, 1] and is Newcombe's, not a symmetric ±.
        let share = try #require(rows.first { $0["metric"] == "replications: mean all_within_quota" })
        let low = try #require(Double(share["diff_ci95_low b"] ?? "")), high = try #require(Double(share["diff_ci95_high b"] ?? ""))
        #expect(low >= -1 && high <= 1 && low <= high)
    }
}
