import Foundation
import Testing
import MergerSim
@testable import MergerSimInputs
@testable import MergerSimReports

struct UnitsFileTests {
    static let header = "code,name,kind,province,district_kind,area_km2,population,cadres,civil_servants,non_professional"

    func units(_ rows: String, header: String = UnitsFileTests.header) throws -> [AdministrativeUnit] {
        try UnitsFile(bytes: Array((header + "\n" + rows).utf8), file: "u.csv").units
    }

    func failure(_ rows: String, header: String = UnitsFileTests.header) -> InputError? {
        do { _ = try units(rows, header: header) } catch let error as InputError { return error } catch { return nil }
        return nil
    }

    @Test func readsVietnameseKindNames() throws {
        let read = try units("""
            1,A,xã,P,,30,8000,1,1,1
            2,B,phường,P,quận,5.5,15000,1,1,1
            3,C,thị trấn,P,,14,8000,1,1,1
            4,D,đặc khu,P,,15,2500,1,1,1
            5,E,Ward,P,provincial_city,5.5,7000,1,1,1
            """)
        #expect(read.map(\.kind) == [.commune, .ward, .town, .specialZone, .ward])
        #expect(read[1].districtKind == .urbanDistrict)
    }

    @Test func readsFlagsInEveryAcceptedSpelling() throws {
        let read = try units("""
            1,A,commune,P,30,8000,1,1,1,true,1,yes,,0.35
            2,B,commune,P,30,8000,1,1,1,FALSE,0,no,,
            """, header: "code,name,kind,province,area_km2,population,cadres,civil_servants,non_professional,mountainous,border,island,red_river_delta,ethnic_minority_share")
        #expect(read[0].features == .init(mountainous: true, border: true, island: true, ethnicMinorityShare: FixedDecimal(parsing: "0.35")))
        #expect(read[1].features == .init())
    }

    @Test func readsOptionalColumns() throws {
        let read = try units("1,A,commune,P,30,8000,1,2,3,II,12.5,a,21.5,105.8",
                             header: "code,name,kind,province,area_km2,population,cadres,civil_servants,non_professional,type,other_points,exempt,lat,lon")
        #expect(read[0].type == .typeII)
        #expect(read[0].otherPoints == FixedDecimal(parsing: "12.5"))
        #expect(read[0].exemption == .isolated)
        #expect(read[0].staff == Headcount(cadres: 1, civilServants: 2, nonProfessional: 3))
        #expect(read[0].location == Coordinate(latitude: 21.5, longitude: 105.8))
    }

    @Test func headcountsMayBeLeftToARoster() throws {
        let read = try UnitsFile(bytes: Array("code,name,kind,province,area_km2,population\n1,A,xã,P,30,8000\n".utf8),
                                 file: "u.csv", headcountsRequired: false)
        #expect(read.units[0].staff == nil)
    }

    @Test func locatesEachBadValue() {
        let negative = failure("1,A,xã,P,,30,-5,1,1,1")
        #expect(negative?.line == 2 && negative?.column == 14 && negative?.message.contains("negative") == true)
        let comma = failure("1,A,xã,P,,\"12,5\",5,1,1,1")
        #expect(comma?.line == 2 && comma?.column == 11 && comma?.message.contains("write 12.5") == true)
        let kind = failure("1,A,village,P,,30,5,1,1,1")
        #expect(kind?.column == 5 && kind?.message.contains("village") == true)
        let share = failure("1,A,xã,P,30,5,1,1,1,1.5", header: "code,name,kind,province,area_km2,population,cadres,civil_servants,non_professional,ethnic_minority_share")
        #expect(share?.column == 21)
        let flag = failure("1,A,xã,P,30,5,1,1,1,maybe", header: "code,name,kind,province,area_km2,population,cadres,civil_servants,non_professional,mountainous")
        #expect(flag?.message.contains("maybe") == true)
        let type = failure("1,A,xã,P,30,5,1,1,1,IV", header: "code,name,kind,province,area_km2,population,cadres,civil_servants,non_professional,type")
        #expect(type?.message.contains("IV") == true)
        let lonOnly = failure("1,A,xã,P,30,5,1,1,1,,105", header: "code,name,kind,province,area_km2,population,cadres,civil_servants,non_professional,lat,lon")
        #expect(lonOnly?.message.contains("lat") == true)
    }

    @Test func duplicateCodeNamesTheFirstLine() {
        let error = failure("1,A,xã,P,,30,5,1,1,1\n2,B,xã,P,,30,5,1,1,1\n1,C,xã,P,,30,5,1,1,1")
        #expect(error?.line == 4 && error?.column == 1 && error?.message.contains("line 2") == true)
    }

    @Test func missingColumnsAreNamed() {
        let error = failure("1,A,xã,P,30", header: "code,name,kind,province,area_km2")
        #expect(error?.line == 1)
        #expect(error?.message.contains("population, cadres, civil_servants, non_professional") == true)
    }

    @Test func headerOnlyIsAnError() {
        #expect(failure("")?.message.contains("no units") == true)
    }

    @Test func ruleErrorsAreLocatedAtTheUnitsField() throws {
        let file = try UnitsFile(bytes: Array((Self.header + "\n1,A,xã,P,,30,5,1,1,1\n2,B,phường,P,,5,9000,1,1,1\n").utf8), file: "u.csv")
        let rules = try RuleSetLoader.load("vn-2023").rules
        do {
            _ = try rules.screen(file.units, round: rules.screening.round(2023)!)
            Issue.record("a ward without district kind was screened")
        } catch {
            let located = file.located(error)
            #expect(located.description.hasPrefix("u.csv:3:14: a ward needs district_kind"))
        }
    }
}

struct RuleFileErrorTests {
    func failure(_ yaml: String) -> InputError? {
        do { _ = try RuleSetLoader.load(bytes: Array(yaml.utf8), file: "r.yaml", source: "r.yaml") } catch { return error }
        return nil
    }

    static var valid: String { get throws { try String(contentsOfFile: BundledRuleSetsPath.vn2023, encoding: .utf8) } }

    @Test func yamlSyntaxErrorIsLocated() {
        let error = failure("id: x\nstandards: [\n")
        #expect(error?.kind == .badData && error?.line != nil && error?.column != nil)
    }

    @Test func wrongTypeIsLocatedAtTheValue() throws {
        let yaml = try Self.valid.replacingOccurrences(of: "population: 8000, area_km2: 30}", with: "population: many, area_km2: 30}")
        let error = failure(yaml)
        #expect(error?.message.hasPrefix("standards.1.population") == true)
        let line = try Self.valid.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("R-1.2") }! + 1
        #expect(error?.line == line)
    }

    @Test func missingKeyIsNamed() throws {
        let yaml = try Self.valid.replacingOccurrences(of: "deadline: {rule: R-4.6, years_after_effective: 5}", with: "")
        #expect(failure(yaml)?.message.contains("deadline is missing") == true)
    }

    @Test func unknownTopLevelKeyIsRejected() throws {
        let error = failure(try Self.valid + "\nstandard_s: []\n")
        #expect(error?.message.hasPrefix("unknown key \"standard_s\"") == true)
        #expect(error?.column == 1)
    }

    @Test func inconsistentValuesAreRejected() throws {
        let yaml = try Self.valid.replacingOccurrences(of: "default_round: 2023", with: "default_round: 2031")
        let error = failure(yaml)
        #expect(error?.message.contains("default_round 2031") == true)
        let line = try Self.valid.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("default_round") }! + 1
        #expect(error?.line == line)
        let thresholds = try Self.valid.replacingOccurrences(of: "type_i: 75, type_ii: 50", with: "type_i: 50, type_ii: 75")
        #expect(failure(thresholds)?.message.contains("type_i must be above type_ii") == true)
    }

    @Test func unknownIdIsAUsageError() {
        #expect(throws: InputError(.usage, file: "vn-2099", "no bundled rule set has this id; bundled: vn-2019, vn-2023, vn-2025, vn-2026; or give a path to a rule file")) {
            try RuleSetLoader.load("vn-2099")
        }
        #expect(throws: InputError(.unreadable, file: "/nonexistent/r.yaml", "no such file")) {
            try RuleSetLoader.load("/nonexistent/r.yaml")
        }
    }
}

enum BundledRuleSetsPath {
    static let vn2023 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rules/sets/vn-2023.yaml").path
}
