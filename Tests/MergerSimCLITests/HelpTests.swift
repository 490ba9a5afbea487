import ArgumentParser
import Testing
import MergerSimCLI

/// Issue 12, item 6: help a planner can act on, and shell completion.
struct HelpTests {
    /// Every command a planner runs (those without subcommands of their own), as its words on the command
    /// line, read from the commands' configuration so that a new one cannot be left out.
    static let commandsRun: [[String]] = {
        func leaves(_ command: any ParsableCommand.Type, path: [String]) -> [[String]] {
            let subcommands = command.configuration.subcommands
            return subcommands.isEmpty ? [path] : subcommands.flatMap { leaves($0, path: path + [$0._commandName]) }
        }
        return leaves(MergerSimCommand.self, path: [])
    }()

    @Test func everyCommandIsFound() {
        // The enumeration itself: the commands there are today, each once; `store` by its subcommand.
        let known = [["screen"], ["simulate"], ["validate"], ["sweep"], ["sensitivity"], ["propose"], ["compare"], ["store", "merge"],
                     ["package"], ["rules"], ["serve"]]
        #expect(known.allSatisfy(Self.commandsRun.contains), "\(Self.commandsRun)")
        #expect(!Self.commandsRun.contains(["store"]) && Set(Self.commandsRun).count == Self.commandsRun.count)
    }

    @Test(arguments: commandsRun)
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
