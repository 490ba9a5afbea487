import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// `sensitivity.csv` and the console's tornado table of a ``SensitivityAnalysis``.
public struct SensitivityReport: Sendable {
    public let effects: [SensitivityAnalysis.Effect]
    /// Parameters left out, with why.
    public let refused: [SensitivityParameters.Parameter]

    public init(effects: [SensitivityAnalysis.Effect], parameters: [SensitivityParameters.Parameter]) {
        self.effects = effects
        refused = parameters.filter { $0.refused != nil }
    }

    /// One row per parameter and headline metric, ranked (rank 1 moves the figures most). A number's
    /// `value`, `low` and `high` are numbers, `range_source` where low and high come from (`ranges_file`,
    /// `rule_set` or `plus_minus_50`; empty for a named choice); a named choice's are names: `value` and `low` the rule
    /// set's choice (`low_mean` the base run's), `high` the alternative, so `swing` is the alternative −
    /// the rule set's choice.
    public var csv: Data {
        var writer = CSVWriter(header: ["rank", "parameter", "rule", "value", "low", "high", "range_source", "metric", "base_mean", "low_mean", "high_mean",
                                        "swing", "swing_se", "swing_ci95_low", "swing_ci95_high", "verdict_base", "verdict_low",
                                        "verdict_high", "verdict_flips"], spreadsheet: true)
        let n = SweepReport.number
        for e in effects {
            let p = e.parameter
            let s = e.swing, swing = s.swing
            writer.append([String(e.rank), p.key, p.rule] + Self.values(p) + [p.rangeSource?.rawValue ?? "", e.metric.name, n(s.base), n(s.low), n(s.high),
                           n(swing.mean), swing.standardError.map(n) ?? "", swing.low.map(n) ?? "", swing.high.map(n) ?? "",
                           s.verdicts.base.rawValue, s.verdicts.low.rawValue, s.verdicts.high.rawValue, e.verdictFlips ? "yes" : "no"])
        }
        return writer.data
    }

    /// The `value`, `low` and `high` cells: numbers as the CSV writes them, a choice's names as they are.
    static func values(_ p: SensitivityParameters.Parameter) -> [String] {
        switch p.range {
        case .numeric(let value, let low, let high): [value, low, high].map(SweepReport.number)
        case .choice: [p.valueText, p.lowText, p.highText]
        }
    }

    /// The ranking for a reader: per parameter its range and the swing (high − low; a named choice:
    /// the alternative − the rule set's choice) of each headline metric, a bar for the largest, and any
    /// verdict flip; `top` parameters.
    /// The tornado table and its legend in `l`'s language (English as the console has always printed it): the
    /// keys and the values as overrides write them stay as written; the figures with the language's marks.
    public func text(top: Int = 15, labels l: Labels) -> String {
        let metrics = HeadlineMetric.allCases
        let english = l.language == .en
        var table = [["#", l("sensitivity.column.parameter"), l("sensitivity.column.low_high")]
                     + metrics.map { l("sensitivity.column.\(Self.columnKey($0))") } + [l("sensitivity.column.verdict"), ""]]
        let ranks = Dictionary(grouping: effects, by: \.rank)
        // The bars show the swing alone (a verdict flip ranks first but does not lengthen its bar).
        let scores = ranks.mapValues { HeadlineSwing.largestRelativeSwing($0.map(\.swing)) }
        let widest = scores.values.max() ?? 0
        for rank in ranks.keys.sorted().prefix(top) {
            guard let rows = ranks[rank], let p = rows.first?.parameter else { continue }
            // The sides as overrides write them; in another language a number with its decimal mark, a choice by its name.
            func side(_ text: String) -> String {
                guard !english else { return text }
                if case .choice = p.range { return l.value(text, column: String(p.key.split(separator: ".").last ?? "")) }
                return l.decimalMark(text)
            }
            var line = [String(rank), p.key, "\(side(p.lowText)) → \(side(p.highText))"]
            for metric in metrics {
                guard let e = rows.first(where: { $0.metric == metric }) else { line.append(""); continue }
                let swing = e.swing.swing
                // Exit costs in billions, the share of runs in percentage points, with one decimal; a swing that rounds
                // to nothing is +0.0, never −0.0.
                let value = metric == .exitCostVND ? swing.mean / 1e9 : metric == .allWithinQuota ? swing.mean * 100 : swing.mean
                let figure = String(format: "%+.1f", (value * 10).rounded() == 0 ? 0 : value)
                line.append(l.decimalMark(figure) + (swing.excludesZero ? "*" : ""))
            }
            let first = rows[0], verdicts = first.swing.verdicts
            func verdict(_ v: DeadlineVerdict) -> String { english ? v.rawValue : l.value(v.rawValue, column: "verdict") }
            line.append(first.verdictFlips ? l("sensitivity.verdict_flip", ["low": verdict(verdicts.low), "high": verdict(verdicts.high),
                                                                            "base": verdict(verdicts.base)]) : "")
            line.append(String(repeating: "█", count: widest > 0 ? max(0, Int(((scores[rank] ?? 0) / widest * 20).rounded())) : 0))
            table.append(line)
        }
        let widths = (0..<table[0].count).map { c in table.map { $0[c].count }.max() ?? 0 }
        var text = table.map { line in
            line.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
        text += "\n" + l("sensitivity.legend")
        if effects.contains(where: { if case .choice = $0.parameter.range { true } else { false } }) {
            text += "\n" + l("sensitivity.legend_choice")
        }
        text += rangeSources(labels: l)
        if !refused.isEmpty {
            text += "\n" + l("sensitivity.refused", ["values": refused.map { "\($0.key) (\($0.refused ?? ""))" }.joined(separator: "; ")])
        }
        return text
    }

    /// Where the varied numbers' low and high come from: a line per source used, the ±50 % ones by key.
    func rangeSources(labels l: Labels) -> String {
        Self.rangeSources(of: effects.map(\.parameter), labels: l)
    }

    /// Where `parameters`' lows and highs come from (each key once): a line per source used, the ±50 % ones by key.
    public static func rangeSources(of parameters: [SensitivityParameters.Parameter], labels l: Labels) -> String {
        var seen = Set<String>(), varied: [SensitivityParameters.Parameter] = []
        for p in parameters where seen.insert(p.key).inserted { varied.append(p) }
        var text = ""
        for source in [SensitivityParameters.Parameter.RangeSource.rangesFile, .ruleSet] {
            let count = varied.filter { $0.rangeSource == source }.count
            if count > 0 { text += "\n" + l("sensitivity.ranges.\(source.rawValue)", ["count": l.number(Double(count))]) }
        }
        let keys = varied.filter { $0.rangeSource == .plusMinus50 }.map(\.key)
        if !keys.isEmpty { text += "\n" + l("sensitivity.ranges.plus_minus_50", ["keys": keys.joined(separator: ", ")]) }
        let shaped = varied.compactMap { p -> String? in
            switch p.distribution {
            case .uniform: nil
            case .triangular(let mode): l("sensitivity.ranges_file.triangular", ["key": p.key, "mode": l.decimalMark(SensitivityParameters.Parameter.text(mode))])
            case .normal(let mean, let sd):
                l("sensitivity.ranges_file.normal", ["key": p.key, "mean": l.decimalMark(SensitivityParameters.Parameter.text(mean)),
                                                      "sd": l.decimalMark(SensitivityParameters.Parameter.text(sd))])
            }
        }
        if !shaped.isEmpty { text += "\n" + l("sensitivity.ranges_file.distributions", ["list": shaped.joined(separator: "; ")]) }
        if varied.contains(where: { if case .normal = $0.distribution { true } else { false } }) { text += " " + l("sensitivity.ranges_file.normal_ends") }
        return text
    }

    /// A headline metric's column in the console table, by its label key `sensitivity.column.<key>`.
    static func columnKey(_ metric: HeadlineMetric) -> String {
        switch metric {
        case .surplusAtDeadline(.cadres): "cadres"
        case .surplusAtDeadline(.civilServants): "civil_servants"
        case .surplusAtDeadline(.nonProfessional): "non_professional"
        case .exitCostVND: "cost"
        case .allWithinQuota: "all_ok"
        }
    }
}
