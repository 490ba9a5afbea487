import Foundation
import Testing

/// Issue 23: YAML syntax and value errors and the rule set's checks are said in the chosen language at the same
/// `file:line:column:`, their English unchanged (the sentences of `YAMLReason` and `RuleSetReason`).
struct LocalisedYAMLErrorTests {
    /// Runs `simulate` on a Phan Rang scenario whose lines after `units:` and `plan:` are `yaml`, in Vietnamese and
    /// in English, and expects exit 65 (or `code`) with the two sentences after the scenario's path and `place`.
    /// `files` are written beside the scenario first.
    private func expect(_ yaml: String, files: [String: String] = [:], extra: [String] = [], code: Int32 = 65, at place: (String) -> String,
                        vi: String, en: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (scratch, scenario) = try phanRangScenario(yaml)
        for (name, text) in files { try scratch.write(name, Array(text.utf8)) }
        let inVietnamese = mergersim(["simulate", scenario, "--lang", "vi", "--quiet", "--out", scratch.path("vi")] + extra)
        #expect(inVietnamese.code == code, sourceLocation: sourceLocation)
        #expect(inVietnamese.error == "lỗi: \(place(scratch.url.path)): \(vi)", sourceLocation: sourceLocation)
        let inEnglish = mergersim(["simulate", scenario, "--quiet", "--out", scratch.path("en")] + extra)
        #expect(inEnglish.code == code, sourceLocation: sourceLocation)
        #expect(inEnglish.error == "error: \(place(scratch.url.path)): \(en)", sourceLocation: sourceLocation)
    }

    /// A tab indenting a key (6:1): the parser's problem said in Vietnamese with its likely cause.
    @Test func aTabInTheScenario() throws {
        try expect("name: t\nrules: vn-2023\ntransition:\n\tyears: 2\n", at: { "\($0)/scenario.yaml:6:1" },
                   vi: "kịch bản không phải YAML hợp lệ: gặp ký tự không thể mở đầu một thành phần (thường là ký tự tab: YAML chỉ thụt lề "
                       + "bằng dấu cách)",
                   en: "the scenario is not valid YAML: found character that cannot start any token")
    }

    /// A key written twice (5:1, the second `name:`).
    @Test func aKeyTwice() throws {
        try expect("name: t\nrules: vn-2023\nname: u\n", at: { "\($0)/scenario.yaml:5:1" },
                   vi: "khóa \"name\" được ghi hai lần ở cùng một cấp trong kịch bản",
                   en: "the key \"name\" appears twice in the same mapping of the scenario")
    }

    /// A transfer scope that is none of the names (5:20): the domain's typed refusal, its choices as written.
    @Test func anUnknownTransferScope() throws {
        try expect("name: t\nrules: vn-2023\ntransfers: {scope: region}\n", at: { "\($0)/scenario.yaml:5:20" },
                   vi: "transfers.scope: phạm vi điều động \"region\" không phải là none, district, province hoặc radius",
                   en: "transfers.scope: transfers scope \"region\" is not none, district, province or radius")
    }

    /// A whole number written in words (5:21).
    @Test func aNumberInWords() throws {
        try expect("name: t\nrules: vn-2023\ntransition: {years: two}\n", at: { "\($0)/scenario.yaml:5:21" },
                   vi: "transition.years: cần một số nguyên viết bằng chữ số thập phân (như 12 hoặc -3), nhưng gặp \"two\"",
                   en: "transition.years: expected a whole number in decimal digits (such as 12 or -3), found \"two\"")
    }

    /// A planner's rule file with an uptake above 1, at its line and column: the decimal written with a comma in Vietnamese.
    @Test func aRuleFileUptakeAboveOne() throws {
        let bundled = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/sets/vn-2023.yaml"), encoding: .utf8)
        let lines = bundled.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains("resignation_uptake:") })
        let column = try #require(lines[index].firstIndex(of: ":")).utf16Offset(in: lines[index]) + 3
        var edited = lines.map(String.init)
        edited[index] = String(lines[index].prefix(column - 1)) + "1.5"
        try expect("name: t\nrules: rules.yaml\n", files: ["rules.yaml": edited.joined(separator: "\n")], at: { "\($0)/rules.yaml:\(index + 1):\(column)" },
                   vi: "transition.exits.resignation_uptake bằng 1,5; tỷ lệ phải từ 0 đến 1",
                   en: "transition.exits.resignation_uptake is 1.5; a rate or uptake must be from 0 to 1")
    }

    /// `--set` a rule set's key that does not exist, and a default round that is not listed: 64 and 65 at the `--set`.
    @Test func overridesOfTheRuleSet() throws {
        try expect("name: t\nrules: vn-2023\n", extra: ["--set", "rules.transition.nope=1"], code: 64,
                   at: { _ in "--set rules.transition.nope=1" },
                   vi: "không có khóa \"nope\" trong transition; các khóa có: retirement, synthetic_roster, exit_law, exits, base_salary",
                   en: "no key \"nope\" in transition; it has retirement, synthetic_roster, exit_law, exits, base_salary")
        try expect("name: t\nrules: vn-2023\n", extra: ["--set", "rules.screening.default_round=9"], code: 64,
                   at: { _ in "--set rules.screening.default_round=9" },
                   vi: "screening: default_round 9 không thuộc các đợt đã liệt kê",
                   en: "screening: default_round 9 is not one of the rounds listed")
    }
}
