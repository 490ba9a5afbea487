import Testing
import MergerSim
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

    @Test func bundledIDsAreTheFourRounds() throws {
        #expect(try RuleSetLoader.bundledIDs == ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
    }
}
