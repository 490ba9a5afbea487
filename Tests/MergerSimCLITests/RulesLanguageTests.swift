import Foundation
import Testing
import MergerSimCLI

/// Issue 23 for `mergersim rules ID --lang vi`: the description of a rule set in Vietnamese, as a Vietnamese
/// official writes it, and the English description unchanged (lines as `mergersim rules` printed them before).
struct RulesLanguageTests {
    func lines(_ arguments: [String]) -> [String] {
        let run = mergersim(["rules"] + arguments)
        #expect(run.code == 0, "\(arguments): \(run.error)")
        return run.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func theVietnameseDescriptionHasNoEnglishWord() {
        for id in ["vn-2019", "vn-2023", "vn-2025", "vn-2026"] {
            let text = lines([id, "--lang", "vi"]).joined(separator: "\n")
            let found = VietnameseWordsTests.englishConsoleWords(text)
            #expect(found.isEmpty, "\(id): \(Set(found).sorted())")
        }
        let list = lines(["--lang", "vi"]).joined(separator: "\n")
        #expect(VietnameseWordsTests.englishConsoleWords(list).isEmpty, "\(list)")
    }

    /// Lines worked by hand from rules/sets/vn-2026.yaml: kinds, numbers 1.000 / 0,5, dates dd/mm/yyyy,
    /// titles and instruments by their Vietnamese names, R-ids and [NC] kept.
    @Test func theVietnameseDescriptionOf2026() {
        let vi = lines(["vn-2026", "--lang", "vi"])
        let expected = [
            "nguồn: đi kèm chương trình (sha256 ",
            "  - Nghị quyết số 112/2025/UBTVQH15 (R-2.7)",
            "  R-2.7    xã, hải đảo                              quy mô dân số ≥ 2.500 người, diện tích tự nhiên ≥ 15 km²",
            "  R-2.7    phường                                   quy mô dân số ≥ 21.000 người, diện tích tự nhiên ≥ 5,5 km²",
            "  R-2.7    đặc khu                                  quy mô dân số ≥ 2.500 người, diện tích tự nhiên ≥ 15 km² [NC]",
            "        R-2.3b   diện tích tự nhiên dưới 20% và quy mô dân số dưới 300% tiêu chuẩn [NC]",
            "  R-4.7  người hoạt động không chuyên trách: không còn bố trí từ ngày 01/08/2025",
            "         1 × Bí thư Đảng ủy",
            "         loại I 2 / loại II 1 / loại III 1 × Phó Chủ tịch Ủy ban nhân dân [NC]",
            "         1 × Chủ tịch Hội Nông dân (chỉ ở xã, thị trấn) [NC]",
            "  R-4.7  cán bộ, công chức: bình quân 32 người/đơn vị; quy mô dân số vượt trên 16.000 người thì cứ thêm 2.000 người "
                + "(1.000 người đối với đơn vị miền núi) được tăng thêm 1 người; tối đa: xã 50, đặc khu 70, thị trấn 50, phường 70 [NC]",
            "  R-5.5  mức lương cơ sở: 1.390.000 đồng/tháng từ ngày 01/07/2018 (Nghị định số 72/2018/NĐ-CP); ",
            "  điều động giữa các nhóm: cán bộ → công chức, công chức → cán bộ [NC]",
        ]
        for line in expected {
            #expect(vi.contains { $0 == line || (line.hasSuffix(" ") || line.hasSuffix("(sha256 ")) && $0.hasPrefix(line) }, "missing: \(line)")
        }
        #expect(vi.first?.hasPrefix("vn-2026: Từ ngày 01/01/2026 (tiêu chuẩn theo Nghị quyết số 112/2025/UBTVQH15") == true)
    }

    /// `--keys` is machine text: the same key paths and values whatever the language.
    @Test func keysAreTheSameInBothLanguages() {
        #expect(lines(["vn-2026", "--keys", "--lang", "vi"]) == lines(["vn-2026", "--keys"]))
    }

    /// English is byte for byte what `mergersim rules` printed before the labels (lines copied from that output).
    @Test func theEnglishDescriptionIsUnchanged() {
        let before: [String: [String]] = [
            "vn-2026": [
                "vn-2026: From 1 Jan 2026 (standards of Res. 112/2025/UBTVQH15; round 2026–2030 of Res. 35/2023; types of Decree 307/2025)",
                "Instruments",
                "  - Res. 112/2025/UBTVQH15 (standards from 1 Jan 2026)",
                "Standards (the first that matches a unit applies)",
                "  R-2.7    commune, island                          population ≥ 2,500   area ≥ 15.000000 km²",
                "  R-2.7    special_zone                             population ≥ 2,500   area ≥ 15.000000 km² [NC]",
                "Reductions (R-1.7) of commune; the most favourable per standard [NC]",
                "  ethnic minority ≥ 0.300000 share (mountainous or border): population 50%, −5 per further 0.100000, floor 20%",
                "Screening rounds (default 2026): must merge when any test holds",
                "        R-2.3b   area < 20% and population < 300% of the standard [NC]",
                "  propose keeps island_district, special_zone units on their own (neighbours from centres) [NC]",
                "  R-3.0  Type I: score ≥ 75; Type II: ≥ 60; else Type III (Decree 307/2025/NĐ-CP)",
                "         population up to 3500, step 100, max 35; area up to 10 km², step 0.5 km², max 30",
                "  R-4.7  32 posts, +1 per 2,000 residents (1,000 mountainous) above 16,000; cap commune 50, special_zone 70, town 50, ward 70 [NC]",
                "  R-4.7  non-professional workers: none from 2025-08-01",
                "         I 2 / II 1 / III 1 × vice-chair of the People's Committee [NC]",
                "         1 × chair of the Farmers' Union (commune, town only) [NC]",
                "  within quota 5 years after the merger takes effect",
                "  envelopes: workload weights population 0.7, area 0.3; penalty 0.01 per position²; caps = formula + 5 [NC]",
                "  cross-category transfers: cadres → civil_servants, civil_servants → cadres [NC]",
                "  R-5.1  retirement age: men 60y, +3m a year from 2021 to 62y; women 55y, +4m a year from 2021 to 60y",
                "        odd months (R-5.3): under 3 none, 3–6 half a year, 7–11 a whole year [NC]",
                "        early retirement, 61–120 months early: 0.9 (later 0.45) × min(months early, 60) + 4 × early years + the service allowance months",
                "        resignation, 24–… months early: 3 + 0.8 (later 0.4) × min(months early, 60) + 1.5 × insurance years months",
                "    non_professional: 0.45 women; age 42.0 ± 12.0 (from 20); insured from age 25.0; salary coefficient 1.0 ± 0.2",
                "[NC] not confirmed: an assumption; [D] derived. To change a value, copy the file, edit it and pass --rules PATH.",
            ],
            "vn-2023": [
                "  R-4.1  cadres + civil servants, island_district I 22 / II 20 / III 18",
            ],
            "vn-2019": [
                "  R-4.1  cadres + civil servants, commune  I 23 / II 21 / III 19",
                "  R-4.2  extra civil servants: +1 per full 1/2 of the population standard above it (1/3 for ward, in a urban_district), +1 per full 1/1 of the area standard above it",
                "  R-4.3  non-professional workers: I 14 / II 12 / III 10 plus the extras",
            ],
        ]
        for (id, expected) in before {
            let english = lines([id])
            for line in expected { #expect(english.contains(line), "\(id) lost: \(line)") }
            #expect(lines([id, "--lang", "en"]) == english)
        }
        #expect(lines([]).first == "Bundled rule sets (print one with `mergersim rules ID`):")
    }
}
