import Testing
import MergerSim
import ScenarioData

/// Applying a merger plan: sums, splits by largest remainder, combination rules, invariants.
struct PlanApplicationTests {
    func unit(_ code: String, _ kind: UnitKind = .commune, area: String, population: Int, staff: Headcount? = nil,
              features: AdministrativeUnit.Features = .init(), location: Coordinate? = nil, province: String = "P") -> AdministrativeUnit {
        AdministrativeUnit(code: code, name: "U\(code)", kind: kind, province: province, districtKind: kind == .ward ? .provincialCity : nil,
                           area: FixedDecimal(parsing: area)!, population: population, features: features, staff: staff, location: location)
    }

    func share(_ text: String) -> FixedDecimal { FixedDecimal(parsing: text)! }

    @Test func newUnitSumsItsMembers() throws {
        let units = [unit("1", area: "1.25", population: 1_000, staff: .init(cadres: 10, civilServants: 9, nonProfessional: 8)),
                     unit("2", area: "2.5", population: 3_000, staff: .init(cadres: 11, civilServants: 10, nonProfessional: 9)),
                     unit("3", area: "7", population: 500, staff: .init(cadres: 1, civilServants: 1, nonProfessional: 1))]
        let plan = MergerPlan(newUnits: [PlannedUnit(code: "N", name: "New", members: [.init(code: "1"), .init(code: "2")])])
        let outcome = try plan.apply(to: units)
        #expect(outcome.units.count == 2)
        let new = outcome.units[0]
        #expect(new.unit.population == 4_000 && new.unit.area == FixedDecimal(parsing: "3.75")!)
        #expect(new.unit.staff == Headcount(cadres: 21, civilServants: 19, nonProfessional: 17))
        #expect(!new.untouched && new.memberCount == 2)
        #expect(outcome.units[1].untouched && outcome.units[1].unit == units[2])
        #expect(outcome.invariantViolations(before: units).isEmpty)
    }

    @Test func kindAndProvinceComeFromTheLargestMemberByPopulation() throws {
        let units = [unit("1", .town, area: "10", population: 9_000, province: "A"), unit("2", .commune, area: "40", population: 4_000, province: "B")]
        let outcome = try MergerPlan(newUnits: [PlannedUnit(code: "N", name: "N", members: [.init(code: "2"), .init(code: "1")])]).apply(to: units)
        #expect(outcome.units[0].unit.kind == .town && outcome.units[0].unit.province == "A")
        let given = try MergerPlan(newUnits: [PlannedUnit(code: "N", name: "N", kind: .commune, type: .typeI, members: [.init(code: "2"), .init(code: "1")])]).apply(to: units)
        #expect(given.units[0].unit.kind == .commune && given.units[0].unit.type == .typeI)
    }

    @Test func featuresCombineByAreaMajorityAndPopulationWeight() throws {
        let units = [
            unit("1", area: "60", population: 1_000, features: .init(mountainous: true, ethnicMinorityShare: share("0.8")),
                 location: Coordinate(latitude: 10, longitude: 100)),
            unit("2", area: "40", population: 3_000, features: .init(border: true), location: Coordinate(latitude: 20, longitude: 110)),
        ]
        let new = try MergerPlan(newUnits: [PlannedUnit(code: "N", name: "N", members: [.init(code: "1"), .init(code: "2")])]).apply(to: units).units[0].unit
        #expect(new.features.mountainous)  // 60 of 100 km²
        #expect(!new.features.border)  // 40 of 100 km²
        #expect(new.features.ethnicMinorityShare == share("0.2"))  // (0.8·1000 + 0·3000) / 4000
        #expect(new.location == Coordinate(latitude: 17.5, longitude: 107.5))
    }

    @Test func splitMemberIsApportionedByLargestRemainderAndConserved() throws {
        let units = [unit("S", area: "10.00", population: 1_001, staff: .init(cadres: 11, civilServants: 10, nonProfessional: 7)),
                     unit("A", area: "5", population: 100, staff: .zero), unit("B", area: "5", population: 100, staff: .zero)]
        let plan = MergerPlan(newUnits: [
            PlannedUnit(code: "X", name: "X", members: [.init(code: "A"), .init(code: "S", share: share("0.333333"))]),
            PlannedUnit(code: "Y", name: "Y", members: [.init(code: "B"), .init(code: "S", share: share("0.666667"))]),
        ])
        let outcome = try plan.apply(to: units)
        let x = outcome.units[0].contributions[1], y = outcome.units[1].contributions[1]
        // 1,001 × (0.333333, 0.666667) = (333.67, 667.33): floors 333 + 667, the one left to the larger remainder.
        #expect(x.population == 334 && y.population == 667)
        #expect(x.staff!.cadres + y.staff!.cadres == 11 && x.staff!.nonProfessional + y.staff!.nonProfessional == 7)
        #expect(x.area.millionths + y.area.millionths == 10_000_000)
        #expect(outcome.invariantViolations(before: units).isEmpty)
    }

    @Test func apportionmentConservesAndFavoursLargestRemainders() {
        #expect(LargestRemainder.apportion(10, weights: [1, 1, 1]) == [4, 3, 3])  // ties to the first
        #expect(LargestRemainder.apportion(7, weights: [500_000, 300_000, 200_000]) == [4, 2, 1])  // 3.5, 2.1, 1.4
        #expect(LargestRemainder.apportion(0, weights: [1, 2]) == [0, 0])
        #expect(LargestRemainder.apportion(Int64(1) << 40, weights: [1, 1 << 40]).reduce(0, +) == Int64(1) << 40)
    }

    @Test func randomPlansConserveEverything() throws {
        // Seeded random plans over random units: splits, multi-member mergers, untouched units.
        let units = try SyntheticUnits.generate(count: 300, seed: 7)
        for seed in 1...20 {
            var rng = SplitMix(seed: UInt64(seed))
            var newUnits: [PlannedUnit] = []
            var i = 0
            while i < units.count - 3 {
                let size = Int(rng.next() % 4)  // 0: untouched, else merge `size` units
                if size == 0 { i += 1; continue }
                var members = (i..<min(i + size, units.count)).map { PlannedUnit.Member(code: units[$0].code) }
                if rng.next() % 5 == 0, i + size < units.count {  // split the next unit between this and a new one
                    let split = units[i + size].code
                    members.append(.init(code: split, share: FixedDecimal(parsing: "0.3")))
                    newUnits.append(PlannedUnit(code: "R\(i)", name: "R", members: [.init(code: split, share: FixedDecimal(parsing: "0.7"))]))
                    i += 1
                }
                newUnits.append(PlannedUnit(code: "N\(i)", name: "N", members: members))
                i += size
            }
            let outcome = try MergerPlan(newUnits: newUnits).apply(to: units)
            #expect(outcome.invariantViolations(before: units).isEmpty, "seed \(seed)")
            let mergedCodes = Set(newUnits.flatMap { $0.members.map(\.code) })
            #expect(outcome.units.filter(\.untouched).count == units.count - mergedCodes.count)
        }
    }

    @Test func invariantCheckCatchesALostPerson() throws {
        let units = [unit("1", area: "1", population: 10), unit("2", area: "1", population: 20)]
        var outcome = try MergerPlan(newUnits: [PlannedUnit(code: "N", name: "N", members: [.init(code: "1")])]).apply(to: units)
        outcome.units[0].unit.population -= 1
        outcome.units.append(outcome.units[1])
        let violations = outcome.invariantViolations(before: units)
        #expect(violations.contains { $0.hasPrefix("population") })
        #expect(violations.contains { $0.contains("shares of unit 2") })
    }

    // Bad plans.

    func failure(_ plan: MergerPlan, _ units: [AdministrativeUnit]) -> PlanError? {
        do { _ = try plan.apply(to: units) } catch { return error }
        return nil
    }

    @Test func unknownMemberIsAnError() {
        let error = failure(MergerPlan(newUnits: [PlannedUnit(code: "N", name: "N", members: [.init(code: "404")])]),
                            [unit("1", area: "1", population: 1)])
        #expect(error?.memberCode == "404" && error?.field == "member_code")
    }

    @Test func memberInTwoNewUnitsNeedsShares() {
        let units = [unit("1", area: "1", population: 1), unit("2", area: "1", population: 1)]
        let error = failure(MergerPlan(newUnits: [PlannedUnit(code: "A", name: "A", members: [.init(code: "1")]),
                                                  PlannedUnit(code: "B", name: "B", members: [.init(code: "1"), .init(code: "2")])]), units)
        #expect(error?.memberCode == "1" && error?.field == "share" && error?.message.contains("A and B") == true)
    }

    @Test func sharesMustSumToOne() {
        let units = [unit("1", area: "1", population: 1)]
        let error = failure(MergerPlan(newUnits: [PlannedUnit(code: "A", name: "A", members: [.init(code: "1", share: share("0.5"))]),
                                                  PlannedUnit(code: "B", name: "B", members: [.init(code: "1", share: share("0.4"))])]), units)
        #expect(error?.message.contains("sum to 0.9") == true)
        #expect(failure(MergerPlan(newUnits: [PlannedUnit(code: "A", name: "A", members: [.init(code: "1", share: share("0.333333"))]),
                                              PlannedUnit(code: "B", name: "B", members: [.init(code: "1", share: share("0.333333"))]),
                                              PlannedUnit(code: "C", name: "C", members: [.init(code: "1", share: share("0.333333"))])]), units) == nil)
    }

    @Test func newCodeMustNotBeAnUntouchedUnitsCode() {
        let units = [unit("1", area: "1", population: 1), unit("2", area: "1", population: 1)]
        let error = failure(MergerPlan(newUnits: [PlannedUnit(code: "2", name: "N", members: [.init(code: "1")])]), units)
        #expect(error?.field == "new_code" && error?.newCode == "2")
    }

    @Test func newUnitNeedsMembers() {
        let error = failure(MergerPlan(newUnits: [PlannedUnit(code: "N", name: "N", members: [])]), [unit("1", area: "1", population: 1)])
        #expect(error?.message.contains("no members") == true)
    }
}

/// A tiny deterministic generator for building random plans and cases in tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
