import Testing
import MergerSim
import RuleSets
@testable import MergerSimInputs
@testable import MergerSimReports

struct RuleSetLoaderTests {
    @Test(arguments: ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
    func bundledRuleSetLoads(id: String) throws {
        let loaded = try RuleSetLoader.load(id)
        #expect(loaded.rules.id == id)
        #expect(loaded.source == "bundled")
        #expect(loaded.sha256.count == 64)
    }

    /// A rule file written before issue 22 (single uptakes, no offer model, no table) still loads, with the
    /// standard offer model, and gives every offer the uptake the bundled file's table gives it.
    @Test func aRuleFileWithOnlyTheSingleUptakesMeansTheSameTable() throws {
        let bundled = try RuleSetLoader.load("vn-2025").rules.transition.exits
        let path = BundledRuleSets.folder.appendingPathComponent("vn-2025.yaml").path
        var lines = String(decoding: try FileInput.read(path), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let table = try #require(lines.firstIndex { $0.hasPrefix("    uptake_by_terms:") })
        lines.removeSubrange(table...(table + 4))
        lines.removeAll { $0.hasPrefix("    offer_model:") }
        let old = try RuleSetLoader.load(bytes: Array(lines.joined(separator: "\n").utf8), file: "old.yaml", source: "old.yaml").rules.transition.exits
        #expect(old.offerModel == .lasting && old.uptakeByTerms == nil && bundled.uptakeByTerms != nil)
        for route in [ExitRoute.earlyRetirement, .resignation] {
            for within in [true, false] {
                for monthsEarly in [0, 1, 23, 24, 60, 61, 120, 400] {
                    #expect(old.uptake(route, withinWindow: within, monthsEarly: monthsEarly)
                            == bundled.uptake(route, withinWindow: within, monthsEarly: monthsEarly))
                }
            }
        }
        #expect(old.uptake(.earlyRetirement, withinWindow: true, monthsEarly: 30) == 0.5)
        #expect(old.uptake(.resignation, withinWindow: false, monthsEarly: 30) == 0.1)
    }

    @Test func bundledIDsAreTheFourRounds() throws {
        #expect(try RuleSetLoader.bundledIDs == ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
    }
}
