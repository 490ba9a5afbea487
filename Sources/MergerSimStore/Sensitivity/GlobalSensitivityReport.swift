import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// `morris.csv`, `sobol.csv` and the console tables of a ``GlobalSensitivityAnalysis``.
public struct GlobalSensitivityReport: Sendable {
    public let results: GlobalSensitivityAnalysis.Results

    public init(results: GlobalSensitivityAnalysis.Results) {
        self.results = results
    }

    /// The columns both files start with: the metric, the value's key, where its range comes from and its ends.
    static let leadingHeader = ["metric", "key", "range_source", "low", "high"]

    static func leading(_ metric: HeadlineMetric, _ p: SensitivityParameters.Parameter) -> [String] {
        [metric.name, p.key, p.rangeSource?.rawValue ?? "", p.lowText, p.highText]
    }

    /// One row per metric and parameter, by metric then rank (1 the largest μ*): μ, μ*, σ (in the metric's
    /// units per whole range) and μ*'s bootstrap 95 % interval.
    public var morrisCSV: Data {
        var writer = CSVWriter(header: Self.leadingHeader + ["mu", "mu_star", "sigma", "mu_star_ci95_low", "mu_star_ci95_high", "rank"],
                               spreadsheet: true)
        let n = SweepReport.number
        for r in results.morris {
            let e = r.effect
            writer.append(Self.leading(r.metric, r.parameter) + [n(e.mu), n(e.muStar), n(e.sigma), n(e.muStarInterval.low), n(e.muStarInterval.high), String(r.rank)])
        }
        return writer.data
    }

    /// One row per metric and parameter: the first-order and total-order indices with their bootstrap 95 % intervals.
    public var sobolCSV: Data {
        var writer = CSVWriter(header: Self.leadingHeader + ["s1", "s1_ci95_low", "s1_ci95_high", "st", "st_ci95_low", "st_ci95_high"],
                               spreadsheet: true)
        let n = SweepReport.number
        for r in results.sobol {
            let i = r.index
            writer.append(Self.leading(r.metric, r.parameter) + [n(i.firstOrder), n(i.firstOrderInterval.low), n(i.firstOrderInterval.high),
                           n(i.totalOrder), n(i.totalOrderInterval.low), n(i.totalOrderInterval.high)])
        }
        return writer.data
    }

    /// Per metric, the parameters with their measures, largest first (`top` per metric), in `l`'s language.
    public func text(top: Int = 10, labels l: Labels) -> String {
        var blocks: [String] = []
        for metric in HeadlineMetric.allCases {
            let morris = results.morris.filter { $0.metric == metric }.prefix(top)
            let sobol = results.sobol.filter { $0.metric == metric }.sorted { $0.index.totalOrder > $1.index.totalOrder }.prefix(top)
            guard !morris.isEmpty || !sobol.isEmpty else { continue }
            let f = { (x: Double) in l.decimalMark(String(format: "%.3g", x)) }
            var table: [[String]]
            var title = l("sensitivity.global.metric.\(SensitivityReport.columnKey(metric))")
            if !morris.isEmpty {
                // μ, μ* and σ are in the metric's units: people, billion VND (tỷ đồng), or a probability.
                let m = { (x: Double) in Self.measure(x, of: metric, labels: l) }
                if metric == .exitCostVND { title = l("sensitivity.global.metric.cost_billion") }
                table = [["#", l("sensitivity.global.column.parameter"), "μ", "μ*", l("sensitivity.global.column.ci95"), "σ"]]
                for r in morris {
                    let e = r.effect
                    table.append([String(r.rank), r.parameter.key, m(e.mu), m(e.muStar), "\(m(e.muStarInterval.low)) – \(m(e.muStarInterval.high))", m(e.sigma)])
                }
            } else {
                table = [[l("sensitivity.global.column.parameter"), "S1", l("sensitivity.global.column.ci95"), "ST", l("sensitivity.global.column.ci95")]]
                for r in sobol {
                    let i = r.index
                    table.append([r.parameter.key, f(i.firstOrder), "\(f(i.firstOrderInterval.low)) – \(f(i.firstOrderInterval.high))",
                                  f(i.totalOrder), "\(f(i.totalOrderInterval.low)) – \(f(i.totalOrderInterval.high))"])
                }
            }
            let widths = (0..<table[0].count).map { c in table.map { $0[c].count }.max() ?? 0 }
            let lines = table.map { line in
                line.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                    .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            }
            blocks.append(title + ":\n" + lines.joined(separator: "\n"))
        }
        var text = blocks.joined(separator: "\n\n")
        text += "\n" + l(results.morris.isEmpty ? "sensitivity.global.legend_sobol" : "sensitivity.global.legend_morris")
        if !results.constant.isEmpty {
            text += "\n" + l("sensitivity.global.constant", ["metrics": results.constant.map { l("sensitivity.global.metric.\(SensitivityReport.columnKey($0))") }.joined(separator: ", ")])
        }
        return text
    }

    /// A Morris measure of `metric` for the console, grouped in `l`'s language: people with 1 decimal, the exit cost
    /// in billion VND (tỷ đồng) with 2, a probability with 3.
    static func measure(_ x: Double, of metric: HeadlineMetric, labels l: Labels) -> String {
        switch metric {
        case .surplusAtDeadline: l.number(x, decimals: 1)
        case .exitCostVND: l.number(x / 1e9, decimals: 2)
        case .allWithinQuota: l.number(x, decimals: 3)
        }
    }
}
