import Foundation
import MergerSim
import MergerSimInputs

extension SummaryReport {
    /// The workbook's columns of the summary's figures, one per kind of figure so each keeps one number format;
    /// CSV writes them all in its one `value` column.
    enum Slot: CaseIterable {
        case count, figure, share, money, date, verdict

        var column: ReportTable.Column {
            switch self {
            case .count: .init("value_count", .count, audience: .workbook)
            case .figure: .init("value_figure", .decimal(places: 2), audience: .workbook)
            case .share: .init("value_share", .share, audience: .workbook)
            case .money: .init("value_vnd", .money, audience: .workbook)
            case .date: .init("value_date", .date, audience: .workbook)
            case .verdict: .init("deadline_verdict", .value, audience: .workbook)
            }
        }

        /// The column a figure of `metric` is shown in: a probability as a share, a cost as money.
        init(_ metric: SummaryMetric, _ value: SummaryValue) {
            switch value {
            case .count: self = .count
            case .money: self = .money
            case .decimal: self = .figure
            case .verdict: self = .verdict
            case .date: self = .date
            case .figure:
                switch metric {
                case .exitCostMean, .precisionLow(.exitCostVND), .precisionHigh(.exitCostVND): self = .money
                case .probabilityAllWithinQuota, .precisionLow(.allWithinQuota), .precisionHigh(.allWithinQuota): self = .share
                default: self = .figure
                }
            }
        }
    }

    /// The summary as a typed table: CSV writes `metric,value` (the machine name and the figure's text); the
    /// workbook the metric's label and the figure in the column of its kind.
    public static func table(_ summary: RunSummary) -> ReportTable {
        var table = ReportTable([.init("metric_label", .phrase, audience: .workbook), .init("metric", .identifier, audience: .csv),
                                 .init("value", .identifier, audience: .csv)] + Slot.allCases.map(\.column))
        for (metric, value) in summary.figures {
            let cell = Self.cell(value)
            let slot = Slot(metric, value)
            table.append([.phrase(SummaryMetricLabel(metric: metric)), .text(metric.name), cell]
                         + Slot.allCases.map { $0 == slot ? cell : .empty })
        }
        return table
    }

    /// A figure as a typed cell; its CSV text is ``text(_:)``'s.
    static func cell(_ value: SummaryValue) -> ReportTable.Cell {
        switch value {
        case .count(let n): .count(n)
        case .money(let vnd): .money(vnd)
        case .decimal(let x): .exact(x)
        case .figure(let x, let decimals): .fixed(x, decimals: decimals)
        case .verdict(let verdict): .value(verdict.rawValue)
        case .date(let date): date.map { .date($0) } ?? .empty
        }
    }
}

/// A summary figure's name as a person reads it (`Số đơn vị trước sắp xếp`), made from its parts: the
/// unit kind, staff category, outcome or headline figure it is about. summary.csv keeps the machine name.
public struct SummaryMetricLabel: Phrase {
    public var metric: SummaryMetric
    public init(metric: SummaryMetric) { self.metric = metric }

    public func text(_ l: Labels) -> String {
        func category(_ c: StaffCategory) -> [String: String] { ["category": l("category.\(c.rawValue)")] }
        func timeline(_ c: TimelineCategory) -> [String: String] {
            switch c {
            case .category(let c): category(c)
            case .all: ["category": l("summary.all_categories")]
            }
        }
        switch metric {
        case .unitsBefore: return l("summary.units_before")
        case .unitsAfter: return l("summary.units_after")
        case .unitsBeforeOfKind(let kind): return l("summary.units_before_of_kind", ["kind": l("kind.\(kind.rawValue)")])
        case .unitsAfterOfKind(let kind): return l("summary.units_after_of_kind", ["kind": l("kind.\(kind.rawValue)")])
        case .unitsFewer: return l("summary.units_fewer")
        case .newUnits: return l("summary.new_units")
        case .unitsMerged: return l("summary.units_merged")
        case .unitsUntouched: return l("summary.units_untouched")
        case .unitsBeforeMustMerge: return l("summary.units_before_must_merge")
        case .unitsBeforeBorderline: return l("summary.units_before_borderline")
        case .unitsBeforeExempt: return l("summary.units_before_exempt")
        case .unitsBeforeMeetingStandards: return l("summary.units_before_meeting_standards")
        case .unitsAfterWithOutcome(let outcome): return l("summary.units_after_with_outcome", ["outcome": l("outcome.\(outcome.rawValue)")])
        case .populationBefore: return l("summary.population_before")
        case .populationAfter: return l("summary.population_after")
        case .areaBefore: return l("summary.area_before")
        case .areaAfter: return l("summary.area_after")
        case .quotaBefore(let c): return l("summary.quota_before", category(c))
        case .quotaAfter(let c): return l("summary.quota_after", category(c))
        case .headcountBefore(let c): return l("summary.headcount_before", category(c))
        case .headcountAfter(let c): return l("summary.headcount_after", category(c))
        case .surplusBefore(let c): return l("summary.surplus_before", category(c))
        case .surplusAfter(let c): return l("summary.surplus_after", category(c))
        case .vacanciesAfter(let c): return l("summary.vacancies_after", category(c))
        case .unitsOverQuotaAfter(let c): return l("summary.units_over_quota_after", category(c))
        case .allowanceFundMonthly: return l("summary.allowance_fund_monthly")
        case .surplusBeforeTransfers(let c): return l("summary.surplus_before_transfers", category(c))
        case .surplusAfterTransfers(let c): return l("summary.surplus_after_transfers", category(c))
        case .peopleMovedFrom(let c): return l("summary.people_moved_from", category(c))
        case .peopleMoved: return l("summary.people_moved")
        case .transfers: return l("summary.transfers")
        case .transferUnreachableUnits: return l("summary.transfer_unreachable_units")
        case .personKm: return l("summary.person_km")
        case .envelope(let e): return l("summary.envelope", ["envelope": l("summary.envelope_category.\(e.rawValue)")])
        case .envelopeSurplus(let e): return l("summary.envelope_surplus", ["envelope": l("summary.envelope_category.\(e.rawValue)")])
        case .envelopeShadowPrice(let e): return l("summary.envelope_shadow_price", ["envelope": l("summary.envelope_category.\(e.rawValue)")])
        case .transitionYears: return l("summary.transition_years")
        case .transitionRuns: return l("summary.transition_runs")
        case .deadlineYear(let c): return l("summary.deadline_year", category(c))
        case .surplusAtDeadlineMean(let c): return l("summary.surplus_at_deadline_mean", timeline(c))
        case .surplusAtDeadlineP95(let c): return l("summary.surplus_at_deadline_p95", timeline(c))
        case .exitCostMean: return l("summary.exit_cost_mean")
        case .probabilityAllWithinQuota: return l("summary.probability_all_within_quota")
        case .deadlineVerdict: return l("summary.deadline_verdict")
        case .deadline: return l("summary.deadline")
        case .deadlineOf(let c): return l("summary.deadline_of", category(c))
        case .precision: return l("summary.precision")
        case .precisionMaximumRuns: return l("summary.precision_max_runs")
        case .precisionReached: return l("summary.precision_reached")
        case .precisionLow(let m): return l("summary.precision_low", ["metric": SummaryReport.label(m, labels: l)])
        case .precisionHigh(let m): return l("summary.precision_high", ["metric": SummaryReport.label(m, labels: l)])
        }
    }
}
