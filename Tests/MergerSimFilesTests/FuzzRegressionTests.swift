import Foundation
import Testing
import MergerSimInputs
import MergerSimReports
@testable import ReaderFuzzing

/// Inputs that crashed a reader (found by `make fuzz` or reported in issue 8), replayed through the
/// fuzzing harness: each must now be refused with a located error, not trap.
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fuzz")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".bin") }.sorted()
    }

    @Test func everyRecordedCrashIsNowRefused() throws {
        #expect(Self.inputs.count >= 8)
        for name in Self.inputs {
            let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            let outcome = ReaderHarness.run(bytes)
            #expect(outcome.contains(": refused: "), "\(name): \(outcome)")
        }
    }

    @Test func theHarnessReadsTheBundledInputs() throws {
        let root = Self.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let cases: [(UInt8, String, String)] = [(0, "scenarios/phan-rang-2024/units.csv", "units: read"),
                                                (2, "scenarios/phan-rang-2024/plan.csv", "plan: read"),
                                                (4, "scenarios/phan-rang-2024/scenario.yaml", "scenario: read"),
                                                (5, "rules/sets/vn-2019.yaml", "rules: read"),
                                                (5, "rules/sets/vn-2023.yaml", "rules: read"),
                                                (5, "rules/sets/vn-2025.yaml", "rules: read"),
                                                (5, "rules/sets/vn-2026.yaml", "rules: read"),
                                                (6, "scenarios/phan-rang-2024/sweep.yaml", "sweep: read"),
                                                (6, "scenarios/vn-2025/sweep.yaml", "sweep: read")]
        for (reader, path, expected) in cases {
            let bytes = [reader] + [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
            #expect(ReaderHarness.run(bytes) == expected, "\(path)")
        }
    }

    /// A step after a reader that the domain refuses is named in the outcome, not dropped (it was a
    /// `try?` before); the bundled inputs above pass every step, so their outcome is a bare "read".
    @Test func aRefusedFollowOnStepIsNamed() {
        struct Refusal: Error, CustomStringConvertible { var description: String { "no base salary in force" } }
        var steps = ReaderHarness.FollowOn()
        #expect(steps.attempt("count") { () throws(Refusal) in 3 } == 3)
        #expect(steps.attempt("quote") { () throws(Refusal) -> Int in throw Refusal() } == nil)
        #expect(steps.refused == ["quote: no base salary in force"])
    }
}
