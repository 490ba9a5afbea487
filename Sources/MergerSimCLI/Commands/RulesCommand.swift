import ArgumentParser
import MergerSimInputs
import MergerSimReports

/// `mergersim rules [ID]`: the bundled rule sets, or one of them in full.
struct RulesCommand: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the bundled rule sets, or print one (an id or a rule file's path) with every value and its rule.",
        discussion: """
            Writes nothing.

            Examples:
              mergersim rules vn-2025          every value with its rule, transition assumptions included
              mergersim rules vn-2025 --keys   every key path --set rules.PATH=VALUE can change
            """)

    @Argument(help: "A bundled rule set id or a rule file's path.", completion: .custom { _, _, _ in RuleSetLoader.completionIDs })
    var id: String?

    @Flag(help: "List every key path of the rule set that holds a value, with the value: what `--set rules.PATH=VALUE` changes.")
    var keys = false

    func execute(arguments: [String], console: Console) throws {
        if keys {
            guard let id else { throw InputError(.usage, file: "--keys", "--keys needs a rule set: mergersim rules ID --keys") }
            let paths = try RuleSetLoader.keyPaths(id)
            let width = paths.map(\.path.count).max() ?? 0
            for (path, value) in paths {
                console.out("rules." + path + String(repeating: " ", count: width - path.count + 2) + value)
            }
            return
        }
        guard let id else {
            console.out("Bundled rule sets (print one with `mergersim rules ID`):")
            for bundled in try RuleSetLoader.bundledIDs {
                let loaded = try RuleSetLoader.load(bundled)
                console.out("  \(bundled)  \(loaded.rules.title)")
            }
            return
        }
        console.out(RuleSetDescription.text(try RuleSetLoader.load(id)))
    }
}
