import Foundation
import Testing
import MergerSim
import ScenarioData
@testable import MergerSimInputs
@testable import MergerSimReports

/// A real case: the 2025 nationwide arrangement, real structure with estimated figures.
@Suite(.serialized)
struct NationalScenarioTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/vn-2025")
    // Read once; a scenario that fails to read fails the tests that use it, not the whole runner.
    private static let read = Result { () throws -> (ScenarioInputs, MergerOutcome) in
        let inputs = try ScenarioInputs(path: folder.appendingPathComponent("scenario.yaml").path)
        return (inputs, try inputs.applyPlan())
    }
    static var inputs: ScenarioInputs { get throws { try read.get().0 } }
    static var outcome: MergerOutcome { get throws { try read.get().1 } }

    @Test func before10035UnitsPlusFiveIslandDistricts() throws {
        let units = try Self.inputs.units
        #expect(units.count == 10_040)
        #expect(units.filter { $0.kind == .commune }.count == 7_695)
        #expect(units.filter { $0.kind == .ward }.count == 1_724)
        #expect(units.filter { $0.kind == .town }.count == 616)
        #expect(units.filter { $0.kind == .islandDistrict }.count == 5)
    }

    /// Issue 23: every unit has a position, the five island districts included (the source leaves theirs
    /// blank); each island lies offshore of its own province, at a distance from its nearest unit within the
    /// range the map gives (Lý Sơn and Cồn Cỏ 20–30 km out, Bạch Long Vĩ about 95 km from Cát Bà, Côn Đảo
    /// about 190 from Vũng Tàu, the Paracels about 400 from Đà Nẵng), so swapped or mistyped coordinates fail.
    @Test func everyUnitHasAPositionTheIslandsOffshoreOfTheirProvince() throws {
        let units = try Self.inputs.units
        #expect(units.allSatisfy { $0.location != nil }, "\(units.filter { $0.location == nil }.map(\.code))")
        let range: [String: ClosedRange<Double>] = ["D318": 60...160, "D471": 15...45, "D498": 300...450, "D536": 15...45, "D755": 150...230]
        for island in units where island.kind == .islandDistrict {
            let position = try #require(island.location)
            let nearest = units.filter { $0.province == island.province && $0.code != island.code }
                .compactMap { $0.location.map { Neighbours.km(position, $0) } }.min() ?? .infinity
            #expect(try #require(range[island.code]).contains(nearest), "\(island.code) \(island.name): \(nearest) km from its province's nearest unit")
        }
    }

    @Test func after3321Units() throws {
        let after = try Self.outcome.units
        #expect(after.count == 3_321)
        #expect(after.filter { $0.unit.kind == .commune }.count == 2_621)
        #expect(after.filter { $0.unit.kind == .ward }.count == 687)
        #expect(after.filter { $0.unit.kind == .specialZone }.count == 13)
        #expect(after.allSatisfy { !$0.untouched })
    }

    @Test func everyPredecessorFullyAllocated() throws {
        #expect(try Self.outcome.invariantViolations(before: try Self.inputs.units).isEmpty)
        let appearances = Dictionary(try Self.outcome.units.flatMap { $0.contributions.map { ($0.code, 1) } }, uniquingKeysWith: +)
        #expect(appearances.count == 10_040)
        #expect(appearances.values.filter { $0 > 1 }.count == 471)
    }

    @Test func estimatesAddUpToThePublishedTotals() throws {
        let totals = MergerOutcome.totals(try Self.inputs.units)
        #expect(totals.population == 100_300_000)
        #expect(totals.staff.cadres + totals.staff.civilServants == 212_606)
        #expect(totals.staff.nonProfessional == 120_500)
    }

    @Test func newUnitsKeepTheirRealAreas() throws {
        let source = try CSVTable(bytes: FileInput.read(Self.folder.appendingPathComponent("source/units_2025.csv").path), file: "units_2025.csv")
        let after = Dictionary(uniqueKeysWithValues: try Self.outcome.units.map { ($0.unit.code, $0.unit) })
        var checked = 0
        for record in source.records {
            guard let area = FixedDecimal(parsing: record.fields[source.columnIndex["area_km2"]!]) else { continue }
            let rebuilt = try #require(after[record.fields[source.columnIndex["code"]!]])
            #expect(abs(rebuilt.area.millionths - area.millionths) < 10_000, "\(rebuilt.code)")  // within 0.01 km²
            checked += 1
        }
        #expect(checked == 3_319)  // two new units have no area in the source
        let total = Double(MergerOutcome.totals(try Self.inputs.units).areaMillionths) / 1e6
        #expect(abs(total - 331_000) < 5_000)  // the country's land area
    }

    @Test func estimationIsReproducibleFromTheSource() throws {
        let made = try NationalEstimate2025.make(sourceFolder: Self.folder.appendingPathComponent("source").path)
        #expect(made.units == (try String(contentsOf: Self.folder.appendingPathComponent("units.csv"), encoding: .utf8)))
        #expect(made.plan == (try String(contentsOf: Self.folder.appendingPathComponent("plan.csv"), encoding: .utf8)))
        let other = try NationalEstimate2025.make(sourceFolder: Self.folder.appendingPathComponent("source").path, seed: 7)
        #expect(other.units != made.units)
    }

    @Test func newUnitsAreJudgedUnderR2_6() throws {
        let results = try Self.inputs.judgeAfter(try Self.outcome)
        let merged = results.filter { $0.merged.memberCount >= 2 }
        #expect(merged.allSatisfy { $0.standardsReason.rule == "R-2.6" })
        #expect(merged.filter { $0.merged.memberCount >= 3 }.allSatisfy { $0.outcome == .meets || $0.outcome == .waived })
        #expect(results.allSatisfy { $0.quota.posts.nonProfessional == 0 })  // ended 1 Aug 2025
        let hanoiWard = try #require(results.first { $0.unit.kind == .ward && $0.unit.province == "Thành phố Hà Nội" && $0.merged.memberCount >= 2 })
        #expect(hanoiWard.requiredPopulation == 45_000)
    }

    /// Under R-4.8's pool no new unit has an empty post (the interim quota is held to the predecessors'
    /// staff), so nothing moves; with the split of R-4.5 (pool off), surplus cadres face empty
    /// civil-servant posts elsewhere in the province, and the flows are proven optimal.
    @Test func transfersWithinProvincesAreProvenOptimal() throws {
        let pooled = try Self.inputs.judge()
        #expect(pooled.after.allSatisfy { $0.quota.pooled && ($0.vacancies.map { $0.cadres + $0.civilServants } ?? 0) == 0 })
        #expect(try Self.inputs.reallocate(pooled, verify: true).transfers.peopleMoved == 0)
        let scenario = try Scenario(path: Self.folder.appendingPathComponent("scenario.yaml").path,
                                    overrides: [Override(path: ["rules", "quotas", "pooled", "value"], value: "false")])
        let split = try ScenarioInputs(scenario: scenario)
        let judged = try split.judge()
        let reallocated = try split.reallocate(judged, verify: true)
        let plan = reallocated.transfers
        #expect(plan.provenOptimal == true)
        #expect(plan.peopleMoved > 0)
        #expect(plan.surplusAfter.total < plan.surplusBefore.total)
        let province = Dictionary(uniqueKeysWithValues: judged.after.map { ($0.unit.code, $0.unit.province) })
        #expect(plan.transfers.allSatisfy { province[$0.fromCode] == province[$0.toCode] })
        #expect(plan.staffAfter.reduce(0) { $0 + $1.total } == judged.after.reduce(0) { $0 + ($1.unit.staff?.total ?? 0) })
    }
}
