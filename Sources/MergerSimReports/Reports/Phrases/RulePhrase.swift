import MergerSim

/// An R-id as a person reads it: with the legal name of its instrument beside it in the labels' language
/// ("R-2.6, Nghị quyết 76/2025/UBTVQH15") when a citation is given; the R-id alone when not (the CSV files,
/// which keep the text they always had).
public struct RulePhrase: Phrase, Hashable {
    public var rule: String
    public var citation: Citation?

    public init(_ rule: String, citation: Citation?) {
        self.rule = rule
        self.citation = citation
    }

    /// `rule` cited from `citations` when given (nil: the R-id alone).
    public init(_ rule: String, citations: Citations?) {
        self.init(rule, citation: citations.flatMap { table in Citation.ruleIDs(in: rule).first.flatMap { table[$0] } })
    }

    public func text(_ labels: Labels) -> String {
        guard let citation else { return rule }
        return labels("note.rule_cited", ["rule": rule, "citation": labels.citationText(citation)])
    }
}

extension Labels {
    /// A citation in this table's language.
    public func citationText(_ citation: Citation) -> String { language == .vi ? citation.vi : citation.en }
}
