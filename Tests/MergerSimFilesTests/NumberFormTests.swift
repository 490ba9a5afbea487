import Foundation
import Testing
import MergerSim
@testable import MergerSimInputs
@testable import MergerSimReports

/// Issue 19 (8): YAML 1.1 number forms (`012` octal, `0x1F`, `0o17`, `0b101`, `1_000`, `1:20` base 60,
/// `.inf`, `.nan`) are not numbers in mergersim's files or `--set` values. A whole number is decimal digits,
/// optionally signed; a decimal is plain decimal notation (digits, at most one point, no exponent).
struct NumberFormTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let phanRang = root.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path

    /// The Phan Rang scenario with its transition's runs and seed written `runs` and `seed`.
    static func scenario(runs: String = "10", seed: String = "1") -> [UInt8] {
        Array("""
            name: phan-rang-2024
            rules: vn-2023
            effective_date: 2024-11-01
            units: units.csv
            plan: plan.csv
            transition:
              years: 5
              runs: \(runs)
              seed: \(seed)

            """.utf8)
    }

    /// Line and 1-based column of the first `needle` in `text`.
    static func place(of needle: String, in text: String) -> (line: Int, column: Int)? {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: needle) { return (i + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1) }
        }
        return nil
    }

    @Test(arguments: ["012", "+12", "12"])
    func decimalDigitsAreDecimalWithOrWithoutLeadingZeros(seed: String) throws {
        let written = try Scenario(bytes: Self.scenario(seed: seed), file: "s.yaml")
        #expect(written.settings.transition?.seed == 12)
        let overridden = try Scenario(path: Self.phanRang, overrides: [Override(parsing: "transition.seed=\(seed)")])
        #expect(overridden.settings.transition?.seed == 12, "--set transition.seed=\(seed) is the same as --seed \(seed)")
    }

    @Test(arguments: ["0o17", "0x1F", "0b101", "1_000", "1:20", "017.0", "1e3", "12.", ".inf", "0x"])
    func otherFormsOfWholeNumbersAreRefusedWhereTheyAre(value: String) throws {
        let bytes = Self.scenario(runs: value)
        let text = String(decoding: bytes, as: UTF8.self)
        let expected = try #require(Self.place(of: "runs: ", in: text))
        #expect {
            try Scenario(bytes: bytes, file: "s.yaml")
        } throws: { error in
            let error = error as! InputError
            return error.kind == .badData && error.file == "s.yaml" && error.line == expected.line && error.column == expected.column + 6
                && error.message.contains("transition.runs") && error.message.contains("\"\(value)\"") && error.message.contains("whole number")
        }
    }

    @Test(arguments: ["1:20", "0x14", "0o17", "1_000", "20.0"])
    func overridesTakeTheSameWholeNumbers(value: String) {
        #expect {
            try Scenario(path: Self.phanRang, overrides: [Override(parsing: "transition.runs=\(value)")])
        } throws: { error in
            let error = error as! InputError
            return error.file == "--set transition.runs=\(value)" && error.message.contains("\"\(value)\"")
        }
    }

    @Test(arguments: [".inf", "-.inf", ".nan", ".NaN", "0x1F", "1_000.5", "1:30", "1:30.5", "1e3", "inf", "nan"])
    func otherFormsOfDecimalsAreRefusedWhereTheyAre(value: String) throws {
        let bytes = Array("""
            name: phan-rang-2024
            rules: vn-2023
            units: units.csv
            plan: plan.csv
            transfers:
              scope: radius
              max_km: \(value)

            """.utf8)
        let expected = try #require(Self.place(of: value, in: String(decoding: bytes, as: UTF8.self)))
        #expect {
            try Scenario(bytes: bytes, file: "s.yaml")
        } throws: { error in
            let error = error as! InputError
            return error.kind == .badData && error.line == expected.line && error.column == expected.column
                && error.message.contains("\"\(value)\"")
        }
    }

    @Test(arguments: ["2.5", "+2.5", "-0.5", "3", ".5", "007.25"])
    func plainDecimalsAreRead(value: String) throws {
        let bytes = Array("name: a\nrules: vn-2023\nunits: u.csv\nplan: p.csv\ntransfers: {scope: province, max_km: \(value)}\n".utf8)
        if value.hasPrefix("-") {
            #expect(throws: InputError.self) { try Scenario(bytes: bytes, file: "s.yaml") }  // a distance above 0
        } else {
            #expect(try Scenario(bytes: bytes, file: "s.yaml").settings.transfers?.maxKm == Double(value))
        }
    }

    /// vn-2025 with `old` replaced by `new` (once), loaded.
    static func rules(replacing old: String, with new: String) throws -> (text: String, load: () throws -> LoadedRuleSet) {
        let text = try String(contentsOf: root.appendingPathComponent("rules/sets/vn-2025.yaml"), encoding: .utf8)
        let range = try #require(text.range(of: old))
        let edited = text.replacingCharacters(in: range, with: new)
        return (edited, { try RuleSetLoader.load(bytes: Array(edited.utf8), file: "r.yaml", source: "r.yaml") })
    }

    @Test(arguments: [("years_after_effective: 5}", "years_after_effective: 0x5}", "0x5"),
                      ("years_after_effective: 5}", "years_after_effective: 0o5}", "0o5"),
                      ("years_after_effective: 5}", "years_after_effective: 0:5}", "0:5"),
                      ("within_factor: 1.0", "within_factor: 1_0.5", "1_0.5"),
                      ("within_factor: 1.0", "within_factor: .inf", ".inf"),
                      ("within_factor: 1.0", "within_factor: .nan", ".nan"),
                      ("within_factor: 1.0", "within_factor: 0x1", "0x1"),
                      ("population: 5000", "population: 5_000", "5_000")])
    func ruleFilesTakeOnlyDecimalNumbers(old: String, new: String, value: String) throws {
        let (text, load) = try Self.rules(replacing: old, with: new)
        let expected = try #require(Self.place(of: new, in: text))
        #expect {
            try load()
        } throws: { error in
            let error = error as! InputError
            return error.kind == .badData && error.line == expected.line && error.column == expected.column + new.count - value.count
                - (new.hasSuffix("}") ? 1 : 0) && error.message.contains("\"\(value)\"")
        }
    }

    @Test func ruleSetOverridesTakeOnlyDecimalNumbers() {
        for value in ["0x1", ".nan", "1_0.5", "0:30"] {
            #expect(throws: InputError.self, "\(value)") {
                try RuleSetLoader.load("vn-2025", overrides: [Override(parsing: "rules.deadline.years_after_effective=\(value)")])
            }
        }
    }

    @Test(arguments: [("runs: 0o17", "0o17"), ("runs: 1:20", "1:20"), ("seeds: [1, 0x2]", "0x2"), ("seeds: [1_000]", "1_000"),
                      ("sample: {n: 1_0, method: latin_hypercube}", "1_0"),
                      ("sample: {n: 10, method: latin_hypercube, seed: 0b1}", "0b1")])
    func sweepFilesTakeOnlyDecimalWholeNumbers(line: String, value: String) throws {
        let text = "scenario: s.yaml\nvary:\n  transfers.scope: [none, district]\n\(line)\n"
        let expected = try #require(Self.place(of: value, in: text))
        #expect {
            try SweepFile(bytes: Array(text.utf8), file: "w.yaml")
        } throws: { error in
            let error = error as! InputError
            return error.kind == .badData && error.line == expected.line && error.column == expected.column && error.message.contains(value)
        }
    }

    @Test(arguments: ["0x1", ".inf", "1_0", "0:30", ".nan", "1e1"])
    func sweepRangesTakeOnlyDecimals(value: String) throws {
        let text = "scenario: s.yaml\nsample: {n: 10, method: latin_hypercube}\nvary:\n  rules.transition.exits.resignation_uptake: {min: \(value), max: 20}\n"
        let expected = try #require(Self.place(of: value + ",", in: text))
        #expect {
            try SweepFile(bytes: Array(text.utf8), file: "w.yaml")
        } throws: { error in
            let error = error as! InputError
            return error.kind == .badData && error.line == expected.line && error.column == expected.column && error.message.contains(value)
        }
    }

    @Test func theStrictReadingIsDecimal() {
        #expect(DecimalText.integer("012", as: Int.self) == 12)
        #expect(DecimalText.integer("-7", as: Int.self) == -7)
        #expect(DecimalText.integer("+7", as: UInt64.self) == 7)
        for bad in ["", "+", "0x1F", "0o17", "0b101", "1_000", "1:20", " 1", "1 ", "1.0", "99999999999999999999"] {
            #expect(DecimalText.integer(bad, as: Int.self) == nil, "\(bad)")
        }
        #expect(DecimalText.decimal("0.25") == 0.25)
        #expect(DecimalText.decimal("-.5") == -0.5)
        #expect(DecimalText.decimal("5.") == 5)
        for bad in ["", ".", "-", "1e3", "0x1p3", ".inf", "inf", "nan", "1_000.5", "1:30", "1.2.3", String(repeating: "9", count: 400)] {
            #expect(DecimalText.decimal(bad) == nil, "\(bad)")
        }
    }
}
