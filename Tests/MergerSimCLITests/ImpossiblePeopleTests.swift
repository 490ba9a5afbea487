import Foundation
import Testing
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 19 (7): people who cannot exist are refused, not priced: born after the leaving date or the
/// merger, younger than working age, or insured for longer than they can have worked.
struct ImpossiblePeopleTests {
    func package(_ arguments: [String]) -> (code: Int32, out: String, error: String) {
        mergersim(["package", "--csv", "--rules", "vn-2025"] + arguments)
    }

    static func person(birth: String, years: String, leave: String = "2025-08-01", merger: String = "2025-07-01") -> [String] {
        ["--sex", "M", "--birth", birth, "--insurance-years", years, "--leave-on", leave, "--merger-effective", merger]
    }

    @Test(arguments: [
        (person(birth: "2030-01-01", years: "5"), "--birth", "after 2025-07-01, when the merger took effect"),
        (person(birth: "2025-07-15", years: "60"), "--birth", "after 2025-07-01, when the merger took effect"),
        (person(birth: "2025-07-20", years: "0", leave: "2025-08-01", merger: "2025-07-01"), "--birth", "after 2025-07-01, when the merger took effect"),
        (person(birth: "2012-03", years: "0"), "--birth", "younger than 15"),
        (person(birth: "1990-01-01", years: "40"), "--insurance-years", "at most 20.58"),
        (person(birth: "1990", years: "20.6"), "--insurance-years", "at most 20.58"),
    ])
    func packageRefusesImpossiblePeople(arguments: [String], flag: String, says: String) {
        let run = package(arguments)
        #expect(run.code == 65, "\(arguments): \(run.out) \(run.error)")
        #expect(run.error.contains("\(flag): ") && run.error.contains(says), "\(run.error)")
        #expect(run.out.isEmpty, "nothing is priced")
    }

    @Test(arguments: [("1990-01-01", "20.5"), ("1990", "20"), ("2010-07-01", "0")])
    func packageStillPricesPossiblePeople(birth: String, years: String) {
        let run = package(Self.person(birth: birth, years: years))
        #expect(run.code == 0, "\(run.error)")
    }

    @Test(arguments: [("--insurance-years", "nan"), ("--insurance-years", "inf"), ("--insurance-years", "-1"),
                      ("--salary-coefficient", "nan"), ("--salary-coefficient", "-inf"), ("--salary-coefficient", "-0.5")])
    func packageRefusesNegativeAndNonFiniteNumbers(flag: String, value: String) {
        let base = ["--sex", "M", "--birth", "1970", "--leave-on", "2025-08-01", "--merger-effective", "2025-07-01"]
        let arguments = base + (flag == "--insurance-years" ? [] : ["--insurance-years", "20"]) + ["\(flag)=\(value)"]
        let run = package(arguments)
        #expect(run.code != 0 && run.error.contains(flag), "\(arguments): \(run.error)")
        #expect(run.out.isEmpty)
    }

    /// A scenario (effective 2024-11-01, under vn-2023) whose one unit's roster is `rows` under `header`.
    func rosterScenario(_ header: String, _ rows: String) throws -> (Scratch, String) {
        let scratch = try Scratch()
        try scratch.write("units.csv", Array("code,name,kind,province,district_kind,area_km2,population\n1,A,ward,P,provincial_city,1,5000\n".utf8))
        try scratch.write("plan.csv", Array("new_code,new_name,member_code,share\nN,N,1,\n".utf8))
        try scratch.write("staff.csv", Array((header + "\n" + rows + "\n").utf8))
        let yaml = "name: t\nrules: vn-2023\neffective_date: 2024-11-01\nunits: units.csv\nplan: plan.csv\nstaff: staff.csv\n"
        return (scratch, try scratch.write("scenario.yaml", Array(yaml.utf8)))
    }

    static let header = "id,unit_code,category,sex,birth_date,insurance_years"

    @Test(arguments: [
        ("p0,1,cadre,M,1970,20\np1,1,cadre,M,2100,", "staff.csv:3:14: ", "after the effective date 2024-11-01"),
        ("p1,1,cadre,M,2024-12-01,", "staff.csv:2:14: ", "after the effective date 2024-11-01"),
        ("p1,1,cadre,M,2024,", "staff.csv:2:14: ", "younger than 15"),
        ("p1,1,cadre,M,2010-01-01,0", "staff.csv:2:14: ", "younger than 15"),
        ("p1,1,cadre,M,1990-01-01,30", "staff.csv:2:25: ", "at most 19.83"),
        ("p1,1,civil_servant,F,1990,19.9", "staff.csv:2:27: ", "at most 19.83"),
    ])
    func rosterRefusesImpossiblePeopleWhereTheyAre(rows: String, place: String, says: String) throws {
        let (scratch, path) = try rosterScenario(Self.header, rows)
        let run = withExtendedLifetime(scratch) { mergersim(["validate", path]) }
        #expect(run.code == 65, "\(rows): \(run.error)")
        #expect(run.error.contains(place) && run.error.contains(says), "\(run.error)")
    }

    @Test func rosterTakesPossiblePeople() throws {
        let (scratch, path) = try rosterScenario(Self.header, "p1,1,cadre,M,1990-01-01,19.8\np2,1,cadre,F,2009-11-01,0\np3,1,cadre,M,1970,")
        let run = withExtendedLifetime(scratch) { mergersim(["validate", path]) }
        #expect(run.code == 0, "\(run.error)")
    }

    /// The rule set's people are possible people too: retirement after working age, the synthetic
    /// roster's ages from 15 and its default salary coefficient above 0 (it prices roster people without one).
    @Test(arguments: [
        ("men: {before: 720,", "men: {before: -720,", "retirement"),
        ("women: {before: 660, from: 2021, step: 4,", "women: {before: 660, from: 2021, step: -4,", "retirement"),
        ("men: {before: 720, from: 2021, step: 3, cap: 744}", "men: {before: 720, from: 2021, step: 3, cap: 700}", "retirement"),
        ("minimum_age: 25, insured_from_age: 25", "minimum_age: 10, insured_from_age: 25", "minimum_age"),
        ("minimum_age: 22, insured_from_age: 23", "minimum_age: 22, insured_from_age: 12", "insured_from_age"),
        ("salary_coefficient_mean: 1.0, salary_coefficient_sd: 0.2", "salary_coefficient_mean: -0.5, salary_coefficient_sd: 2", "salary_coefficient_mean"),
    ])
    func ruleSetsRefuseImpossibleAgesAndCoefficients(old: String, new: String, says: String) throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/sets/vn-2025.yaml"), encoding: .utf8)
        #expect(text.contains(old), "\(old)")
        let edited = text.replacingOccurrences(of: old, with: new)
        #expect {
            try RuleSetLoader.load(bytes: Array(edited.utf8), file: "r.yaml", source: "r.yaml")
        } throws: { error in
            let error = error as! InputError
            return error.kind == .badData && error.line != nil && error.message.contains(says)
        }
    }
}
