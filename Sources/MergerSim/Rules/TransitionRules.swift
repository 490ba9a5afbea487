/// The law of the multi-year transition: retirement age, exit
/// packages and the base salary that prices them.
public struct TransitionRules: Sendable, Codable, Hashable {
    public var retirement: RetirementAge
    /// How people are made up when a scenario has headcounts but no roster (mergersim's assumption).
    public var syntheticRoster: SyntheticRosterParameters
    /// The exit decrees with their periods and formulas.
    public var exitLaw: ExitLaw
    public var baseSalary: BaseSalary
    /// Voluntary exit rates and the uptake of exit offers (mergersim's assumptions).
    public var exits: Exits

    enum CodingKeys: String, CodingKey {
        case retirement
        case syntheticRoster = "synthetic_roster"
        case exitLaw = "exit_law"
        case baseSalary = "base_salary"
        case exits
    }

    /// Each year: every person leaves of their own accord with their
    /// category's rate; in a unit over quota, people eligible for early
    /// retirement are offered it, then the others resignation, until the unit
    /// is back within quota. Who accepts follows ``offerModel``, at the
    /// route's uptake for the terms of the year (``uptake(_:withinWindow:monthsEarly:)``).
    public struct Exits: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var voluntaryRate: PerCategory<Double>
        /// How a person answers offers over the run (``OfferModel/standard`` when the file does not say).
        public var offerModel: OfferModel
        /// The early-retirement uptake of offers no row of ``uptakeByTerms`` covers (its default row).
        public var earlyRetirementUptake: Double
        /// The resignation uptake of offers no row of ``uptakeByTerms`` covers (its default row).
        public var resignationUptake: Double
        /// Uptakes by the terms of the year offered, tried before the default rows (none: the default rows alone).
        public var uptakeByTerms: UptakeTable?

        enum CodingKeys: String, CodingKey {
            case rule, status
            case voluntaryRate = "voluntary_rate"
            case offerModel = "offer_model"
            case earlyRetirementUptake = "early_retirement_uptake"
            case resignationUptake = "resignation_uptake"
            case uptakeByTerms = "uptake_by_terms"
        }

        /// The keys `exits` may have (the rule file's loader refuses any other, naming these).
        public static let keys: Set<String> = Set([CodingKeys.rule, .status, .voluntaryRate, .offerModel, .earlyRetirementUptake,
                                                   .resignationUptake, .uptakeByTerms].map(\.stringValue))

        /// A file written before the offer model and the table (issue 22) still reads: the model is
        /// ``OfferModel/standard`` and the single uptakes are the whole table.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            rule = try c.decode(String.self, forKey: .rule)
            status = try c.decodeIfPresent(Status.self, forKey: .status)
            voluntaryRate = try c.decode(PerCategory<Double>.self, forKey: .voluntaryRate)
            offerModel = try c.decodeIfPresent(OfferModel.self, forKey: .offerModel) ?? .standard
            earlyRetirementUptake = try c.decode(Double.self, forKey: .earlyRetirementUptake)
            resignationUptake = try c.decode(Double.self, forKey: .resignationUptake)
            uptakeByTerms = try c.decodeIfPresent(UptakeTable.self, forKey: .uptakeByTerms)
        }

        /// The rows of `route`'s table (the offered routes only: early retirement and resignation) and its default row.
        public func uptakes(_ route: ExitRoute) -> (rows: [UptakeTable.Row], otherwise: Double) {
            switch route {
            case .earlyRetirement: (uptakeByTerms?.earlyRetirement ?? [], earlyRetirementUptake)
            case .resignation: (uptakeByTerms?.resignation ?? [], resignationUptake)
            default: preconditionFailure("\(route) is not offered")
            }
        }

        /// The uptake of `route` offered within the window or not, `monthsEarly` months before retirement:
        /// the first row of its table that covers the offer, else its default row (R-5.3, NC).
        public func uptake(_ route: ExitRoute, withinWindow: Bool, monthsEarly: Int) -> Double {
            let (rows, otherwise) = uptakes(route)
            return rows.first { $0.covers(withinWindow: withinWindow, monthsEarly: monthsEarly) }?.uptake ?? otherwise
        }
    }

    /// Statutory retirement age by the year it is reached: `before`
    /// months of age until `from` − 1, then `step` more months each year from
    /// `from`, at most `cap` months.
    public struct RetirementAge: Sendable, Codable, Hashable {
        public var rule: String
        public var men: Schedule
        public var women: Schedule

        public struct Schedule: Sendable, Codable, Hashable {
            /// Age in months before the schedule starts (men 720 = 60 years).
            public var before: Int
            /// The first year of the rising schedule.
            public var from: Int
            /// Months added each year from `from` on (the first step in `from` itself).
            public var step: Int
            /// The final age in months (men 744 = 62 years).
            public var cap: Int
        }
    }

    /// The base salary (lương cơ sở) in force from each date.
    public struct BaseSalary: Sendable, Codable, Hashable {
        public var rule: String
        public var schedule: [Step]

        public struct Step: Sendable, Codable, Hashable {
            /// The date from which `vnd` applies.
            public var from: CalendarDate
            public var vnd: Int
            public var status: Status?
            /// The decree that set it.
            public var instrument: String?
        }

        /// The base salary in force on `date` (the schedule is in date order, checked on load); nil before the
        /// first step, which pricing reports as an error naming the date (``TransitionRules/baseSalary(on:)``).
        public func inForce(on date: CalendarDate) -> Int? {
            schedule.last { $0.from <= date }?.vnd
        }
    }
}

/// The distributions of a synthetic roster, per staff category: share of
/// women, age (normal, truncated to [minimum age, retirement)), age at first
/// social insurance, and salary coefficient (normal, truncated at 1).
public struct SyntheticRosterParameters: Sendable, Codable, Hashable {
    public var rule: String
    public var status: Status?
    public var categories: PerCategory<Category>

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        status = try c.decodeIfPresent(Status.self, forKey: .status)
        categories = try PerCategory<Category>(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encodeIfPresent(status, forKey: .status)
        try categories.encode(to: encoder)
    }

    enum CodingKeys: String, CodingKey { case rule, status }

    public subscript(category: StaffCategory) -> Category { categories[category] }

    public struct Category: Sendable, Codable, Hashable {
        public var femaleShare: Double
        public var ageMean: Double
        public var ageSD: Double
        public var minimumAge: Int
        public var insuredFromAge: Double
        public var salaryCoefficientMean: Double
        public var salaryCoefficientSD: Double

        enum CodingKeys: String, CodingKey {
            case femaleShare = "female_share"
            case ageMean = "age_mean"
            case ageSD = "age_sd"
            case minimumAge = "minimum_age"
            case insuredFromAge = "insured_from_age"
            case salaryCoefficientMean = "salary_coefficient_mean"
            case salaryCoefficientSD = "salary_coefficient_sd"
        }
    }
}

