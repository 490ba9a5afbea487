import MergerSim

/// A rule set's values and the rule-set folder.
///
/// Keys are `rules.<name>`, their sentences in `Labels/errors_rules.<lang>.json`. Key paths and names from
/// the file (`path`, `rule`, `category`, `sex`) are written as the file writes them.
public enum RuleSetReason: ReasonForm {
    /// The bundled folder cannot be listed (a broken installation), as the system describes it.
    case bundledUnlistable(detail: String)
    /// An id that no bundled rule set has, and not a path.
    case unknownID(bundled: [String])
    /// A top-level key a rule file does not have.
    case unknownKey(String, known: [String])
    /// `in_force.to` before `in_force.from`.
    case inForceOrder
    /// No standard.
    case noStandard
    /// A standard without a positive population or area.
    case standardNotPositive(rule: String)
    /// A default round that is not listed.
    case defaultRoundUnknown(Int)
    /// Type I's threshold not above type II's.
    case typeThresholds
    /// A points table with a step of 0 or less.
    case pointsStep(rule: String)
    /// Both quota schemes or neither.
    case quotaScheme
    /// Combined quotas without extras.
    case combinedNeedsExtras
    /// Residents per post of 0 or less.
    case residentsPerPost
    /// Both deadline forms or neither.
    case deadlineForm
    /// Years after effective outside 1…`max`.
    case deadlineYears(max: Int)
    /// A citation without its instrument in both languages.
    case citationIncomplete(id: String)
    /// An instrument name without its Vietnamese name.
    case instrumentNameEmpty(name: String)
    /// An instrument a value names without a Vietnamese name.
    case instrumentUnnamed(path: String, instrument: String)
    /// An R-id a value names without a citation.
    case ruleUncited(path: String, id: String)
    /// A rate or uptake outside 0…1.
    case notProbability(path: String, value: Double)
    /// A row of the uptake table with a negative or reversed band.
    case uptakeBand(path: String)
    /// A retirement schedule out of order.
    case retirement(sex: String, months: Int, age: Int)
    /// A synthetic roster's spread of 0 or less.
    case rosterSpread(category: String)
    /// A synthetic roster's minimum age outside working age.
    case rosterMinimumAge(category: String, workingAge: Int, retirementAge: Double)
    /// A synthetic roster's insured age before working age.
    case rosterInsuredAge(category: String, workingAge: Int)
    /// A synthetic roster's salary coefficient outside (0, 20].
    case rosterSalaryMean(category: String)
    /// A synthetic roster's distribution that almost never falls in its window.
    case rosterWindow(category: String, minimumAge: Int, ageShare: Double, salaryShare: Double)
    /// A base salary of 0 or less.
    case baseSalaryPositive
    /// A base salary schedule out of date order.
    case baseSalaryOrder
    /// An empty base salary schedule.
    case baseSalaryEmpty
    /// An exit window outside 1…120 months.
    case exitWindowMonths
    /// A negative monthly allowance.
    case monthlyAllowance
    /// A decree that ends before it starts.
    case decreeDates(id: String)
    /// Decrees out of date order.
    case decreeOrder
    /// A decree's partial-year terms out of range.
    case partialYear(id: String)
    /// A decree without pension terms in force when it starts.
    case pensionStart(id: String, from: CalendarDate)
    /// A decree's pension terms out of order or negative.
    case pensionOrder(id: String)
    /// A decree's formula with a negative number or an empty window.
    case formula(id: String)

    public var parts: (key: String, english: String, values: [String: String]) {
        let (key, english, values) = ungrouped
        return ("rules." + key, english, values)
    }

    private var ungrouped: (key: String, english: String, values: [String: String]) {
        switch self {
        case let .bundledUnlistable(detail):
            ("bundled_unlistable", "the bundled rule sets cannot be listed (a broken installation): {detail}", ["detail": detail])
        case let .unknownID(bundled):
            ("unknown_id", "no bundled rule set has this id; bundled: {bundled}; or give a path to a rule file",
             ["bundled": bundled.joined(separator: ", ")])
        case let .unknownKey(key, known):
            ("unknown_key", "unknown key \"{key}\"; a rule file has {known}", ["key": key, "known": known.joined(separator: ", ")])
        case .inForceOrder: ("in_force_order", "in_force: `to` is before `from`", [:])
        case .noStandard: ("no_standard", "{section}: the rule set needs at least one standard", ["section": "standards"])
        case let .standardNotPositive(rule):
            ("standard_not_positive", "{section}: {rule} needs a population and an area above 0", ["section": "standards", "rule": rule])
        case let .defaultRoundUnknown(round):
            ("default_round_unknown", "screening: default_round {round} is not one of the rounds listed", ["round": "\(round)"])
        case .typeThresholds: ("type_thresholds", "classification: type_i must be above type_ii", [:])
        case let .pointsStep(rule): ("points_step", "classification: {rule} needs steps (per) above 0", ["rule": rule])
        case .quotaScheme: ("quota_scheme", "quotas: give exactly one of combined (R-4.1) or interim_norm (R-4.7)", [:])
        case .combinedNeedsExtras: ("combined_needs_extras", "quotas: combined quotas (R-4.1) need extras (R-4.2)", [:])
        case .residentsPerPost: ("residents_per_post", "quotas: residents per post must be above 0", [:])
        case .deadlineForm: ("deadline_form", "{section}: give exactly one of date or years_after_effective", ["section": "deadline"])
        case let .deadlineYears(max):
            ("deadline_years", "{section}: years_after_effective must be from 1 to {max}", ["section": "deadline", "max": "\(max)"])
        case let .citationIncomplete(id): ("citation_incomplete", "citations: {id} needs its instrument in en and vi", ["id": id])
        case let .instrumentNameEmpty(name):
            ("instrument_name_empty", "instrument_names: \"{name}\" needs its Vietnamese name", ["name": name])
        case let .instrumentUnnamed(path, instrument):
            ("instrument_unnamed", "{path}: the instrument \"{instrument}\" has no Vietnamese name; add `\"{instrument}\": …` under instrument_names",
             ["path": path, "instrument": instrument])
        case let .ruleUncited(path, id):
            ("rule_uncited", "{path}: {id} has no citation; add `{id}: {en: …, vi: …}` under citations", ["path": path, "id": id])
        case let .notProbability(path, value):
            ("not_probability", "{path} is {value}; a rate or uptake must be from 0 to 1", ["path": path, "value": "\(value)"])
        case let .uptakeBand(path):
            ("uptake_band", "{path}: min_months_early must be 0 or more and max_months_early not below it", ["path": path])
        case let .retirement(sex, months, age):
            ("retirement", "{section} {sex}: before must be above {months} months (age {age}), step 0 or more and cap at least before",
             ["section": "retirement", "sex": sex, "months": "\(months)", "age": "\(age)"])
        case let .rosterSpread(category):
            ("roster_spread", "synthetic_roster {category}: age_sd and salary_coefficient_sd must be above 0", ["category": category])
        case let .rosterMinimumAge(category, workingAge, retirementAge):
            ("roster_minimum_age", "synthetic_roster {category}: minimum_age must be from {working} (the earliest working age) "
             + "to below the retirement age ({retirement} years)",
             ["category": category, "working": "\(workingAge)", "retirement": "\(retirementAge)"])
        case let .rosterInsuredAge(category, workingAge):
            ("roster_insured_age", "synthetic_roster {category}: insured_from_age must be at least {working}, the earliest working age",
             ["category": category, "working": "\(workingAge)"])
        case let .rosterSalaryMean(category):
            ("roster_salary_mean", "synthetic_roster {category}: salary_coefficient_mean must be above 0 "
             + "and at most 20 (it is also the coefficient of roster people without one)", ["category": category])
        case let .rosterWindow(category, minimumAge, ageShare, salaryShare):
            ("roster_window", "synthetic_roster {category}: the distribution almost never falls in its window "
             + "(ages {minimum} to retirement: {age_share}; salary coefficient 1 or more: {salary_share}); "
             + "check age_mean, age_sd and the salary coefficient",
             ["category": category, "minimum": "\(minimumAge)", "age_share": "\(ageShare)", "salary_share": "\(salaryShare)"])
        case .baseSalaryPositive: ("base_salary_positive", "base_salary: {vnd} must be above 0", ["vnd": "vnd"])
        case .baseSalaryOrder: ("base_salary_order", "base_salary: the schedule must be in date order", [:])
        case .baseSalaryEmpty: ("base_salary_empty", "base_salary: the schedule is empty", [:])
        case .exitWindowMonths: ("exit_window_months", "exit_law: window months must be from 1 to 120", [:])
        case .monthlyAllowance: ("monthly_allowance", "exit_law: monthly_allowance must be 0 or more base salaries", [:])
        case let .decreeDates(id): ("decree_dates", "exit_law: decree {id} ends before it starts", ["id": id])
        case .decreeOrder: ("decree_order", "exit_law: the decrees must be in date order", [:])
        case let .partialYear(id):
            ("partial_year", "exit_law: decree {id}: partial_year needs half_from_months from 0 to 12 and whole_from_months from 1 to 12, not below it",
             ["id": id])
        case let .pensionStart(id, from):
            ("pension_start", "exit_law: decree {id} needs pension terms in force from {from}", ["id": id, "from": from.description])
        case let .pensionOrder(id):
            ("pension_order", "exit_law: decree {id}: pension terms must be in date order, with numbers of 0 or more", ["id": id])
        case let .formula(id):
            ("formula", "exit_law: decree {id} has a formula with a negative number or an empty window of months early", ["id": id])
        }
    }
}
