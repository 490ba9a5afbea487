import Foundation
import Testing
import MergerSim
@testable import MergerSimInputs
import MergerSimReports

/// Issue 21, item 9: what used to fall back in silence (an empty manifest, a manifest without the rule
/// set's assumptions, no bundled rule sets) is now an error that says so.
struct SilentFallbackTests {
    @Test func aManifestThatCannotBeWrittenIsAnInternalErrorNotAnEmptyFile() throws {
        var manifest = try RunManifest(command: ["mergersim"], rules: try RuleSetLoader.load("vn-2025"), inputs: [], defaults: [], outputs: [])
        #expect(!manifest.assumptions.isEmpty, "vn-2025 marks values NC")
        #expect(try !manifest.json().isEmpty)
        // JSON has no NaN.
        manifest.assumptions[0].value = .number(.nan)
        #expect(throws: InternalError.self) { try manifest.json() }
    }

    @Test func aRuleSetThatCannotBeWrittenIsAnInternalErrorNotNoAssumptions() throws {
        var rules = try RuleSetLoader.load("vn-2025").rules
        // The loader refuses this; a program that builds a rule set could give it.
        rules.transition.exits.resignationUptake = .infinity
        #expect(throws: InternalError.self) { try RunManifest.Assumption.all(in: rules) }
    }

    @Test func anUnlistableBundledFolderIsAnUnreadableError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("mergersim-no-such-folder-\(UUID().uuidString)")
        #expect {
            _ = try RuleSetLoader.ids(inFolder: missing)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.kind == .unreadable && error.file == missing.path && error.message.contains("cannot be listed")
        }
        #expect(try RuleSetLoader.bundledIDs == ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
        #expect(RuleSetLoader.completionIDs == ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
        #expect(RuleSetLoader.isBundled("vn-2025") && !RuleSetLoader.isBundled("vn-2025.yaml"))
    }
}
