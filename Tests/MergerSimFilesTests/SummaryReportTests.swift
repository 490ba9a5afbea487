import Foundation
import Testing
import MergerSim
@testable import MergerSimInputs
@testable import MergerSimReports

/// Issue 21, item 2: summary.csv and the console render a typed ``RunSummary``.
struct SummaryReportTests {
    /// summary.csv's metric names in order, written out: a renamed, dropped or moved figure fails here.
    static let names = [
        "units_before", "units_after", "units_before_commune", "units_after_commune", "units_before_ward", "units_after_ward",
        "units_before_town", "units_after_town", "units_before_special_zone", "units_after_special_zone",
        "units_before_island_district", "units_after_island_district", "units_fewer", "new_units", "units_merged",
        "units_untouched", "units_before_must_merge", "units_before_borderline", "units_before_exempt",
        "units_before_meeting_standards", "units_after_meets", "units_after_waived", "units_after_needs_exception",
        "units_after_below", "population_before", "population_after", "area_km2_before", "area_km2_after", "quota_before_cadres",
        "quota_after_cadres", "headcount_before_cadres", "headcount_after_cadres", "surplus_before_cadres",
        "surplus_after_cadres", "vacancies_after_cadres", "units_over_quota_after_cadres", "quota_before_civil_servants",
        "quota_after_civil_servants", "headcount_before_civil_servants", "headcount_after_civil_servants",
        "surplus_before_civil_servants", "surplus_after_civil_servants", "vacancies_after_civil_servants",
        "units_over_quota_after_civil_servants", "quota_before_non_professional", "quota_after_non_professional",
        "headcount_before_non_professional", "headcount_after_non_professional", "surplus_before_non_professional",
        "surplus_after_non_professional", "vacancies_after_non_professional", "units_over_quota_after_non_professional",
        "allowance_fund_vnd_monthly", "surplus_before_transfers_cadres", "surplus_after_transfers_cadres",
        "people_moved_from_cadres", "surplus_before_transfers_civil_servants", "surplus_after_transfers_civil_servants",
        "people_moved_from_civil_servants", "surplus_before_transfers_non_professional",
        "surplus_after_transfers_non_professional", "people_moved_from_non_professional", "people_moved", "transfers",
        "transfer_unreachable_units", "person_km", "envelope_cadres_civil_servants", "envelope_surplus_cadres_civil_servants",
        "envelope_shadow_price_cadres_civil_servants", "envelope_civil_servants", "envelope_surplus_civil_servants",
        "envelope_shadow_price_civil_servants", "envelope_non_professional", "envelope_surplus_non_professional",
        "envelope_shadow_price_non_professional", "transition_years", "transition_runs", "deadline_year_cadres",
        "surplus_at_deadline_mean_cadres", "surplus_at_deadline_p95_cadres", "deadline_year_civil_servants",
        "surplus_at_deadline_mean_civil_servants", "surplus_at_deadline_p95_civil_servants", "deadline_year_non_professional",
        "surplus_at_deadline_mean_non_professional", "surplus_at_deadline_p95_non_professional", "surplus_at_deadline_mean_all",
        "surplus_at_deadline_p95_all", "exit_cost_vnd_mean", "probability_all_within_quota_at_deadline", "deadline_verdict",
        "deadline", "deadline_cadres", "deadline_civil_servants", "deadline_non_professional"
    ]

    /// The rows only a run until precise writes (issue 22), after all the others.
    static let precisionNames = [
        "precision", "precision_max_runs", "precision_reached",
        "precision_low_surplus_at_deadline_cadres", "precision_high_surplus_at_deadline_cadres",
        "precision_low_surplus_at_deadline_civil_servants", "precision_high_surplus_at_deadline_civil_servants",
        "precision_low_surplus_at_deadline_non_professional", "precision_high_surplus_at_deadline_non_professional",
        "precision_low_exit_cost_vnd", "precision_high_exit_cost_vnd", "precision_low_all_within_quota", "precision_high_all_within_quota",
    ]

    /// A summary made by hand, every figure given (transfers, all three envelopes, the transition, the fund, deadlines).
    static func handMade() throws -> RunSummary {
        var s = RunSummary(before: [], after: [], deadline: nil)
        s.unitsBefore = 12
        s.unitsBeforeByKind[.commune] = 7
        s.unitsBeforeByKind[.ward] = 5
        s.unitsAfter = 4
        s.unitsAfterByKind[.commune] = 3
        s.unitsAfterByKind[.ward] = 1
        s.unitsMerged = 3
        s.unitsAfterByOutcome[.meets] = 2
        s.unitsAfterByOutcome[.waived] = 1
        s.unitsAfterByOutcome[.below] = 1
        s.unitsBelowStandards = [("00123", "Xã Một")]
        s.unitsBeforeMustMerge = 6
        s.unitsBeforeBorderline = 2
        s.unitsBeforeExempt = 1
        s.quotaBefore = PerCategory(cadres: 1_200, civilServants: 30, nonProfessional: 40)
        s.quotaAfter = PerCategory(cadres: 900, civilServants: 25, nonProfessional: 33)
        s.headcountAfter = PerCategory(cadres: 1_250, civilServants: 28, nonProfessional: 41)
        s.surplusAfter = PerCategory(cadres: 350, civilServants: 3, nonProfessional: 8)
        s.unitsOverQuotaAfter = PerCategory(cadres: 4, civilServants: 2, nonProfessional: 1)
        s.areaBefore = try #require(FixedDecimal(parsing: "12.5"))
        s.allowanceFundMonthlyVND = 98_765_432_100
        s.transfers = .init(surplusBefore: PerCategory(cadres: 9, civilServants: 8, nonProfessional: 7),
                            surplusAfter: PerCategory(cadres: 3, civilServants: 2, nonProfessional: 1),
                            peopleMovedFrom: PerCategory(cadres: 6, civilServants: 6, nonProfessional: 6), peopleMoved: 18, moves: 5,
                            unreachableUnits: 2, personKm: 123.455)
        s.envelopes = EnvelopeCategory.allCases.map { .init(category: $0, positions: 2_500, surplus: 12, shadowPrice: 3) }
        s.transition = .init(years: 5, runs: 1_000, deadlineYears: PerCategory(cadres: 5, civilServants: 6, nonProfessional: 5),
                             surplusAtDeadlineMean: PerCategory(cadres: 3.005, civilServants: 0.3, nonProfessional: 8.2449),
                             surplusAtDeadlineP95: PerCategory(repeating: 9), surplusAtEndMeanAll: 11.5, surplusAtEndP95All: 20,
                             exitCostMeanVND: 16_366_543_397.4, probabilityAllWithinQuota: 0.5625, verdict: .atRisk)
        let deadline = try #require(CalendarDate(iso: "2029-11-01")), later = try #require(CalendarDate(iso: "2030-11-01"))
        s.deadline = deadline
        s.deadlines = PerCategory(cadres: deadline, civilServants: later, nonProfessional: deadline)
        return s
    }

    @Test func summaryCSVNamesEveryFigureInOrder() throws {
        let summary = try Self.handMade()
        #expect(SummaryReport.rows(summary).map(\.name) == Self.names)
        #expect(SummaryMetric.allCases.map(\.name) == Self.names + Self.precisionNames)
    }

    /// A run until precise: its rows after the others, with the intervals' bounds; the console names the
    /// runs used of the most and marks an interval wider than allowed.
    @Test func aRunUntilPreciseWritesItsIntervals() throws {
        var s = try Self.handMade()
        let precision = try #require(Precision(halfWidth: 0.05))
        let intervals = HeadlineMetric.allCases.map { metric in
            metric == .allWithinQuota
                ? PrecisionInterval(metric: metric, method: .wilson, count: 300, mean: 0.5625, low: 0.50625, high: 0.61875, allowed: 0.05)
                : PrecisionInterval(metric: metric, method: .studentT, count: 300, mean: 10, low: 9.75, high: 10.25, allowed: 0.5)
        }
        s.transition?.precision = PrecisionReached(precision: precision, runsUsed: 300, maximumRuns: 1_000, intervals: intervals)
        let rows = SummaryReport.rows(s)
        #expect(rows.map(\.name) == Self.names + Self.precisionNames)
        let values = Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0.value) })
        #expect(values["precision"] == "0.050000" && values["precision_max_runs"] == "1000" && values["precision_reached"] == "0")
        #expect(values["precision_low_surplus_at_deadline_cadres"] == "9.75" && values["precision_high_exit_cost_vnd"] == "10")
        #expect(values["precision_low_all_within_quota"] == "0.5063")
        let lines = SummaryReport.precisionLines(try #require(s.transition?.precision), labels: try Labels(.en))
        #expect(lines[0] == "Precision ±0.05: NOT reached: stopped at the most runs after 300 of at most 1,000 runs (checked every 100 from 100). 95 % intervals:")
        #expect(lines[1] == "  surplus at the deadline, cadres: 10.00 [9.75, 10.25], ± allowed 0.50 (Student's t)")
        #expect(lines[5] == "  share of runs with every unit within quota: 0.5625 [0.5063, 0.6188], ± allowed 0.0500 (Wilson) — wider")
        // In Vietnamese every word is Vietnamese, the decimal mark a comma, so the interval's ends part with a semicolon.
        let vi = SummaryReport.precisionLines(try #require(s.transition?.precision), labels: try Labels(.vi))
        #expect(vi[0].hasPrefix("Độ chính xác ±0,05: "))
        #expect(vi[1] == "  số dôi dư còn lại khi đến hạn, cán bộ: 10,00 [9,75; 10,25], ± cho phép 0,50 (Student t)")
        #expect(vi[4] == "  kinh phí thực hiện chính sách, chế độ (đồng): 10 [10; 10], ± cho phép 1 (Student t)")
    }

    /// Values as summary.csv writes them: half away from zero, exact decimals, the verdict's text, dates.
    @Test func summaryCSVWritesTheTypedValues() throws {
        let rows = Dictionary(uniqueKeysWithValues: SummaryReport.rows(try Self.handMade()).map { ($0.name, $0.value) })
        #expect(rows["units_fewer"] == "8")
        #expect(rows["person_km"] == "123.46")
        #expect(rows["area_km2_before"] == "12.5")
        #expect(rows["allowance_fund_vnd_monthly"] == "98765432100")
        #expect(rows["surplus_at_deadline_mean_cadres"] == "3.01" && rows["surplus_at_deadline_mean_all"] == "11.50")
        #expect(rows["deadline_year_civil_servants"] == "6")
        #expect(rows["exit_cost_vnd_mean"] == "16366543397")
        #expect(rows["probability_all_within_quota_at_deadline"] == "0.563")
        #expect(rows["deadline_verdict"] == "at risk")
        #expect(rows["deadline_civil_servants"] == "2030-11-01")
        #expect(rows["envelope_shadow_price_non_professional"] == "3")
    }

    /// A run without transfers, envelopes, transition or fund writes none of their rows, and an empty deadline.
    @Test func aRunStoppedEarlyWritesOnlyWhatItHas() {
        let rows = SummaryReport.rows(RunSummary(before: [], after: [], deadline: nil))
        #expect(rows.map(\.name) == Self.names.filter { name in
            !["allowance_fund", "surplus_before_transfers", "surplus_after_transfers", "transfers", "people_moved", "transfer", "person_km", "envelope", "transition", "deadline_year",
              "surplus_at_deadline", "exit_cost", "probability", "deadline_verdict", "deadline_"].contains { name.hasPrefix($0) }
        })
        #expect(rows.last.map { $0.name == "deadline" && $0.value == "" } == true)
    }

    /// The console shows the typed figures (no name looked up and parsed back).
    @Test func theConsoleShowsTheTypedFigures() throws {
        let rules = try RuleSetLoader.load("vn-2023").rules
        let text = SummaryReport.text(try Self.handMade(), scenario: "hand", rules: rules, labels: try Labels(.en))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func cells(_ prefix: String) -> [String]? {
            lines.first { $0.hasPrefix(prefix) }.map { $0.dropFirst(prefix.count).split(separator: " ").map(String.init) }
        }
        #expect(cells("units before") == ["7", "5", "12"])
        #expect(cells("units after") == ["3", "1", "4"])
        #expect(lines.contains("3 merged units. Units after: 2 meet what applies, 1 waived, 0 need(s) the two-unit exception, 1 below with no waiver."))
        #expect(lines.contains("Below with no waiver: Xã Một (00123)."))
        // The counts add up to the 12 units before: 6 + 2 + 4; the exempt one is among the first 8.
        #expect(lines.contains("Before: 6 must merge, 2 borderline, 4 need not merge (12 units); 1 of those that must merge or are borderline are exempt."))
        #expect(cells("cadres ") == ["1,200", "900", "1,250", "350", "4"])
        #expect(cells("non-professional") == ["40", "33", "41", "8", "1"])
        #expect(lines.contains("Transfers: 18 people in 5 moves, 123.46 person-km; surplus cadres 9 → 3, civil servants 8 → 2, non-professional 7 → 1."))
        #expect(lines.contains { $0.hasPrefix("  2 units with surplus or vacancies have no lat/lon") })
        #expect(lines.contains("Envelope civil_servants: 2,500 positions; surplus 12; one more position avoids 3.00."))
        #expect(lines.contains("Transition (1,000 runs, 5 years): surplus at the deadline cadres 3.01, civil servants 0.30, non-professional 8.24 "
                               + "(means); all units within quota in 0.563 of runs: at risk. Exit packages 16,366,543,397 VND (mean)."))
        #expect(lines.contains("Staffing must be back within quota by 2029-11-01 (cadres), 2030-11-01 (civil servants), "
                               + "2029-11-01 (non-professional) (R-4.6, Res. 35/2023/UBTVQH15, Art. 11(3))."))
    }

    /// In Vietnamese the console writes dates day/month/year and the share of runs as a percentage with
    /// a decimal comma, as a Vietnamese reader writes them (issue 23); the hand-made summary's 0.563 is 56,3%.
    @Test func theVietnameseConsoleWritesDatesAndSharesAsVietnameseReadersDo() throws {
        let rules = try RuleSetLoader.load("vn-2023").rules
        let text = SummaryReport.text(try Self.handMade(), scenario: "hand", rules: rules, labels: try Labels(.vi))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains { $0.contains("mọi đơn vị bảo đảm số lượng theo quy định trong 56,3% số lần mô phỏng") }, "\(lines)")
        #expect(lines.contains("Phải bảo đảm số lượng theo quy định chậm nhất ngày 01/11/2029 (cán bộ), 01/11/2030 (công chức), "
                               + "01/11/2029 (người hoạt động không chuyên trách) (theo khoản 3 Điều 11 Nghị quyết số 35/2023/UBTVQH15; R-4.6)."), "\(lines)")
        #expect(!text.contains("2029-11-01"), "no ISO date in the Vietnamese console")
        let labels = try Labels(.vi)
        #expect(labels.date(try #require(CalendarDate(iso: "2025-07-01"))) == "01/07/2025")
        #expect(labels.percent(0.999) == "99,9%" && labels.percent(0) == "0%" && labels.percent(1) == "100%")
        #expect(labels.percent(0.0004) == "0,0%" && labels.percent(0.9996) == "100,0%", "a share that only rounds to none or all keeps its decimal")
        #expect(try Labels(.en).percent(0.999) == "99.9%")
    }

    /// The timeline's and the replications' names, written out (timeline.csv and replications.csv keep them).
    @Test func timelineAndHeadlineNames() {
        #expect(TimelineCategory.allCases.map(\.name) == ["cadres", "civil_servants", "non_professional", "all"])
        #expect(TimelineMetric.allCases.map(\.name) == ["surplus", "units_over_quota", "headcount", "transfers_in", "cost_vnd",
                                                        "exits_retirement", "exits_early_retirement", "exits_resignation", "exits_voluntary",
                                                        "exits_category_ended"])
        #expect(TimelineMetric.given(for: .all).map(\.name).contains("units_over_quota") == false)
        #expect(HeadlineMetric.allCases.map(\.name) == ["surplus_at_deadline_cadres", "surplus_at_deadline_civil_servants",
                                                        "surplus_at_deadline_non_professional", "exit_cost_vnd", "all_within_quota"])
    }
}
