/// The legal name of the instrument and article an R-id comes from, in each language of the reports
/// (a rule set's `citations:` table, docs/LAW.md): R-2.2a → "Res. 35/2023/UBTVQH15, Art. 3" /
/// "Nghị quyết 35/2023/UBTVQH15, Điều 3".
public struct Citation: Sendable, Codable, Hashable {
    /// In English.
    public var en: String
    /// In Vietnamese, as a Vietnamese official writes it.
    public var vi: String

    public init(en: String, vi: String) {
        self.en = en
        self.vi = vi
    }
}

/// A rule set's citations by R-id.
public typealias Citations = [String: Citation]

extension Citation {
    /// The R-ids in a rule value such as "R-4.7" or "R-2.2a (NC)": the words that start with `R-` and a digit.
    public static func ruleIDs(in rule: String) -> [String] {
        rule.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" })
            .filter { $0.hasPrefix("R-") && $0.dropFirst(2).first?.isNumber == true }.map(String.init)
    }
}
