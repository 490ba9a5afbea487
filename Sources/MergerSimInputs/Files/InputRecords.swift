import MergerSim

/// An input file a run read, as its manifest lists it: its role, its path, its SHA-256 and its rows.
public struct InputRecord: Codable, Sendable {
    public var role: String
    public var path: String
    public var sha256: String
    public var rows: Int

    public init(role: String, path: String, bytes: [UInt8], rows: Int) {
        self.role = role
        self.path = path
        self.sha256 = SHA256.hex(bytes)
        self.rows = rows
    }
}

/// A value a run used without being given it, as its manifest lists it: the name, the value, the rule
/// and its status where the law sets it, and the units it applied to where it applies per unit.
public struct DefaultRecord: Codable, Sendable, Equatable {
    public var name: String
    /// The value in the manifest's words (English): ``meaning``'s English, or the value as written.
    public var value: String
    public var rule: String?
    public var status: String?
    /// How many units it was applied to, where it applies per unit.
    public var units: Int?
    /// What the value says, typed, for a table in a person's language; not in the manifest, which has ``value``
    /// (a record read back from a manifest is ``DefaultMeaning/asWritten``).
    public var meaning: DefaultMeaning = .asWritten

    private enum CodingKeys: String, CodingKey { case name, value, rule, status, units }

    /// A value that reads the same in every language (a number, an id, a code).
    public init(name: String, value: String, rule: String? = nil, status: Status? = nil, units: Int? = nil) {
        self.name = name
        self.value = value
        self.rule = rule
        self.status = status?.rawValue
        self.units = units
    }

    /// A value told by `meaning`; the manifest's value is its English.
    public init(name: String, meaning: DefaultMeaning, rule: String? = nil, status: Status? = nil, units: Int? = nil) {
        self.init(name: name, value: meaning.english ?? "", rule: rule, status: status, units: units)
        self.meaning = meaning
    }
}
