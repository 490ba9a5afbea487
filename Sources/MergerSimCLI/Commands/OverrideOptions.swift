import ArgumentParser
import MergerSimInputs
import MergerSimReports

/// `--set KEY=VALUE`, repeatable: a scenario key or a rule-set value by its key path, in place of the file's.
struct OverrideOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp(
        "A value in place of the scenario's or rule set's: a scenario key (transfers.scope=none, transition.runs=200) "
        + "or a rule-set key path after rules. (rules.transition.exits.resignation_uptake=0.3; `mergersim rules ID --keys` "
        + "lists them). Repeatable.", valueName: "key=value"))
    var set: [String] = []

    /// The overrides, parsed (64 for one not of the form KEY=VALUE), later ones after earlier ones.
    func parsed() throws(InputError) -> [Override] {
        var overrides: [Override] = []
        for text in set { overrides.append(try Override(parsing: text)) }
        return overrides
    }
}

extension Labels.Language: ExpressibleByArgument {}
