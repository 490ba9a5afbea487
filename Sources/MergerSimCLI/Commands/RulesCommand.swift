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
              mergersim rules vn-2026 --lang vi   the description in Vietnamese
            """)

    @Argument(help: "A bundled rule set id or a rule file's path.", completion: .custom { _, _, _ in RuleSetLoader.completionIDs })
    var id: String?

    @Flag(help: "List every key path of the rule set that holds a value, with the value: what `--set rules.PATH=VALUE` changes.")
    var keys = false

    @Option(help: "The language of the description: en or vi. `--keys` prints key paths and values, the same in both.")
    var lang: Labels.Language = .en

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
        let labels = try Labels(lang)
        guard let id else {
            console.out(labels("rules.list_heading"))
            for bundled in try RuleSetLoader.bundledIDs {
                let rules = try RuleSetLoader.load(bundled).rules
                let title = lang == .vi ? rules.vietnameseTitle : rules.title
                console.out("  \(bundled)" + (title.map { "  " + $0 } ?? ""))
            }
            return
        }
        console.out(try RuleSetDescription.text(try RuleSetLoader.load(id), labels: labels))
    }
}
