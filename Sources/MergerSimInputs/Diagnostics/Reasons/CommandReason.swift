import MergerSim

/// A command line's own values, beyond the files: `package`'s person and dates, a screening round a rule set
/// does not have, what `screen` and `sensitivity` cannot do.
///
/// Keys are `command.<name>`, their sentences in `Labels/errors_command.<lang>.json`.
public enum CommandReason: ReasonForm {
    /// A sex that is not M or F.
    case notSex(String)
    /// A birth date that is not YYYY, YYYY-MM or YYYY-MM-DD within the years mergersim takes.
    case notBirthDate(String, firstYear: Int, lastYear: Int)
    /// A date that is not YYYY-MM-DD within the years mergersim takes.
    case notDate(String, firstYear: Int, lastYear: Int)
    /// A number outside `lowest`…`highest`.
    case outOfRange(lowest: Int, highest: Int)
    /// A staff category that is not cadre, civil_servant or non_professional.
    case notCategory(String)
    /// A leaving date before the merger took effect.
    case leavingBeforeMerger(leaving: CalendarDate, merger: CalendarDate)
    /// A decision on the arrangement after the merger took effect.
    case decisionAfterMerger(decision: CalendarDate, merger: CalendarDate)
    /// Someone born (as written) after the day the merger took effect.
    case bornAfterMerger(born: String, merger: CalendarDate)
    /// Someone `years` old when the merger took effect, younger than the earliest working age.
    case tooYoungAtMerger(born: String, years: Int, merger: CalendarDate, earliestAge: Int)
    /// More insurance years on the leaving date than the years since the earliest working age.
    case tooMuchInsurance(years: Double, date: CalendarDate, born: String, atMost: String, earliestAge: Int)
    /// No base salary of the rule set in force on the leaving date.
    case noBaseSalary(rule: String, date: CalendarDate, first: CalendarDate?, ruleSet: String)
    /// A screening round the rule set does not have (`rounds`: those it has, when said).
    case noScreeningRound(ruleSet: String, round: Int, rounds: [Int]?)
    /// A `--set` of `screen` that is not a rule-set value.
    case screenSetsRulesOnly
    /// No NC value of the rule set to vary (under the `--only` prefixes, when given).
    case nothingToVary(only: [String])
    /// `sensitivity --method sobol` over more NC numbers (`given`) than Sobol's design takes (`max`).
    case sobolTooManyValues(max: Int, given: Int)
    /// A flag's number outside `lowest`…`highest` (written as the message writes them, e.g. `100,000`).
    case flagRange(lowest: String, highest: String)
    /// A flag's number that must be a number from 0 to `highest`.
    case flagNumberRange(highest: String)
    /// `--precision` that is not a positive number.
    case precisionNotPositive
    /// `serve --host` that is not a host name or address.
    case hostInvalid
    /// `serve` could not listen at `address` (the system's `message`: the port taken, say).
    case serveFailed(address: String, message: String)
    /// `--precision` with fewer `--runs` than a run until precise uses.
    case precisionNeedsRuns(minimum: Int)
    /// `--shard` not written I/N.
    case shardForm
    /// `sweep --runs N` and `--set transition.runs=M` both given.
    case runsTwice
    /// `compare --out` and `--report` naming one file: the report would be overwritten by the CSV.
    case reportIsOut
    /// `compare` given fewer than two runs.
    case fewerThanTwoRuns
    /// `store merge` given no store to copy from.
    case noStoreToMerge(into: String)

    public var parts: (key: String, english: String, values: [String: String]) {
        switch self {
        case let .notSex(text): ("command.not_sex", "\"{text}\" is not M or F", ["text": text])
        case let .notBirthDate(text, first, last):
            ("command.not_birth_date", "\"{text}\" is not a date YYYY, YYYY-MM or YYYY-MM-DD from {first} to {last}",
             ["text": text, "first": "\(first)", "last": "\(last)"])
        case let .notDate(text, first, last):
            ("command.not_date", "\"{text}\" is not a date YYYY-MM-DD from {first} to {last}", ["text": text, "first": "\(first)", "last": "\(last)"])
        case let .outOfRange(lowest, highest): ("command.out_of_range", "must be from {lowest} to {highest}", ["lowest": "\(lowest)", "highest": "\(highest)"])
        case let .notCategory(text): ("command.not_category", "\"{text}\" is not cadre, civil_servant or non_professional", ["text": text])
        case let .leavingBeforeMerger(leaving, merger):
            ("command.leaving_before_merger", "the leaving date {leaving} is before the merger took effect ({merger})",
             ["leaving": "\(leaving)", "merger": "\(merger)"])
        case let .decisionAfterMerger(decision, merger):
            ("command.decision_after_merger", "the decision {decision} is after the merger took effect ({merger})",
             ["decision": "\(decision)", "merger": "\(merger)"])
        case let .bornAfterMerger(born, merger):
            ("command.born_after_merger", "born {born}, after {merger}, when the merger took effect: nobody born then is on the staff",
             ["born": born, "merger": "\(merger)"])
        case let .tooYoungAtMerger(born, years, merger, earliest):
            ("command.too_young_at_merger", "born {born}, {years} years old on {merger}, when the merger took effect: younger than {earliest}, "
             + "the earliest working age", ["born": born, "years": "\(years)", "merger": "\(merger)", "earliest": "\(earliest)"])
        case let .tooMuchInsurance(years, date, born, atMost, earliest):
            ("command.too_much_insurance", "{years} insurance years on {date} for someone born {born}: at most {at_most}, the years since age {earliest}",
             ["years": PersonCheck.number(years), "date": "\(date)", "born": born, "at_most": atMost, "earliest": "\(earliest)"])
        case let .noBaseSalary(rule, date, first, ruleSet):
            ("command.no_base_salary", "no base salary of the rule set ({rule}) is in force on {date}; the first is from {first} (rule set {rules})",
             ["rule": rule, "date": "\(date)", "first": first?.description ?? "no date", "rules": ruleSet])
        case let .noScreeningRound(ruleSet, round, rounds):
            rounds.map { rounds in
                ("command.no_screening_round_listed", "rule set {rules} has no screening round {round}; it has {rounds}",
                 ["rules": ruleSet, "round": "\(round)", "rounds": rounds.map(String.init).joined(separator: ", ")])
            } ?? ("command.no_screening_round", "rule set {rules} has no screening round {round}", ["rules": ruleSet, "round": "\(round)"])
        case .screenSetsRulesOnly: ("command.screen_sets_rules_only", "screen reads no scenario: only rule-set values (rules.…) can be set", [:])
        case let .sobolTooManyValues(max, given):
            ("command.sobol_too_many_values",
             "Sobol indices take at most {max} values (GSL's Sobol sequence has 40 dimensions, the design needs 2 a value); {given} are under the keys given: narrow them with --only",
             ["max": "\(max)", "given": "\(given)"])
        case let .nothingToVary(only):
            only.isEmpty ? ("command.nothing_to_vary", "no NC value of the rule set to vary", [:])
                : ("command.nothing_to_vary_under", "no NC value of the rule set to vary under --only {only}", ["only": only.joined(separator: ", ")])
        case let .flagRange(lowest, highest):
            ("command.flag_range", "must be from {lowest} to {highest}", ["lowest": lowest, "highest": highest])
        case let .flagNumberRange(highest): ("command.flag_number_range", "must be a number from 0 to {highest}", ["highest": highest])
        case .hostInvalid: ("command.host_invalid", "must be a host name or an address, such as 0.0.0.0 or 192.168.1.10", [:])
        case let .serveFailed(address, message):
            ("command.serve_failed", "the workbench could not serve at {address}: {message}", ["address": address, "message": message])
        case .precisionNotPositive:
            ("command.precision_not_positive", "must be a positive number (the ±R of each headline figure's 95 % interval)", [:])
        case let .precisionNeedsRuns(minimum): ("command.precision_needs_runs", "needs --runs of at least {minimum}", ["minimum": "\(minimum)"])
        case .shardForm: ("command.shard_form", "must be I/N with 1 ≤ I ≤ N, e.g. --shard 2/8", [:])
        case .runsTwice: ("command.runs_twice", "--runs and --set transition.runs both give the runs of each setting; give one of them", [:])
        case .reportIsOut: ("command.report_is_out", "--report and --out name the same file; give each its own", [:])
        case .fewerThanTwoRuns: ("command.fewer_than_two_runs", "give at least two runs to compare", [:])
        case let .noStoreToMerge(into): ("command.no_store_to_merge", "give at least one store to merge into {out}", ["out": into])
        }
    }
}
