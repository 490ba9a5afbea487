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

    /// One row per parameter and headline metric, ranked (rank 1 moves the figures most).
    public var csv: Data {
        var writer = CSVWriter(header: ["rank", "parameter", "rule", "value", "low", "high", "metric", "base_mean", "low_mean", "high_mean",
                                        "swing", "swing_se", "swing_ci95_low", "swing_ci95_high", "verdict_base", "verdict_low",
                                        "verdict_high", "verdict_flips"], spreadsheet: true)
        let n = SweepReport.number
        for e in effects {
            let p = e.parameter
            writer.append([String(e.rank), p.key, p.rule, n(p.value), n(p.low), n(p.high), e.metric, n(e.base), n(e.low), n(e.high),
                           n(e.swing.mean), e.swing.standardError.map(n) ?? "", e.swing.low.map(n) ?? "", e.swing.high.map(n) ?? "",
                           e.verdicts.base, e.verdicts.low, e.verdicts.high, e.verdictFlips ? "yes" : "no"])
        }
        return writer.data
    }

    /// The ranking for a reader: per parameter its range and the swing (high − low) of each headline
    /// metric, a bar for the largest, and any verdict flip; `top` parameters.
    public func text(top: Int = 15) -> String {
        let metrics = TransitionSummary.Headline.metricNames
        let short = ["surplus_at_deadline_cadres": "Δ cadres", "surplus_at_deadline_civil_servants": "Δ civil serv.",
                     "surplus_at_deadline_non_professional": "Δ non-prof.", "exit_cost_vnd": "Δ cost (bn VND)", "all_within_quota": "Δ P(all ok)"]
        var table = [["#", "parameter", "low → high"] + metrics.map { short[$0] ?? $0 } + ["verdict", ""]]
        let ranks = Dictionary(grouping: effects, by: \.rank)
        let scores = ranks.mapValues { SensitivityAnalysis.score($0.map { var e = $0; e.verdicts = ("", "", ""); return e }) }
        let widest = scores.values.max() ?? 0
        for rank in ranks.keys.sorted().prefix(top) {
            guard let rows = ranks[rank], let p = rows.first?.parameter else { continue }
            var line = [String(rank), p.key, "\(SensitivityParameters.Parameter.text(p.low)) → \(SensitivityParameters.Parameter.text(p.high))"]
            for metric in metrics {
                guard let e = rows.first(where: { $0.metric == metric }) else { line.append(""); continue }
                let value = metric == "exit_cost_vnd" ? e.swing.mean / 1e9 : e.swing.mean
                line.append(String(format: metric == "all_within_quota" ? "%+.3f" : "%+.1f", value) + (e.swing.excludesZero ? "*" : ""))
            }
            let first = rows[0]
            line.append(first.verdictFlips ? "\(first.verdicts.low) / \(first.verdicts.high) (base \(first.verdicts.base))" : "")
            line.append(String(repeating: "█", count: widest > 0 ? max(0, Int(((scores[rank] ?? 0) / widest * 20).rounded())) : 0))
            table.append(line)
        }
        let widths = (0..<table[0].count).map { c in table.map { $0[c].count }.max() ?? 0 }
        var text = table.map { line in
            line.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
        text += "\nΔ: the figure at the high value minus at the low, same seed (paired); * beyond Monte Carlo noise (95 % CI leaves out 0)."
        if !refused.isEmpty {
            text += "\nNot varied (the rule set refuses the value): " + refused.map { "\($0.key) (\($0.refused ?? ""))" }.joined(separator: "; ")
        }
        return text
    }
}
