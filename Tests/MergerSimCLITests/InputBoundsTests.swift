import Foundation
import Testing
import GSL
import MergerSim
import MergerSimCLI
import MergerSimInputs
import MergerSimReports

/// Issue 8: values that crashed, hung or exhausted memory are refused where they are read,
/// with the place and the limit; mistakes that were accepted silently are refused.
struct InputBoundsTests {
    static let unitsHeader = "code,name,kind,province,district,district_kind,area_km2,population,type,cadres,civil_servants,non_professional,"
        + "lat,lon,other_points,ethnic_minority_share"
    static let goodRow = "1,A,ward,P,D,provincial_city,1.5,9000,II,10,12,12,11.5,108.9,10,0.1"

    /// A units file of one good row with `column` set to `value`.
    func units(_ column: String, _ value: String) -> String {
        let names = Self.unitsHeader.split(separator: ",").map(String.init)
        var fields = Self.goodRow.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[names.firstIndex(of: column)!] = value
        return Self.unitsHeader + "\n" + fields.joined(separator: ",") + "\n"
    }

    @Test(arguments: [("area_km2", "9223372036855", "0 to 100000"), ("area_km2", "99999999999999999999999.5", "0 to 100000"),
                      ("lat", "9223372036855", "-90 to 90"), ("lon", "-9223372036855", "-180 to 180"),
                      ("other_points", "10000000000000", "0 to 100"), ("ethnic_minority_share", "9223372036855", "0 to 1")])
    func hugeDecimalsAreRefusedWithTheFieldsLimit(column: String, value: String, limit: String) throws {
        let text = units(column, value)
        let column1 = Self.unitsHeader.split(separator: ",").firstIndex(of: Substring(column))!
        let expectedColumn = text.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)
            .prefix(column1).reduce(1) { $0 + $1.count + 1 }
        #expect {
            try UnitsFile(bytes: Array(text.utf8), file: "u.csv")
        } throws: { error in
            let error = error as! InputError
            return error.exitCode == 65 && error.line == 2 && error.column == expectedColumn
                && error.message == "\(column) is \(value), outside \(limit)"
        }
    }

    @Test func hugeDecimalsInPlansAndRostersAreRefused() {
        let plan = "new_code,new_name,member_code,share\n1,A,22753,9223372036855\n"
        #expect(throws: InputError.badData("p.csv", line: 2, column: 11, "share is 9223372036855, outside 0 to 1")) {
            try PlanFile(bytes: Array(plan.utf8), file: "p.csv")
        }
        for (column, limit) in [("salary_coefficient", "0 to 20"), ("insurance_years", "0 to 60")] {
            let roster = "id,unit_code,category,sex,birth_date,\(column)\n1,22753,cadre,M,1970,9223372036855\n"
            #expect(throws: InputError.badData("s.csv", line: 2, column: 22, "\(column) is 9223372036855, outside \(limit)")) {
                try RosterFile(bytes: Array(roster.utf8), file: "s.csv")
            }
        }
    }

    @Test func headcountsBeyondPopulationOrTheBoundAreRefused() {
        #expect(throws: InputError.badData("u.csv", line: 2, column: 42, "cadres is 1000000000, above the 10,000 people one unit can have in a category")) {
            try UnitsFile(bytes: Array(units("cadres", "1000000000").utf8), file: "u.csv")
        }
        #expect(throws: InputError.badData("u.csv", line: 2, column: 34, "the unit has 34 staff but a population of 20; staff cannot outnumber residents")) {
            try UnitsFile(bytes: Array(units("population", "20").utf8), file: "u.csv")
        }
    }

    @Test func controlCharactersInCSVFieldsAreRefusedWithTheirPlace() {
        for (byte, name) in [(0x00, "00"), (0x01, "01"), (0x1B, "1B"), (0x7F, "7F")] {
            let text = Array((Self.unitsHeader + "\n1,A").utf8) + [UInt8(byte)] + Array(",ward,P,D,provincial_city,1.5,9000,II,10,12,12,11.5,108.9,10,0.1\n".utf8)
            #expect(throws: InputError.badData("u.csv", line: 2, column: 4,
                                               "the file holds a control character here (byte 0x\(name)); only tab, CR and LF may appear in a CSV file")) {
                try UnitsFile(bytes: text, file: "u.csv")
            }
        }
        // Tabs, CR and LF inside quoted fields stay allowed.
        #expect(throws: Never.self) { try CSVTable(bytes: Array("a,b\n\"x\ty\",\"1\r\n2\"\n".utf8), file: "t.csv") }
    }

    /// A scenario beside the Phan Rang units and plan, with `extra` YAML lines (from line 6).
    func scenario(_ extra: String, effective: String = "2024-11-01") throws -> (Scratch, String) {
        try phanRangScenario("name: t\nrules: vn-2023\neffective_date: \(effective)\n" + extra)
    }

    @Test(arguments: [
        ("transition: {runs: 1000000000000}\n", "6:20: transition runs must be from 1 to 100,000"),
        ("transition: {runs: 0}\n", "6:20: transition runs must be from 1 to 100,000"),
        ("transition: {years: 1000000000}\n", "6:21: transition years must be from 1 to 100"),
        ("transition: {years: 9223372036854775807}\n", "6:21: transition years must be from 1 to 100"),
        ("transition: {year: 1, run: 3}\n", "6:14: unknown key \"year\" in transition; it has precision, runs, seed, years"),
        ("transfers: {scope: province, max_kms: 5}\n", "6:30: unknown key \"max_kms\" in transfers; it has cross_category, max_km, scope"),
        ("transfers: {scope: province, max_km: -5}\n", "6:38: transfers max_km must be a distance in km above 0, not -5.0"),
        ("transfers: {scope: province, max_km: .nan}\n", "6:38: transfers.max_km: expected a number in plain decimal notation (such as 0.25 or 12), found \".nan\""),
        ("transfers: {scope: radius, max_km: .inf}\n", "6:36: transfers.max_km: expected a number in plain decimal notation (such as 0.25 or 12), found \".inf\""),
        ("transfers: {scope: radius}\n", "6:12: transfers with scope radius need max_km above 0"),
        ("envelope: {cadres_civil_servants: 100000000000}\n", "6:35: envelope cadres_civil_servants must be from 0 to 10,000,000 positions"),
        ("transition:\n  runs: 3\n  runs: 4\n", "8:3: the key \"runs\" appears twice in the same mapping of the scenario"),
        ("name: u\n", "6:1: the key \"name\" appears twice in the same mapping of the scenario"),
    ])
    func scenarioValuesAreCheckedAndLocated(extra: String, says: String) throws {
        let (scratch, path) = try scenario(extra)
        for command in ["validate", "simulate"] {
            let run = mergersim([command, path, "--out", scratch.path("out"), "--quiet"].prefix(command == "validate" ? 2 : 5).map { $0 })
            #expect(run.code == 65, "\(run.error)")
            #expect(run.error == "error: \(path):\(says)", "\(run.error)")
            #expect(!scratch.exists("out"))
        }
    }

    @Test(arguments: ["1000-01-01", "1899-12-31", "2201-01-01", "0000-01-01", "99999-01-01"])
    func datesOutsideTheSupportedYearsAreRefused(date: String) throws {
        let (scratch, path) = try scenario("", effective: date)
        let run = mergersim(["simulate", path, "--out", scratch.path("out"), "--quiet"])
        #expect(run.code == 65 && run.error.contains("scenario.yaml:5:17: effective_date \"\(date)\" is not a date YYYY-MM-DD between 1900 and 2200"),
                "\(run.error)")
        #expect(BirthDate(text: "1899") == nil && BirthDate(text: "2201-01") == nil && BirthDate(text: "1900") != nil)
    }

    @Test(arguments: ["9223372036854775807", "100000000", "100001", "0", "-3"])
    func runsOnTheCommandLineAreBounded(runs: String) throws {
        let (scratch, path) = try scenario("")
        let run = mergersim(["simulate", path, "--out", scratch.path("out"), "--runs", runs])
        #expect(run.code == 64, "\(run.error)")
        #expect(run.error.contains("--runs must be from 1 to 100,000") || run.error.contains("--runs"), "\(run.error)")
        #expect(!scratch.exists("out"))
    }

    @Test func aRunThisMachineCannotHoldIsRefusedBeforeAllocating() throws {
        // 100,000 runs over 10,000 units and 100 years: about 22 GB of replication records.
        let needed = TransitionModel.estimatedMemory(people: 300_000, units: 10_000, years: 100, runs: 100_000, workers: 2)
        #expect(needed > 20_000_000_000)
        #expect(TransitionModel.estimatedMemory(people: Int.max / 2, units: 1, years: 1, runs: 1, workers: 2) == Int.max)
        let (scratch, path) = try scenario("transition: {runs: 1000}\n")
        let inputs = try ScenarioInputs(path: path)
        #expect(throws: Never.self) { try inputs.checkMemory(runsFromFlag: false) }
        #expect {
            try inputs.checkMemory(runsFromFlag: false, physicalMemory: 50_000_000)
        } throws: { error in
            let error = error as! InputError
            return error.exitCode == 65 && error.line == 6 && error.column == 20 && error.message.contains("lower the runs")
        }
        #expect {
            try inputs.checkMemory(runsFromFlag: true, physicalMemory: 50_000_000)
        } throws: { error in (error as! InputError).exitCode == 64 }
        _ = scratch
    }

    @Test func internalFailuresExitWithOneAndAskToBeReported() {
        let recording = RecordingConsole()
        #expect(MergerSimCommand.report(GSLError(status: 1, operation: "a test"), console: recording.console) == 1)
        #expect(MergerSimCommand.report(InternalError("an invariant broke"), console: recording.console) == 1)
        #expect(recording.error.contains("internal error: GSL failed") && recording.error.contains("please report it"))
        #expect(MergerSimCommand.report(InputError.badData("f", line: 1, "bad"), console: recording.console) == 65)
    }
}
