import Foundation
import MergerSim
import MergerSimInputs

/// `summary.csv` (one row per ``SummaryMetric``) and the terminal summary of a simulation: both render a
/// ``RunSummary`` and compute nothing.
public enum SummaryReport {
    /// The figures as summary.csv writes them: metric name and value text, in report order.
    public static func rows(_ summary: RunSummary) -> [(name: String, value: String)] {
        summary.figures.map { ($0.metric.name, text($0.value)) }
    }

    /// summary.csv: `metric,value`, one row per figure the run has.
    public static func csv(_ summary: RunSummary) throws(InternalError) -> Data {
        table(summary).csv(english: try Labels(.en))
    }

    /// A figure as summary.csv writes it: counts and money as whole numbers, an area as its exact
    /// decimal, a computed figure with its decimals (half away from zero), the verdict and dates as text
    /// (no date: empty).
    public static func text(_ value: SummaryValue) -> String {
        switch value {
        case .count(let n): String(n)
        case .money(let vnd): String(vnd)
        case .decimal(let x): ReportFormat.decimal(x)
        case .figure(let x, let decimals): ReportFormat.fixed(x, decimals: decimals)
        case .verdict(let verdict): verdict.rawValue
        case .date(let date): date?.description ?? ""
        }
    }

    /// `x` rounded as summary.csv writes it with `decimals` decimals (half away from zero), so the
    /// console and the report show the figure the CSV holds; nil when not finite (the CSV writes nothing).
    static func rounded(_ x: Double, decimals: Int) -> Double? {
        guard x.isFinite else { return nil }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(x) * scale).rounded())
        guard scaled != 0 else { return 0 }
        return (x < 0 ? -1 : 1) * Double(scaled) / scale
    }

    /// A run until precise in the console: R, the runs used of the most, then each headline figure's 95 %
    /// interval with the half-width it was allowed (marked where wider).
    static func precisionLines(_ p: PrecisionReached, labels l: Labels) -> [String] {
        func figure(_ x: Double, _ decimals: Int) -> String { rounded(x, decimals: decimals).map { l.number($0, decimals: decimals) } ?? "?" }
        var lines = [l("console.precision", [
            "r": halfWidth(p.precision.halfWidth, labels: l),
            "state": l(p.isReached ? "console.precision_reached" : "console.precision_not_reached"),
            "runs": l.number(Double(p.runsUsed)), "max": l.number(Double(p.maximumRuns)),
            "step": l.number(Double(Precision.step)), "min": l.number(Double(Precision.minimumRuns)),
        ])]
        for interval in p.intervals {
            let decimals = interval.metric.decimals
            lines.append(l("console.precision_interval", [
                "metric": label(interval.metric, labels: l), "mean": figure(interval.mean, decimals), "low": figure(interval.low, decimals),
                "high": figure(interval.high, decimals), "allowed": figure(interval.allowed, decimals),
                "method": l("console.precision_method.\(interval.method.rawValue)"),
                "mark": interval.isWithin ? "" : l("console.precision_wide"),
            ]))
        }
        return lines
    }

    /// A headline figure's name in the language of `l` (replications.csv keeps the English column names).
    static func label(_ metric: HeadlineMetric, labels l: Labels) -> String {
        switch metric {
        case .surplusAtDeadline(let c): l("console.headline.surplus_at_deadline", ["category": l("console.category.\(c.rawValue)")])
        case .exitCostVND: l("console.headline.exit_cost_vnd")
        case .allWithinQuota: l("console.headline.all_within_quota")
        }
    }

    /// R as given (0.05, not 0.050000), with the language's decimal mark.
    static func halfWidth(_ r: Double, labels l: Labels) -> String {
        let text = ReportFormat.trimmed(r, decimals: 6)
        let decimals = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        return l.number(r, decimals: decimals)
    }

    /// The terminal summary in the language of `l`: units before and after by kind, standards, staff by
    /// category, transfers, the transition's verdict and the deadline. Numbers grouped by thousands.
    public static func text(_ s: RunSummary, scenario: String, rules: RuleSet, labels l: Labels) -> String {
        func g(_ n: Int) -> String { l.number(Double(n)) }
        func decimal(_ x: Double, _ decimals: Int) -> String { rounded(x, decimals: decimals).map { l.number($0, decimals: decimals) } ?? "?" }
        func pad(_ text: String, _ width: Int, right: Bool = true) -> String { ReportFormat.pad(text, width, right: right) }
        func category(_ c: StaffCategory) -> String { l("console.category.\(c.rawValue)") }
        var lines = [l("console.scenario", ["scenario": scenario, "rules": rules.id]), ""]
        // Only the kinds the run has, before or after (a kind with no unit either side is a column of zeros).
        let present = UnitKind.allCases.filter { s.unitsBeforeByKind[$0] > 0 || s.unitsAfterByKind[$0] > 0 }
        let kinds = present.isEmpty ? UnitKind.allCases : present
        lines.append(pad("", 16, right: false) + kinds.map { pad(l("kind.\($0.rawValue)"), 17) }.joined() + pad(l("console.total"), 10))
        for (stage, byKind, total) in [("before", s.unitsBeforeByKind, s.unitsBefore), ("after", s.unitsAfterByKind, s.unitsAfter)] {
            lines.append(pad(l("console.units_\(stage)"), 16, right: false) + kinds.map { pad(g(byKind[$0]), 17) }.joined() + pad(g(total), 10))
        }
        lines.append("")
        let outcomes = s.unitsAfterByOutcome
        lines.append(l("console.merged", ["merged": g(s.unitsMerged), "meets": g(outcomes[.meets]), "waived": g(outcomes[.waived]),
                                          "exception": g(outcomes[.needsException]), "below": g(outcomes[.below])]))
        let below = s.unitsBelowStandards
        if !below.isEmpty {
            let named = below.prefix(10).map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
            let units = below.count > 10 ? l("console.and_more", ["units": named, "more": l.number(Double(below.count - 10))]) : named
            lines.append(l("console.below_named", ["units": units]))
        }
        // The counts add up to the units before: must merge, borderline, and the rest that need not; the exempt are among the first two.
        lines.append(l("console.before", ["must": g(s.unitsBeforeMustMerge), "borderline": g(s.unitsBeforeBorderline),
                                          "keep": g(s.unitsBefore - s.unitsBeforeMustMerge - s.unitsBeforeBorderline),
                                          "n": g(s.unitsBefore), "exempt": g(s.unitsBeforeExempt)]))
        lines.append("")
        // Columns as wide as their longest label (a language's may be longer than English's), at least the English widths.
        let first = max(18, StaffCategory.allCases.map { category($0).count + 2 }.max() ?? 0)
        let headers = [("console.quota_before", 16), ("console.quota_after", 14), ("console.headcount", 11), ("console.surplus_after", 15),
                       ("console.units_over", 14)].map { (l($0.0), max($0.1, l($0.0).count + 2)) }
        lines.append(pad(l("console.category"), first, right: false) + headers.map { pad($0.0, $0.1) }.joined())
        for c in StaffCategory.allCases {
            let cells = [s.quotaBefore[c], s.quotaAfter[c], s.headcountAfter[c], s.surplusAfter[c], s.unitsOverQuotaAfter[c]]
            lines.append(pad(category(c), first, right: false) + zip(cells, headers).map { pad(g($0), $1.1) }.joined())
        }
        if rules.quotas.pooled.value {
            lines.append(l("console.pooled", ["rule": RulePhrase(rules.quotas.pooled.rule, citations: rules.citations).text(l)]))
        }
        if let transfers = s.transfers {
            lines.append("")
            let list = StaffCategory.allCases.map { "\(category($0)) \(g(transfers.surplusBefore[$0])) → \(g(transfers.surplusAfter[$0]))" }
            lines.append(l("console.transfers", ["people": g(transfers.peopleMoved), "moves": g(transfers.moves), "km": decimal(transfers.personKm, 2),
                                                 "list": list.joined(separator: ", ")]))
            if transfers.unreachableUnits != 0 {
                lines.append(l("console.unreachable", ["n": g(transfers.unreachableUnits)]))
            }
        }
        for category in EnvelopeCategory.allCases {
            guard let envelope = s.envelopes.first(where: { $0.category == category }) else { continue }
            lines.append(l("console.envelope", ["name": l.value(category.rawValue, column: "envelope"), "positions": g(envelope.positions),
                                                "surplus": g(envelope.surplus), "price": decimal(Double(envelope.shadowPrice), 2)]))
        }
        if let transition = s.transition {
            lines.append("")
            let cost = rounded(transition.exitCostMeanVND, decimals: 0) ?? 0
            let money = l.language == .vi ? l("console.money", ["amount": l.number(cost / 1e9, decimals: 1)])
                                          : l("console.money", ["amount": l.number(cost)])
            lines.append(l("console.transition", [
                "runs": g(transition.runs), "years": g(transition.years),
                "list": StaffCategory.allCases.map { "\(category($0)) \(decimal(transition.surplusAtDeadlineMean[$0], 2))" }.joined(separator: ", "),
                // Vietnamese readers get a percentage (0,0 %), as they write one; English keeps the share.
                "p": l.language == .vi ? l.percent(rounded(transition.probabilityAllWithinQuota, decimals: 3) ?? 0)
                                       : decimal(transition.probabilityAllWithinQuota, 3),
                "verdict": l("verdict.\(transition.verdict.rawValue)"), "cost": money,
            ]))
            if let precision = transition.precision {
                lines.append(precisionLines(precision, labels: l).joined(separator: "\n"))
            }
        }
        if let deadline = s.deadline {
            lines.append("")
            let byCategory = s.deadlines.map { deadlines in StaffCategory.allCases.map { ($0, deadlines[$0]) } } ?? []
            let when = byCategory.contains(where: { $0.1 != deadline })
                ? byCategory.map { l("console.deadline_item", ["date": l.date($0.1), "category": category($0.0)]) }.joined(separator: ", ")
                : l.date(deadline)
            lines.append(l("console.deadline", ["deadline": when, "rule": RulePhrase(rules.deadline.rule, citations: rules.citations).text(l)]))
        }
        return lines.joined(separator: "\n")
    }
}
