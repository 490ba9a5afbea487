import MergerSim

/// The assumptions a person's table shows (the workbook's sheet, the report's annex), with what names them in
/// the language: the run's NC values and the defaults it applied, with the Vietnamese names of the rule set's
/// instruments and its citations. Made from the rule set that gave the values, so no table can show them
/// without their names.
public struct RunAssumptions: Sendable {
    /// The NC values (``RunManifest/assumptions``).
    public var values: [RunManifest.Assumption]
    /// The defaults applied (``RunManifest/defaults``).
    public var defaults: [RunManifest.DefaultEntry]
    /// The rule set's Vietnamese names of its instruments, by their English titles.
    public var instrumentNames: [String: String]
    /// The rule set's citations, by R-id.
    public var citations: Citations

    /// The assumptions of `manifest`, named by `rules`, the rule set the manifest records.
    public init(_ manifest: RunManifest, rules: RuleSet) {
        self.init(values: manifest.assumptions, defaults: manifest.defaults, rules: rules)
    }

    /// `values` and `defaults`, named by `rules`, the rule set that gave them.
    public init(values: [RunManifest.Assumption], defaults: [RunManifest.DefaultEntry], rules: RuleSet) {
        self.values = values
        self.defaults = defaults
        instrumentNames = rules.instrumentNames ?? [:]
        citations = rules.citations
    }

    private init() {
        values = []
        defaults = []
        instrumentNames = [:]
        citations = [:]
    }

    /// No assumptions: a table whose settings are its rows (a sweep's).
    public static let none = RunAssumptions()

    /// The same, without the defaults (the report's annex lists the rule set's values only).
    public var withoutDefaults: RunAssumptions {
        var copy = self
        copy.defaults = []
        return copy
    }
}
