import ArgumentParser
import MergerSim
import MergerSimInputs
import MergerSimReports

/// `mergersim package`: one person's exit packages, for an officer checking a case by hand.
struct Package: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Price one person's exit packages on a leaving date: the decree in force, eligibility, months and VND.",
        discussion: """
            Retirement date by R-5.1; the decree a merger's surplus staff take on the leaving date (R-5.2–R-5.4); \
            the base salary in force that day (R-5.5). Monthly salary = salary coefficient × base salary. \
            See docs/LAW.md for the formulas and the rule-file keys that hold them. Writes nothing; --csv prints CSV.

            The higher factors apply within 12 months of the decision on the arrangement (--decided-on, default the \
            merger's date), its anniversary included (R-5.3). Readings marked NC in the rule set that priced a route \
            are listed after the table (CSV: the assumptions column).

            Example: mergersim package --sex F --birth 1968-05 --insurance-years 30 --leave-on 2025-09-01 --merger-effective 2025-07-01
            """)

    @Option(help: "A bundled rule set id or the path of a rule file.", completion: .custom { _, _, _ in RuleSetLoader.completionIDs })
    var rules = "vn-2025"

    @Option(help: "M or F.")
    var sex: String

    @Option(help: "Date of birth: YYYY, YYYY-MM or YYYY-MM-DD.")
    var birth: String

    @Option(name: .customLong("insurance-years"),
            help: "Years of social insurance on the leaving date, with their fraction (25 years 9 months: 25.75); taken to the nearest month.")
    var insuranceYears: Double

    @Option(name: .customLong("salary-coefficient"), help: "The salary coefficient (hệ số lương).")
    var salaryCoefficient: Double = 1

    @Option(name: .customLong("leave-on"), help: "The leaving date, YYYY-MM-DD.")
    var leaveOn: String

    @Option(name: .customLong("merger-effective"), help: "The date the merger took effect, YYYY-MM-DD.")
    var mergerEffective: String

    @Option(name: .customLong("decided-on"), help: "The date of the decision on the arrangement, YYYY-MM-DD (default: --merger-effective).")
    var decidedOn: String?

    @Option(help: "cadre, civil_servant or non_professional.")
    var category = "civil_servant"

    @Flag(help: "Print CSV: route,decree,rule,eligible,months_early,package_months,vnd,assumptions.")
    var csv = false

    @Option(help: "The language of what it prints (not of --csv, which is for scripts): en or vi.")
    var lang: Labels.Language = .en

    func execute(arguments: [String], console: Console) throws {
        func usage(_ flag: String, _ reason: CommandReason) -> InputError { InputError(.usage, file: flag, reason: .command(reason)) }
        let years = Limits.years
        guard let sex = StaffMember.Sex(rawValue: sex.uppercased()) else { throw usage("--sex", .notSex(sex)) }
        guard let born = BirthDate(text: birth) else {
            throw usage("--birth", .notBirthDate(birth, firstYear: years.lowerBound, lastYear: years.upperBound))
        }
        guard let leaving = CalendarDate(iso: leaveOn) else {
            throw usage("--leave-on", .notDate(leaveOn, firstYear: years.lowerBound, lastYear: years.upperBound))
        }
        guard let merger = CalendarDate(iso: mergerEffective) else {
            throw usage("--merger-effective", .notDate(mergerEffective, firstYear: years.lowerBound, lastYear: years.upperBound))
        }
        guard insuranceYears.isFinite, (0...60).contains(insuranceYears) else { throw usage("--insurance-years", .outOfRange(lowest: 0, highest: 60)) }
        guard salaryCoefficient.isFinite, (0...20).contains(salaryCoefficient) else {
            throw usage("--salary-coefficient", .outOfRange(lowest: 0, highest: 20))
        }
        guard let category = RosterFile.category(category) else { throw usage("--category", .notCategory(category)) }
        guard !(leaving < merger) else { throw usage("--leave-on", .leavingBeforeMerger(leaving: leaving, merger: merger)) }
        // Someone on the staff when the merger took effect, insured no longer than they can have worked by the leaving date.
        switch PersonCheck.birthFinding(born, on: merger) {
        case nil: break
        case .bornAfter: throw InputError(.badData, file: "--birth", reason: .command(.bornAfterMerger(born: birth, merger: merger)))
        case .tooYoung(let age):
            throw InputError(.badData, file: "--birth", reason: .command(.tooYoungAtMerger(born: birth, years: age, merger: merger,
                                                                                         earliestAge: Limits.earliestWorkingAge)))
        }
        if let atMost = PersonCheck.insuranceLimit(insuranceYears, born: born, on: leaving) {
            throw InputError(.badData, file: "--insurance-years", reason: .command(.tooMuchInsurance(years: insuranceYears, date: leaving, born: birth,
                                                                                                     atMost: atMost, earliestAge: Limits.earliestWorkingAge)))
        }
        var decided = merger
        if let decidedOn {
            guard let date = CalendarDate(iso: decidedOn) else {
                throw usage("--decided-on", .notDate(decidedOn, firstYear: years.lowerBound, lastYear: years.upperBound))
            }
            guard !(merger < date) else { throw usage("--decided-on", .decisionAfterMerger(decision: date, merger: merger)) }
            decided = date
        }
        let loaded = try RuleSetLoader.load(rules)
        let transition = loaded.rules.transition
        let retirement = transition.retirement.retirementDate(sex: sex, born: born)
        let monthsEarly = CalendarDate.wholeMonths(from: leaving, to: retirement)
        let routes: [ExitRoute] = category == .nonProfessional ? [.endOfPost] : [.earlyRetirement, .resignation]
        let quotes: [ExitQuote]
        do {
            quotes = try routes.map { route throws(ExitPricingError) in
                try transition.quote(route, monthsEarly: monthsEarly, insuranceYears: insuranceYears, salaryCoefficient: salaryCoefficient,
                                     leaving: leaving, decided: decided)
            }
        } catch {
            throw usage("--leave-on", .noBaseSalary(rule: transition.baseSalary.rule, date: error.date,
                                                    first: transition.baseSalary.schedule.first?.from, ruleSet: loaded.rules.id))
        }
        if csv {
            var table = CSVWriter(header: ["route", "decree", "rule", "eligible", "months_early", "package_months", "vnd", "assumptions"])
            for q in quotes {
                table.append([q.route.rawValue, q.decree ?? "", q.rule ?? "", q.eligible ? "yes" : "no", String(q.monthsEarly),
                            PackageReport.number(q.packageMonths), String(Int64(q.vnd)), q.assumptions.map(\.english).joined(separator: "; ")])
            }
            console.out(String(table.text.dropLast()))
            return
        }
        let report = PackageReport(sex: sex, birth: born, insuranceYears: insuranceYears, salaryCoefficient: salaryCoefficient, category: category,
                                   retires: retirement, leaving: leaving, monthsEarly: monthsEarly, decided: decided, quotes: quotes,
                                   rules: loaded.rules)
        console.out(report.text(try Labels(lang)))
    }
}
