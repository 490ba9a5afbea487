import Testing
import MergerSimCLI

/// Issue 12, item 6: help a planner can act on, and shell completion.
struct HelpTests {
    @Test(arguments: [["screen"], ["simulate"], ["validate"], ["sweep"], ["sensitivity"], ["compare"], ["store", "merge"], ["package"], ["rules"]])
    func everySubcommandsHelpHasAnExampleAndSaysWhatItWrites(command: [String]) {
        let help = mergersim(command + ["--help"])
        #expect(help.code == 0)
        #expect(help.out.contains("Example"), "\(command): \(help.out)")
        #expect(help.out.contains("Writes") || help.out.contains("writes"), "\(command)")
    }

    @Test func completionOffersFilesRuleSetsRoundsAndLanguages() {
        let script = mergersim(["--generate-completion-script", "bash"])
        #expect(script.code == 0)
        #expect(script.out.contains("'2019'$'\\n''2023'$'\\n''2026'"))
        #expect(script.out.contains("'en'$'\\n''vi'"))
        #expect(script.out.contains("!*.@(yaml|yml)") && script.out.contains("!*.@(csv)"))
        let rules = mergersim(["---completion", "screen", "--", "--rules", "3", "0"])
        #expect(rules.out.split(separator: "\n").map(String.init) == ["vn-2019", "vn-2023", "vn-2025", "vn-2026"], "\(rules.out) \(rules.error)")
    }

    @Test func theRuleSetPrintsItsTransitionAssumptions() {
        let rules = mergersim(["rules", "vn-2025"])
        #expect(rules.out.contains("exits a year: voluntary cadres 0.01") && rules.out.contains("(resignation) of those offered [NC]"))
        #expect(rules.out.contains("synthetic roster") && rules.out.contains("non_professional: 0.45 women"))
    }
}
