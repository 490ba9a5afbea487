/// A value a file writes by one of a few names (a province class, a transfer scope, an offer model, a
/// window): read once where the file is read, any other text refused with a sentence naming the choices.
extension RawRepresentable where RawValue == String, Self: CaseIterable {
    /// The value named by the text `decoder` holds; otherwise a decoding error whose underlying error is a
    /// ``ValueRefusal/name(subject:text:choices:)`` naming the choices, which the reader locates at the value's
    /// line and column.
    public init(named decoder: any Decoder, subject: ValueRefusal.Subject) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw ValueRefusal.name(subject: subject, text: text, choices: Self.allCases.map(\.rawValue)).decodingError(in: container)
        }
        self = value
    }
}

extension ValueRefusal {
    /// The `DecodingError` at `container`'s coding path, with this refusal as its underlying error.
    public func decodingError(in container: any SingleValueDecodingContainer) -> DecodingError {
        .dataCorrupted(.init(codingPath: container.codingPath, debugDescription: english, underlyingError: self))
    }

    /// The `DecodingError` at `codingPath`, with this refusal as its underlying error.
    public func decodingError(at codingPath: [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: english, underlyingError: self))
    }
}
