/// How a unit is scored and typed.
public struct ClassificationRules: Sendable, Codable, Hashable {
    public var thresholds: TypeThresholds
    /// Points outside area and population (budget, new-rural or urban criteria,
    /// specific factors) for a unit whose file gives none.
    public var otherPoints: OtherPoints
    /// Mountainous and land-border communes count population against a share of the thresholds.
    public var populationScale: PopulationScale
    /// Population and area points, by unit kind.
    public var points: [PointsTable]

    enum CodingKeys: String, CodingKey {
        case thresholds, points
        case otherPoints = "other_points"
        case populationScale = "population_scale"
    }

    /// Score ≥ `typeI` → Type I; ≥ `typeII` → Type II; else Type III.
    public struct TypeThresholds: Sendable, Codable, Hashable {
        public var rule: String
        public var instrument: String?
        public var typeI: FixedDecimal
        public var typeII: FixedDecimal

        enum CodingKeys: String, CodingKey {
            case rule, instrument
            case typeI = "type_i"
            case typeII = "type_ii"
        }
    }

    public struct OtherPoints: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var `default`: FixedDecimal
    }

    public struct PopulationScale: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var mountainousPercent: Int
        public var borderPercent: Int

        enum CodingKeys: String, CodingKey {
            case rule, status
            case mountainousPercent = "mountainous_pct"
            case borderPercent = "border_pct"
        }
    }

    /// Points: `basePoints` up to the base, then `pointsPerStep` for each full
    /// step beyond it, at most `maxPoints`.
    public struct PointsTable: Sendable, Codable, Hashable {
        public var rule: String
        public var kinds: [UnitKind]
        public var basePoints: FixedDecimal
        public var pointsPerStep: FixedDecimal
        public var population: Scale
        public var area: Scale

        enum CodingKeys: String, CodingKey {
            case rule, kinds, population, area
            case basePoints = "base_points"
            case pointsPerStep = "points_per_step"
        }
    }

    /// One criterion's scale: `upTo` earns the base points; each full `per` beyond earns a step.
    public struct Scale: Sendable, Codable, Hashable {
        public var upTo: FixedDecimal
        public var per: FixedDecimal
        public var maxPoints: FixedDecimal

        enum CodingKeys: String, CodingKey {
            case upTo = "up_to"
            case per
            case maxPoints = "max"
        }
    }
}

extension FixedDecimal: Codable {
    /// A rule file writes plain numbers (`5.5`, `75`); they are held exactly,
    /// and shown without trailing zeros.
    ///
    /// The value is read from its text, so `0.1` is exactly 0.1 and a number too large to hold is an
    /// error, not a trap; where a decoder gives numbers only (JSON), a finite number below 10¹² is taken.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        do {
            text = try container.decode(String.self)
        } catch DecodingError.typeMismatch {
            let value = try container.decode(Double.self)
            guard value.isFinite, abs(value) < 1e12 else {
                throw ValueRefusal.unholdableNumber(value).decodingError(in: container)
            }
            self.init(millionths: FixedDecimal(value).millionths, decimals: 0)
            return
        }
        switch Self.parse(text) {
        case .success(let value):
            self.init(millionths: value.millionths, decimals: 0)
        case .failure(.tooLarge):
            throw ValueRefusal.tooLarge(text: text, max: Int64.max / Self.scale).decodingError(in: container)
        case .failure(.tooManyDecimals):
            throw ValueRefusal.tooManyDecimals(text: text, maxDecimals: Self.maxDecimals).decodingError(in: container)
        case .failure(.malformed):
            throw ValueRefusal.notDecimal(text: text).decodingError(in: container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(doubleValue)
    }
}
