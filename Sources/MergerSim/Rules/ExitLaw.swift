/// The exit decrees as data: their periods, which of them a
/// merger's surplus staff take, and every coefficient, window and threshold of
/// their formulas. Swift only evaluates the formulas (`ExitPackage.swift`).
public struct ExitLaw: Sendable, Codable, Hashable {
    public var rule: String
    /// Whole months a partial early year needs to count as a whole year; fewer count as half (R-5.3, [D]).
    public var partialYear: PartialYear
    /// "Within 12 months of the merger": the window, in months, of the higher factors and of the
    /// non-professional workers' allowance.
    public var withinMonths: Int
    public var decrees: [Decree]
    /// What non-professional workers who leave because their posts end or their unit is over quota receive.
    public var nonProfessional: NonProfessionalAllowance

    enum CodingKeys: String, CodingKey {
        case rule, decrees
        case partialYear = "partial_year"
        case withinMonths = "within_months"
        case nonProfessional = "non_professional"
    }

    public struct PartialYear: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        /// A remainder of at least this many months counts as a whole year; 1 to this − 1 as half a year.
        public var wholeFromMonths: Int

        enum CodingKeys: String, CodingKey {
            case rule, status
            case wholeFromMonths = "whole_from_months"
        }
    }

    /// One decree: when it is in force, for what, and its formulas.
    public struct Decree: Sendable, Codable, Hashable {
        public var id: String
        public var rule: String
        public var status: Status?
        public var instrument: String
        public var from: CalendarDate
        /// The last day it is in force; open-ended when absent.
        public var to: CalendarDate?
        /// Whether a merger's surplus staff take it (else it is for streamlining not tied to a merger).
        public var forMergers: Bool
        public var earlyRetirement: EarlyRetirement
        public var resignation: Formula

        enum CodingKeys: String, CodingKey {
            case id, rule, status, instrument, from, to, resignation
            case forMergers = "for_mergers"
            case earlyRetirement = "early_retirement"
        }

        /// Whether the decree is in force on `date`.
        public func inForce(on date: CalendarDate) -> Bool { from <= date && (to.map { date <= $0 } ?? true) }
    }

    /// Early retirement: who qualifies, and a formula per band of months early.
    public struct EarlyRetirement: Sendable, Codable, Hashable {
        /// Years of social insurance needed.
        public var minInsuranceYears: Double
        public var bands: [Formula]

        enum CodingKeys: String, CodingKey {
            case bands
            case minInsuranceYears = "min_insurance_years"
        }
    }

    /// A package in months of salary:
    /// `base` + salary factor (`withinFactor` when leaving within the window, else `laterFactor`)
    /// × min(months early, `salaryMonthsCap`) + `perEarlyYear` × early years
    /// + `perInsuranceYear` × whole insurance years + the service allowance (when `serviceAllowance`):
    /// `serviceFirstMonths` for the first `serviceFromYears` years of insurance and
    /// `servicePerFurtherYear` for each further whole year (none below).
    /// It applies from `minMonthsEarly` to `maxMonthsEarly` months before retirement.
    public struct Formula: Sendable, Codable, Hashable {
        public var minMonthsEarly: Int
        public var maxMonthsEarly: Int?
        public var base: Double
        public var withinFactor: Double
        public var laterFactor: Double
        public var salaryMonthsCap: Int
        public var perEarlyYear: Double
        public var perInsuranceYear: Double
        public var serviceAllowance: Bool
        public var serviceFromYears: Double
        public var serviceFirstMonths: Double
        public var servicePerFurtherYear: Double

        enum CodingKeys: String, CodingKey {
            case base
            case minMonthsEarly = "min_months_early"
            case maxMonthsEarly = "max_months_early"
            case withinFactor = "within_factor"
            case laterFactor = "later_factor"
            case salaryMonthsCap = "salary_months_cap"
            case perEarlyYear = "per_early_year"
            case perInsuranceYear = "per_insurance_year"
            case serviceAllowance = "service_allowance"
            case serviceFromYears = "service_from_years"
            case serviceFirstMonths = "service_first_months"
            case servicePerFurtherYear = "service_per_further_year"
        }

        /// Every key but the months-early window may be left out: absent means 0 (or no allowance).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            minMonthsEarly = try c.decode(Int.self, forKey: .minMonthsEarly)
            maxMonthsEarly = try c.decodeIfPresent(Int.self, forKey: .maxMonthsEarly)
            base = try c.decodeIfPresent(Double.self, forKey: .base) ?? 0
            withinFactor = try c.decodeIfPresent(Double.self, forKey: .withinFactor) ?? 0
            laterFactor = try c.decodeIfPresent(Double.self, forKey: .laterFactor) ?? 0
            salaryMonthsCap = try c.decodeIfPresent(Int.self, forKey: .salaryMonthsCap) ?? 0
            perEarlyYear = try c.decodeIfPresent(Double.self, forKey: .perEarlyYear) ?? 0
            perInsuranceYear = try c.decodeIfPresent(Double.self, forKey: .perInsuranceYear) ?? 0
            serviceAllowance = try c.decodeIfPresent(Bool.self, forKey: .serviceAllowance) ?? false
            serviceFromYears = try c.decodeIfPresent(Double.self, forKey: .serviceFromYears) ?? 0
            serviceFirstMonths = try c.decodeIfPresent(Double.self, forKey: .serviceFirstMonths) ?? 0
            servicePerFurtherYear = try c.decodeIfPresent(Double.self, forKey: .servicePerFurtherYear) ?? 0
        }

        /// Whether the formula applies `monthsEarly` months before retirement.
        public func covers(monthsEarly: Int) -> Bool {
            monthsEarly >= minMonthsEarly && maxMonthsEarly.map { monthsEarly <= $0 } ?? true
        }
    }

    /// Half the monthly allowance for each remaining month of the term, for those who leave within
    /// the window; the allowance and the term's end are assumptions (NC).
    public struct NonProfessionalAllowance: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        /// The share of the monthly allowance paid per remaining month (½).
        public var share: Double
        /// The monthly allowance, in base salaries (R-4.3's fund gives 1.5 a worker).
        public var monthlyAllowance: Double
        /// The end of the term the remaining months count to.
        public var termEnds: CalendarDate

        enum CodingKeys: String, CodingKey {
            case rule, status, share
            case monthlyAllowance = "monthly_allowance"
            case termEnds = "term_ends"
        }
    }

    /// The decree a merger's surplus staff take when leaving on `date`, if any.
    public func mergerDecree(on date: CalendarDate) -> Decree? {
        decrees.last { $0.forMergers && $0.inForce(on: date) }
    }
}
