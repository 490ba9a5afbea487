import Foundation
import Testing
import MergerSim
import MergerSimCLI
import MergerSimInputs
import MergerSimStore

/// Issue 24: `sensitivity --ranges FILE.yaml` gives a key its own range (uniform, triangular or normal), checked at the
/// file's line and column; one at a time runs its ends, Morris and Sobol its quantiles.
struct SensitivityRangesFileTests {
    let phanRang = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
    let uptake = "rules.transition.exits.resignation_uptake"

    /// Four bad files, each refused (65) at its line and column with the sentence in English and in Vietnamese.
    @Test func badFilesAreRefusedWhereTheyAreWrong() throws {
        let scratch = try Scratch()
        let cases: [(file: String, en: String, vi: String)] = [
            ("rules.transition.years: {min: 1, max: 3}\n",
             "1:1: \"rules.transition.years\" is not an NC number of the scenario's rule set (the keys sensitivity.csv lists)",
             "1:1: \"rules.transition.years\" không phải một giá trị số NC (chưa xác nhận) của bộ quy định của kịch bản (các khóa liệt kê trong sensitivity.csv)"),
            ("\(uptake): {min: 0.4, max: 0.2}\n",
             "1:50: \(uptake): min (0.4) must be below max (0.2)",
             "1:50: \(uptake): min (0.4) phải nhỏ hơn max (0.2)"),
            ("\(uptake): {min: 0.1, max: 1.5}\n",
             "1:1: \(uptake) = 1.5: transition.exits.resignation_uptake is 1.5; a rate or uptake must be from 0 to 1",
             "1:1: \(uptake) = 1.5: transition.exits.resignation_uptake bằng 1,5; tỷ lệ phải từ 0 đến 1"),
            ("\(uptake):\n  distribution: beta\n  min: 0.1\n",
             "2:17: \(uptake): distribution \"beta\" is not uniform, triangular or normal",
             "2:17: \(uptake): phân phối \"beta\" không phải uniform (đều), triangular (tam giác) hoặc normal (chuẩn)"),
            ("\(uptake): {distribution: triangular, min: 0.1, max: 0.3}\n",
             "1:44: \(uptake): a triangular range needs mode",
             "1:44: \(uptake): khoảng theo phân phối triangular cần có mode"),
        ]
        for (n, c) in cases.enumerated() {
            let file = try scratch.write("bad\(n).yaml", Array(c.file.utf8))
            let en = mergersim(["sensitivity", phanRang, "--ranges", file, "--out", scratch.path("en\(n)")])
            #expect(en.code == 65)
            #expect(en.error == "error: \(file):\(c.en)")
            let vi = mergersim(["sensitivity", phanRang, "--ranges", file, "--out", scratch.path("vi\(n)"), "--lang", "vi"])
            #expect(vi.code == 65)
            #expect(vi.error == "lỗi: \(file):\(c.vi)")
        }
    }

    /// One at a time runs the file's ends (not the rule set's plausible 0.05–0.3), says so in the CSV and the
    /// console, and the manifest records the file, its SHA-256 and the range.
    @Test func oneAtATimeRunsTheFilesRange() throws {
        let scratch = try Scratch()
        let text = "\(uptake): {min: 0.12, max: 0.45}\n"
        let file = try scratch.write("ranges.yaml", Array(text.utf8))
        let run = mergersim(["sensitivity", phanRang, "--runs", "2", "--only", uptake, "--ranges", file, "--out", scratch.path("o"), "--quiet"])
        #expect(run.code == 0, "\(run.error)")
        #expect(run.out.contains("Low and high from the ranges file for 1 value"), "\(run.out)")
        let rows = try csv(scratch.path("o/sensitivity.csv"))
        #expect(rows.count == HeadlineMetric.allCases.count)
        for row in rows {
            #expect(row["parameter"] == uptake && row["low"] == "0.12" && row["high"] == "0.45" && row["range_source"] == "ranges_file")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path("o/manifest.json")))) as? [String: Any]
        let record = try #require(manifest?["ranges_file"] as? [String: Any])
        #expect(record["path"] as? String == file)
        // The SHA-256 of this text, from `sha256sum`.
        #expect(record["sha256"] as? String == "79d6ea9ba841bb0589bef6c0bdbc13af89135379049602efd245f1a63635c915")
        let parameter = try #require((manifest?["parameters"] as? [[String: Any]])?.first)
        #expect(parameter["low"] as? Double == 0.12 && parameter["high"] as? Double == 0.45 && parameter["distribution"] as? String == "uniform")
    }

    /// Morris's points stay within the file's range, and reach both its ends (a design's end levels are 0 and 1).
    @Test func morrisPointsStayWithinTheFilesRange() throws {
        let ranges = try SensitivityRangesFile(bytes: Array("\(uptake): {min: 0.12, max: 0.45}\n".utf8), file: "ranges.yaml")
        let analysis = try SensitivityAnalysis(scenarioPath: phanRang, base: [], only: ["rules.transition.exits"], ranges: ranges)
        let global = try GlobalSensitivityAnalysis(oneAtATime: analysis, method: .morris, size: 6, seed: 3, base: [])
        let column = try #require(global.parameters.firstIndex { $0.key == uptake })
        #expect(global.parameters[column].rangeSource == .rangesFile)
        let values = try global.settings.map { try #require(Double($0.values[column])) }
        #expect(values.allSatisfy { (0.12...0.45).contains($0) }, "\(values)")
        #expect(values.contains(0.12) && values.contains(0.45))
    }

    /// The quantiles by hand (and scipy's `triang.ppf` and `truncnorm.ppf`): triangular on [0, 1] with its mode at 0.2 gives
    /// 1 − √(0.5·0.8) = 0.367544 at u = 0.5 and 1 − √(0.025·0.8) = 0.858579 at 0.975; a normal with mean 45 and sd 3 cut at
    /// mean ± 2 sd gives 45 at 0.5 and 50.035873 at 0.975 (Φ⁻¹(Φ(−2) + 0.975·(Φ(2) − Φ(−2)))·3 + 45); cut at 43 below,
    /// 45.876114 and 50.222067.
    @Test func distributionQuantilesByHand() throws {
        let triangular = RangeDistribution.triangular(mode: 0.2)
        #expect(abs(triangular.quantile(0.5, low: 0, high: 1) - 0.3675444679663241) < 1e-12)
        #expect(abs(triangular.quantile(0.975, low: 0, high: 1) - 0.8585786437626904) < 1e-12)
        #expect(triangular.quantile(0, low: 0, high: 1) == 0 && triangular.quantile(1, low: 0, high: 1) == 1)
        let ranges = try SensitivityRangesFile(bytes: Array("""
            a.b: {distribution: normal, mean: 45, sd: 3}
            a.c: {distribution: normal, mean: 45, sd: 3, min: 43}
            """.utf8), file: "r.yaml")
        let wide = ranges.entries[0], cut = ranges.entries[1]
        #expect(wide.low == 39 && wide.high == 51 && cut.low == 43 && cut.high == 51)
        #expect(abs(wide.distribution.quantile(0.5, low: wide.low, high: wide.high) - 45) < 1e-9)
        #expect(abs(wide.distribution.quantile(0.975, low: wide.low, high: wide.high) - 50.03587346800524) < 1e-6)
        #expect(abs(cut.distribution.quantile(0.5, low: cut.low, high: cut.high) - 45.87611390401479) < 1e-6)
        #expect(abs(cut.distribution.quantile(0.975, low: cut.low, high: cut.high) - 50.222066607464235) < 1e-6)
        #expect(wide.distribution.quantile(0, low: 39, high: 51) == 39 && wide.distribution.quantile(1, low: 39, high: 51) == 51)
    }

    /// A rule file's plausible range is checked where it is written (it was left to show as a refused parameter): min
    /// below max, at the range's line and column, in English and Vietnamese; a plausible key naming no NC number is refused.
    @Test func aRuleFilesPlausibleRangeIsCheckedWhereItIsWritten() throws {
        let scratch = try Scratch()
        let bundled = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/sets/vn-2023.yaml"), encoding: .utf8)
        let written = "      resignation_uptake: {min: 0, max: 1}"
        #expect(bundled.contains(written))
        let backwards = try scratch.write("backwards.yaml", Array(bundled.replacingOccurrences(of: written, with: "      resignation_uptake: {min: 0.6, max: 0.2}").utf8))
        let line = try #require(bundled.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(written) }) + 1
        let en = mergersim(["rules", backwards])
        #expect(en.code == 65)
        #expect(en.error == "error: \(backwards):\(line):27: plausible.transition.exits.resignation_uptake: min (0.6) must be below max (0.2)")
        let vi = mergersim(["rules", backwards, "--lang", "vi"])
        #expect(vi.error == "lỗi: \(backwards):\(line):27: plausible.transition.exits.resignation_uptake: min (0.6) phải nhỏ hơn max (0.2)")
        let stray = try scratch.write("stray.yaml", Array(bundled.replacingOccurrences(of: written, with: "      resignation_uptakes: {min: 0, max: 1}").utf8))
        let unknown = mergersim(["rules", stray])
        #expect(unknown.code == 65)
        #expect(unknown.error == "error: \(stray):\(line):28: \"transition.exits.resignation_uptakes\" is not an NC number of the scenario's rule set "
                + "(the keys sensitivity.csv lists)")
        // Given by --set, the range is the override's fault.
        let set = mergersim(["sensitivity", phanRang, "--set", "rules.plausible.\(uptake.dropFirst("rules.".count)).max=-1", "--out", scratch.path("o")])
        #expect(set.code == 64 || set.code == 65)
        #expect(set.error.hasPrefix("error: --set rules.plausible.transition.exits.resignation_uptake.max=-1: "), "\(set.error)")
    }

    /// Sobol over more values than its design takes is a typed usage error, said in --lang (it was English only).
    @Test func tooManyValuesForSobolInVietnamese() {
        let run = mergersim(["sensitivity", phanRang, "--method", "sobol", "--out", "/nonexistent/never-written", "--lang", "vi"])
        #expect(run.code == 64)
        #expect(run.error.hasPrefix("lỗi: --only: chỉ số Sobol tính được cho tối đa 20 giá trị (dãy Sobol của GSL có 40 chiều, mỗi giá trị cần 2 chiều); "),
                "\(run.error)")
    }

    /// Morris's console gives the exit cost in tỷ đồng (billion VND) with 2 decimals and people with 1, never 1.05e+10.
    @Test func morrisConsoleInBillionsAndPeople() throws {
        let scratch = try Scratch()
        let run = mergersim(["sensitivity", phanRang, "--runs", "2", "--only", "rules.transition.exits", "--method", "morris", "--trajectories", "2",
                             "--out", scratch.path("m"), "--quiet", "--lang", "vi"])
        #expect(run.code == 0, "\(run.error)")
        #expect(!run.out.contains("e+") && !run.out.contains("e-"), "\(run.out)")
        let lines = run.out.split(separator: "\n").map(String.init)
        let cost = try #require(lines.firstIndex(of: "Kinh phí thực hiện chính sách, chế độ (tỷ đồng):"))
        let first = lines[cost + 2].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // μ* of the first row in billions, from morris.csv in đồng.
        let rows = try csv(scratch.path("m/morris.csv"))
        let top = try #require(rows.first { $0["metric"] == "exit_cost_vnd" && $0["rank"] == "1" })
        let muStar = try #require(Double(top["mu_star"] ?? ""))
        #expect(first[1] == top["key"] && first[3] == String(format: "%.2f", muStar / 1e9).replacingOccurrences(of: ".", with: ","))
        let cadres = try #require(lines.firstIndex(of: "Số cán bộ dôi dư còn lại khi đến hạn:"))
        let people = lines[cadres + 2].split(separator: " ").map(String.init)
        #expect(people[3].range(of: #"^-?[0-9]+,[0-9]$"#, options: .regularExpression) != nil, "\(people)")
    }
}
