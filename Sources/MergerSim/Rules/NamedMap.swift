/// Values keyed by the cases of a closed set of names (unit kinds, staff categories), some of them
/// absent: a rule file's `cap: {commune: 20, ward: 23}` or `by_category: {non_professional: …}`.
///
/// Every key is checked when the map is decoded: a name that is no case of `Key` is an error at that
/// key, naming the cases (the reader gives its line and column); past the boundary, lookups are by the
/// typed key.
public struct NamedMap<Key: RawRepresentable & CaseIterable & Hashable & Sendable, Value>
where Key.RawValue == String {
    /// The values given, by key.
    public var values: [Key: Value]

    public init(_ values: [Key: Value] = [:]) { self.values = values }

    /// The value given for `key`, if any.
    public subscript(key: Key) -> Value? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// The keys given, in the order of `Key`'s cases.
    public var keys: [Key] { Key.allCases.filter { values[$0] != nil } }

    /// The values given with their keys, in the order of the keys' names (as a file sorted by key lists them).
    public var sortedByName: [(key: Key, value: Value)] { values.sorted { $0.key.rawValue < $1.key.rawValue } }
}

extension NamedMap: Sendable where Value: Sendable {}
extension NamedMap: Equatable where Value: Equatable {}
extension NamedMap: Hashable where Value: Hashable {}

extension NamedMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (Key, Value)...) { self.init(Dictionary(uniqueKeysWithValues: elements)) }
}

extension NamedMap: Codable where Value: Codable {
    /// Decodes a mapping of names, refusing a name that is no case of `Key`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Name.self)
        var values: [Key: Value] = [:]
        for name in container.allKeys {
            guard let key = Key(rawValue: name.stringValue) else {
                throw ValueRefusal.name(subject: nil, text: name.stringValue, choices: Key.allCases.map(\.rawValue))
                    .decodingError(at: container.codingPath + [name])
            }
            values[key] = try container.decode(Value.self, forKey: name)
        }
        self.values = values
    }

    /// Encodes a mapping of names.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Name.self)
        for (key, value) in values { try container.encode(value, forKey: Name(stringValue: key.rawValue)) }
    }

    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
