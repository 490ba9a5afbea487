import MergerSimReports

/// A command whose `--lang` chooses the language of what it says, its error messages included.
protocol ChoosesLanguage {
    /// The language given on the command line, or nil when the command falls back to its inputs' (a scenario's `lang:`).
    var messageLanguage: Labels.Language? { get }
}

/// A command whose `--lang` defaults to English.
protocol HasLanguageOption: ChoosesLanguage {
    var lang: Labels.Language { get }
}

extension HasLanguageOption {
    var messageLanguage: Labels.Language? { lang }
}

/// A command whose `--lang` may be left out for its scenario's `lang:`.
protocol HasScenarioLanguageOption: ChoosesLanguage {
    var lang: Labels.Language? { get }
}

extension HasScenarioLanguageOption {
    var messageLanguage: Labels.Language? { lang }
}

extension Simulate: HasScenarioLanguageOption {}
extension Validate: HasScenarioLanguageOption {}
extension Screen: HasLanguageOption {}
extension Sweep: HasLanguageOption {}
extension Compare: HasLanguageOption {}
extension Package: HasLanguageOption {}
extension Sensitivity: HasLanguageOption {}
extension Propose: HasLanguageOption {}
extension StoreCommand.Merge: HasLanguageOption {}
extension RulesCommand: HasLanguageOption {}
