extension TransferSettings.Scope {
    /// A scope by its name, as a scenario writes `transfers.scope`; the radius's distance comes apart
    /// (`max_km`).
    public enum Name: String, Sendable, Hashable, CaseIterable, Decodable {
        case none, district, province, radius

        /// Reads a scope name, refusing any other text with a sentence naming the scopes (located by the reader).
        public init(from decoder: any Decoder) throws {
            try self.init(named: decoder, subject: .transfersScope)
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
