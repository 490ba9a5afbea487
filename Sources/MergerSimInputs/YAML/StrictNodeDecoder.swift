import Foundation
import Yams

/// Decodes a `Decodable` value from composed YAML nodes as Yams' `YAMLDecoder` does, but with every
/// number read through ``DecimalText``: Yams hands `Int` and `Double` the YAML 1.1 forms (`012` octal,
/// `0x1F`, `1_000`, `1:20`, `.inf`), which a mergersim file must not mean.
///
/// Text, true/false and null are read as Yams reads them; a number in another form is a
/// `DecodingError.dataCorrupted` at its coding path, naming the value, which ``YAMLDocument`` places
/// at its line and column.
struct StrictNodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, codingPath: [any CodingKey] = []) {
        self.node = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw mismatch(Node.Mapping.self) }
        return KeyedDecodingContainer(Keyed(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw mismatch(Node.Sequence.self) }
        return Unkeyed(decoder: self, sequence: sequence)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func child(_ node: Node, _ key: any CodingKey) -> StrictNodeDecoder {
        StrictNodeDecoder(node: node, codingPath: codingPath + [key])
    }

    fileprivate func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) here."))
    }

    private func scalar() throws -> Node.Scalar {
        guard case .scalar(let scalar) = node else { throw mismatch(Node.Scalar.self) }
        return scalar
    }

    /// A number in another form than ``DecimalText``'s: the underlying error of a `DecodingError.dataCorrupted`.
    enum Refusal: Error {
        case wholeNumberTooLarge(text: String, lowest: String, highest: String)
        case notWholeNumber(text: String, signed: Bool)
        case notDecimal(text: String)

        /// The reason, for a value at `at` (a key path and `: `, or empty).
        func reason(at: String) -> YAMLReason {
            switch self {
            case let .wholeNumberTooLarge(text, lowest, highest): .wholeNumberTooLarge(at: at, text: text, lowest: lowest, highest: highest)
            case let .notWholeNumber(text, signed): .notWholeNumber(at: at, text: text, signed: signed)
            case let .notDecimal(text): .notDecimal(at: at, text: text)
            }
        }
    }

    private func corrupted(_ refusal: Refusal) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: InputError.Reason.yaml(refusal.reason(at: "")).english,
                             underlyingError: refusal))
    }

    /// `T` read from this node: numbers by ``DecimalText``, text and true/false as Yams reads them,
    /// anything else by its own `init(from:)`.
    fileprivate func value<T: Decodable>(_ type: T.Type) throws -> T {
        let value: Any
        switch type {
        case is String.Type:
            value = try scalar().string
        case is Bool.Type:
            guard let bool = Bool.construct(from: try scalar()) else { throw mismatch(type) }
            value = bool
        case is Double.Type:
            value = try decimal()
        case is Float.Type:
            value = Float(try decimal())
        case let integerType as any FixedWidthInteger.Type:
            value = try integer(integerType)
        default:
            return try T(from: self)
        }
        guard let typed = value as? T else { throw mismatch(type) }
        return typed
    }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let text = try scalar().string
        guard let value = DecimalText.integer(text, as: type) else {
            if DecimalText.integer(text, as: Int64.self) != nil || DecimalText.integer(text, as: UInt64.self) != nil {
                throw corrupted(.wholeNumberTooLarge(text: text, lowest: "\(I.min)", highest: "\(I.max)"))
            }
            throw corrupted(.notWholeNumber(text: text, signed: I.isSigned))
        }
        return value
    }

    private func decimal() throws -> Double {
        let text = try scalar().string
        guard let value = DecimalText.decimal(text) else { throw corrupted(.notDecimal(text: text)) }
        return value
    }
}

extension StrictNodeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { node.null != nil }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try value(type) }
}

/// The keys of a mapping node.
private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: StrictNodeDecoder
    let mapping: Node.Mapping

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { mapping.keys.compactMap { $0.string.flatMap(Key.init(stringValue:)) } }
    func contains(_ key: Key) -> Bool { mapping[key.stringValue] != nil }

    private func child(_ key: any CodingKey) throws -> StrictNodeDecoder {
        guard let node = mapping[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value for key \"\(key.stringValue)\"."))
        }
        return decoder.child(node, key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).value(type) }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { try child(IndexKey(stringValue: "super")) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

/// The items of a sequence node, in order.
private struct Unkeyed: UnkeyedDecodingContainer {
    let decoder: StrictNodeDecoder
    let sequence: Node.Sequence
    var currentIndex = 0

    init(decoder: StrictNodeDecoder, sequence: Node.Sequence) {
        self.decoder = decoder
        self.sequence = sequence
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { sequence.count }
    var isAtEnd: Bool { currentIndex >= sequence.count }

    private mutating func next() throws -> StrictNodeDecoder {
        let key = IndexKey(intValue: currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath + [key], debugDescription: "The list has no more items."))
        }
        defer { currentIndex += 1 }
        return decoder.child(sequence[currentIndex], key)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, sequence[currentIndex].null != nil else { return false }
        currentIndex += 1
        return true
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().value(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

/// A list position (or `super`) as a coding key.
private struct IndexKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { (self.stringValue, intValue) = (stringValue, nil) }
    init(intValue: Int) { (self.stringValue, self.intValue) = (String(intValue), intValue) }
}
