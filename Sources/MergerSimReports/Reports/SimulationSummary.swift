import Foundation
import MergerSim
import MergerSimInputs

/// `summary.csv` (one row per figure) and the terminal summary of a simulation.
public struct SimulationSummary: Sendable {
    /// Metric name and value, in report order.
    public let metrics: [(name: String, value: String)]
    /// The transition's verdict on the deadline; nil without a transition.
    public let deadlineVerdict: DeadlineVerdict?
    private let before: [ScreeningResult]
    private let after: [UnitAfterResult]

    public init(before: [ScreeningResult], after: [UnitAfterResult], deadline: CalendarDate?, deadlines: PerCategory<CalendarDate>? = nil,
                allowanceFund: Int64? = nil,
                reallocation: ScenarioRun.Reallocation? = nil, transition: (summary: TransitionSummary, years: Int, runs: Int)? = nil) {
        self.before = before
        self.after = after
        var metrics: [(String, String)] = []
        func add(_ name: String, _ value: Int) { metrics.append((name, String(value))) }
        add("units_before", before.count)
        add("units_after", after.count)
        for kind in UnitKind.allCases {
            add("units_before_\(kind.rawValue)", before.filter { $0.unit.kind == kind }.count)
            add("units_after_\(kind.rawValue)", after.filter { $0.unit.kind == kind }.count)
        }
        add("units_fewer", before.count - after.count)
        add("new_units", after.filter { !$0.merged.untouched }.count)
        add("units_merged", after.filter { !$0.merged.untouched && $0.merged.memberCount >= 2 }.count)
        add("units_untouched", after.filter(\.merged.untouched).count)
        add("units_before_must_merge", before.filter { $0.decision == .yes }.count)
        add("units_before_borderline", before.filter { $0.decision == .borderline }.count)
        add("units_before_exempt", before.filter { $0.verdict == .exempt }.count)
        add("units_before_meeting_standards", before.filter(\.meetsStandards).count)
        for outcome in StandardsOutcome.allCases {
            add("units_after_\(outcome.rawValue)", after.filter { $0.outcome == outcome }.count)
        }
        add("population_before", before.reduce(0) { $0 + $1.unit.population })
        add("population_after", after.reduce(0) { $0 + $1.unit.population })
        metrics.append(("area_km2_before", ReportFormat.decimal(FixedDecimal(millionths: before.reduce(0) { $0 + $1.unit.area.millionths }, decimals: 0))))
        metrics.append(("area_km2_after", ReportFormat.decimal(FixedDecimal(millionths: after.reduce(0) { $0 + $1.unit.area.millionths }, decimals: 0))))
        for category in StaffCategory.allCases {
            let name = category.rawValue
            add("quota_before_\(name)", before.reduce(0) { $0 + $1.quota.posts[category] })
            add("quota_after_\(name)", after.reduce(0) { $0 + $1.quota.posts[category] })
            add("headcount_before_\(name)", before.reduce(0) { $0 + ($1.unit.staff?[category] ?? 0) })
            add("headcount_after_\(name)", after.reduce(0) { $0 + ($1.unit.staff?[category] ?? 0) })
            add("surplus_before_\(name)", before.reduce(0) { $0 + ($1.surplus?[category] ?? 0) })
            add("surplus_after_\(name)", after.reduce(0) { $0 + ($1.surplus?[category] ?? 0) })
            add("vacancies_after_\(name)", after.reduce(0) { $0 + ($1.vacancies?[category] ?? 0) })
            add("units_over_quota_after_\(name)", after.filter { ($0.surplus?[category] ?? 0) > 0 }.count)
        }
        if let allowanceFund { metrics.append(("allowance_fund_vnd_monthly", String(allowanceFund))) }
        if let reallocation {
            let plan = reallocation.transfers
            for category in StaffCategory.allCases {
                add("surplus_before_transfers_\(category.rawValue)", plan.surplusBefore[category])
                add("surplus_after_transfers_\(category.rawValue)", plan.surplusAfter[category])
                add("people_moved_from_\(category.rawValue)", plan.transfers.filter { $0.category == category }.reduce(0) { $0 + $1.count })
            }
            add("people_moved", plan.peopleMoved)
            add("transfers", plan.transfers.count)
            add("transfer_unreachable_units", plan.unreachableCodes.count)
            metrics.append(("person_km", ReportFormat.fixed(plan.personKm, decimals: 2)))
            for envelope in reallocation.envelopes {
                let name = envelope.category.rawValue
                add("envelope_\(name)", envelope.positions)
                add("envelope_surplus_\(name)", envelope.allocation.surplus)
                add("envelope_shadow_price_\(name)", envelope.allocation.shadowPrice)
            }
        }
        if let transition {
            let years = transition.years
            add("transition_years", years)
            add("transition_runs", transition.runs)
            // Each category at the end of the year of its own deadline (R-4.6); "all" at the last year.
            for category in StaffCategory.allCases {
                let year = transition.summary.deadlineYears[category]
                add("deadline_year_\(category.rawValue)", year)
                if let row = transition.summary.row(year: year, category: category.rawValue, metric: "surplus") {
                    metrics.append(("surplus_at_deadline_mean_\(category.rawValue)", ReportFormat.fixed(row.mean, decimals: 2)))
                    metrics.append(("surplus_at_deadline_p95_\(category.rawValue)", ReportFormat.fixed(row.p95, decimals: 2)))
                }
            }
            if let row = transition.summary.row(year: years, category: "all", metric: "surplus") {
                metrics.append(("surplus_at_deadline_mean_all", ReportFormat.fixed(row.mean, decimals: 2)))
                metrics.append(("surplus_at_deadline_p95_all", ReportFormat.fixed(row.p95, decimals: 2)))
            }
            let cost = (1...years).compactMap { transition.summary.row(year: $0, category: "all", metric: "cost_vnd")?.mean }.reduce(0, +)
            metrics.append(("exit_cost_vnd_mean", ReportFormat.fixed(cost, decimals: 0)))
            let p = transition.summary.probabilityAllWithinQuota
            metrics.append(("probability_all_within_quota_at_deadline", ReportFormat.fixed(p, decimals: 3)))
            metrics.append(("deadline_verdict", transition.summary.deadlineVerdict.rawValue))
        }
        metrics.append(("deadline", deadline?.description ?? ""))
        if let deadlines {
            for category in StaffCategory.allCases { metrics.append(("deadline_\(category.rawValue)", deadlines[category].description)) }
        }
        self.metrics = metrics
        deadlineVerdict = transition?.summary.deadlineVerdict
    }

    public var csv: Data {
        var writer = CSVWriter(header: ["metric", "value"], spreadsheet: true)
        for metric in metrics { writer.append([metric.name, metric.value]) }
        return writer.data
    }

    /// Looks a metric up by name.
    public func value(_ name: String) -> String? { metrics.first { $0.name == name }?.value }

    /// The terminal summary in the language of `l`: units before and after by kind, standards, staff by
    /// category, transfers, the transition's verdict and the deadline. Numbers grouped by thousands.
    public func text(scenario: String, rules: RuleSet, labels l: Labels) -> String {
        func int(_ name: String) -> Int { Int(value(name) ?? "") ?? 0 }
        func g(_ name: String) -> String { l.number(Double(int(name))) }
        func decimal(_ name: String, _ decimals: Int) -> String { Double(value(name) ?? "").map { l.number($0, decimals: decimals) } ?? "?" }
        func pad(_ text: String, _ width: Int, right: Bool = true) -> String { ReportFormat.pad(text, width, right: right) }
        func category(_ c: StaffCategory) -> String { l("console.category.\(c.rawValue)") }
        var lines = [l("console.scenario", ["scenario": scenario, "rules": rules.id]), ""]
        lines.append(pad("", 16, right: false) + UnitKind.allCases.map { pad(l("kind.\($0.rawValue)"), 17) }.joined() + pad(l("console.total"), 10))
        for stage in ["before", "after"] {
            lines.append(pad(l("console.units_\(stage)"), 16, right: false)
                         + UnitKind.allCases.map { pad(g("units_\(stage)_\($0.rawValue)"), 17) }.joined() + pad(g("units_\(stage)"), 10))
        }
        lines.append("")
        lines.append(l("console.merged", ["merged": g("units_merged"), "meets": g("units_after_meets"), "waived": g("units_after_waived"),
                                          "exception": g("units_after_needs_exception"), "below": g("units_after_below")]))
        let below = after.filter { $0.outcome == .below }
        if !below.isEmpty {
            let named = below.prefix(10).map { "\($0.unit.name) (\($0.unit.code))" }.joined(separator: ", ")
            let units = below.count > 10 ? l("console.and_more", ["units": named, "more": l.number(Double(below.count - 10))]) : named
            lines.append(l("console.below_named", ["units": units]))
        }
        lines.append(l("console.before", ["must": g("units_before_must_merge"), "borderline": g("units_before_borderline"), "exempt": g("units_before_exempt")]))
        lines.append("")
        lines.append(pad(l("console.category"), 18, right: false) + pad(l("console.quota_before"), 16) + pad(l("console.quota_after"), 14)
                     + pad(l("console.headcount"), 11) + pad(l("console.surplus_after"), 15) + pad(l("console.units_over"), 14))
        for c in StaffCategory.allCases {
            let name = c.rawValue
            lines.append(pad(category(c), 18, right: false) + pad(g("quota_before_\(name)"), 16) + pad(g("quota_after_\(name)"), 14)
                         + pad(g("headcount_after_\(name)"), 11) + pad(g("surplus_after_\(name)"), 15)
                         + pad(g("units_over_quota_after_\(name)"), 14))
        }
        if rules.quotas.pooled.value {
            lines.append(l("console.pooled", ["rule": rules.quotas.pooled.rule]))
        }
        if value("people_moved") != nil {
            lines.append("")
            let list = StaffCategory.allCases.map { "\(category($0)) \(g("surplus_before_transfers_\($0.rawValue)")) → \(g("surplus_after_transfers_\($0.rawValue)"))" }
            lines.append(l("console.transfers", ["people": g("people_moved"), "moves": g("transfers"), "km": decimal("person_km", 2),
                                                 "list": list.joined(separator: ", ")]))
            if let unreachable = value("transfer_unreachable_units"), unreachable != "0" {
                lines.append(l("console.unreachable", ["n": g("transfer_unreachable_units")]))
            }
        }
        for envelope in EnvelopeCategory.allCases {
            guard value("envelope_\(envelope.rawValue)") != nil else { continue }
            lines.append(l("console.envelope", ["name": envelope.rawValue, "positions": g("envelope_\(envelope.rawValue)"),
                                                "surplus": g("envelope_surplus_\(envelope.rawValue)"), "price": decimal("envelope_shadow_price_\(envelope.rawValue)", 2)]))
        }
        if let verdict = deadlineVerdict?.rawValue {
            lines.append("")
            let cost = Double(value("exit_cost_vnd_mean") ?? "") ?? 0
            let money = l.language == .vi ? l("console.money", ["amount": l.number(cost / 1e9, decimals: 1)])
                                          : l("console.money", ["amount": l.number(cost)])
            lines.append(l("console.transition", [
                "runs": g("transition_runs"), "years": g("transition_years"),
                "list": StaffCategory.allCases.map { "\(category($0)) \(decimal("surplus_at_deadline_mean_\($0.rawValue)", 2))" }.joined(separator: ", "),
                "p": decimal("probability_all_within_quota_at_deadline", 3), "verdict": l("verdict.\(verdict)"), "cost": money,
            ]))
        }
        if let deadline = value("deadline"), !deadline.isEmpty {
            lines.append("")
            let byCategory = StaffCategory.allCases.compactMap { c in value("deadline_\(c.rawValue)").map { (c, $0) } }
            let when = byCategory.contains(where: { $0.1 != deadline })
                ? byCategory.map { l("console.deadline_item", ["date": $0.1, "category": category($0.0)]) }.joined(separator: ", ") : deadline
            lines.append(l("console.deadline", ["deadline": when, "rule": rules.deadline.rule]))
        }
        return lines.joined(separator: "\n")
    }
}
