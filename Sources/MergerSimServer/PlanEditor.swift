import Foundation
import MergerSim

/// A merger plan as the editor keeps it in `editor.json`: the new units in order, each with its members and
/// their shares as the plan file gives them. Converts to and from the library's ``MergerPlan`` exactly.
struct StoredPlan: Codable, Sendable, Equatable {
    struct Unit: Codable, Sendable, Equatable {
        var code: String
        var name: String
        var kind: String?
        var type: String?
        var province: String?
        var members: [Member]
    }

    struct Member: Codable, Sendable, Equatable {
        var code: String
        /// The share as plain decimal text (``FixedDecimal/text``); nil: the whole unit.
        var share: String?
    }

    var units: [Unit]

    init(units: [Unit]) { self.units = units }

    init(_ plan: MergerPlan) {
        units = plan.newUnits.map { unit in
            Unit(code: unit.code, name: unit.name, kind: unit.kind?.rawValue, type: unit.type?.rawValue, province: unit.province,
                 members: unit.members.map { Member(code: $0.code, share: $0.share?.text) })
        }
    }

    /// The library's plan; a value `editor.json` should never hold (it is written only from a plan) is a system error.
    func plan() throws(WorkbenchError) -> MergerPlan {
        var newUnits: [PlannedUnit] = []
        newUnits.reserveCapacity(units.count)
        for unit in units {
            var kind: UnitKind?, type: UnitType?
            if let text = unit.kind { guard let value = UnitKind(name: text) else { throw .system("editor.json: kind \(text)") }; kind = value }
            if let text = unit.type { guard let value = UnitType(name: text) else { throw .system("editor.json: type \(text)") }; type = value }
            var members: [PlannedUnit.Member] = []
            for member in unit.members {
                var share: FixedDecimal?
                if let text = member.share {
                    guard let value = FixedDecimal(parsing: text) else { throw .system("editor.json: share \(text)") }
                    share = value
                }
                members.append(PlannedUnit.Member(code: member.code, share: share))
            }
            newUnits.append(PlannedUnit(code: unit.code, name: unit.name, kind: kind, type: type, province: unit.province, members: members))
        }
        return MergerPlan(newUnits: newUnits)
    }
}

/// What one step of the editor did, for the page to say (in its language) and for the history.
enum PlanStepKind: Codable, Sendable, Equatable {
    /// A plan file uploaded (its name as the browser gave it, only shown).
    case uploaded(file: String)
    /// A proposal taken (its folder's number).
    case proposal(number: Int)
    /// Units grouped into one new unit.
    case grouped(code: String, members: Int)
    /// A unit moved into the unit after `target`.
    case moved(code: String, target: String)
    /// Members split out of a group, each a unit of its own again.
    case split(group: String, members: Int)
}

/// One step of the editor's history, fully decided when it was made, so that replaying the steps from the
/// history's base gives the same plan every time: a whole plan put in place, or new units dropped (by code)
/// and put (replacing the unit of the same code where it stands, else added at the end).
struct PlanStep: Codable, Sendable, Equatable {
    var kind: PlanStepKind
    /// A whole plan (an upload, a proposal); when present, `dropped` and `put` are empty.
    var whole: StoredPlan?
    var dropped: [String] = []
    var put: [StoredPlan.Unit] = []
    /// The units after this step changed: those put, and those it left as they are (split out).
    var affected: [String] = []

    /// `plan` with this step made.
    func applied(to plan: StoredPlan) -> StoredPlan {
        if let whole { return whole }
        let dropped = Set(self.dropped)
        var replacing = Dictionary(put.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last })
        var units: [StoredPlan.Unit] = []
        units.reserveCapacity(plan.units.count + put.count)
        for unit in plan.units {
            if let new = replacing.removeValue(forKey: unit.code) {
                units.append(new)
            } else if !dropped.contains(unit.code) {
                units.append(unit)
            }
        }
        units += put.filter { replacing[$0.code] != nil }
        return StoredPlan(units: units)
    }
}

/// The editor's history as `editor.json` keeps it: a base plan and the steps made since, of which the
/// first `position` are in force (the rest can be redone). At most ``limit`` steps are kept: the oldest
/// is folded into the base.
struct PlanHistory: Codable, Sendable, Equatable {
    static let limit = 200

    var base: StoredPlan
    var steps: [PlanStep] = []
    var position = 0
    /// The rule set that judges the plan while the workspace has no scenario (an uploaded units file).
    var rules: String?

    init(base: StoredPlan, rules: String? = nil) {
        self.base = base
        self.rules = rules
    }

    /// The plan with the steps in force made.
    var current: StoredPlan { steps[0..<position].reduce(base) { $1.applied(to: $0) } }
    /// The step last made (the one an undo takes back).
    var last: PlanStep? { position > 0 ? steps[position - 1] : nil }
    var canUndo: Bool { position > 0 }
    var canRedo: Bool { position < steps.count }

    /// `step` made after the steps in force; the steps undone before it are dropped.
    mutating func append(_ step: PlanStep) {
        steps.removeSubrange(position...)
        steps.append(step)
        position = steps.count
        while steps.count > Self.limit {
            base = steps.removeFirst().applied(to: base)
            position -= 1
        }
    }
}

/// Why the editor refuses a change, as a label of `serve_plan` and its values (said in the page's language).
struct PlanEditRefusal: Error, Sendable, Equatable {
    let key: String
    var values: [String: String] = [:]
}

/// The editor's operations: each reads the current plan and the units, and gives the step that makes it,
/// every choice (a new unit's code and name) decided here. The library then applies and judges the plan.
///
/// A unit that moves, joins a group or is split out moves whole: where it was split between several new
/// units (with shares), it leaves all of them.
struct PlanEditor {
    let units: [AdministrativeUnit]
    let plan: StoredPlan
    private let unitIndex: [String: Int]

    init(units: [AdministrativeUnit], plan: StoredPlan) {
        self.units = units
        self.plan = plan
        unitIndex = Dictionary(units.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `codes` become one new unit named `name` (or, without one, after its largest member by population).
    func group(_ codes: [String], name: String?) throws(PlanEditRefusal) -> PlanStep {
        let members = try known(codes)
        guard members.count >= 2 else { throw PlanEditRefusal(key: "serve.plan.refusal.group_two") }
        var (left, step) = released(Set(members))
        let byPopulation = members.sorted { population($0) > population($1) }
        let code = freeCode(byPopulation, taken: Set(left.units.map(\.code)))
        let largest = try unit(byPopulation[0])
        let unit = StoredPlan.Unit(code: code, name: name ?? largest.name, kind: nil, type: nil, province: nil,
                                   members: members.map { StoredPlan.Member(code: $0, share: nil) })
        left.units.append(unit)
        step.put.append(unit)
        step.kind = .grouped(code: code, members: members.count)
        step.affected = [code] + step.affected
        return step
    }

    /// Unit `code` joins the unit after `target`: a new unit of the plan, or a unit the plan leaves as it is
    /// (then the two make a new unit, under the target's code and name).
    func move(_ code: String, to target: String) throws(PlanEditRefusal) -> PlanStep {
        let moving = try known([code])[0]
        let group = plan.units.first { $0.code == target }
        if let group, group.members.contains(where: { $0.code == moving && $0.share == nil }) {
            throw PlanEditRefusal(key: "serve.plan.refusal.already", values: ["unit": moving, "target": target])
        }
        guard group != nil || (unitIndex[target] != nil && !plan.units.contains { $0.members.contains { $0.code == target } }) else {
            throw PlanEditRefusal(key: "serve.plan.refusal.no_target", values: ["target": target])
        }
        guard target != moving || group != nil else { throw PlanEditRefusal(key: "serve.plan.refusal.already", values: ["unit": moving, "target": target]) }
        var (left, step) = released([moving])
        let joined: StoredPlan.Unit
        if let index = left.units.firstIndex(where: { $0.code == target }) {
            left.units[index].members.append(StoredPlan.Member(code: moving, share: nil))
            joined = left.units[index]
        } else if let group {
            // The target held only parts of the moving unit: it is made again of the moving unit, whole.
            joined = StoredPlan.Unit(code: group.code, name: group.name, kind: group.kind, type: group.type, province: group.province,
                                     members: [StoredPlan.Member(code: moving, share: nil)])
            step.dropped.removeAll { $0 == group.code }
        } else {
            let untouched = try unit(target)
            joined = StoredPlan.Unit(code: target, name: untouched.name, kind: nil, type: nil, province: nil,
                                     members: [StoredPlan.Member(code: target, share: nil), StoredPlan.Member(code: moving, share: nil)])
        }
        step.put.removeAll { $0.code == joined.code }
        step.put.append(joined)
        step.kind = .moved(code: moving, target: target)
        step.affected = [joined.code] + step.affected.filter { $0 != joined.code }
        return step
    }

    /// `codes` (or, when empty, every member) leave the new unit `group` and stay as they are; where the
    /// group keeps members and its code was one of theirs, it takes another (an untouched unit keeps its code).
    func split(_ groupCode: String, codes: [String]) throws(PlanEditRefusal) -> PlanStep {
        guard let group = plan.units.first(where: { $0.code == groupCode }) else {
            throw PlanEditRefusal(key: "serve.plan.refusal.not_a_group", values: ["unit": groupCode])
        }
        let inGroup = group.members.map(\.code)
        let leaving = codes.isEmpty ? inGroup : try known(codes)
        if let stranger = leaving.first(where: { !inGroup.contains($0) }) {
            throw PlanEditRefusal(key: "serve.plan.refusal.not_member", values: ["unit": stranger, "group": groupCode])
        }
        var (left, step) = released(Set(leaving))
        // A group whose code is now an untouched unit's would clash with it (the library refuses that): recode it.
        let untouchedNow = Set(leaving)
        for index in left.units.indices where untouchedNow.contains(left.units[index].code) {
            let oldCode = left.units[index].code
            let candidates = left.units[index].members.map(\.code).sorted { population($0) > population($1) }
            left.units[index].code = freeCode(candidates, taken: Set(left.units.map(\.code)).union(untouchedNow))
            step.put.removeAll { $0.code == oldCode }
            step.put.append(left.units[index])
            step.dropped.append(oldCode)
        }
        step.kind = .split(group: groupCode, members: leaving.count)
        step.affected = step.put.map(\.code) + leaving
        return step
    }

    /// The codes, each a unit of the units file, without repeats (in the order given).
    /// The existing unit `code`.
    private func unit(_ code: String) throws(PlanEditRefusal) -> AdministrativeUnit {
        guard let index = unitIndex[code] else { throw PlanEditRefusal(key: "serve.plan.refusal.unknown_unit", values: ["unit": code]) }
        return units[index]
    }

    private func known(_ codes: [String]) throws(PlanEditRefusal) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for code in codes where seen.insert(code).inserted {
            guard unitIndex[code] != nil else { throw PlanEditRefusal(key: "serve.plan.refusal.unknown_unit", values: ["unit": code]) }
            out.append(code)
        }
        return out
    }

    /// The plan with `codes` taken out of every new unit (whole, every share), and the step so far:
    /// the new units emptied dropped, those that keep members put.
    private func released(_ codes: Set<String>) -> (StoredPlan, PlanStep) {
        var step = PlanStep(kind: .split(group: "", members: 0))
        var left: [StoredPlan.Unit] = []
        for unit in plan.units {
            guard unit.members.contains(where: { codes.contains($0.code) }) else { left.append(unit); continue }
            var kept = unit
            kept.members.removeAll { codes.contains($0.code) }
            if kept.members.isEmpty {
                step.dropped.append(unit.code)
            } else {
                left.append(kept)
                step.put.append(kept)
                step.affected.append(kept.code)
            }
        }
        return (StoredPlan(units: left), step)
    }

    /// The first of `candidates` no other new unit has as its code, else the first `<candidate>-N` free among
    /// every code of the plan and of the units.
    private func freeCode(_ candidates: [String], taken: Set<String>) -> String {
        if let free = candidates.first(where: { !taken.contains($0) }) { return free }
        let stem = candidates.first ?? "new"
        var n = 2
        while taken.contains("\(stem)-\(n)") || unitIndex["\(stem)-\(n)"] != nil { n += 1 }
        return "\(stem)-\(n)"
    }

    private func population(_ code: String) -> Int { unitIndex[code].map { units[$0].population } ?? 0 }
}
