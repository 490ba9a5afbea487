/// The exit decrees as data: their periods, which of them a
/// merger's surplus staff take, and every coefficient, window and threshold of
/// their formulas. Swift only evaluates the formulas (`ExitPackage.swift`).
public struct ExitLaw: Sendable, Codable, Hashable {
    public var rule: String
    /// "Within 12 months of the decision on the arrangement": the window of the higher factors and of
    /// the non-professional workers' allowance.
    public var window: Window
    public var decrees: [Decree]
    /// What non-professional workers who leave because their posts end or their unit is over quota receive.
    public var nonProfessional: NonProfessionalAllowance

    enum CodingKeys: String, CodingKey {
        case rule, window, decrees
        case nonProfessional = "non_professional"
    }

    /// The window of the higher factors, from the decision on the arrangement.
    public struct Window: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var instrument: String
        /// Its length in months.
        public var months: Int
        /// Whether its last day is the anniversary of the decision (Civil Code 2015 Arts. 147–148: a
        /// period in months starts the day after the event and ends at the end of the same day of its
        /// last month), or the day before it.
        public var includesAnniversary: Bool

        enum CodingKeys: String, CodingKey {
            case rule, status, instrument, months
            case includesAnniversary = "includes_anniversary"
        }

        /// The window's last day for a decision of `decided`: the same day `months` later (the last day
        /// of a shorter month), or the day before it.
        public func lastDay(decided: CalendarDate) -> CalendarDate {
            let anniversary = decided.addingMonths(months)
            return includesAnniversary ? anniversary : anniversary.addingDays(-1)
        }

        /// Whether leaving on `leaving` is within the window of a decision of `decided`.
        public func contains(_ leaving: CalendarDate, decided: CalendarDate) -> Bool { leaving <= lastDay(decided: decided) }
    }

    /// How a decree counts a remainder of months beyond whole years, for months early and insurance
    /// years alike: under `halfFromMonths` not counted, from it to `wholeFromMonths` − 1 half a year,
    /// from `wholeFromMonths` a whole year.
    public struct PartialYear: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var instrument: String?
        public var halfFromMonths: Int
        public var wholeFromMonths: Int

        enum CodingKeys: String, CodingKey {
            case rule, status, instrument
            case halfFromMonths = "half_from_months"
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
        /// How it counts odd months.
        public var partialYear: PartialYear
        public var earlyRetirement: EarlyRetirement
        public var resignation: Formula

        enum CodingKeys: String, CodingKey {
            case id, rule, status, instrument, from, to, resignation
            case forMergers = "for_mergers"
            case partialYear = "partial_year"
            case earlyRetirement = "early_retirement"
        }

        /// Whether the decree is in force on `date`.
        public func inForce(on date: CalendarDate) -> Bool { from <= date && (to.map { date <= $0 } ?? true) }
    }

    /// Early retirement: who qualifies (by the pension terms of the leaving date), and a formula per
    /// band of months early.
    public struct EarlyRetirement: Sendable, Codable, Hashable {
        /// The pension terms by date, in date order (the Social Insurance Law in force on the leaving date).
        public var pension: [PensionTerms]
        public var bands: [Formula]

        /// The pension terms in force on `date`; nil before the first.
        public func pension(on date: CalendarDate) -> PensionTerms? { pension.last { $0.from <= date } }
    }

    /// What the Social Insurance Law in force on the leaving date asks for a pension, and the service
    /// allowance the decrees tie to it: `serviceFirstMonths` for the first `serviceFromYears`
    /// years of insurance and `servicePerFurtherYear` for each further year.
    public struct PensionTerms: Sendable, Codable, Hashable {
        public var from: CalendarDate
        public var rule: String
        public var status: Status?
        public var instrument: String
        /// Years of social insurance needed (the exact months, not rounded).
        public var minInsuranceYears: Double
        public var serviceFromYears: Double
        public var serviceFirstMonths: Double
        public var servicePerFurtherYear: Double

        enum CodingKeys: String, CodingKey {
            case from, rule, status, instrument
            case minInsuranceYears = "min_insurance_years"
            case serviceFromYears = "service_from_years"
            case serviceFirstMonths = "service_first_months"
            case servicePerFurtherYear = "service_per_further_year"
        }
    }

    /// A package in months of salary:
    /// `base` + salary factor (`withinFactor` when leaving within the window, else `laterFactor`)
    /// × min(months early, `salaryMonthsCap`) + `perEarlyYear` × early years
    /// + `perInsuranceYear` × insurance years + the service allowance of the pension terms (when
    /// `serviceAllowance`). Early and insurance years are counted with the decree's partial year.
    /// It applies from `minMonthsEarly` to `maxMonthsEarly` months before retirement.
    public struct Formula: Sendable, Codable, Hashable {
        /// NC when the band is a reading of the text, not its letter.
        public var status: Status?
        /// Where the band comes from, when it is not the decree's own text (e.g. an amending decree).
        public var instrument: String?
        public var minMonthsEarly: Int
        public var maxMonthsEarly: Int?
        public var base: Double
        public var withinFactor: Double
        public var laterFactor: Double
        public var salaryMonthsCap: Int
        public var perEarlyYear: Double
        public var perInsuranceYear: Double
        public var serviceAllowance: Bool

        enum CodingKeys: String, CodingKey {
            case status, instrument, base
            case minMonthsEarly = "min_months_early"
            case maxMonthsEarly = "max_months_early"
            case withinFactor = "within_factor"
            case laterFactor = "later_factor"
            case salaryMonthsCap = "salary_months_cap"
            case perEarlyYear = "per_early_year"
            case perInsuranceYear = "per_insurance_year"
            case serviceAllowance = "service_allowance"
        }

        /// Every key but the months-early window may be left out: absent means 0 (or no allowance).
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            status = try c.decodeIfPresent(Status.self, forKey: .status)
            instrument = try c.decodeIfPresent(String.self, forKey: .instrument)
            minMonthsEarly = try c.decode(Int.self, forKey: .minMonthsEarly)
            maxMonthsEarly = try c.decodeIfPresent(Int.self, forKey: .maxMonthsEarly)
            base = try c.decodeIfPresent(Double.self, forKey: .base) ?? 0
            withinFactor = try c.decodeIfPresent(Double.self, forKey: .withinFactor) ?? 0
            laterFactor = try c.decodeIfPresent(Double.self, forKey: .laterFactor) ?? 0
            salaryMonthsCap = try c.decodeIfPresent(Int.self, forKey: .salaryMonthsCap) ?? 0
            perEarlyYear = try c.decodeIfPresent(Double.self, forKey: .perEarlyYear) ?? 0
            perInsuranceYear = try c.decodeIfPresent(Double.self, forKey: .perInsuranceYear) ?? 0
            serviceAllowance = try c.decodeIfPresent(Bool.self, forKey: .serviceAllowance) ?? false
        }

        /// Whether the formula applies `monthsEarly` months before retirement.
        public func covers(monthsEarly: Int) -> Bool {
            monthsEarly >= minMonthsEarly && maxMonthsEarly.map { monthsEarly <= $0 } ?? true
        }
    }

    /// Half the monthly allowance for each remaining month of the term, for those who leave within
    /// the window; the instrument, the allowance and the term's end are assumptions (NC).
    public struct NonProfessionalAllowance: Sendable, Codable, Hashable {
        public var rule: String
        public var status: Status?
        public var instrument: String
        /// The share of the monthly allowance paid per remaining month (½).
        public var share: Double
        /// The monthly allowance, in base salaries (R-4.3's fund gives 1.5 a worker).
        public var monthlyAllowance: Double
        /// The last day of the term the remaining months count to (its month counts).
        public var termEnds: CalendarDate

        enum CodingKeys: String, CodingKey {
            case rule, status, instrument, share
            case monthlyAllowance = "monthly_allowance"
            case termEnds = "term_ends"
        }
    }

    /// The decree a merger's surplus staff take when leaving on `date`, if any.
    public func mergerDecree(on date: CalendarDate) -> Decree? {
        decrees.last { $0.forMergers && $0.inForce(on: date) }
    }
}
