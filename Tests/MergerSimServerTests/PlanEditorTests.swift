import Foundation
import MergerSim
import MergerSimInputs
import Testing
@testable import MergerSimServer

/// The editor's operations on a plan, without a server: what each step gives, and the history's replay and bound.
@Suite struct PlanEditorTests {
    static func units() throws -> [AdministrativeUnit] {
        try UnitsFile(path: TestWorkbench.root.appendingPathComponent("scenarios/phan-rang-2024/units.csv").path).units
    }

    static func plan() throws -> StoredPlan {
        StoredPlan(try PlanFile(path: TestWorkbench.root.appendingPathComponent("scenarios/phan-rang-2024/plan.csv").path).plan)
    }

    static func groups(_ plan: StoredPlan) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: plan.units.map { ($0.code, $0.members.map(\.code)) })
    }

    @Test func groupingTakesUnitsOutOfTheirGroupsAndNamesTheNewUnitAfterAFreeMemberCode() throws {
        let units = try Self.units(), plan = try Self.plan()
        let step = try PlanEditor(units: units, plan: plan).group(["22753", "22750"], name: "Test")
        let after = step.applied(to: plan)
        // 22750 is the larger, but the group that keeps 22747 still has code 22750: the next member's code is taken.
        #expect(Self.groups(after) == ["22759": ["22756", "22759"], "22750": ["22747"], "22753": ["22753", "22750"]])
        #expect(after.units.last?.name == "Test")
        #expect(Set(step.affected) == ["22753", "22759", "22750"])
        _ = try after.plan().apply(to: units)
    }

    @Test func movingAndSplittingKeepThePlanOneTheLibraryApplies() throws {
        let units = try Self.units()
        var plan = try Self.plan()
        plan = try PlanEditor(units: units, plan: plan).move("22756", to: "22750").applied(to: plan)
        #expect(Self.groups(plan) == ["22759": ["22753", "22759"], "22750": ["22750", "22747", "22756"]])
        // Splitting 22750 out of the group coded 22750 leaves an untouched 22750: the group takes another code.
        plan = try PlanEditor(units: units, plan: plan).split("22750", codes: ["22750"]).applied(to: plan)
        #expect(Self.groups(plan) == ["22759": ["22753", "22759"], "22747": ["22747", "22756"]])
        _ = try plan.plan().apply(to: units)
        plan = try PlanEditor(units: units, plan: plan).split("22759", codes: []).applied(to: plan)
        #expect(Self.groups(plan) == ["22747": ["22747", "22756"]])
        // Moving into a unit the plan leaves as it is makes a new unit under its code.
        plan = try PlanEditor(units: units, plan: plan).move("22753", to: "22759").applied(to: plan)
        #expect(Self.groups(plan)["22759"] == ["22759", "22753"])
        _ = try plan.plan().apply(to: units)
    }

    @Test func refusalsNameWhatIsWrong() throws {
        let editor = PlanEditor(units: try Self.units(), plan: try Self.plan())
        #expect(throws: PlanEditRefusal(key: "serve.plan.refusal.group_two")) { try editor.group(["22753"], name: nil) }
        #expect(throws: PlanEditRefusal(key: "serve.plan.refusal.unknown_unit", values: ["unit": "99999"])) { try editor.group(["22753", "99999"], name: nil) }
        #expect(throws: PlanEditRefusal(key: "serve.plan.refusal.already", values: ["unit": "22753", "target": "22759"])) { try editor.move("22753", to: "22759") }
        #expect(throws: PlanEditRefusal(key: "serve.plan.refusal.no_target", values: ["target": "nowhere"])) { try editor.move("22753", to: "nowhere") }
        #expect(throws: PlanEditRefusal(key: "serve.plan.refusal.not_member", values: ["unit": "22750", "group": "22759"])) { try editor.split("22759", codes: ["22750"]) }
    }

    @Test func theHistoryReplaysToTheSamePlanAndKeepsAtMostItsLimit() throws {
        let units = try Self.units(), base = try Self.plan()
        var history = PlanHistory(base: base)
        for i in 0..<(PlanHistory.limit + 5) {
            let plan = history.current
            let step = i.isMultiple(of: 2) ? try PlanEditor(units: units, plan: plan).move("22756", to: "22750")
                                           : try PlanEditor(units: units, plan: plan).move("22756", to: "22759")
            history.append(step)
        }
        #expect(history.steps.count == PlanHistory.limit)
        #expect(history.position == PlanHistory.limit)
        let last = history.current
        history.position -= 1
        let data = try JSONEncoder().encode(history)
        var read = try JSONDecoder().decode(PlanHistory.self, from: data)
        #expect(read.canRedo)
        read.position += 1
        #expect(read.current == last)
        #expect(Self.groups(last)["22750"] == ["22750", "22747", "22756"])
    }

    @Test func thePlanIsWrittenInThePlanFormatAndReadBackTheSame() throws {
        let plan = try PlanFile(path: TestWorkbench.root.appendingPathComponent("scenarios/vn-2025/plan.csv").path).plan
        let written = PlanCSV.data(StoredPlan(plan))
        #expect(try PlanFile(bytes: [UInt8](written), file: "plan.csv").plan == plan)
    }
}
