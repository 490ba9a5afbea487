import Testing
import MergerSimCLI

struct RulesCommandTests {
    @Test func listsTheBundledRuleSets() {
        let run = mergersim(["rules"])
        #expect(run.code == 0)
        for id in ["vn-2019", "vn-2023", "vn-2025", "vn-2026"] { #expect(run.out.contains(id)) }
    }

    @Test func printsOneWithItsRulesAndAssumptions() {
        let run = mergersim(["rules", "vn-2023"])
        #expect(run.code == 0)
        for text in ["R-1.4", "ward, in a provincial_city", "R-2.2b", "area < 20% and population < 300%", "R-4.2", "[NC]", "R-4.6"] {
            #expect(run.out.contains(text), "\(text)")
        }
    }

    @Test func unknownRuleSetIsAUsageError() {
        let run = mergersim(["rules", "vn-1999"])
        #expect(run.code == 64)
        #expect(run.error.contains("bundled: vn-2019"))
    }
}
