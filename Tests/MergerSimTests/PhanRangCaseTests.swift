import Foundation
import Testing
import MergerSim
import MergerSimInputs
import MergerSimReports

/// A real case: Phan Rang–Tháp Chàm, five wards of a provincial city (R-1.4: 7,000 people, 5.5 km²).
struct PhanRangCaseTests {
    static let unitsPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios/phan-rang-2024/units.csv").path

    let results: [String: ScreeningResult]

    init() throws {
        let units = try UnitsFile(path: Self.unitsPath)
        let rules = try Rules.vn2023
        let screened = try rules.screen(units.units, round: rules.screening.round(2023)!)
        results = Dictionary(uniqueKeysWithValues: screened.map { ($0.unit.name, $0) })
    }

    @Test(arguments: [
        ("Mỹ Hương", MergerDecision.yes, 8.18, 74.29),
        ("Tấn Tài", .no, 48.00, 162.23),
        ("Kinh Dinh", .yes, 7.45, 115.71),
        ("Thanh Sơn", .borderline, 20.00, 152.29),
        ("Phủ Hà", .no, 23.64, 189.96),
    ])
    func screeningUnderR2_2(name: String, decision: MergerDecision, areaPercent: Double, populationPercent: Double) throws {
        let result = try #require(results[name])
        #expect(result.standard.standard.rule == "R-1.4")
        #expect(result.decision == decision)
        #expect(abs(result.areaPercent - areaPercent) < 0.005)
        #expect(abs(result.populationPercent - populationPercent) < 0.005)
        if decision != .no { #expect(result.test?.rule == "R-2.2b") }
        #expect(!result.meetsArea)  // every ward is below 5.5 km²
    }

    @Test func thanhSonIsShownAsBorderlineNotAsCompliant() throws {
        let thanhSon = try #require(results["Thanh Sơn"])
        #expect(thanhSon.verdict == .borderline)
        #expect(thanhSon.test?.areaBelowPercent == 20)
    }

    @Test func extraCivilServantsOfTheFiveWardsAre0_1_0_1_1() throws {
        let extras = ["Mỹ Hương", "Tấn Tài", "Kinh Dinh", "Thanh Sơn", "Phủ Hà"].map { results[$0]!.quota.extras }
        #expect(extras == [0, 1, 0, 1, 1])
        #expect(extras.reduce(0, +) == 3)
    }

    @Test func extraCivilServantsOfTheNewWardsAre5And4() throws {
        // New Kinh Dinh: 3.50 km², 24,656 people; new Phủ Hà: 2.4 km², 23,957 (one per full 3,500 above 7,000).
        let kinhDinh = AdministrativeUnit.sample(.ward, district: .provincialCity, area: "3.50", population: 24_656, type: .typeII)
        let phuHa = AdministrativeUnit.sample(.ward, district: .provincialCity, area: "2.4", population: 23_957, type: .typeII)
        #expect(try Rules.vn2023.screen(kinhDinh).quota.extras == 5)
        #expect(try Rules.vn2023.screen(phuHa).quota.extras == 4)
        #expect(try !Rules.vn2023.screen(kinhDinh).meetsArea)
        #expect(try !Rules.vn2023.screen(phuHa).meetsArea)
    }

    @Test func assumedHeadcountsMatchTheAssumedQuotas() throws {
        // The scenario README assumes every ward staffed exactly at its Type II quota.
        for result in results.values {
            #expect(result.unit.staff == result.quota.posts, "\(result.unit.name)")
        }
    }
}
