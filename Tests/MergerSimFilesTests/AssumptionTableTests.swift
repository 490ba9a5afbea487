import Foundation
import Testing
import MergerSim
import MergerSimInputs
import MergerSimReports

/// Issue 23 item 3: the assumptions as a table a person reads, each NC value a leaf with a label and a unit.
struct AssumptionTableTests {
    static let bundled = ["vn-2019", "vn-2023", "vn-2025", "vn-2026"]

    /// A new NC value in a bundled rule set cannot ship unlabelled: every leaf has a label and a known unit in
    /// both languages, and both languages give it the same unit.
    @Test func everyNCLeafOfTheBundledRuleSetsHasALabelAndAUnitInBothLanguages() throws {
        let en = try Labels(.en), vi = try Labels(.vi)
        var missing: [String] = []
        for id in Self.bundled {
            for leaf in try RunManifest.Assumption.all(in: try RuleSetLoader.load(id).rules).flatMap(\.leaves) {
                let english = AssumptionTable.entry(leaf.pattern, labels: en), vietnamese = AssumptionTable.entry(leaf.pattern, labels: vi)
                if english == nil || vietnamese == nil || english?.unit != vietnamese?.unit { missing.append("\(id): \(leaf.pattern)") }
            }
        }
        #expect(missing.isEmpty, "\(Set(missing).sorted())")
    }

    /// Leaves are values, never objects: no JSON reaches a cell, and an NC value inside another is listed once.
    @Test func leavesAreScalarsListedOnce() throws {
        for id in Self.bundled {
            let leaves = try RunManifest.Assumption.all(in: try RuleSetLoader.load(id).rules).flatMap(\.leaves)
            #expect(!leaves.isEmpty)
            #expect(Set(leaves.map(\.path)).count == leaves.count, "\(id): a leaf listed twice")
            for leaf in leaves {
                if case .object = leaf.value { Issue.record("\(id): \(leaf.path) is an object") }
            }
            let rules = try RuleSetLoader.load(id).rules
            let table = AssumptionTable(RunAssumptions(values: try RunManifest.Assumption.all(in: rules), defaults: [], rules: rules), labels: try Labels(.vi))
            for row in table.rows { #expect(!row.value.contains("{") && !row.label.contains("{"), "\(id): \(row.key): \(row.label) = \(row.value)") }
        }
    }

    /// Values with their units, against vn-2026.yaml's own values: a share as a percentage (female_share 0.25),
    /// a deadline in years (5), a date as Vietnamese writes it (in_force 2026-01-01), a salary coefficient as is.
    @Test func valuesAreWrittenWithTheirUnitsInVietnamese() throws {
        let rules = try RuleSetLoader.load("vn-2026").rules
        let assumptions = RunAssumptions(values: try RunManifest.Assumption.all(in: rules), defaults: [], rules: rules)
        let rows = Dictionary(AssumptionTable(assumptions, labels: try Labels(.vi)).rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(rows["transition.synthetic_roster.cadres.female_share"]?.value == "25%")
        #expect(rows["transition.synthetic_roster.cadres.female_share"]?.label == "Danh sách cán bộ giả định (mô phỏng): tỷ lệ nữ")
        #expect(rows["deadline"]?.value == "5 năm")
        #expect(rows["in_force"]?.value == "01/01/2026")
        #expect(rows["transition.synthetic_roster.civil_servants.salary_coefficient_mean"]?.value == "2,67")
        #expect(rows["deadline"]?.status == "chưa xác nhận" && rows["deadline"]?.rule == "R-4.6")
        let partial = try #require(rows["transition.exit_law.decrees.0.partial_year.half_from_months"])
        // The instrument by the rule set's Vietnamese name, since the table is made with the rule set.
        #expect(partial.value == "3 tháng" && partial.instrument == "Nghị định số 108/2014/NĐ-CP")
    }

    /// The rule files' own words (cadre titles, the offer model, a title's bloc) are shown in Vietnamese too: each
    /// value of the four bundled sets has its label, so a new title cannot ship in English.
    @Test func theRuleFilesWordsHaveVietnameseNames() throws {
        let vi = try Labels(.vi)
        for id in Self.bundled {
            let rules = try RuleSetLoader.load(id).rules
            for title in rules.quotas.cadreTitles.titles {
                #expect(vi.value(title.title, column: "title") != title.title, "\(id): \(title.title)")
            }
            for model in OfferModel.allCases { #expect(vi.value(model.rawValue, column: "offer_model") != model.rawValue) }
        }
    }
}

/// The native reader's finding: "(1)", "(2)" told list entries apart by a counter a reader cannot follow.
extension AssumptionTableTests {
    /// An entry of a list is named by what it is: a band of early retirement by its months early, a pension rule
    /// by the day it applies from, a cross-category pair by its categories (vn-2026's own values).
    @Test func listEntriesAreNamedByWhatTheyAre() throws {
        let rules = try RuleSetLoader.load("vn-2026").rules
        let vi = try Labels(.vi), en = try Labels(.en)
        let values = try RunManifest.Assumption.all(in: rules)
        func rows(_ l: Labels) -> [String: AssumptionTable.Row] {
            Dictionary(AssumptionTable(RunAssumptions(values: values, defaults: [], rules: rules), labels: l).rows.map { ($0.key, $0) },
                       uniquingKeysWith: { a, _ in a })
        }
        let v = rows(vi), e = rows(en)
        let band = "transition.exit_law.decrees.0.early_retirement.bands.0.per_early_year"
        #expect(v[band]?.label.hasSuffix("(nghỉ sớm 24–60 tháng)") == true, "\(v[band]?.label ?? "")")
        #expect(e[band]?.label.hasSuffix("(24–60 months early)") == true, "\(e[band]?.label ?? "")")
        let pension = try #require(v.keys.first { $0.hasPrefix("transition.exit_law.decrees.0.early_retirement.pension.0.") && !$0.hasSuffix(".from") })
        #expect(v[pension]?.label.hasSuffix("(áp dụng từ 01/01/2015)") == true, "\(v[pension]?.label ?? "")")
        // The entry's own day is not said twice beside it ("from (from 2015-01-01)").
        let day = "transition.exit_law.decrees.0.early_retirement.pension.0.from"
        #expect(e[day].map { !$0.label.contains("(from ") } == true, "\(e[day]?.label ?? "")")
        let pair = try #require(v.keys.first { $0.hasPrefix("reallocation.cross_category.") && $0.hasSuffix(".0.from") })
        #expect(v[pair]?.label.hasSuffix("(cặp cán bộ – công chức)") == true, "\(v[pair]?.label ?? "")")
        for row in v.values { #expect(row.label.range(of: #"\([0-9]+\)$"#, options: .regularExpression) == nil, "\(row.key): \(row.label)") }
    }
}
