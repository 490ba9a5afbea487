import Foundation
import Testing
import MergerSimCLI

/// Issue 23: the errors of a scenario's own values, its roster and plan, `propose`'s adjacency and targets files and
/// a sweep file are said in the chosen language at the same `file:line:column:`, their English unchanged; a
/// scenario's value errors follow its `lang:` when no `--lang` is given.
struct LocalisedScenarioErrorTests {
    /// A scenario with `lang:` `lang` (effective 2024-11-01) and `yaml`, over Phan Rang's units and plan.
    func scenario(lang: String, _ yaml: String) throws -> (Scratch, String) {
        try phanRangScenario("name: t\nrules: vn-2023\nlang: \(lang)\neffective_date: 2024-11-01\n" + yaml)
    }

    /// A scenario's bad value (line 7, column 12) follows its `lang: vi` with no `--lang`; `--lang en` and `lang: en` keep English.
    @Test func aScenarioValueFollowsItsLang() throws {
        let (scratch, vi) = try scenario(lang: "vi", "transfers: {scope: radius}")
        let run = mergersim(["simulate", vi, "--quiet", "--out", scratch.path("vi")])
        #expect(run.code == 65)
        #expect(run.error == "lỗi: \(vi):7:12: điều động trong bán kính (scope radius) cần max_km lớn hơn 0")
        let english = "error: \(vi):7:12: transfers with scope radius need max_km above 0"
        #expect(mergersim(["simulate", vi, "--lang", "en", "--quiet", "--out", scratch.path("en")]).error == english)
        let (other, en) = try scenario(lang: "en", "transfers: {scope: radius}")
        #expect(mergersim(["simulate", en, "--quiet", "--out", other.path("en")]).error == english.replacingOccurrences(of: vi, with: en))
    }

    /// A deadline not after the effective date: its dates are written day/month/year in Vietnamese, ISO in English.
    @Test func aDeadlineWithItsDatesInTheReadersForm() throws {
        let (scratch, path) = try scenario(lang: "vi", "deadlines: {cadres: 2024-10-01}")
        let vi = mergersim(["simulate", path, "--quiet", "--out", scratch.path("vi")])
        #expect(vi.code == 65)
        #expect(vi.error == "lỗi: \(path):7:21: deadlines: thời hạn của cán bộ (01/10/2024) phải sau ngày sắp xếp có hiệu lực (01/11/2024)")
        #expect(mergersim(["simulate", path, "--lang", "en", "--quiet", "--out", scratch.path("en")]).error
                == "error: \(path):7:21: deadlines: cadres 2024-10-01 is not after the effective date 2024-11-01")
    }

    /// Someone on the roster born after the effective date (staff.csv:2:14).
    @Test func anImpossiblePersonOnTheRoster() throws {
        let scratch = try Scratch()
        try scratch.write("units.csv", Array("code,name,kind,province,district_kind,area_km2,population\n1,A,ward,P,provincial_city,1,5000\n".utf8))
        try scratch.write("plan.csv", Array("new_code,new_name,member_code,share\nN,N,1,\n".utf8))
        let staff = try scratch.write("staff.csv", Array("id,unit_code,category,sex,birth_date,insurance_years\np1,1,cadre,M,2100,\n".utf8))
        let path = try scratch.write("scenario.yaml", Array(
            "name: t\nrules: vn-2023\neffective_date: 2024-11-01\nunits: units.csv\nplan: plan.csv\nstaff: staff.csv\n".utf8))
        let vi = mergersim(["simulate", path, "--lang", "vi", "--quiet", "--out", scratch.path("vi")])
        #expect(vi.code == 65)
        #expect(vi.error == "lỗi: \(staff):2:14: birth_date: sinh 2100, sau ngày có hiệu lực 01/11/2024: người sinh vào thời điểm đó không thể đang công tác")
        #expect(mergersim(["simulate", path, "--quiet", "--out", scratch.path("en")]).error
                == "error: \(staff):2:14: birth_date: born 2100, after the effective date 2024-11-01: nobody born then is on the staff")
    }

    /// The roster's error follows the scenario's `lang: vi` in `validate` too, which has no `--lang`: read after `lang:` is known.
    @Test func aRosterErrorFollowsTheScenariosLang() throws {
        let scratch = try Scratch()
        try scratch.write("units.csv", Array("code,name,kind,province,district_kind,area_km2,population\n1,A,ward,P,provincial_city,1,5000\n".utf8))
        try scratch.write("plan.csv", Array("new_code,new_name,member_code,share\nN,N,1,\n".utf8))
        let staff = try scratch.write("staff.csv", Array("id,unit_code,category,sex,birth_date\np1,1,cadre,X,1980\n".utf8))
        let path = try scratch.write("scenario.yaml", Array(
            "name: t\nrules: vn-2023\nlang: vi\neffective_date: 2024-11-01\nunits: units.csv\nplan: plan.csv\nstaff: staff.csv\n".utf8))
        let run = mergersim(["validate", path])
        #expect(run.code == 65)
        #expect(run.error == "lỗi: \(staff):2:12: sex \"X\" phải là M hoặc F")
    }

    /// A plan member that is not a unit (the plan's own PlanError, typed), at plan.csv:2:5.
    @Test func aPlanMemberThatIsNoUnit() throws {
        let (scratch, path) = try scenario(lang: "en", "")
        let plan = try scratch.write("plan.csv", Array("new_code,new_name,member_code\nN,N,99999\n".utf8))
        let vi = mergersim(["simulate", path, "--lang", "vi", "--quiet", "--out", scratch.path("vi")])
        #expect(vi.code == 65)
        #expect(vi.error == "lỗi: \(plan):2:5: mã đơn vị hợp thành 99999 không có trong tệp đơn vị")
        #expect(mergersim(["simulate", path, "--quiet", "--out", scratch.path("en")]).error
                == "error: \(plan):2:5: member 99999 is not a code of the units file")
    }

    /// propose's adjacency file pairing a unit with itself, and a province in more pieces than its target.
    @Test func proposesFilesInVietnamese() throws {
        let scratch = try Scratch()
        let units = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path
        let itself = try scratch.write("itself.csv", Array("code_a,code_b\n22753,22753\n".utf8))
        let vi = mergersim(["propose", units, "--rules", "vn-2023", "--adjacency", itself, "--lang", "vi", "--out", scratch.path("vi")])
        #expect(vi.code == 65)
        #expect(vi.error == "lỗi: \(itself):2:7: một đơn vị không thể liền kề với chính nó")
        #expect(mergersim(["propose", units, "--rules", "vn-2023", "--adjacency", itself, "--out", scratch.path("en")]).error
                == "error: \(itself):2:7: a unit cannot neighbour itself")
        let apart = try scratch.write("apart.csv", Array("code_a,code_b\n22753,22756\n".utf8))
        let targets = try scratch.write("targets.csv", Array("province,units\nNinh Thuận,2\n".utf8))
        let pieces = mergersim(["propose", units, "--rules", "vn-2023", "--adjacency", apart, "--targets", targets, "--moves", "50",
                                "--lang", "vi", "--out", scratch.path("pieces")])
        #expect(pieces.code == 65)
        #expect(pieces.error == "lỗi: \(targets):2:12: Ninh Thuận dự kiến có 2 đơn vị, nhưng 5 đơn vị của tỉnh nằm trong 4 cụm không liền kề nhau: "
                + "{22753, 22756}; {22759}; {22750}; {22747} (22759, 22750, 22747 không có lat/lon và không có đơn vị liền kề nên mỗi đơn vị "
                + "giữ nguyên là một đơn vị riêng). Mỗi đơn vị mới phải liền một khối: hãy đặt ít nhất 4 đơn vị, hoặc chỉ ra các đơn vị liền kề nối các cụm")
    }

    /// A sweep file's seed listed twice (4:15), and a varied value the scenario refuses, said with the scenario's own
    /// reason in the same language (3:3).
    @Test func aSweepFileInVietnamese() throws {
        let (scratch, _) = try scenario(lang: "en", "")
        let twice = try scratch.write("twice.yaml", Array("scenario: scenario.yaml\nvary:\n  transfers.scope: [none]\nseeds: [1, 3, 3]\n".utf8))
        #expect(mergersim(["sweep", twice, "--lang", "vi", "--quiet", "--out", scratch.path("vi")]).error == "lỗi: \(twice):4:15: seeds: 3 được ghi hai lần")
        #expect(mergersim(["sweep", twice, "--quiet", "--out", scratch.path("en")]).error == "error: \(twice):4:15: seeds: 3 is listed twice")
        let refused = try scratch.write("refused.yaml", Array("scenario: scenario.yaml\nvary:\n  transition.runs: [2, 0]\n".utf8))
        let vi = mergersim(["sweep", refused, "--lang", "vi", "--quiet", "--out", scratch.path("vi")])
        #expect(vi.code == 65)
        #expect(vi.error == "lỗi: \(refused):3:3: vary.transition.runs = 0: transition runs phải từ 1 đến 100.000")
        #expect(mergersim(["sweep", refused, "--quiet", "--out", scratch.path("en")]).error
                == "error: \(refused):3:3: vary.transition.runs = 0: transition runs must be from 1 to 100,000")
    }
}
