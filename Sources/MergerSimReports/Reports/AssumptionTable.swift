import Foundation
import MergerSim
import MergerSimInputs

/// One value a rule set marks NC (not confirmed), a leaf of the rule file: a number, a yes/no, a date, a text or
/// a list of them, never an object. A person reads it as a row: its label, its value with its unit, the rule
/// (R-id) and instrument it stands for, and that it is not confirmed.
public struct AssumptionLeaf: Sendable, Equatable {
    /// Where it sits in the rule file (`transition.synthetic_roster.cadres.age_mean`), for scripts.
    public var path: String
    /// The label key of the value: `path` with list positions as `*`, staff categories as `{c}` and unit kinds
    /// as `{kind}` (`transition.synthetic_roster.{c}.age_mean`), so one label serves every category and kind.
    public var pattern: String
    public var rule: String
    /// The instrument the rule file names beside the value, when it names one.
    public var instrument: String?
    /// The value (a scalar, or a list of scalars).
    public var value: JSONValue
    /// The staff category and unit kind the path names (filling `{category}` and `{kind}` in the label).
    public var category: StaffCategory?
    public var kind: UnitKind?
    /// What tells one element of a list from another, when the leaf is in a list.
    public var element: Element?

    /// What tells one element of a list from another, read from the element itself.
    public enum Element: Sendable, Equatable {
        /// Its unit kind, title or id, as the rule file writes it.
        case named(String)
        /// A dated entry (a pension rule), by the day it applies from.
        case from(CalendarDate)
        /// A band of early retirement, by its months early.
        case monthsEarly(minimum: Double, maximum: Double)
        /// A pair of staff categories (a cross-category transfer), from one to the other.
        case route(from: StaffCategory, to: StaffCategory)
        /// Nothing in it names it: its place in the list, from 1.
        case position(Int)

        /// Whether it is named by the day it applies from.
        var isDate: Bool {
            if case .from = self { true } else { false }
        }
    }
}

extension RunManifest.Assumption {
    /// The NC values under this mark, one per leaf in key order. A value marked NC on its own inside this one is
    /// left to its own assumption (it is listed once); `rule`, `status`, `instrument` and an entry's `id` are not values.
    public var leaves: [AssumptionLeaf] {
        var found: [AssumptionLeaf] = []
        let base = path.split(separator: ".").map(String.init)
        Self.flatten(value, path: base, top: true, rule: rule, instrument: nil, element: nil, into: &found)
        return found
    }

    private static func flatten(_ node: JSONValue, path: [String], top: Bool, rule: String, instrument: String?, element: AssumptionLeaf.Element?,
                                into found: inout [AssumptionLeaf]) {
        switch node {
        case .object(let fields):
            if !top, fields["status"] == .string(Status.notConfirmed.rawValue) { return }
            var instrument = instrument
            if case .string(let own)? = fields["instrument"] { instrument = own }
            // A decree's `id` names the entry (its instrument is the column beside): not a value to assume.
            for key in fields.keys.sorted() where !["status", "rule", "instrument", "id"].contains(key) {
                if let child = fields[key] { flatten(child, path: path + [key], top: false, rule: rule, instrument: instrument, element: element, into: &found) }
            }
        case .array(let elements) where elements.contains(where: \.isComposite):
            for (i, child) in elements.enumerated() {
                flatten(child, path: path + [String(i)], top: false, rule: rule, instrument: instrument,
                        element: child.elementName ?? .position(i + 1), into: &found)
            }
        default:
            var category: StaffCategory?, kind: UnitKind?
            let pattern = path.map { segment -> String in
                if segment.allSatisfy(\.isNumber) { return "*" }
                if let c = StaffCategory(rawValue: segment) { category = c; return "{c}" }
                if let k = UnitKind(rawValue: segment) { kind = k; return "{kind}" }
                return segment
            }
            found.append(AssumptionLeaf(path: path.joined(separator: "."), pattern: pattern.joined(separator: "."), rule: rule,
                                        instrument: instrument, value: node, category: category, kind: kind, element: element))
        }
    }
}

extension JSONValue {
    /// An object or a list: not a leaf.
    var isComposite: Bool {
        switch self {
        case .object, .array: true
        default: false
        }
    }

    /// What names an element of a list of objects: its `kind`, `title` or `id`; else the day it applies
    /// `from`, its months early (a band), or the categories it goes `from` and `to`.
    var elementName: AssumptionLeaf.Element? {
        guard case .object(let fields) = self else { return nil }
        for key in ["kind", "title", "id"] {
            if case .string(let name)? = fields[key] { return .named(name) }
        }
        if case .string(let text)? = fields["from"], let date = CalendarDate(iso: text) { return .from(date) }
        if case .number(let minimum)? = fields["min_months_early"], case .number(let maximum)? = fields["max_months_early"] {
            return .monthsEarly(minimum: minimum, maximum: maximum)
        }
        if case .string(let from)? = fields["from"], case .string(let to)? = fields["to"],
           let source = StaffCategory(rawValue: from), let destination = StaffCategory(rawValue: to) {
            return .route(from: source, to: destination)
        }
        return nil
    }
}

/// The assumptions of a run as rows a person reads (the workbook's sheet, the report's section): each NC leaf
/// with its label, its value with its unit, the rule and instrument and its status; then each default applied.
/// Labels and units are in `Labels/assumptions.<language>.json` (`assumption.<pattern>`: `label|unit`).
public struct AssumptionTable: Sendable {
    /// One row.
    public struct Row: Sendable, Equatable {
        public var label: String
        public var value: String
        public var rule: String
        public var instrument: String
        public var status: String
        /// The key path, for scripts.
        public var key: String
    }

    public var rows: [Row]

    /// The columns, by label key `assumption.column.<name>`, in order.
    public static let headers = ["label", "value", "rule", "instrument", "status", "key"]

    /// The rows of `assumptions` (the run's NC values, `in_force` included, then the defaults), in `l`'s
    /// language; an instrument by the rule set's Vietnamese name in Vietnamese; a value whose rule file names no
    /// instrument beside it gets its R-id's citation in the language.
    public init(_ assumptions: RunAssumptions, labels l: Labels) {
        let instrumentNames = assumptions.instrumentNames, citations = assumptions.citations
        func instrument(_ text: String?, rule: String) -> String {
            guard let text else {
                return RulePhrase(rule, citations: citations).citation.map(l.citationText) ?? ""
            }
            return l.language == .vi ? instrumentNames[text] ?? text : text
        }
        var rows: [Row] = []
        for leaf in assumptions.values.flatMap(\.leaves) {
            rows.append(Row(label: Self.label(leaf, labels: l), value: Self.value(leaf, labels: l), rule: leaf.rule,
                            instrument: instrument(leaf.instrument, rule: leaf.rule), status: l("assumption.status.NC"), key: leaf.path))
        }
        for d in assumptions.defaults {
            let key = "assumption.default_name.\(d.name)"
            let name = l(key) == key ? d.name : l(key)
            let units = d.units.map { " " + l("assumption.default_units", ["n": l.number(Double($0))]) } ?? ""
            rows.append(Row(label: l("assumption.default_label", ["name": name]), value: d.shownValue(l) + units, rule: d.rule ?? "", instrument: "",
                            status: d.status.map { l("assumption.status.\($0)") } ?? l("assumption.status.default"), key: d.name))
        }
        self.rows = rows
    }

    /// The label and unit code of `pattern` in `l`'s table; nil when the table has none (the test of the
    /// bundled rule sets keeps that from happening).
    public static func entry(_ pattern: String, labels l: Labels) -> (label: String, unit: String)? {
        let key = "assumption.\(pattern)"
        let text = l(key)
        guard text != key else { return nil }
        let parts = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, units.contains(parts[1]) else { return nil }
        return (parts[0], parts[1])
    }

    /// The unit codes a label may name; each decides how the value is written.
    public static let units: Set<String> = ["share", "percent", "count", "people", "posts", "months", "salary_months", "years", "age",
                                            "km2", "factor", "yes_no", "date", "kinds", "category", "text"]

    static func label(_ leaf: AssumptionLeaf, labels l: Labels) -> String {
        var text = entry(leaf.pattern, labels: l)?.label ?? leaf.path
        if let c = leaf.category { text = text.replacingOccurrences(of: "{category}", with: l("category.\(c.rawValue)")) }
        if let k = leaf.kind { text = text.replacingOccurrences(of: "{kind}", with: l("kind.\(k.rawValue)")) }
        // A dated entry's own day names it already ("Pension rule: from" 2015-01-01), so it is not said twice.
        if let element = leaf.element, !(element.isDate && leaf.path.hasSuffix(".from")) {
            let shown = switch element {
            case .named(let name): UnitKind(rawValue: name).map { l("kind.\($0.rawValue)") } ?? name
            case .from(let date): l("assumption.element.from", ["date": l.date(date)])
            case let .monthsEarly(minimum, maximum):
                l("assumption.element.months_early", ["min": l.number(minimum, decimals: decimals(minimum)), "max": l.number(maximum, decimals: decimals(maximum))])
            case let .route(from, to): l("assumption.element.route", ["from": l("category.\(from.rawValue)"), "to": l("category.\(to.rawValue)")])
            case .position(let n): l.number(Double(n))
            }
            text += " (\(shown))"
        }
        return text
    }

    /// The value with its unit, in `l`'s language: a share as a percentage, months, years, km², a date as the
    /// language writes it, kinds and categories by their names, yes or no.
    static func value(_ leaf: AssumptionLeaf, labels l: Labels) -> String {
        let unit = entry(leaf.pattern, labels: l)?.unit ?? "text"
        return text(leaf.value, unit: unit, column: leaf.path.split(separator: ".").last.map(String.init) ?? "", labels: l)
    }

    static func text(_ value: JSONValue, unit: String, column: String, labels l: Labels) -> String {
        switch value {
        case .null: return "—"
        case .bool(let yes): return l(yes ? "assumption.yes" : "assumption.no")
        case .array(let elements):
            guard !elements.isEmpty else { return l("assumption.none") }
            return elements.map { text($0, unit: unit, column: column, labels: l) }.joined(separator: ", ")
        case .object: return "—"
        case .string(let raw):
            switch unit {
            case "date": return CalendarDate(iso: raw).map(l.date) ?? raw
            case "kinds": return UnitKind(rawValue: raw).map { l("kind.\($0.rawValue)") } ?? raw
            case "category": return StaffCategory(rawValue: raw).map { l("category.\($0.rawValue)") } ?? raw
            default: return l.value(raw, column: column)
            }
        case .number(let x):
            switch unit {
            case "share": return l.number(x * 100, decimals: decimals(x * 100)) + "%"
            case "percent": return l.number(x, decimals: decimals(x)) + "%"
            case "count", "factor", "text", "kinds", "category", "date", "yes_no": return l.number(x, decimals: decimals(x))
            default: return l("assumption.unit.\(unit)", ["n": l.number(x, decimals: decimals(x))])
            }
        }
    }

    /// The decimals `x` needs (at most 4), so 0.3 is not written 0,3000.
    static func decimals(_ x: Double) -> Int {
        for d in 0..<4 {
            var scale = 1.0
            for _ in 0..<d { scale *= 10 }
            if abs((x * scale).rounded() - x * scale) < 1e-9 { return d }
        }
        return 4
    }
}
