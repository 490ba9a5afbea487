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

    /// A run's value of a row: in English as the run's files hold it; else a number with the language's
    /// marks, a date as dd/mm/yyyy, a categorical value in words.
    static func value(_ raw: String, of subject: Subject, _ labels: Labels) -> String {
        guard labels.language != .en, !raw.isEmpty else { return raw }
        if raw == "(absent)" { return labels("console.compare.absent") }
        if case .setting(let name) = subject { return setting(raw, name: name, labels) }
        if let number = Double(raw), number.isFinite {
            let decimals = raw.split(separator: ".").dropFirst().first?.count ?? 0
            return labels.number(number, decimals: decimals)
        }
        if let date = CalendarDate(iso: raw) { return labels.date(date) }
        if case .unit(_, let column) = subject { return labels.value(raw, column: column) }
        return labels.value(raw, column: "value")
    }

    /// A setting's value in words: the transfers (`scope=district max_km=25 cross_category=false`) by their
    /// parts, no overrides as none, runs as a number; a rule set's id and hash, a seed and overrides as written
    /// (codes and keys the user typed).
    static func setting(_ raw: String, name: String, _ labels: Labels) -> String {
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
