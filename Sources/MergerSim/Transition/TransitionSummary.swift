import GSL

/// The Monte Carlo result in figures: per year, category and metric the
/// mean, 5th, 50th and 95th percentiles over replications; per unit the
/// probability of being within quota by the deadline and the median year it gets there.
public struct TransitionSummary: Sendable {
    public struct Row: Sendable, Equatable {
        public var year: Int
        public var category: String
        public var metric: String
        public var mean: Double
        public var p05: Double
        public var p50: Double
        public var p95: Double
    }

    public var rows: [Row]
    /// Per unit: share of replications within quota by the last year.
    public var probabilityWithinQuota: [Double]
    /// Per unit: the median over replications of the year it is within quota (nil when after the last year).
    public var medianYearWithinQuota: [Int?]
    /// Share of replications in which every unit is within quota in every category at the end of the
    /// year of that category's deadline.
    public var probabilityAllWithinQuota: Double
    /// The year (1-based) at whose end each category's deadline is judged.
    public var deadlineYears: PerCategory<Int>

    /// - Parameter deadlineYears: per category, the year whose end is its deadline (at most `years`); all `years` when nil.
    public init(_ runs: [TransitionModel.Replication], years: Int, units: Int, deadlineYears: PerCategory<Int>? = nil) throws(GSLError) {
        let deadlineYears = deadlineYears.map {
            PerCategory(cadres: min($0.cadres, years), civilServants: min($0.civilServants, years), nonProfessional: min($0.nonProfessional, years))
        } ?? PerCategory(cadres: years, civilServants: years, nonProfessional: years)
        self.deadlineYears = deadlineYears
        var rows: [Row] = []
        let categories = StaffCategory.allCases.map(\.rawValue) + ["all"]
        for year in 0..<years {
            for (c, category) in categories.enumerated() {
                func values(_ pick: (TransitionModel.Replication, Int) -> Double) -> [Double] {
                    runs.map { run in c < 3 ? pick(run, c) : (0..<3).reduce(0) { $0 + pick(run, $1) } }
                }
                var metrics: [(String, [Double])] = [
                    ("surplus", values { Double($0.surplus[year][$1]) }),
                    ("units_over_quota", values { Double($0.unitsOverQuota[year][$1]) }),
                    ("headcount", values { Double($0.headcount[year][$1]) }),
                    ("transfers_in", values { Double($0.transfersIn[year][$1]) }),
                    ("cost_vnd", values { $0.costVND[year][$1] }),
                ]
                if c == 3 {
                    // Units over quota in any category is not the sum over categories.
                    metrics.remove(at: 1)
                }
                for (r, route) in TransitionModel.Route.allCases.enumerated() {
                    metrics.append(("exits_\(route.rawValue)", values { Double($0.exits[year][$1][r]) }))
                }
                for (metric, sample) in metrics {
                    let q = try Statistics.quantiles(sample, [0.05, 0.5, 0.95])
                    rows.append(Row(year: year + 1, category: category, metric: metric, mean: try Statistics.mean(sample),
                                    p05: q[0], p50: q[1], p95: q[2]))
                }
            }
        }
        self.rows = rows
        probabilityWithinQuota = (0..<units).map { u in Double(runs.filter { $0.yearWithinQuota[u] != nil }.count) / Double(runs.count) }
        medianYearWithinQuota = try (0..<units).map { u throws(GSLError) -> Int? in
            let median = try Statistics.quantile(runs.map { Double($0.yearWithinQuota[u] ?? years + 1) }, 0.5)
            return median > Double(years) ? nil : Int(median.rounded(.up))
        }
        probabilityAllWithinQuota = Double(runs.filter { run in
            StaffCategory.allCases.allSatisfy { run.surplus[deadlineYears[$0] - 1][$0.index] == 0 }
        }.count) / Double(runs.count)
    }

    public func row(year: Int, category: String, metric: String) -> Row? {
        rows.first { $0.year == year && $0.category == category && $0.metric == metric }
    }
}
