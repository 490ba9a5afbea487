import Testing
@testable import MergerSim

/// Issue 21, item 9: a transfer that names a unit the workforce does not hold was skipped in silence,
/// leaving people where the plan said they had gone.
struct WorkforceTransferTests {
    func unit(_ code: String) -> TransferUnit {
        TransferUnit(code: code, province: "P", district: "D", location: nil, staff: .zero, quota: .zero)
    }

    func person(_ id: String, in code: String) throws -> StaffMember {
        StaffMember(id: id, unitCode: code, category: .civilServants, sex: .female, birthDate: try #require(BirthDate(year: 1980, month: 1, day: 1)))
    }

    func workforce() throws -> Workforce {
        var workforce = Workforce(units: [unit("A"), unit("B")])
        let rules = try Rules.vn2023.transition
        for (id, code) in [("1", "A"), ("2", "A"), ("3", "B")] {
            workforce.add(try person(id, in: code), inUnit: code == "A" ? 0 : 1, retirement: rules.retirement, defaults: rules.syntheticRoster)
        }
        return workforce
    }

    @Test func aTransferToAUnitNotHeldIsAnErrorAndMovesNoOne() throws {
        var workforce = try workforce()
        let good = Transfer(category: .civilServants, toCategory: .civilServants, fromCode: "A", toCode: "B", count: 1, distanceKm: nil)
        let stray = Transfer(category: .civilServants, toCategory: .civilServants, fromCode: "A", toCode: "Z", count: 1, distanceKm: nil)
        #expect(throws: Workforce.UnknownUnit(transfer: stray, code: "Z")) { try workforce.apply([good, stray]) }
        // Checked before anyone moves: the good transfer ahead of it is not half applied.
        #expect(workforce.headcounts().map(\.civilServants) == [2, 1])
    }

    @Test func aTransferFromAUnitNotHeldIsAnError() throws {
        var workforce = try workforce()
        let stray = Transfer(category: .civilServants, toCategory: .civilServants, fromCode: "Y", toCode: "A", count: 1, distanceKm: nil)
        #expect(throws: Workforce.UnknownUnit(transfer: stray, code: "Y")) { try workforce.apply([stray]) }
    }

    @Test func transfersBetweenHeldUnitsMoveTheLastListed() throws {
        var workforce = try workforce()
        try workforce.apply([Transfer(category: .civilServants, toCategory: .civilServants, fromCode: "A", toCode: "B", count: 1, distanceKm: nil)])
        // Person 2 (the last listed in A) moves; 1 stays.
        #expect(workforce.unit == [0, 1, 1])
    }
}
