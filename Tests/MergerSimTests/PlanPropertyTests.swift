import PropertyBased
import Testing
import MergerSim
import ScenarioData

/// Issue 8: applying any plan conserves people, staff and area exactly.
struct PlanPropertyTests {
    /// A plan over `units` drawn from `choices`: runs of 1–3 units merged, some left untouched, some
    /// split between two new units with shares from `splits` (thousandths).
    static func plan(_ units: [AdministrativeUnit], choices: [Int], splits: [Int]) -> MergerPlan {
        var newUnits: [PlannedUnit] = []
        var i = 0, k = 0
        while i < units.count {
            let choice = choices.isEmpty ? 0 : choices[k % choices.count]
            k += 1
            let size = choice % 4
            if size == 0 { i += 1; continue }
            var members = (i..<min(i + size, units.count)).map { PlannedUnit.Member(code: units[$0].code) }
            i += size
            if choice >= 4, i < units.count, !splits.isEmpty {
                let thousandths = Int64(splits[k % splits.count])
                let split = units[i].code
                members.append(.init(code: split, share: FixedDecimal(millionths: thousandths * 1_000, decimals: 3)))
                newUnits.append(PlannedUnit(code: "R\(i)", name: "R", members: [
                    .init(code: split, share: FixedDecimal(millionths: (1_000 - thousandths) * 1_000, decimals: 3)),
                ]))
                i += 1
            }
            newUnits.append(PlannedUnit(code: "N\(i)", name: "N", members: members))
        }
        return MergerPlan(newUnits: newUnits)
    }

    @Test func anyPlanConservesPeopleStaffAndArea() async throws {
        let units = try SyntheticUnits.generate(count: 80, seed: 11)
        let input = zip(Gen.int(in: 0...7).array(of: 1...40), Gen.int(in: 1...999).array(of: 0...10))
        await propertyCheck(count: 200, input: input) { choices, splits in
            let plan = Self.plan(units, choices: choices, splits: splits)
            let outcome = try plan.apply(to: units)
            #expect(outcome.invariantViolations(before: units).isEmpty)
            #expect(outcome.units.reduce(0) { $0 + $1.unit.population } == units.reduce(0) { $0 + $1.population })
            #expect(outcome.units.reduce(Int64(0)) { $0 + $1.unit.area.millionths } == units.reduce(Int64(0)) { $0 + $1.area.millionths })
            #expect(outcome.units.reduce(Headcount.zero) { $0 + ($1.unit.staff ?? .zero) } == units.reduce(Headcount.zero) { $0 + ($1.staff ?? .zero) })
        }
    }
}
