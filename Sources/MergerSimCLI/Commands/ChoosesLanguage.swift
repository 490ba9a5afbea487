import MergerSimReports

/// A command whose `--lang` chooses the language of what it says, its error messages included.
protocol ChoosesLanguage {
    /// The language given on the command line, or nil when the command falls back to its inputs' (a scenario's `lang:`).
    var messageLanguage: Labels.Language? { get }
}

extension Simulate: ChoosesLanguage {
    var messageLanguage: Labels.Language? { lang }
}

extension Screen: ChoosesLanguage {
    var messageLanguage: Labels.Language? { lang }
}

extension Sweep: ChoosesLanguage {
    var messageLanguage: Labels.Language? { lang }
}

extension Compare: ChoosesLanguage {
    var messageLanguage: Labels.Language? { lang }
}

extension Validate: ChoosesLanguage {
    var messageLanguage: Labels.Language? { lang }
}

extension Package: ChoosesLanguage {
    var messageLanguage: Labels.Language? { lang }
}

extension Sensitivity: ChoosesLanguage {
    var messageLanguage: Labels.Language? { lang }
}

extension Propose: ChoosesLanguage {
    var messageLanguage: Labels.Language? { lang }
}

extension StoreCommand.Merge: ChoosesLanguage {
    var messageLanguage: Labels.Language? { lang }
}

extension RulesCommand: ChoosesLanguage {
    var messageLanguage: Labels.Language? { lang }
}
