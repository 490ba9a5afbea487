import MergerSim
import MergerSimInputs
import GSL

/// The readers and what follows them, driven by arbitrary bytes: the body of
/// the libFuzzer target (`make fuzz`) and of the regression tests that replay
/// what it found.
///
/// The first byte chooses the reader; the rest is the file. Every input must
/// end in a value or an ``InputError``: a trap, a hang or a runaway
/// allocation is a defect.
public enum ReaderHarness {
    /// The readers, by the first byte of an input (modulo their count).
    public enum Reader: UInt8, CaseIterable, Sendable {
        /// A units file, then screened under `vn-2026` (and `vn-2023` for its headcounts).
        case units = 0
        /// A units file without headcount columns required.
        case unitsWithoutHeadcounts = 1
        /// A plan, then applied to the Phan Rang units.
        case plan = 2
        /// A staff roster.
        case roster = 3
        /// A scenario file.
        case scenario = 4
        /// A rule file, then what it drives: screening and judging the Phan Rang units, the targets of
        /// merged units, a retirement date and a person's exit packages.
        case rules = 5
        /// A sweep file, then its design of settings.
        case sweep = 6
    }

    /// The rule set and units the later stages run with, read once. Both are bundled: failing to read
    /// them is a broken build, not a finding, so it stops the harness.
    private static let context: (rules: RuleSet, units: [AdministrativeUnit]) = {
        do {
            let rules = try RuleSetLoader.load("vn-2023").rules
            let units = try UnitsFile(bytes: Array(phanRangUnits.utf8), file: "units.csv").units
            return (rules, units)
        } catch {
            preconditionFailure("the harness's own rule set and units do not read: \(error)")
        }
    }()

    /// What the steps after a reader did. A step the domain refuses (a documented error) is listed,
    /// never dropped: the outcome names it, so the replay tool and the tests see it.
    struct FollowOn {
        private(set) var refused: [String] = []

        /// The value of `step`, or nil when it throws (the error listed under `name`).
        mutating func attempt<Value, Failure: Error>(_ name: String, _ step: () throws(Failure) -> Value) -> Value? {
            do {
                return try step()
            } catch {
                refused.append("\(name): \(error)")
                return nil
            }
        }
    }

    static let phanRangUnits = """
        code,name,kind,province,district,district_kind,area_km2,population,type,cadres,civil_servants,non_professional,lat,lon
        22753,Mỹ Hương,ward,Ninh Thuận,Phan Rang–Tháp Chàm,provincial_city,0.45,5200,II,10,11,12,11.56,108.99
        22756,Tấn Tài,ward,Ninh Thuận,Phan Rang–Tháp Chàm,provincial_city,2.64,11356,II,10,12,13,11.57,108.98
        22759,Kinh Dinh,ward,Ninh Thuận,Phan Rang–Tháp Chàm,provincial_city,0.41,8100,II,10,11,12,,
        22747,Phủ Hà,ward,Ninh Thuận,Phan Rang–Tháp Chàm,provincial_city,1.30,12757,II,10,12,12,11.58,108.99
        22750,Thanh Sơn,ward,Ninh Thuận,Phan Rang–Tháp Chàm,provincial_city,1.10,11200,II,10,11,12,11.59,108.98

        """

    /// A rule set that loaded, put to work on the Phan Rang units: screened under each of its rounds, merged
    /// three and two and judged, the targets of groups worked out, and one person retired and priced by
    /// every route on the first day of its base salary schedule and five years on.
    static func drive(_ rules: RuleSet, units: [AdministrativeUnit], _ steps: inout FollowOn) {
        for round in rules.screening.rounds {
            _ = steps.attempt("screen \(round.round)") { () throws(RuleApplicationError) in try rules.screen(units, round: round) }
        }
        let plan = MergerPlan(newUnits: [PlannedUnit(code: "N1", name: "N1", members: units.prefix(3).map { .init(code: $0.code) }),
                                         PlannedUnit(code: "N2", name: "N2", members: units.dropFirst(3).map { .init(code: $0.code) })])
        if let outcome = steps.attempt("apply", { () throws(PlanError) in try plan.apply(to: units) }) {
            _ = steps.attempt("judge") { () throws(RuleApplicationError) in try rules.judge(outcome) }
        }
        let classes = ProvinceClasses(Dictionary(units.map { ($0.province, .centrallyRun) }, uniquingKeysWith: { a, _ in a }))
        _ = steps.attempt("targets") { () throws(RuleApplicationError) in try GroupTargets(units: units, rules: rules, provinceClasses: classes) }
        let transition = rules.transition
        guard let first = transition.baseSalary.schedule.first?.from, let born = BirthDate(year: 1970, month: 5) else {
            preconditionFailure("a loaded rule set has a base salary schedule, and May 1970 is a birth month")
        }
        for sex in StaffMember.Sex.allCases {
            let retirement = transition.retirement.retirementDate(sex: sex, born: born)
            for leaving in [first, first.addingYears(5)] {
                let monthsEarly = CalendarDate.wholeMonths(from: leaving, to: retirement)
                for route in ExitRoute.quoted {
                    _ = steps.attempt("quote \(route)") { () throws(ExitPricingError) in
                        try transition.quote(route, monthsEarly: monthsEarly, insuranceYears: 25.5, salaryCoefficient: 3.33,
                                             leaving: leaving, decided: first)
                    }
                }
            }
        }
    }

    /// Runs one input. Returns what happened, for the replay tool: "READER: read" when the reader and every
    /// step after it succeeded, "READER: read; then refused: …" naming the steps the domain refused, or
    /// "READER: refused: …" when the reader itself refused the input. A plan that applies but breaks the
    /// merger's invariants stops the harness (a finding).
    @discardableResult
    public static func run(_ input: [UInt8]) -> String {
        guard let first = input.first else { return "empty" }
        let reader = Reader(rawValue: first % UInt8(Reader.allCases.count)) ?? .units
        let bytes = Array(input.dropFirst())
        var steps = FollowOn()
        do {
            switch reader {
            case .units, .unitsWithoutHeadcounts:
                let file = try UnitsFile(bytes: bytes, file: "fuzz.csv", headcountsRequired: reader == .units)
                for round in context.rules.screening.rounds {
                    _ = steps.attempt("screen \(round.round)") { () throws(RuleApplicationError) in try context.rules.screen(file.units, round: round) }
                }
            case .plan:
                let plan = try PlanFile(bytes: bytes, file: "plan.csv")
                if let outcome = steps.attempt("apply", { () throws(PlanError) in try plan.plan.apply(to: context.units) }) {
                    let violations = outcome.invariantViolations(before: context.units)
                    precondition(violations.isEmpty, "an applied plan breaks the merger's invariants: \(violations)")
                    _ = steps.attempt("judge") { () throws(RuleApplicationError) in try context.rules.judge(outcome) }
                }
            case .roster:
                _ = try RosterFile(bytes: bytes, file: "staff.csv")
            case .scenario:
                _ = try Scenario(bytes: bytes, file: "scenario.yaml")
            case .rules:
                let rules = try RuleSetLoader.load(bytes: bytes, file: "rules.yaml", source: "fuzz").rules
                drive(rules, units: context.units, &steps)
            case .sweep:
                let sweep = try SweepFile(bytes: bytes, file: "sweep.yaml")
                _ = steps.attempt("design") { () throws(GSLError) in try sweep.design() }
            }
            return "\(reader): read" + (steps.refused.isEmpty ? "" : "; then refused: " + steps.refused.joined(separator: "; "))
        } catch {
            return "\(reader): refused: \(error)"
        }
    }
}
