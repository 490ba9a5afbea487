import Foundation
import Testing
import MergerSim
import MergerSimCLI
import MergerSimInputs
import MergerSimStore

/// Issue 24: sensitivity varies each NC number over the rule set's documented plausible range, not ±50 %
/// (which took the cadres' mean age from 22 to 68 and the insured-from age from 12 to 38).
struct SensitivityRangesTests {
    let bundled = ["vn-2019", "vn-2023", "vn-2025", "vn-2026"]

    func parameter(_ key: String, in ruleSet: String) throws -> SensitivityParameters.Parameter {
        try #require(SensitivityParameters.candidates(keyPaths: try RuleSetLoader.keyPaths(ruleSet)).first { $0.key == key })
    }

    /// The defect: ±50 % of 45 gave 22 → 68 for the cadres' mean age; the plausible range is 35–52, and 18–30 for the
    /// insured-from age (not 12 → 38).
    @Test(arguments: ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
    func cadresAgesUseThePlausibleRange(ruleSet: String) throws {
        let age = try parameter("rules.transition.synthetic_roster.cadres.age_mean", in: ruleSet)
        #expect(age.range == .numeric(value: 45, low: 35, high: 52))
        #expect(age.rangeSource == .ruleSet)
        let insured = try parameter("rules.transition.synthetic_roster.cadres.insured_from_age", in: ruleSet)
        #expect(insured.range == .numeric(value: 25, low: 18, high: 30))
    }

    /// Every plausible range of a bundled rule set names an NC number of that set, has min < max, and holds the
    /// set's own value; a number without one keeps ±50 % and says so.
    @Test(arguments: ["vn-2019", "vn-2023", "vn-2025", "vn-2026"])
    func everyPlausibleRangeNamesAnNCNumberAndHoldsItsValue(ruleSet: String) throws {
        let keyPaths = try RuleSetLoader.keyPaths(ruleSet)
        let ranged = Set(keyPaths.map(\.path).filter { $0.hasPrefix("plausible.") && $0.hasSuffix(".min") }
            .map { "rules." + $0.dropFirst("plausible.".count).dropLast(".min".count) })
        let candidates = SensitivityParameters.candidates(keyPaths: keyPaths)
        let fromRuleSet = candidates.filter { $0.rangeSource == .ruleSet }
        #expect(Set(fromRuleSet.map(\.key)) == ranged, "a plausible key that is not an NC number of \(ruleSet)")
        #expect(ranged.count == 30)
        for p in fromRuleSet {
            #expect(p.refused == nil, "\(p.key): \(p.refused ?? "")")
            guard case .numeric(let value, let low, let high) = p.range else { Issue.record("\(p.key) is not a number"); continue }
            #expect(low < high && low <= value && value <= high, "\(p.key): \(low)–\(high) around \(value)")
        }
        let other = try #require(candidates.first { $0.key == "rules.classification.other_points.default" })
        #expect(other.rangeSource == .plusMinus50 && other.range == .numeric(value: 10, low: 5, high: 15))
    }

    /// A plausible range that is not min < max leaves its parameter out, with why (not a silent ±50 %).
    @Test func aBackwardsRangeIsRefused() {
        let keyPaths: [(path: String, value: String)] = [
            ("exits.status", "NC"), ("exits.rule", "R-5.3"), ("exits.resignation_uptake", "0.1"), ("exits.early_retirement_uptake", "0.5"),
            ("plausible.exits.resignation_uptake.min", "0.4"), ("plausible.exits.resignation_uptake.max", "0.2"),
            ("plausible.exits.early_retirement_uptake.min", "0.3"),
        ]
        let found = SensitivityParameters.candidates(keyPaths: keyPaths)
        #expect(found.count == 2)
        #expect(found[0].refused?.contains("min must be below max") == true)
        #expect(found[1].refused?.contains("needs min and max") == true)
    }

    /// Every value a plausible range runs passes the rule set's own checks (Phan Rang, vn-2023): none is refused.
    @Test func phanRangRunsEveryPlausibleEnd() throws {
        let scenario = repositoryRoot.appendingPathComponent("scenarios/phan-rang-2024/scenario.yaml").path
        let analysis = try SensitivityAnalysis(scenarioPath: scenario, base: [], only: ["rules.transition.synthetic_roster", "rules.transition.exits"])
        #expect(analysis.parameters.filter { $0.refused != nil }.map { "\($0.key): \($0.refused ?? "")" } == [])
        #expect(analysis.parameters.filter { $0.rangeSource == .ruleSet }.count == 26)
    }
}
