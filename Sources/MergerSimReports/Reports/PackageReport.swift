import Foundation
import MergerSim
import MergerSimInputs

/// What `mergersim package` prints for one person, in a language: who they are and when they retire, the day
/// they leave against the window of the decision, each route's quote, and the NC readings that priced them.
public struct PackageReport: Sendable {
    /// The person: sex, birth (as given, year, month or day), insurance years, salary coefficient, category.
    public var sex: StaffMember.Sex, birth: BirthDate, insuranceYears: Double, salaryCoefficient: Double, category: StaffCategory
    /// The retirement date and its rule.
    public var retires: CalendarDate, retirementRule: String
    /// The leaving date, months early (negative after retirement), and the decision's window.
    public var leaving: CalendarDate, monthsEarly: Int, decided: CalendarDate
    public var window: ExitLaw.Window
    /// The base salary rule.
    public var baseSalaryRule: String
    /// The quotes, one per route.
    public var quotes: [ExitQuote]
    /// The end-of-post allowance, for a non-professional worker.
    public var allowance: ExitLaw.NonProfessionalAllowance?
    /// The rule set's decrees (to name a quote's decree by its instrument) and its Vietnamese instrument names.
    public var decrees: [String: String], instrumentNames: [String: String]

    public init(sex: StaffMember.Sex, birth: BirthDate, insuranceYears: Double, salaryCoefficient: Double, category: StaffCategory,
                retires: CalendarDate, leaving: CalendarDate, monthsEarly: Int, decided: CalendarDate, quotes: [ExitQuote], rules: RuleSet) {
        self.sex = sex
        self.birth = birth
        self.insuranceYears = insuranceYears
        self.salaryCoefficient = salaryCoefficient
        self.category = category
        self.retires = retires
        self.leaving = leaving
        self.monthsEarly = monthsEarly
        self.decided = decided
        self.quotes = quotes
        let transition = rules.transition
        retirementRule = transition.retirement.rule
        window = transition.exitLaw.window
        baseSalaryRule = transition.baseSalary.rule
        allowance = category == .nonProfessional ? transition.exitLaw.nonProfessional : nil
        decrees = Dictionary(transition.exitLaw.decrees.map { ($0.id, $0.instrument) }, uniquingKeysWith: { a, _ in a })
        instrumentNames = rules.instrumentNames ?? [:]
    }

    /// A number without trailing zeros or float noise: 102, 57.5, 0.45, 68.8 (not 68.80000000000001); to 6 decimals.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }

    /// ``number(_:)`` with the language's decimal mark.
    static func number(_ value: Double, _ l: Labels) -> String {
        l.decimalMark(number(value))
    }

    /// The lines in `l`'s language (English as `package` has always printed them).
    public func text(_ l: Labels) -> String {
        let english = l.language == .en
        func n(_ x: Double) -> String { Self.number(x, l) }
        func date(_ d: CalendarDate) -> String { l.date(d) }
        func instrument(_ text: String) -> String { english ? text : instrumentNames[text] ?? text }
        let birthText: String = switch (birth.month, birth.day) {
        case let (month?, day?): english ? "\(birth.year)-\(Self.two(month))-\(Self.two(day))" : "\(Self.two(day))/\(Self.two(month))/\(birth.year)"
        case let (month?, nil): english ? "\(birth.year)-\(Self.two(month))" : "\(Self.two(month))/\(birth.year)"
        default: "\(birth.year)"
        }
        var lines = [
            l("package.person", ["who": l(sex == .male ? "package.man" : "package.woman"), "birth": birthText, "insurance": n(insuranceYears),
                                 "coefficient": n(salaryCoefficient), "category": english ? category.plainName : l("category.\(category.rawValue)"),
                                 "retires": date(retires), "rule": retirementRule]),
            l("package.leaving", ["date": date(leaving), "months": english ? String(monthsEarly) : l.number(Double(monthsEarly)),
                                  "within": l(window.contains(leaving, decided: decided) ? "package.within" : "package.after"),
                                  "window": String(window.months), "decided": date(decided), "last": date(window.lastDay(decided: decided)),
                                  "window_rule": window.rule, "base": l.number(Double(quotes.first?.baseSalary ?? 0)), "base_rule": baseSalaryRule]),
            "",
        ]
        let header = ["route", "decree", "rule", "eligible", "months", "amount"].map { l("package.column.\($0)") }
        let rows = quotes.map { q -> [String] in
            let route = english ? q.route.rawValue : l.value(q.route.rawValue, column: "route")
            // The decree by its id in English; in another language by its name without what amends it (said in full in the notes).
            let decree = q.decree.map { english ? $0 : String(instrument(decrees[$0] ?? $0).prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces) }
                ?? l("package.none_in_force")
            return [route, decree, q.rule ?? "", l.value(q.eligible ? "yes" : "no", column: "value"),
                    q.eligible ? n(q.packageMonths) : "", q.eligible ? l.number(Double(Int(q.vnd))) : ""]
        }
        // The columns of the English table as they have always been; wider where a language's words need it.
        let widths = zip([18, 18, 7, 10, 10, 18], 0...).map { base, c in max(base, ([header[c]] + rows.map { $0[c] }).map(\.count).max().map { $0 + 2 } ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { ReportFormat.pad($1, widths[$0], right: $0 >= 4) }.joined()
        }
        lines.append(line(header))
        lines += rows.map(line)
        if let allowance {
            lines.append("\n" + l("package.allowance", ["share": n(allowance.share), "allowance": n(allowance.monthlyAllowance),
                                                        "ends": date(allowance.termEnds)]))
        }
        let assumptions = quotes.flatMap(\.assumptions).reduce(into: [ExitAssumption]()) { if !$0.contains($1) { $0.append($1) } }
        if !assumptions.isEmpty {
            lines += ["", l("package.assumptions")] + assumptions.map { "  - " + (english ? $0.english : assumption($0, l)) }
        }
        return lines.joined(separator: "\n")
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// An NC reading in a language other than English, its instrument by the rule set's name.
    func assumption(_ a: ExitAssumption, _ l: Labels) -> String {
        let named = a.instrument.map { instrumentNames[$0] ?? $0 } ?? ""
        return switch a {
        case let .window(rule, months): l("package.assumption.window", ["rule": rule, "months": String(months)])
        case let .nonProfessionalAllowance(rule, _): l("package.assumption.allowance", ["rule": rule, "instrument": named])
        case let .decree(rule, _, _): l("package.assumption.decree", ["rule": rule, "instrument": named])
        case let .partialYear(rule, _, _, half, whole):
            l("package.assumption.partial_year", ["rule": rule, "instrument": named, "half": String(half), "last_half": String(whole - 1)])
        case let .band(rule, minimum, maximum, _):
            l(maximum == nil ? "package.assumption.band_open" : "package.assumption.band",
              ["rule": rule, "min": String(minimum), "max": maximum.map(String.init) ?? "", "instrument": named])
        case let .pension(rule, from, _): l("package.assumption.pension", ["rule": rule, "from": l.date(from), "instrument": named])
        }
    }
}
