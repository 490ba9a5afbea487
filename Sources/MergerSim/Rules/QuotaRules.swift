/// Staffing quotas.
///
/// Exactly one of `combined` (Decree 33/2023: cadres and civil servants
/// together, by kind and type) or `interimNorm` (the 2025 interim norm) is
/// given; cadres are then split off by the count of cadre titles.
public struct QuotaRules: Sendable, Codable, Hashable {
    public var combined: Combined?
    public var interimNorm: InterimNorm?
    public var extras: Extras?
    public var nonProfessional: NonProfessional
    public var cadreTitles: CadreTitles
    /// Whether cadres and civil servants are one pool against their combined quota.
    public var pooled: Pooled

    enum CodingKeys: String, CodingKey {
        case combined, extras, pooled
        case interimNorm = "interim_norm"
        case nonProfessional = "non_professional"
        case cadreTitles = "cadre_titles"
    }

    /// One civil service: when `value` holds, a unit's cadres and civil servants are judged
    /// together against their combined quota (surplus, vacancies, within quota, the deadline); the cadre
    /// titles still say how many of the posts are cadres'. Off, each category against its own quota.
    public struct Pooled: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var value: Bool

        public init(rule: String, status: Status? = nil, value: Bool) {
            self.rule = rule
            self.status = status
            self.value = value
        }
    }

    /// Cadres and civil servants together, by kind and type.
    public struct Combined: Sendable, Codable, Hashable {
        public var rule: String
        public var byKind: NamedMap<UnitKind, PerType>

        enum CodingKeys: String, CodingKey {
            case rule
            case byKind = "by_kind"
        }
    }

    /// The 2025 interim norm. The government bloc (People's Council,
    /// People's Committee, specialised civil servants) has `posts`, plus one
    /// per `residentsPerPost` (`residentsPerPostMountainous` for mountainous
    /// units) above `abovePopulation`, at most `cap` for the unit's kind. The
    /// Party and mass-organisation posts come on top (`partyMassOrgPosts`,
    /// set by each province). With `predecessorsCap`, a new unit's cadres and
    /// civil servants are at most its predecessors' together.
    public struct InterimNorm: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var posts: Int
        public var abovePopulation: Int
        public var residentsPerPost: Int
        public var residentsPerPostMountainous: Int
        public var cap: NamedMap<UnitKind, Int>
        public var partyMassOrgPosts: PartyMassOrgPosts
        public var predecessorsCap: PredecessorsCap?

        enum CodingKeys: String, CodingKey {
            case rule, status, posts, cap
            case abovePopulation = "above_population"
            case residentsPerPost = "residents_per_post"
            case residentsPerPostMountainous = "residents_per_post_mountainous"
            case partyMassOrgPosts = "party_mass_org_posts"
            case predecessorsCap = "predecessors_cap"
        }

        /// Party and mass-organisation posts of a unit, on top of the bloc (a province may set its own).
        public struct PartyMassOrgPosts: Sendable, Codable, Hashable {
            public var rule: String
            public var status: Status?
            public var `default`: Int
        }

        /// A new unit's staff may not exceed the sum of its predecessors' (Res. 76/2025 Art. 11).
        public struct PredecessorsCap: Sendable, Codable, Hashable {
            public var rule: String
            public var instrument: String
        }
    }

    /// Extra civil servants: one per full `fraction` of the population
    /// standard above it, and one per full `areaStep` of the area standard above it.
    public struct Extras: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        /// Special population steps, first match wins (ward of an urban district: 1/3).
        public var populationSteps: [PopulationStep]
        /// The population step of every other unit (1/2).
        public var populationStep: Fraction
        public var areaStep: Fraction

        enum CodingKeys: String, CodingKey {
            case rule, status
            case populationSteps = "population_steps"
            case populationStep = "population_step"
            case areaStep = "area_step"
        }

        public struct PopulationStep: Sendable, Codable, Hashable {
            public var applies: UnitSelector
            public var fraction: Fraction

            enum CodingKeys: String, CodingKey { case fraction }

            public init(from decoder: any Decoder) throws {
                applies = try UnitSelector(from: decoder)
                fraction = try decoder.container(keyedBy: CodingKeys.self).decode(Fraction.self, forKey: .fraction)
            }

            public func encode(to encoder: any Encoder) throws {
                try applies.encode(to: encoder)
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(fraction, forKey: .fraction)
            }
        }
    }

    /// Non-professional workers: posts by type, plus the extras;
    /// none from `endedOn` (R-4.7: 1 Aug 2025).
    public struct NonProfessional: Sendable, Codable, Hashable {
        public var rule: String
        public var byType: PerType?
        public var withExtras: Bool
        /// The date from which the category no longer exists.
        public var endedOn: CalendarDate?
        /// The central allowance fund of a unit's non-professional workers, where the category exists.
        public var allowanceFund: AllowanceFund?

        enum CodingKeys: String, CodingKey {
            case rule
            case byType = "by_type"
            case withExtras = "with_extras"
            case endedOn = "ended_on"
            case allowanceFund = "allowance_fund"
        }

        /// A month's fund in base salaries: `byType` for the unit's type plus `perExtra` for each extra worker.
        public struct AllowanceFund: Sendable, Codable, Hashable {
            public var rule: String
            /// Whole base salaries by type (21 / 18 / 15).
            public var byType: PerType
            public var perExtra: FixedDecimal

            enum CodingKeys: String, CodingKey {
                case rule
                case byType = "by_type"
                case perExtra = "per_extra"
            }

            /// The monthly fund in base salaries of a unit of `type` with `extras` extra workers.
            public func baseSalaries(type: UnitType, extras: Int) -> FixedDecimal {
                FixedDecimal(millionths: Int64(byType[type]) * FixedDecimal.scale + perExtra.millionths * Int64(extras))
            }
        }
    }

    /// The cadre titles of a unit; their count is the cadre quota.
    public struct CadreTitles: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var titles: [Title]

        public struct Title: Sendable, Codable, Hashable {
            public var title: String
            public var status: Status?
            /// How many posts of this title (may differ by type).
            public var count: PerType
            /// The kinds that have this title; all when absent.
            public var kinds: [UnitKind]?
            /// Under the interim norm: whose posts the title takes; the government bloc when absent.
            public var bloc: Bloc?
        }

        /// The two groups of posts of the interim norm.
        public enum Bloc: String, Sendable, Codable, Hashable {
            /// People's Council, People's Committee and the specialised civil servants: the norm's posts.
            case government
            /// Party, Fatherland Front and mass organisations: the posts on top.
            case partyMassOrg = "party_mass_org"
        }

        /// The number of cadre posts of a unit of this kind and type (in `bloc` only, when given).
        public func count(kind: UnitKind, type: UnitType, bloc: Bloc? = nil) -> Int {
            titles.filter { ($0.kinds?.contains(kind) ?? true) && (bloc == nil || ($0.bloc ?? .government) == bloc) }
                .reduce(0) { $0 + $1.count[type] }
        }
    }
}

/// A number for each type (`{I: 23, II: 21, III: 19}`), or one for all (`1`).
public struct PerType: Sendable, Codable, Hashable {
    public var typeI: Int
    public var typeII: Int
    public var typeIII: Int

    enum CodingKeys: String, CodingKey {
        case typeI = "I", typeII = "II", typeIII = "III"
    }

    public init(typeI: Int, typeII: Int, typeIII: Int) {
        self.typeI = typeI
        self.typeII = typeII
        self.typeIII = typeIII
    }

    public init(from decoder: any Decoder) throws {
        // One number for every type, or a mapping by type.
        do {
            let all = try decoder.singleValueContainer().decode(Int.self)
            self.init(typeI: all, typeII: all, typeIII: all)
            return
        } catch DecodingError.typeMismatch {
            // not a single number: read the mapping below
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(typeI: try c.decode(Int.self, forKey: .typeI), typeII: try c.decode(Int.self, forKey: .typeII),
                  typeIII: try c.decode(Int.self, forKey: .typeIII))
    }

    public subscript(type: UnitType) -> Int {
        switch type {
        case .typeI: typeI
        case .typeII: typeII
        case .typeIII: typeIII
        }
    }
}
