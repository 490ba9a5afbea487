/// What a unit formed by a merger must reach.
///
/// With no `targets`, a merged unit must meet the standards themselves
/// otherwise the first matching target applies, as percentages of
/// the standard or as absolute figures. Merging `waivedFromMembers`
/// units or more waives the targets; a merger of two units may stand
/// without them when no further neighbour can be added (`twoMemberException`).
public struct MergedUnitTargets: Sendable, Codable, Hashable {
    public var rule: String
    public var status: Status?
    public var waivedFromMembers: Int?
    public var twoMemberException: Bool
    public var targets: [Target]
    /// The kinds of unit a proposal keeps on their own (NC), if the rule set names any.
    public var keptAlone: KeptAlone?

    enum CodingKeys: String, CodingKey {
        case rule, status, targets
        case waivedFromMembers = "waived_from_members"
        case twoMemberException = "two_member_exception"
        case keptAlone = "kept_alone"
    }

    /// Units a proposal never groups with others (`propose`, target mode): island districts and special
    /// zones stay units of their own, whatever the distance to the nearest unit (NC: no instrument merges
    /// an island with the mainland; the islands of one place may still be merged by a planner's plan).
    public struct KeptAlone: Sendable, Codable, Hashable {
        public var status: Status?
        public var kinds: [UnitKind]

        /// Whether a unit of `kind` is kept on its own.
        public func keeps(_ kind: UnitKind) -> Bool { kinds.contains(kind) }
    }

    /// A target for the units its selector matches.
    public struct Target: Sendable, Codable, Hashable {
        public var applies: UnitSelector
        /// The class of province the target applies to; nil: every class.
        public var provinceClass: ProvinceClass?
        public var areaPercent: Int?
        public var populationPercent: Int?
        public var area: FixedDecimal?
        public var population: Int?

        enum CodingKeys: String, CodingKey {
            case provinceClass = "province_class"
            case areaPercent = "area_pct"
            case populationPercent = "population_pct"
            case area = "area_km2"
            case population
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            applies = try UnitSelector(from: decoder)
            provinceClass = try c.decodeIfPresent(ProvinceClass.self, forKey: .provinceClass)
            areaPercent = try c.decodeIfPresent(Int.self, forKey: .areaPercent)
            populationPercent = try c.decodeIfPresent(Int.self, forKey: .populationPercent)
            area = try c.decodeIfPresent(Double.self, forKey: .area).map(FixedDecimal.init)
            population = try c.decodeIfPresent(Int.self, forKey: .population)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try applies.encode(to: encoder)
            try c.encodeIfPresent(provinceClass, forKey: .provinceClass)
            try c.encodeIfPresent(areaPercent, forKey: .areaPercent)
            try c.encodeIfPresent(populationPercent, forKey: .populationPercent)
            try c.encodeIfPresent(area?.doubleValue, forKey: .area)
            try c.encodeIfPresent(population, forKey: .population)
        }
    }
}
