import Foundation

extension Scenario {
    /// The files a run of the scenario reads: the scenario itself, its units, plan and roster, and its rule
    /// files when they are files rather than bundled ids. An output folder may not hold any of them.
    public var filesRead: [String] {
        var files = [file, path(settings.units), path(settings.plan)]
        if let staff = settings.staff { files.append(path(staff)) }
        for rules in [settings.rules, settings.rulesBefore].compactMap({ $0 }) where !RuleSetLoader.isBundled(rules) {
            files.append(rulesLocation(rules))
        }
        return files
    }
}
