/// Parameters of reallocation (stage 1: envelopes; stage 2: transfers). All are
/// assumptions of mergersim's, not the law's: marked NC in the bundled rule sets.
public struct ReallocationRules: Sendable, Codable, Hashable {
    public var envelope: EnvelopeRules
    public var crossCategory: CrossCategory

    enum CodingKeys: String, CodingKey {
        case envelope
        case crossCategory = "cross_category"
    }

    /// How an envelope is shared: workload weights, the penalty for straying
    /// from the workload share, and the caps' headroom above the formula quota.
    public struct EnvelopeRules: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var populationWeight: Double
        public var areaWeight: Double
        public var penalty: Double
        public var headroom: Int

        enum CodingKeys: String, CodingKey {
            case rule, status, penalty, headroom
            case populationWeight = "population_weight"
            case areaWeight = "area_weight"
        }
    }

    /// The category pairs a surplus person may move between when the scenario allows it.
    public struct CrossCategory: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var pairs: [CategoryPair]
    }
}
