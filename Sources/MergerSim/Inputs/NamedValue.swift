/// A value a file writes by one of a few names (a province class, a transfer scope, an offer model, a
/// window): read once where the file is read, any other text refused with a sentence naming the choices.
extension RawRepresentable where RawValue == String {
    /// The value named by the text `decoder` holds; otherwise a decoding error whose sentence is
    /// `refusal(text)`, which the reader locates at the value's line and column.
    public init(named decoder: any Decoder, refusal: (String) -> String) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: refusal(text))
        }
        self = value
    }
}
