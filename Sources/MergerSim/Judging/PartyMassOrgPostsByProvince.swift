/// Party and mass-organisation posts a unit as a scenario sets them: per province, and for
/// the provinces it does not list; where it sets neither, the rule set's default applies.
public struct PartyMassOrgPostsByProvince: Sendable, Hashable {
    /// The provinces given their own number of posts, by name.
    public var listed: [String: Int]
    /// The posts of a province not listed; nil: the rule set's default.
    public var unlisted: Int?

    public init(listed: [String: Int] = [:], unlisted: Int? = nil) {
        self.listed = listed
        self.unlisted = unlisted
    }

    /// The posts a unit of `province` has: its own, else ``unlisted``; nil for the rule set's default.
    public subscript(province: String) -> Int? { listed[province] ?? unlisted }
}
