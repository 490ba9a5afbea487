import MergerSim

/// A scenario's values and the files it names (units, plan, roster), beyond the common cases of InputError/Reason.
///
/// Keys are `scenario.<name>`, their sentences in `Labels/errors_scenario.<lang>.json`.
public enum ScenarioReason: ReasonForm {
    // Scenario values
    /// A `name:` that cannot name the output folder (`problem`: why, from ``OutputName/problem(_:)``).
    case nameNotFolder(name: String, problem: String)
    /// A `transfers.max_km` that is not a distance above 0 (`value` as read).
    case maxKmNotPositive(value: String)
    /// Transfers with scope radius and no `max_km`.
    case radiusWithoutMaxKm
    /// An envelope outside 0…`max` positions.
    case envelopeRange(category: String, max: Int)
    /// Both `cadres_civil_servants` and `civil_servants` in the envelope.
    case envelopeBoth
    /// A `transition.precision` that is not a positive number.
    case precisionNotPositive
    /// A precision with fewer runs than a run until precise uses.
    case precisionRuns(minimum: Int, runs: Int)
    /// A deadline (`category`: its key) not after the effective date.
    case deadlineNotAfterEffective(category: String, date: CalendarDate, effective: CalendarDate)
    /// `party_mass_org_posts` outside 0…`max`.
    case partyPostsRange(max: Int)
    /// An effective date before the rule set's first base salary.
    case effectiveBeforeBaseSalary(effective: CalendarDate, rules: String, rule: String, first: CalendarDate?)
    /// No exit decree of the rule set in force on the effective date.
    case noExitDecree(effective: CalendarDate, rules: String, rule: String)
    /// A decision date after the effective date.
    case decisionAfterEffective(decision: CalendarDate, effective: CalendarDate)
    /// A run until precise (`--precision` or the scenario's) with runs below the minimum (command line).
    case precisionNeedsRuns(minimum: Int, runs: Int)
    /// An envelope below the positions the units' floors need.
    case envelopeBelowFloors(category: String, envelope: Int, floors: Int)
    /// An envelope above the positions the units' caps allow.
    case envelopeAboveCaps(category: String, envelope: Int, caps: Int)
    /// A synthetic roster's distribution (`quantity`: age or salary coefficient) that gives no value in its window
    /// from `lower` to below `upper` (infinite: no upper end) in `draws` draws.
    case undrawable(category: String, quantity: String, mean: Double, standardDeviation: Double, lower: Double, upper: Double, draws: Int)
    /// A transition larger than the machine's memory (sizes in bytes).
    case memory(people: Int, years: Int, runs: Int, neededBytes: Double, availableBytes: Double, physicalBytes: Double)

    // Units file
    /// The units' headcounts pass `max` people at a row.
    case unitsTooManyPeople(max: Int)
    /// A text column longer than a spreadsheet cell.
    case textTooLong(column: String, length: Int, max: Int)
    /// A population beyond any unit's.
    case populationBeyond(population: Int)
    /// A headcount above what one unit can have in a category.
    case headcountAbove(column: String, value: Int, max: Int)
    /// A unit's complaint where the units file lacks its column (`reason`: the complaint).
    indirect case withoutColumn(InputError.Reason, column: String)

    // Roster
    /// A roster of more than `max` people.
    case rosterTooLarge(max: Int)
    /// An id used on an earlier line.
    case duplicateID(id: String, earlierLine: Int)
    /// A category that is not cadre, civil_servant or non_professional.
    case unknownCategory(text: String)
    /// A sex that is not M or F.
    case unknownSex(text: String)
    /// A birth date that is not YYYY, YYYY-MM or YYYY-MM-DD.
    case notBirthDate(text: String)
    /// Someone born after the effective date.
    case bornAfterEffective(born: String, effective: CalendarDate)
    /// Someone younger than the earliest working age on the effective date.
    case tooYoungOnEffective(born: String, years: Int, effective: CalendarDate, earliestAge: Int)
    /// More insurance years than the years since the earliest working age (`atMost` as hundredths).
    case tooMuchInsurance(years: String, date: CalendarDate, born: String, atMost: String, earliestAge: Int)
    /// A roster's unit code not in the units file.
    case rosterUnitUnknown(code: String, unitsFile: String)
    /// A unit with more people of a category on the roster than one unit can have.
    case rosterHeadcountAbove(code: String, max: Int, category: StaffCategory)
    /// The units file's headcount differs from the roster's.
    case headcountMismatch(unitsSays: Int, category: StaffCategory, roster: String, rostered: Int)

    // Plan applied to the units (PlanError)
    /// A new unit without members.
    case planNoMembers(newCode: String)
    /// A member that is not a unit of the units file.
    case planMemberUnknown(member: String)
    /// A share not above 0 and at most 1.
    case planShareRange(member: String)
    /// A member split without a share here.
    case planShareMissing(member: String, newCodes: [String])
    /// A member's shares not summing to 1 (`sum` as read).
    case planSharesSum(member: String, sum: String, newCodes: [String])
    /// A new code that is an untouched unit's.
    case planCodeTaken(newCode: String)

    // propose's files
    /// A code of the adjacency file not in the units file.
    case notAUnit(column: String, code: String)
    /// A unit paired with itself.
    case selfNeighbour
    /// Units the proposal must place without lat/lon (`codes`: the first five).
    case noPosition(count: Int, codes: [String])
    /// A province with no unit in the units file.
    case provinceUnknown(province: String)
    /// A province given twice.
    case provinceTwice(province: String)
    /// A target count outside 1…`have`.
    case targetRange(have: Int)
    /// A province whose units fall in more pieces than its count: `pieces` (the first six, each its first four
    /// codes and its size), `alone` (units with no lat/lon and no neighbour).
    case pieces(province: String, count: Int, members: Int, pieceCount: Int, shown: [[String]], sizes: [Int], alone: [String])
    /// A class that is not a province class.
    case unknownClass(value: String, names: String)

    public var parts: (key: String, english: String, values: [String: String]) {
        let (key, english, values) = self.unprefixed
        return ("scenario." + key, english, values)
    }

    private var unprefixed: (key: String, english: String, values: [String: String]) {
        switch self {
        case let .nameNotFolder(name, problem):
            ("name_not_folder", "name \"{name}\" cannot name the output folder: {problem}", ["name": name, "problem": problem])
        case let .maxKmNotPositive(value):
            ("max_km_not_positive", "transfers max_km must be a distance in km above 0, not {value}", ["value": value])
        case .radiusWithoutMaxKm: ("radius_without_max_km", "transfers with scope radius need max_km above 0", [:])
        case let .envelopeRange(category, max):
            ("envelope_range", "envelope {category} must be from 0 to {max} positions", ["category": category, "max": ReportFormat.grouped(max)])
        case .envelopeBoth: ("envelope_both", "give cadres_civil_servants or civil_servants, not both", [:])
        case .precisionNotPositive:
            ("precision_not_positive", "transition precision must be a positive number (the ±R of each "
             + "headline figure's 95 % interval: absolute for a probability, relative to the mean otherwise)", [:])
        case let .precisionRuns(minimum, runs):
            ("precision_runs", "transition precision needs runs of at least {minimum} (the fewest a run until precise uses); runs is {runs}",
             ["minimum": "\(minimum)", "runs": "\(runs)"])
        case let .deadlineNotAfterEffective(category, date, effective):
            ("deadline_not_after_effective", "deadlines: {category} {date} is not after the effective date {effective}",
             ["category": category, "date": "\(date)", "effective": "\(effective)"])
        case let .partyPostsRange(max):
            ("party_posts_range", "party_mass_org_posts must be from 0 to {max} posts a unit", ["max": ReportFormat.grouped(max)])
        case let .effectiveBeforeBaseSalary(effective, rules, rule, first):
            ("effective_before_base_salary", "the effective date {effective} is before the first base salary of {rules} ({rule}, from {first})",
             ["effective": "\(effective)", "rules": rules, "rule": rule, "first": first?.description ?? "?"])
        case let .noExitDecree(effective, rules, rule):
            ("no_exit_decree", "no exit decree of {rules} ({rule}) is in force for mergers on {effective}",
             ["effective": "\(effective)", "rules": rules, "rule": rule])
        case let .decisionAfterEffective(decision, effective):
            ("decision_after_effective", "decision_date {decision} is after the effective date {effective}; the decision on the arrangement comes first",
             ["decision": "\(decision)", "effective": "\(effective)"])
        case let .precisionNeedsRuns(minimum, runs):
            ("precision_needs_runs", "a run until precise (--precision or the scenario's precision) needs runs of at least {minimum}; runs is {runs}",
             ["minimum": "\(minimum)", "runs": "\(runs)"])
        case let .envelopeBelowFloors(category, envelope, floors):
            ("envelope_below_floors", "envelope {category}: the envelope of {envelope} is below the {floors} positions the units' floors "
             + "(their types' base quotas) need", ["category": category, "envelope": "\(envelope)", "floors": "\(floors)"])
        case let .envelopeAboveCaps(category, envelope, caps):
            ("envelope_above_caps", "envelope {category}: the envelope of {envelope} is above the {caps} positions the units' caps allow",
             ["category": category, "envelope": "\(envelope)", "caps": "\(caps)"])
        case let .undrawable(category, quantity, mean, standardDeviation, lower, upper, draws):
            (upper.isFinite ? "undrawable" : "undrawable_no_upper",
             "the people cannot be drawn: the synthetic roster's {category} {quantity} (normal, mean {mean}, standard deviation {sd}) gave no value "
             + (upper.isFinite ? "from {lower} to below {upper}" : "of {lower} or more")
             + " in {draws} draws; the window holds almost none of the distribution",
             ["category": category, "quantity": quantity, "mean": "\(mean)", "sd": "\(standardDeviation)", "lower": "\(lower)", "upper": "\(upper)",
              "draws": "\(draws)"])
        case let .memory(people, years, runs, needed, available, physical):
            ("memory", "a transition of {people} people over {years} years and {runs} runs needs about {needed} of memory, "
             + "more than this machine can give ({available} of {physical}); lower the runs",
             ["people": ReportFormat.grouped(people), "years": "\(years)", "runs": ReportFormat.grouped(runs),
              "needed": Self.gib(needed), "available": Self.gib(available), "physical": Self.gib(physical)])
        case let .unitsTooManyPeople(max):
            ("units_too_many_people", "the units' headcounts pass {max} people at this row, more than mergersim takes in one run",
             ["max": ReportFormat.grouped(max)])
        case let .textTooLong(column, length, max):
            ("text_too_long", "{column} is {length} characters long; a unit's {column} holds at most {max}, as a spreadsheet cell does",
             ["column": column, "length": ReportFormat.grouped(length), "max": ReportFormat.grouped(max)])
        case let .populationBeyond(population):
            ("population_beyond", "population {population} is beyond any unit's", ["population": "\(population)"])
        case let .headcountAbove(column, value, max):
            ("headcount_above", "{column} is {value}, above the {max} people one unit can have in a category",
             ["column": column, "value": "\(value)", "max": ReportFormat.grouped(max)])
        case let .withoutColumn(reason, column):
            ("without_column", "{message} (the file has no {column} column)", ["message": reason.english, "column": column])
        case let .rosterTooLarge(max):
            ("roster_too_large", "the roster lists more than {max} people, more than mergersim takes in one run", ["max": ReportFormat.grouped(max)])
        case let .duplicateID(id, earlierLine):
            ("duplicate_id", "id {id} is already used on line {line}; ids must be unique", ["id": id, "line": "\(earlierLine)"])
        case let .unknownCategory(text):
            ("unknown_category", "category \"{text}\" is not cadre, civil_servant or non_professional", ["text": text])
        case let .unknownSex(text): ("unknown_sex", "sex \"{text}\" is not M or F", ["text": text])
        case let .notBirthDate(text):
            ("not_birth_date", "birth_date \"{text}\" is not a date YYYY, YYYY-MM or YYYY-MM-DD", ["text": text])
        case let .bornAfterEffective(born, effective):
            ("born_after_effective", "birth_date: born {born}, after the effective date {effective}: nobody born then is on the staff",
             ["born": born, "effective": "\(effective)"])
        case let .tooYoungOnEffective(born, years, effective, earliestAge):
            ("too_young_on_effective", "birth_date: born {born}, {years} years old on the effective date {effective}: "
             + "younger than {earliest}, the earliest working age",
             ["born": born, "years": "\(years)", "effective": "\(effective)", "earliest": "\(earliestAge)"])
        case let .tooMuchInsurance(years, date, born, atMost, earliestAge):
            ("too_much_insurance", "insurance_years: {years} insurance years on {date} for someone born {born}: at most {at_most}, "
             + "the years since age {earliest}",
             ["years": years, "date": "\(date)", "born": born, "at_most": atMost, "earliest": "\(earliestAge)"])
        case let .rosterUnitUnknown(code, unitsFile):
            ("roster_unit_unknown", "unit_code {code} is not a unit of {units}", ["code": code, "units": unitsFile])
        case let .rosterHeadcountAbove(code, max, category):
            ("roster_headcount_above", "unit {code} has more than {max} {category} on the roster, more than one unit can have in a category",
             ["code": code, "max": ReportFormat.grouped(max), "category": category.plainName])
        case let .headcountMismatch(unitsSays, category, roster, rostered):
            ("headcount_mismatch", "the units file says {units} {category} but the roster {roster} lists {rostered}",
             ["units": "\(unitsSays)", "category": category.plainName, "roster": roster, "rostered": "\(rostered)"])
        case let .planNoMembers(newCode):
            ("plan_no_members", "new unit {code} has no members", ["code": newCode])
        case let .planMemberUnknown(member):
            ("plan_member_unknown", "member {member} is not a code of the units file", ["member": member])
        case let .planShareRange(member):
            ("plan_share_range", "the share of {member} must be above 0 and at most 1", ["member": member])
        case let .planShareMissing(member, newCodes):
            ("plan_share_missing", "member {member} goes into {codes} but has no share here; give each part's share (summing to 1)",
             ["member": member, "codes": newCodes.joined(separator: " and ")])
        case let .planSharesSum(member, sum, newCodes):
            ("plan_shares_sum", "the shares of member {member} sum to {sum}, not 1 (in {codes})",
             ["member": member, "sum": sum, "codes": newCodes.joined(separator: ", ")])
        case let .planCodeTaken(newCode):
            ("plan_code_taken", "new code {code} is already the code of a unit the plan leaves untouched", ["code": newCode])
        case let .notAUnit(column, code):
            ("not_a_unit", "{column} {code} is not a unit of the units file", ["column": column, "code": code])
        case .selfNeighbour: ("self_neighbour", "a unit cannot neighbour itself", [:])
        case let .noPosition(count, codes):
            ("no_position", "{count} units have no lat/lon ({codes}): give their positions, or neighbours with --adjacency FILE (code_a,code_b)",
             ["count": "\(count)", "codes": codes.joined(separator: ", ")])
        case let .provinceUnknown(province):
            ("province_unknown", "province \"{province}\" has no unit in the units file", ["province": province])
        case let .provinceTwice(province): ("province_twice", "province \"{province}\" is given twice", ["province": province])
        case let .targetRange(have):
            ("target_range", "units must be a whole number from 1 to {have} (the province's units now)", ["have": "\(have)"])
        case let .pieces(province, count, members, pieceCount, shown, sizes, alone):
            Self.piecesParts(province: province, count: count, members: members, pieceCount: pieceCount, shown: shown, sizes: sizes, alone: alone)
        case let .unknownClass(value, names):
            ("unknown_class", "class \"{value}\" is not one of {names}", ["value": value, "names": names])
        }
    }

    /// Bytes as GiB with one decimal (`3.2 GiB`).
    static func gib(_ bytes: Double) -> String { String(format: "%.1f GiB", bytes / Double(1 << 30)) }

    /// The pieces of a province too many for its count: the sentence form depends on whether more than six
    /// pieces are shown and on the units alone (none, one, several).
    private static func piecesParts(province: String, count: Int, members: Int, pieceCount: Int, shown: [[String]], sizes: [Int],
                                    alone: [String]) -> (key: String, english: String, values: [String: String]) {
        let pieces = zip(shown, sizes).map { codes, size in
            "{" + codes.joined(separator: ", ") + (size > codes.count ? " and \(size - codes.count) more" : "") + "}"
        }
        var key = "pieces", english = "{province} is to have {count} units, but its {members} units fall in {pieces} pieces "
            + "with no neighbour between them: {shown}"
        if pieceCount > shown.count {
            key += "_more"
            english += " and {more} more pieces"
        }
        switch alone.count {
        case 0: break
        case 1:
            key += "_alone_one"
            english += " ({alone} has no lat/lon and no neighbour, so it stays a unit of its own)"
        default:
            key += "_alone"
            english += " ({alone} have no lat/lon and no neighbour, so each stays a unit of its own)"
        }
        english += ". Each new unit must be connected: give at least {pieces} units, or neighbours that link the pieces"
        return (key, english, ["province": province, "count": "\(count)", "members": "\(members)", "pieces": "\(pieceCount)",
                               "shown": pieces.joined(separator: "; "), "more": "\(pieceCount - shown.count)", "alone": alone.joined(separator: ", ")])
    }
}
