/// A row of summary.csv: every figure of a ``RunSummary`` by name, in report order.
///
/// ``allCases`` is the order of summary.csv; ``name`` its `metric` column; ``value(in:)`` reads the
/// figure from the typed summary (nil where the run has no such figure: no reallocation, transition,
/// envelope, allowance fund or per-category deadlines). A new figure added here must be given a name
/// and a value, or the code does not compile.
public enum SummaryMetric: Hashable, Sendable, CaseIterable {
    case unitsBefore, unitsAfter
    case unitsBeforeOfKind(UnitKind), unitsAfterOfKind(UnitKind)
    case unitsFewer, newUnits, unitsMerged, unitsUntouched
    case unitsBeforeMustMerge, unitsBeforeBorderline, unitsBeforeExempt, unitsBeforeMeetingStandards
    case unitsAfterWithOutcome(StandardsOutcome)
    case populationBefore, populationAfter
    case areaBefore, areaAfter
    case quotaBefore(StaffCategory), quotaAfter(StaffCategory)
    case headcountBefore(StaffCategory), headcountAfter(StaffCategory)
    case surplusBefore(StaffCategory), surplusAfter(StaffCategory)
    case vacanciesAfter(StaffCategory), unitsOverQuotaAfter(StaffCategory)
    case allowanceFundMonthly
    case surplusBeforeTransfers(StaffCategory), surplusAfterTransfers(StaffCategory), peopleMovedFrom(StaffCategory)
    case peopleMoved, transfers, transferUnreachableUnits, personKm
    case envelope(EnvelopeCategory), envelopeSurplus(EnvelopeCategory), envelopeShadowPrice(EnvelopeCategory)
    case transitionYears, transitionRuns
    /// The deadline year of a category; the surplus there (mean, 95th percentile); for
    /// ``TimelineCategory/all``, at the end of the last year.
    case deadlineYear(StaffCategory)
    case surplusAtDeadlineMean(TimelineCategory), surplusAtDeadlineP95(TimelineCategory)
    case exitCostMean, probabilityAllWithinQuota, deadlineVerdict
    case deadline, deadlineOf(StaffCategory)
    /// With a precision asked for (``RunSummary/Transition/precision``): R, the most replications, whether
    /// every interval got within ±R (1) or the run stopped at the most (0), and each headline figure's
    /// 95 % interval (low, high) reached.
    case precision, precisionMaximumRuns, precisionReached
    case precisionLow(HeadlineMetric), precisionHigh(HeadlineMetric)

    /// Every metric in summary.csv's order.
    public static var allCases: [SummaryMetric] {
        let categories = StaffCategory.allCases
        var all: [SummaryMetric] = [.unitsBefore, .unitsAfter]
        all += UnitKind.allCases.flatMap { [.unitsBeforeOfKind($0), .unitsAfterOfKind($0)] }
        all += [.unitsFewer, .newUnits, .unitsMerged, .unitsUntouched,
                .unitsBeforeMustMerge, .unitsBeforeBorderline, .unitsBeforeExempt, .unitsBeforeMeetingStandards]
        all += StandardsOutcome.allCases.map(Self.unitsAfterWithOutcome)
        all += [.populationBefore, .populationAfter, .areaBefore, .areaAfter]
        all += categories.flatMap { c -> [SummaryMetric] in
            [.quotaBefore(c), .quotaAfter(c), .headcountBefore(c), .headcountAfter(c), .surplusBefore(c), .surplusAfter(c),
             .vacanciesAfter(c), .unitsOverQuotaAfter(c)]
        }
        all.append(.allowanceFundMonthly)
        all += categories.flatMap { [.surplusBeforeTransfers($0), .surplusAfterTransfers($0), .peopleMovedFrom($0)] }
        all += [.peopleMoved, .transfers, .transferUnreachableUnits, .personKm]
        all += EnvelopeCategory.allCases.flatMap { [.envelope($0), .envelopeSurplus($0), .envelopeShadowPrice($0)] }
        all += [.transitionYears, .transitionRuns]
        all += categories.flatMap { [.deadlineYear($0), .surplusAtDeadlineMean(.category($0)), .surplusAtDeadlineP95(.category($0))] }
        all += [.surplusAtDeadlineMean(.all), .surplusAtDeadlineP95(.all), .exitCostMean, .probabilityAllWithinQuota, .deadlineVerdict, .deadline]
        all += categories.map(Self.deadlineOf)
        all += [.precision, .precisionMaximumRuns, .precisionReached]
        all += HeadlineMetric.allCases.flatMap { [.precisionLow($0), .precisionHigh($0)] }
        return all
    }

    /// The name in summary.csv's `metric` column (and the run store's).
    public var name: String {
        switch self {
        case .unitsBefore: "units_before"
        case .unitsAfter: "units_after"
        case .unitsBeforeOfKind(let kind): "units_before_\(kind.rawValue)"
        case .unitsAfterOfKind(let kind): "units_after_\(kind.rawValue)"
        case .unitsFewer: "units_fewer"
        case .newUnits: "new_units"
        case .unitsMerged: "units_merged"
        case .unitsUntouched: "units_untouched"
        case .unitsBeforeMustMerge: "units_before_must_merge"
        case .unitsBeforeBorderline: "units_before_borderline"
        case .unitsBeforeExempt: "units_before_exempt"
        case .unitsBeforeMeetingStandards: "units_before_meeting_standards"
        case .unitsAfterWithOutcome(let outcome): "units_after_\(outcome.rawValue)"
        case .populationBefore: "population_before"
        case .populationAfter: "population_after"
        case .areaBefore: "area_km2_before"
        case .areaAfter: "area_km2_after"
        case .quotaBefore(let c): "quota_before_\(c.rawValue)"
        case .quotaAfter(let c): "quota_after_\(c.rawValue)"
        case .headcountBefore(let c): "headcount_before_\(c.rawValue)"
        case .headcountAfter(let c): "headcount_after_\(c.rawValue)"
        case .surplusBefore(let c): "surplus_before_\(c.rawValue)"
        case .surplusAfter(let c): "surplus_after_\(c.rawValue)"
        case .vacanciesAfter(let c): "vacancies_after_\(c.rawValue)"
        case .unitsOverQuotaAfter(let c): "units_over_quota_after_\(c.rawValue)"
        case .allowanceFundMonthly: "allowance_fund_vnd_monthly"
        case .surplusBeforeTransfers(let c): "surplus_before_transfers_\(c.rawValue)"
        case .surplusAfterTransfers(let c): "surplus_after_transfers_\(c.rawValue)"
        case .peopleMovedFrom(let c): "people_moved_from_\(c.rawValue)"
        case .peopleMoved: "people_moved"
        case .transfers: "transfers"
        case .transferUnreachableUnits: "transfer_unreachable_units"
        case .personKm: "person_km"
        case .envelope(let e): "envelope_\(e.rawValue)"
        case .envelopeSurplus(let e): "envelope_surplus_\(e.rawValue)"
        case .envelopeShadowPrice(let e): "envelope_shadow_price_\(e.rawValue)"
        case .transitionYears: "transition_years"
        case .transitionRuns: "transition_runs"
        case .deadlineYear(let c): "deadline_year_\(c.rawValue)"
        case .surplusAtDeadlineMean(let c): "surplus_at_deadline_mean_\(c.name)"
        case .surplusAtDeadlineP95(let c): "surplus_at_deadline_p95_\(c.name)"
        case .exitCostMean: "exit_cost_vnd_mean"
        case .probabilityAllWithinQuota: "probability_all_within_quota_at_deadline"
        case .deadlineVerdict: "deadline_verdict"
        case .deadline: "deadline"
        case .deadlineOf(let c): "deadline_\(c.rawValue)"
        case .precision: "precision"
        case .precisionMaximumRuns: "precision_max_runs"
        case .precisionReached: "precision_reached"
        case .precisionLow(let m): "precision_low_\(m.name)"
        case .precisionHigh(let m): "precision_high_\(m.name)"
        }
    }

    /// The figure in `summary`; nil where the run has none.
    public func value(in s: RunSummary) -> SummaryValue? {
        switch self {
        case .unitsBefore: .count(s.unitsBefore)
        case .unitsAfter: .count(s.unitsAfter)
        case .unitsBeforeOfKind(let kind): .count(s.unitsBeforeByKind[kind])
        case .unitsAfterOfKind(let kind): .count(s.unitsAfterByKind[kind])
        case .unitsFewer: .count(s.unitsBefore - s.unitsAfter)
        case .newUnits: .count(s.newUnits)
        case .unitsMerged: .count(s.unitsMerged)
        case .unitsUntouched: .count(s.unitsUntouched)
        case .unitsBeforeMustMerge: .count(s.unitsBeforeMustMerge)
        case .unitsBeforeBorderline: .count(s.unitsBeforeBorderline)
        case .unitsBeforeExempt: .count(s.unitsBeforeExempt)
        case .unitsBeforeMeetingStandards: .count(s.unitsBeforeMeetingStandards)
        case .unitsAfterWithOutcome(let outcome): .count(s.unitsAfterByOutcome[outcome])
        case .populationBefore: .count(s.populationBefore)
        case .populationAfter: .count(s.populationAfter)
        case .areaBefore: .decimal(s.areaBefore)
        case .areaAfter: .decimal(s.areaAfter)
        case .quotaBefore(let c): .count(s.quotaBefore[c])
        case .quotaAfter(let c): .count(s.quotaAfter[c])
        case .headcountBefore(let c): .count(s.headcountBefore[c])
        case .headcountAfter(let c): .count(s.headcountAfter[c])
        case .surplusBefore(let c): .count(s.surplusBefore[c])
        case .surplusAfter(let c): .count(s.surplusAfter[c])
        case .vacanciesAfter(let c): .count(s.vacanciesAfter[c])
        case .unitsOverQuotaAfter(let c): .count(s.unitsOverQuotaAfter[c])
        case .allowanceFundMonthly: s.allowanceFundMonthlyVND.map(SummaryValue.money)
        case .surplusBeforeTransfers(let c): s.transfers.map { .count($0.surplusBefore[c]) }
        case .surplusAfterTransfers(let c): s.transfers.map { .count($0.surplusAfter[c]) }
        case .peopleMovedFrom(let c): s.transfers.map { .count($0.peopleMovedFrom[c]) }
        case .peopleMoved: s.transfers.map { .count($0.peopleMoved) }
        case .transfers: s.transfers.map { .count($0.moves) }
        case .transferUnreachableUnits: s.transfers.map { .count($0.unreachableUnits) }
        case .personKm: s.transfers.map { .figure($0.personKm, decimals: 2) }
        case .envelope(let e): s.envelopes.first { $0.category == e }.map { .count($0.positions) }
        case .envelopeSurplus(let e): s.envelopes.first { $0.category == e }.map { .count($0.surplus) }
        case .envelopeShadowPrice(let e): s.envelopes.first { $0.category == e }.map { .count($0.shadowPrice) }
        case .transitionYears: s.transition.map { .count($0.years) }
        case .transitionRuns: s.transition.map { .count($0.runs) }
        case .deadlineYear(let c): s.transition.map { .count($0.deadlineYears[c]) }
        case .surplusAtDeadlineMean(.category(let c)): s.transition.map { .figure($0.surplusAtDeadlineMean[c], decimals: 2) }
        case .surplusAtDeadlineMean(.all): s.transition.map { .figure($0.surplusAtEndMeanAll, decimals: 2) }
        case .surplusAtDeadlineP95(.category(let c)): s.transition.map { .figure($0.surplusAtDeadlineP95[c], decimals: 2) }
        case .surplusAtDeadlineP95(.all): s.transition.map { .figure($0.surplusAtEndP95All, decimals: 2) }
        case .exitCostMean: s.transition.map { .figure($0.exitCostMeanVND, decimals: 0) }
        case .probabilityAllWithinQuota: s.transition.map { .figure($0.probabilityAllWithinQuota, decimals: 3) }
        case .deadlineVerdict: s.transition.map { .verdict($0.verdict) }
        case .deadline: .date(s.deadline)
        case .deadlineOf(let c): s.deadlines.map { .date($0[c]) }
        case .precision: s.transition?.precision.map { .figure($0.precision.halfWidth, decimals: 6) }
        case .precisionMaximumRuns: s.transition?.precision.map { .count($0.maximumRuns) }
        case .precisionReached: s.transition?.precision.map { .count($0.isReached ? 1 : 0) }
        case .precisionLow(let m): s.transition?.precision?.intervals.first { $0.metric == m }.map { .figure($0.low, decimals: m.decimals) }
        case .precisionHigh(let m): s.transition?.precision?.intervals.first { $0.metric == m }.map { .figure($0.high, decimals: m.decimals) }
        }
    }
}

extension HeadlineMetric {
    /// Decimals its interval's bounds are written with: a surplus 2 (as its mean), a cost 0, a probability 4.
    public var decimals: Int {
        switch self {
        case .surplusAtDeadline: 2
        case .exitCostVND: 0
        case .allWithinQuota: 4
        }
    }
}

extension RunSummary {
    /// Every figure the run has, in summary.csv's order.
    public var figures: [(metric: SummaryMetric, value: SummaryValue)] {
        SummaryMetric.allCases.compactMap { metric in metric.value(in: self).map { (metric, $0) } }
    }
}
