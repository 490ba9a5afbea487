import ArgumentParser
import MergerSimIO

/// `mergersim rules [ID]`: the bundled rule sets, or one of them in full.
struct RulesCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the bundled rule sets, or print one (an id or a rule file's path) with every value and its rule.")

    @Argument(help: "A bundled rule set id or a rule file's path.")
    var id: String?

    func execute(arguments: [String], console: Console) throws {
        guard let id else {
            console.out("Bundled rule sets (print one with `mergersim rules ID`):")
            for bundled in RuleSetLoader.bundledIDs {
                let loaded = try RuleSetLoader.load(bundled)
                console.out("  \(bundled)  \(loaded.rules.title)")
            }
            return
        }
        console.out(RuleSetDescription.text(try RuleSetLoader.load(id)))
    }
}
