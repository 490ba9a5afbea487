import Foundation
import Testing
import MergerSim
import MergerSimInputs
import MergerSimReports

/// Issue 23: the defaults a run applied are written for a person in their language (the workbook's
/// assumptions sheet), from typed parts, while the manifest keeps the English words it always had.
struct DefaultMeaningTests {
    static let date = CalendarDate(year: 2025, month: 7, day: 1)

    /// One record of every meaning, as the commands make them.
    static let records: [DefaultRecord] = [
        .init(name: "decision_date", meaning: .decisionOnEffectiveDate(date), rule: "R-5.3"),
        .init(name: "transition.years", meaning: .yearsToLatestDeadline(5), rule: "R-4.6"),
        .init(name: "precision.runs", meaning: .precisionRuns(minimum: 100, maximum: 500, step: 100, absoluteFloor: 0.5)),
        .init(name: "effective_date", meaning: .inForceFrom(date, ruleSet: "vn-2025")),
        .init(name: "rules_before", meaning: .ruleSetInForce("vn-2023", dayBefore: date)),
        .init(name: "rules_before", meaning: .noRuleSetInForce("vn-2019", dayBefore: date)),
        .init(name: "roster.insurance_years", meaning: .zeroForPeopleWithout(people: 12)),
        .init(name: "roster.salary_coefficient.cadres", meaning: .meanForPeopleWithout(mean: 2.34, people: 7)),
        .init(name: "roster", meaning: .syntheticRoster(seed: 20_250_701), units: 40),
        .init(name: "after.type", meaning: .typeFromScore, rule: "R-3.1", units: 3),
        .init(name: "after.other_points", meaning: .otherPoints(FixedDecimal(millionths: 2_500_000, decimals: 1)), rule: "R-3.2", units: 3),
        .init(name: "province_class", meaning: .unlistedClass, rule: "R-2.6", units: 4),
        .init(name: "transfers.scope", meaning: .noTransfers),
        .init(name: "province_class", meaning: .unlistedForEveryProvince),
        .init(name: "province_class", meaning: .unlistedForProvinces(count: 3, file: "classes.csv")),
        .init(name: "weights", meaning: .proposalWeights(failing: 0.5, compactness: 0.25, balance: 0.125, district: 0.75, surplus: 0.5)),
        .init(name: "neighbours", meaning: .neighboursFromFile("adjacency.csv")),
        .init(name: "neighbours", meaning: .neighboursDelaunay(maximumDistance: "25 km", within: "district")),
        .init(name: "seed", value: "42"), .init(name: "runs", value: "200"), .init(name: "rules", value: "vn-2025"),
        .init(name: "round", value: "2025"),
    ]

    /// In English the table says what the manifest says (numbers small enough to need no grouping), so the
    /// labels cannot drift from the manifest's words.
    @Test func theEnglishTableSaysWhatTheManifestSays() throws {
        let en = try Labels(.en)
        for record in Self.records { #expect(record.shownValue(en) == record.value, "\(record.name)") }
    }

    /// The manifest's words are those mergersim has always written (checked on three by hand).
    @Test func theManifestKeepsItsWords() {
        #expect(Self.records[0].value == "2025-07-01 (the effective date: the exit window runs from it)")
        #expect(Self.records[7].value == "2.34 for 7 people without it")
        #expect(Self.records[15].value == "failing 0.5, compactness 0.25 per km, balance 0.125, district crossing 0.75, surplus 0.5 a person")
    }

    /// The English words of the defaults' sentences, which a Vietnamese table must not show.
    static let english: Set<String> = [
        "the", "from", "for", "people", "without", "effective", "window", "latest", "deadline", "least", "most", "checked", "every",
        "score", "none", "province", "provinces", "failing", "compactness", "balance", "crossing", "person", "synthetic", "seed",
        "edges", "centres", "pieces", "joined", "bundled", "force", "day", "before", "other", "in", "of",
    ]

    /// In Vietnamese every value and name is written in Vietnamese: dates dd/mm/yyyy, decimals with a comma,
    /// no English word, no label key left unfilled.
    @Test func theVietnameseTableHasNoEnglish() throws {
        let vi = try Labels(.vi)
        let table = AssumptionTable(RunAssumptions(values: [], defaults: Self.records, rules: try RuleSetLoader.load("vn-2025").rules), labels: vi)
        #expect(table.rows.count == Self.records.count)
        for row in table.rows {
            for text in [row.label, row.value] {
                #expect(!text.contains("default.") && !text.contains("{"), "\(row.key): \(text)")
                let words = text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
                #expect(words.filter(Self.english.contains).isEmpty, "\(row.key): \(text)")
            }
        }
        #expect(table.rows[0].value.hasPrefix("01/07/2025 ("))
        #expect(table.rows[7].value.hasPrefix("2,34 đối với 7 người"))
        #expect(table.rows[10].value == "2,5 (3 đơn vị)")
        #expect(table.rows[11].value.hasPrefix("tỉnh còn lại"))
    }
}
