import Foundation
import Testing
import MergerSimCLI

/// Issue 23: a command line's own mistakes (`package`'s person and dates, a screening round, what `screen`
/// cannot set) are said in the chosen language; English as before.
struct LocalisedCommandErrorTests {
    static let person = ["package", "--sex", "F", "--birth", "1968-05", "--insurance-years", "30", "--merger-effective", "2025-07-01"]

    @Test func aLeavingDateBeforeTheMerger() throws {
        let vi = mergersim(Self.person + ["--leave-on", "2025-06-01", "--lang", "vi"])
        #expect(vi.code == 64)
        #expect(vi.error == "lỗi: --leave-on: ngày nghỉ việc 01/06/2025 trước ngày sắp xếp có hiệu lực (01/07/2025)")
        let en = mergersim(Self.person + ["--leave-on", "2025-06-01"])
        #expect(en.error == "error: --leave-on: the leaving date 2025-06-01 is before the merger took effect (2025-07-01)")
    }

    @Test func impossibleInsuranceYears() throws {
        let args = ["package", "--sex", "M", "--birth", "1990-03", "--insurance-years", "30.5", "--leave-on", "2025-09-01",
                    "--merger-effective", "2025-07-01"]
        let vi = mergersim(args + ["--lang", "vi"])
        #expect(vi.code == 65)
        #expect(vi.error == "lỗi: --insurance-years: 30,5 năm đóng bảo hiểm xã hội tính đến ngày 01/09/2025 đối với người sinh 1990-03: "
                + "nhiều nhất là 20,5, số năm kể từ khi đủ 15 tuổi")
        let en = mergersim(args)
        #expect(en.error == "error: --insurance-years: 30.5 insurance years on 2025-09-01 for someone born 1990-03: at most 20.5, the years since age 15")
    }

    @Test func aSexThatIsNotMOrF() throws {
        let vi = mergersim(["package", "--sex", "X", "--birth", "1968-05", "--insurance-years", "30", "--leave-on", "2025-09-01",
                            "--merger-effective", "2025-07-01", "--lang", "vi"])
        #expect(vi.code == 64)
        #expect(vi.error == "lỗi: --sex: \"X\" không phải M (nam) hoặc F (nữ)")
    }

    @Test func aScreeningRoundTheRulesDoNotHave() throws {
        let units = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path
        let scratch = try Scratch()
        let vi = mergersim(["screen", units, "--rules", "vn-2023", "--round", "2031", "--lang", "vi", "--out", scratch.path("vi")])
        #expect(vi.code == 64)
        #expect(vi.error.hasPrefix("lỗi: vn-2023: bộ quy định vn-2023 không có đợt rà soát 2031; chỉ có các đợt "), "\(vi.error)")
        let en = mergersim(["screen", units, "--rules", "vn-2023", "--round", "2031", "--out", scratch.path("en")])
        #expect(en.error.hasPrefix("error: vn-2023: rule set vn-2023 has no screening round 2031; it has "), "\(en.error)")
    }

    /// A flag out of its bounds is said in `--lang` at the flag, before anything is read (it was the argument
    /// parser's English "Error: … Usage: …").
    @Test func aFlagOutOfItsBounds() throws {
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let vi = mergersim(["simulate", scenario, "--runs", "0", "--lang", "vi"])
        #expect(vi.code == 64)
        #expect(vi.error == "lỗi: --runs: phải từ 1 đến 100.000")
        let en = mergersim(["simulate", scenario, "--runs", "0"])
        #expect(en.code == 64)
        #expect(en.error == "error: --runs: must be from 1 to 100,000")
        let precision = mergersim(["simulate", scenario, "--runs", "50", "--precision", "0.1", "--lang", "vi"])
        #expect(precision.error == "lỗi: --precision: cần --runs ít nhất 100")
        let compare = mergersim(["compare", scenario, "--lang", "vi"])
        #expect(compare.code == 64 && compare.error == "lỗi: compare: hãy chỉ định ít nhất hai lần chạy để so sánh")
        let weights = mergersim(["propose", repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path,
                                 "--weight-balance=-1", "--lang", "vi"])
        #expect(weights.code == 64 && weights.error == "lỗi: --weight-balance: phải là số từ 0 đến 1e9", "\(weights.error)")
    }
}
