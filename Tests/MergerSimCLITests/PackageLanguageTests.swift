import Foundation
import Testing
import MergerSimCLI

/// Issue 23: `package` prints an officer's case in the chosen language; English (and --csv) as it always did.
struct PackageLanguageTests {
    static let person = ["package", "--sex", "M", "--birth", "1966-02", "--insurance-years", "35", "--leave-on", "2022-03-01",
                         "--merger-effective", "2020-01-01", "--rules", "vn-2019", "--decided-on", "2019-12-01"]

    @Test func aCaseInVietnamese() throws {
        let vi = mergersim(Self.person + ["--lang", "vi"])
        #expect(vi.code == 0, "\(vi.error)")
        let found = VietnameseWordsTests.englishConsoleWords(vi.out)
        #expect(found.isEmpty, "package: \(Set(found).sorted())")
        let lines = vi.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Nam, sinh 02/1966, 35 năm đóng bảo hiểm xã hội, hệ số lương/phụ cấp 1, công chức; nghỉ hưu ngày 01/12/2027 (R-5.1).")
        #expect(lines[1].hasPrefix("Nghỉ việc ngày 01/03/2022: trước tuổi nghỉ hưu 69 tháng, sau thời hạn 12 tháng kể từ ngày quyết định sắp xếp 01/12/2019"))
        #expect(lines[1].hasSuffix("mức lương cơ sở 1.490.000 đồng (R-5.5)."))
        #expect(lines.contains { $0.hasPrefix("thôi việc ") && $0.contains(" Nghị định số 108/2014/NĐ-CP ") && $0.hasSuffix(" có                  55,5        82.695.000") })
        #expect(lines.contains("  - R-5.3, cách tính tháng lẻ theo Nghị định số 108/2014/NĐ-CP: dưới 3 tháng không tính; từ 3 tháng đến 6 tháng tính là 1/2 năm; trên 6 tháng tính là 01 năm"))
    }

    @Test func englishAndCSVAreAsTheyWere() throws {
        let en = mergersim(Self.person)
        #expect(en.code == 0, "\(en.error)")
        #expect(en.out.contains("""
            route             decree            rule   eligible      months               VND
            early_retirement  decree_108_2014   R-5.2  no                                    
            resignation       decree_108_2014   R-5.2  yes             55.5        82,695,000

            Readings not confirmed (NC) that priced it:
              - R-5.2 decree_108_2014: Decree 108/2014/NĐ-CP as amended by 113/2018/NĐ-CP (priced with Decree 29/2023's formulas)
              - R-5.3 odd months of decree_108_2014: under 3 none, to 6 half a year, more a whole year
            """), "\(en.out)")
        let csv = mergersim(Self.person + ["--csv", "--lang", "vi"])
        #expect(csv.out.contains("resignation,decree_108_2014,R-5.2,yes,69,55.5,82695000,\"R-5.2 decree_108_2014: Decree 108/2014/NĐ-CP"))
    }
}
