/// Specific-factor reductions of the standards for rural units.
///
/// Each reduction lowers the population or area standard to a percentage;
/// only one reduction per standard applies, the most favourable.
public struct Reductions: Sendable, Codable, Hashable {
    public var rule: String
    public var status: Status?
    /// The unit kinds that may be reduced ("rural units").
    public var appliesTo: [UnitKind]
    public var ethnicMinority: EthnicMinority?
    /// Especially difficult coastal or sandbank commune: population standard at this percentage.
    public var coastalDifficultPopulationPercent: Int?
    /// Red River Delta: area standard at this percentage.
    public var redRiverDeltaAreaPercent: Int?

    enum CodingKeys: String, CodingKey {
        case rule, status
        case appliesTo = "applies_to"
        case ethnicMinority = "ethnic_minority"
        case coastalDifficultPopulationPercent = "coastal_difficult_population_pct"
        case redRiverDeltaAreaPercent = "red_river_delta_area_pct"
    }

    /// The ethnic-minority reduction: from `minimumShare` of minority
    /// population in a mountainous, highland or land-border area, the
    /// population standard is `populationPercent`, lowered by `stepPercent`
    /// per full `stepShare` of further minority share, down to `floorPercent`.
    public struct EthnicMinority: Sendable, Codable, Hashable {
        public var minimumShare: FixedDecimal
        public var populationPercent: Int
        public var stepShare: FixedDecimal
        public var stepPercent: Int
        public var floorPercent: Int

        enum CodingKeys: String, CodingKey {
            case minimumShare = "min_share"
            case populationPercent = "population_pct"
            case stepShare = "step_share"
            case stepPercent = "step_pct"
            case floorPercent = "floor_pct"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            minimumShare = FixedDecimal(millionths: try c.decode(FixedDecimal.self, forKey: .minimumShare).millionths)
            populationPercent = try c.decode(Int.self, forKey: .populationPercent)
            stepShare = FixedDecimal(millionths: try c.decode(FixedDecimal.self, forKey: .stepShare).millionths)
            stepPercent = try c.decode(Int.self, forKey: .stepPercent)
            floorPercent = try c.decode(Int.self, forKey: .floorPercent)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(minimumShare.doubleValue, forKey: .minimumShare)
            try c.encode(populationPercent, forKey: .populationPercent)
            try c.encode(stepShare.doubleValue, forKey: .stepShare)
            try c.encode(stepPercent, forKey: .stepPercent)
            try c.encode(floorPercent, forKey: .floorPercent)
        }
    }
}
