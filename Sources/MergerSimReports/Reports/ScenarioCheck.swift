import MergerSim
import MergerSimInputs

/// What `validate` found in a scenario and every file it names, as typed values: the rule sets, the dates,
/// the units by kind, the staff, the plan, the units after, the transfers, the transition and the envelopes.
/// ``text(_:)`` writes it in a language.
public struct ScenarioCheck: Sendable {
    /// The scenario's name and the path it was read from.
    public var name: String, path: String
    /// The rule set applied: its id, its title and its Vietnamese title where the file gives one.
    public var rules: (id: String, title: String, vietnameseTitle: String?)
    /// The rule set before: the scenario's, or the default it took.
    public var rulesBefore: RulesBefore
    /// The effective date, whether it is the rule set's `in_force.from` by default, and the deadline after it.
    public var effective: CalendarDate, effectiveDefaulted: Bool, deadline: CalendarDate?
    /// The units file and its units by kind (kinds without units left out), in the order of ``UnitKind``.
    public var unitsFile: String, units: [(kind: UnitKind, count: Int)]
    /// Where the staff come from.
    public var staff: Staff
    /// The plan file: its new units, their members, and the members split between several.
    public var planFile: String, newUnits: Int, members: Int, split: Int
    /// The units after by kind, and how many are untouched.
    public var after: [(kind: UnitKind, count: Int)], untouched: Int
    /// The transfers the scenario allows, and how many people would move; nil when it allows none.
    public var transfers: (scope: TransferSettings.Scope.Name, maxKm: Double?, peopleMoved: Int)?
    /// The transition's years, runs and seed.
    public var years: Int, runs: Int, seed: UInt64
    /// The envelopes, each feasible.
    public var envelopes: [(category: EnvelopeCategory, positions: Int)]

    /// The rule set before.
    public enum RulesBefore: Sendable {
        /// Named by the scenario.
        case given(String)
        /// Taken by default (the default as the manifest records it).
        case defaulted(DefaultRecord)
    }

    /// The staff: a roster (its file, people by category), or the headcounts of the units file.
    public enum Staff: Sendable {
        case roster(file: String, people: Headcount)
        case headcounts(Headcount)
    }

    public init(name: String, path: String, rules: (id: String, title: String, vietnameseTitle: String?), rulesBefore: RulesBefore,
                effective: CalendarDate, effectiveDefaulted: Bool, deadline: CalendarDate?, unitsFile: String,
                units: [(kind: UnitKind, count: Int)], staff: Staff, planFile: String, newUnits: Int, members: Int, split: Int,
                after: [(kind: UnitKind, count: Int)], untouched: Int, transfers: (scope: TransferSettings.Scope.Name, maxKm: Double?, peopleMoved: Int)?,
                years: Int, runs: Int, seed: UInt64, envelopes: [(category: EnvelopeCategory, positions: Int)]) {
        self.name = name
        self.path = path
        self.rules = rules
        self.rulesBefore = rulesBefore
        self.effective = effective
        self.effectiveDefaulted = effectiveDefaulted
        self.deadline = deadline
        self.unitsFile = unitsFile
        self.units = units
        self.staff = staff
        self.planFile = planFile
        self.newUnits = newUnits
        self.members = members
        self.split = split
        self.after = after
        self.untouched = untouched
        self.transfers = transfers
        self.years = years
        self.runs = runs
        self.seed = seed
        self.envelopes = envelopes
    }

    /// The units of `units` by kind, in the order of ``UnitKind``, kinds without units left out.
    public static func byKind(_ units: [AdministrativeUnit]) -> [(kind: UnitKind, count: Int)] {
        UnitKind.allCases.compactMap { kind in
            let n = units.filter { $0.kind == kind }.count
            return n == 0 ? nil : (kind, n)
        }
    }

    /// The lines `validate` prints, in `l`'s language (English as it has always printed them: kinds by their
    /// file names, dates ISO).
    public func text(_ l: Labels) -> String {
        let english = l.language == .en
        func n(_ x: Int) -> String { l.number(Double(x)) }
        func kinds(_ list: [(kind: UnitKind, count: Int)]) -> String {
            list.map { l("validate.kind_count", ["n": n($0.count), "kind": english ? $0.kind.rawValue : l("kind.\($0.kind.rawValue)")]) }
                .joined(separator: ", ")
        }
        func people(_ counts: Headcount) -> String {
            StaffCategory.allCases.map { l("validate.category_count", ["n": n(counts[$0]), "category": english ? $0.plainName : l("category.\($0.rawValue)")]) }
                .joined(separator: ", ")
        }
        var lines = [l("validate.scenario", ["name": name, "path": path])]
        let title = english ? rules.title : rules.vietnameseTitle
        lines.append(title.map { l("validate.rules", ["id": rules.id, "title": $0]) } ?? l("validate.rules_id", ["id": rules.id]))
        switch rulesBefore {
        case .given(let id): lines.append(l("validate.rules_before", ["id": id]))
        case .defaulted(let record): lines.append(l("validate.rules_before_default", ["value": english ? record.value : record.shownValue(l)]))
        }
        let deadlineText = deadline.map(l.date) ?? "?"
        lines.append(l(effectiveDefaulted ? "validate.effective_default" : "validate.effective", ["date": l.date(effective), "deadline": deadlineText]))
        lines.append(l("validate.units", ["file": unitsFile, "n": n(units.reduce(0) { $0 + $1.count }), "kinds": kinds(units)]))
        switch staff {
        case let .roster(file, counts):
            lines.append(l("validate.roster", ["file": file, "n": n(counts.total), "categories": people(counts)]))
        case .headcounts(let counts):
            lines.append(l("validate.headcounts", ["categories": people(counts)]))
        }
        lines.append(l("validate.plan", ["file": planFile, "new": n(newUnits), "members": n(members), "split": n(split)]))
        lines.append(l("validate.after", ["n": n(after.reduce(0) { $0 + $1.count }), "kinds": kinds(after), "untouched": n(untouched)]))
        lines.append(l("validate.checks"))
        if let transfers {
            let scope = english ? "\(transfers.scope)" : l("console.compare.transfers.scope.\(transfers.scope.rawValue)")
            let limit = transfers.maxKm.map { km in
                l("validate.transfers_max_km", ["km": english ? "\(km)" : l.number(km, decimals: AssumptionTable.decimals(km))])
            } ?? ""
            lines.append(l("validate.transfers", ["scope": scope, "limit": limit, "people": n(transfers.peopleMoved)]))
        }
        lines.append(l("validate.transition", ["years": n(years), "runs": n(runs), "seed": String(seed)]))
        for envelope in envelopes {
            lines.append(l("validate.envelope", ["category": english ? envelope.category.rawValue : l.value(envelope.category.rawValue, column: "envelope"),
                                                 "positions": n(envelope.positions)]))
        }
        lines.append(l("validate.valid"))
        return lines.joined(separator: "\n")
    }
}
