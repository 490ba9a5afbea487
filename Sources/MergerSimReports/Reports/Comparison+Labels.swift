import Foundation
import MergerSim
import MergerSimInputs

/// The words of `compare`'s console in a language: rows, values and differences.
extension Comparison {
    /// The timeline row of a timeline.csv key, `year category metric`.
    static func timelineSubject(_ key: String) -> Subject {
        let parts = key.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return .summary(key) }
        return .timeline(year: parts[0], category: parts[1], metric: parts[2])
    }

    /// The name of a row: in English its machine name (as the console has always written it), else in words.
    static func name(_ row: Row, _ labels: Labels) -> String {
        guard labels.language != .en else { return row.metric }
        switch row.subject {
        case .setting(let name): return labels("console.compare.setting", ["setting": labels("console.compare.setting.\(name)")])
        case .summary(let name):
            guard let metric = summaryMetrics[name] else { return name }
            return SummaryMetricLabel(metric: metric).text(labels)
        case .replicationMean(let metric): return labels("console.compare.replication_mean", ["metric": SummaryReport.label(metric, labels: labels)])
        case let .timeline(year, category, metric):
            return labels("console.compare.timeline", ["year": year, "category": labels.value(category, column: "category"),
                                               "metric": labels.value(metric, column: "metric")])
        case let .unit(code, column):
            let what = column.hasPrefix("surplus_")
                ? labels("console.compare.unit_surplus", ["category": labels("category.\(column.dropFirst("surplus_".count))")])
                : labels("console.compare.unit_outcome")
            return labels("console.compare.unit", ["code": code, "column": what])
        }
    }

    /// A run's value of a row: a count grouped and whole, money in VND (en) or đồng / tỷ đồng (vi), a share as
    /// a percentage, a measure with its decimals, all with the language's marks; text in English as the run's
    /// files hold it, else a date as dd/mm/yyyy and a categorical value in words.
    static func value(_ raw: String, of row: Row, _ labels: Labels) -> String {
        guard !raw.isEmpty else { return raw }
        if row.quantity != .text, let number = Double(raw), number.isFinite {
            switch row.quantity {
            case .count: return labels.number(number, decimals: number == number.rounded() ? 0 : 2)
            case .money: return money(number, labels)
            case .share: return labels.percent(number)
            case .measure(let decimals): return labels.number(number, decimals: decimals)
            case .text: break
            }
        }
        guard labels.language != .en else { return raw }
        if raw == "(absent)" { return labels("console.compare.absent") }
        if case .setting(let name) = row.subject { return setting(raw, name: name, labels) }
        if let number = Double(raw), number.isFinite {
            let decimals = raw.split(separator: ".").dropFirst().first?.count ?? 0
            return labels.number(number, decimals: decimals)
        }
        if let date = CalendarDate(iso: raw) { return labels.date(date) }
        if case .unit(_, let column) = row.subject { return labels.value(raw, column: column) }
        return labels.value(raw, column: "value")
    }

    /// Money: whole VND grouped in English (`13,790,246 VND`); in Vietnamese đồng below a billion
    /// (`13.790.246 đồng`), tỷ đồng with two decimals from a billion (`7,61 tỷ đồng`).
    static func money(_ vnd: Double, _ labels: Labels) -> String {
        if labels.language == .vi, abs(vnd) >= 1e9 {
            return labels("compare.money.billion", ["amount": labels.number(vnd / 1e9, decimals: 2)])
        }
        return labels("compare.money", ["amount": labels.number(vnd.rounded())])
    }

    /// An amount of a row's quantity without sign handling: a difference or an interval's half-width.
    static func amount(_ x: Double, of quantity: Quantity, _ labels: Labels) -> String {
        switch quantity {
        case .count: return labels.number(x, decimals: x == x.rounded() ? 0 : 2)
        case .money: return money(x, labels)
        case .share: return labels("compare.points", ["amount": labels.number(x * 100, decimals: 1)])
        case .measure(let decimals): return labels.number(x, decimals: decimals)
        case .text: return number(x, labels)
        }
    }

    /// A difference: signed amount, its % change (not for a share, whose change is in points), then for a
    /// per-replication metric the interval (± half-width, or a probability's bounds), paired or not with the
    /// variance-reduction factor, and a star where the interval leaves out zero.
    static func difference(_ d: Difference, of quantity: Quantity, _ labels: Labels) -> String {
        var cell = (d.value > 0 ? "+" : "") + amount(d.value, of: quantity, labels)
        if let p = d.percent, quantity != .share { cell += " (" + signedPercent(p, labels) + ")" }
        guard let e = d.estimate, let low = e.low, let high = e.high else { return cell }
        if e.method == .newcombe {
            cell += " " + labels("compare.interval", ["low": signed(low, of: quantity, labels), "high": signed(high, of: quantity, labels)])
        } else {
            cell += " ± " + amount(high - e.mean, of: quantity, labels)
        }
        if d.paired == true {
            if let factor = d.varianceReduction {
                let times = factor.isInfinite ? "∞" : labels.number(factor, decimals: factor >= 10 ? 0 : 1)
                cell += " " + labels("compare.paired_reduction", ["factor": times])
            } else {
                cell += " " + labels("console.compare.paired")
            }
        } else {
            cell += " " + labels("console.compare.unpaired")
        }
        return cell + (e.excludesZero ? " *" : "")
    }

    /// An amount with its sign (+ for a positive one).
    static func signed(_ x: Double, of quantity: Quantity, _ labels: Labels) -> String {
        (x > 0 ? "+" : "") + amount(x, of: quantity, labels)
    }

    /// The kind of a headline metric: a surplus a mean of people (2 decimals), the cost money, all within quota a probability.
    static func quantity(of metric: HeadlineMetric) -> Quantity {
        switch metric {
        case .surplusAtDeadline: .measure(decimals: 2)
        case .exitCostVND: .money
        case .allWithinQuota: .share
        }
    }

    /// The kind of a summary.csv row, by its metric; a name not known (an older or newer folder) as a measure.
    static func quantity(ofSummary name: String) -> Quantity {
        guard let metric = summaryMetrics[name] else { return .measure(decimals: 4) }
        switch metric {
        case .allowanceFundMonthly, .exitCostMean: return .money
        case .probabilityAllWithinQuota: return .share
        case .areaBefore, .areaAfter: return .measure(decimals: 2)
        case .personKm, .surplusAtDeadlineMean, .surplusAtDeadlineP95: return .measure(decimals: 2)
        case .precision: return .measure(decimals: 6)
        case .precisionLow(let m), .precisionHigh(let m): return m == .allWithinQuota ? .share : quantity(of: m)
        case .deadlineVerdict, .deadline, .deadlineOf: return .text
        default: return .count
        }
    }

    /// The kind of a timeline row: its cost money, the other metrics means over replications (2 decimals).
    static func quantity(of subject: Subject) -> Quantity {
        guard case .timeline(_, _, let metric) = subject else { return .measure(decimals: 4) }
        return metric.hasSuffix("_vnd") ? .money : .measure(decimals: 2)
    }

    /// A setting's value in words: the transfers (`scope=district max_km=25 cross_category=false`) by their
    /// parts, no overrides as none, runs as a number; a rule set's id and hash, a seed and overrides as written
    /// (codes and keys the user typed).
    public static func setting(_ raw: String, name: String, _ labels: Labels) -> String {
        switch name {
        case "overrides" where raw == "none": return labels("console.compare.setting.no_overrides")
        case "runs": return Int(raw).map { labels.number(Double($0)) } ?? raw
        case "transfers":
            var parts: [String] = []
            for token in raw.split(separator: " ") {
                let pair = token.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { return raw }
                switch pair[0] {
                case "scope": parts.append(labels("console.compare.transfers.scope", ["scope": labels("console.compare.transfers.scope.\(pair[1])")]))
                case "max_km":
                    guard let km = Double(pair[1]) else { return raw }
                    parts.append(labels("console.compare.transfers.max_km", ["km": labels.number(km, decimals: AssumptionTable.decimals(km))]))
                case "cross_category" where ["true", "false"].contains(pair[1]):
                    parts.append(labels("console.compare.transfers.cross_category", ["allowed": labels.value(pair[1] == "true" ? "yes" : "no", column: "value")]))
                default: return raw
                }
            }
            return parts.joined(separator: "; ")
        default: return raw
        }
    }

    /// A difference: up to 4 decimals, no trailing zeros; in English as scripts read it (`1234.5`), else
    /// with the language's marks (`1.234,5`).
    static func number(_ x: Double, _ labels: Labels) -> String {
        let text = number(x)
        guard labels.language != .en else { return text }
        return labels.number(x, decimals: text.split(separator: ".").dropFirst().first?.count ?? 0)
    }

    /// A change in percent with its sign and one decimal (`+3.2%`, `+3,2%`).
    static func signedPercent(_ p: Double, _ labels: Labels) -> String {
        let text = String(format: "%+.1f%%", p)
        return labels.decimalMark(text)
    }

    /// summary.csv's metrics by name.
    static let summaryMetrics: [String: SummaryMetric] = Dictionary(SummaryMetric.allCases.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
}
