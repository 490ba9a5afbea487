extension TransferSettings.Scope {
    /// A scope by its name, as a scenario writes `transfers.scope`; the radius's distance comes apart
    /// (`max_km`).
    public enum Name: String, Sendable, Hashable, CaseIterable, Decodable {
        case none, district, province, radius

        /// Reads a scope name, refusing any other text with a sentence naming the scopes (located by the reader).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let name = Name(rawValue: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "transfers scope \"\(text)\" is not none, district, province or radius")
            }
            self = name
        }
    }

    /// The scope's name.
    public var name: Name {
        switch self {
        case .none: .none
        case .district: .district
        case .province: .province
        case .radius: .radius
        }
    }
}
