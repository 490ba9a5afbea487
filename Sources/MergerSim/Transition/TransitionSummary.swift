import GSL

/// The Monte Carlo result in figures: per year, category and metric the
/// mean, 5th, 50th and 95th percentiles over replications; per unit the
/// probability of being within quota by the deadline and the median year it gets there.
public struct TransitionSummary: Sendable {
    /// One year, category and metric's figures over the replications.
    public struct Row: Sendable, Equatable {
        /// 0 for the effective date, k for the end of year k.
        public var year: Int
        public var category: TimelineCategory
        public var metric: TimelineMetric
        public var mean: Double
        public var p05: Double
        public var p25: Double
        public var p50: Double
        public var p75: Double
        public var p95: Double
    }

    /// One replication's headline figures, for paired comparisons between runs that share a seed.
    public struct Headline: Sendable, Equatable {
        /// Surplus at the end of each category's deadline year.
        public var surplusAtDeadline: PerCategory<Int>
        /// Exit packages over every year, in VND.
        public var exitCostVND: Double
        /// Every unit within quota in every category at its deadline.
        public var allWithinQuota: Bool

        public init(surplusAtDeadline: PerCategory<Int>, exitCostVND: Double, allWithinQuota: Bool) {
            self.surplusAtDeadline = surplusAtDeadline
            self.exitCostVND = exitCostVND
            self.allWithinQuota = allWithinQuota
        }
    }

    /// Per replication, in replication order.
    public var headlines: [Headline]

    public var rows: [Row]
    /// Per unit: share of replications within quota by the last year.
    public var probabilityWithinQuota: [Double]
    /// Per unit: the median over replications of the year it is within quota (nil when after the last year).
    public var medianYearWithinQuota: [Int?]
    /// Share of replications in which every unit is within quota in every category at the end of the
    /// year of that category's deadline.
    public var probabilityAllWithinQuota: Double
    /// The verdict on ``probabilityAllWithinQuota``.
    public var deadlineVerdict: DeadlineVerdict { DeadlineVerdict(probabilityAllWithinQuota: probabilityAllWithinQuota) }
    /// The year (1-based) at whose end each category's deadline is judged.
    public var deadlineYears: PerCategory<Int>

    /// - Parameters:
    ///   - runs: the replications.
    ///   - years: the years each replication ran.
    ///   - units: the units after the plan.
    ///   - deadlineYears: per category, the year whose end is its deadline (at most `years`); all `years` when nil.
    public init(_ runs: [Replication], years: Int, units: Int, deadlineYears: PerCategory<Int>? = nil) throws(GSLError) {
        let deadlineYears = deadlineYears.map {
            PerCategory(cadres: min($0.cadres, years), civilServants: min($0.civilServants, years), nonProfessional: min($0.nonProfessional, years))
        } ?? PerCategory(cadres: years, civilServants: years, nonProfessional: years)
        self.deadlineYears = deadlineYears
        var rows: [Row] = []
        // Year 0 is the state on the effective date (no flows yet); year k the end of year k.
        for year in 0...years {
            // Each category on its own, then all together ("all"; units over quota in any category is not a sum, so it is left out).
            for category in TimelineCategory.allCases {
                for metric in TimelineMetric.given(for: category) {
                    let sample = runs.map { run in
                        let record = year == 0 ? run.start : run.years[year - 1]
                        return category.staffCategory.map { Self.value(of: metric, in: record, $0) }
                            ?? StaffCategory.allCases.reduce(0) { $0 + Self.value(of: metric, in: record, $1) }
                    }
                    let q = try Statistics.quantiles(sample, [0.05, 0.25, 0.5, 0.75, 0.95])
                    rows.append(Row(year: year, category: category, metric: metric, mean: try Statistics.mean(sample),
                                    p05: q[0], p25: q[1], p50: q[2], p75: q[3], p95: q[4]))
                }
            }
        }
        self.rows = rows
        probabilityWithinQuota = (0..<units).map { u in Double(runs.filter { $0.yearWithinQuota[u] != nil }.count) / Double(runs.count) }
        medianYearWithinQuota = try (0..<units).map { u throws(GSLError) -> Int? in
            let median = try Statistics.quantile(runs.map { Double($0.yearWithinQuota[u] ?? years + 1) }, 0.5)
            return median > Double(years) ? nil : Int(median.rounded(.up))
        }
        headlines = runs.map { Headline($0, deadlineYears: deadlineYears) }
        probabilityAllWithinQuota = Double(headlines.filter(\.allWithinQuota).count) / Double(runs.count)
    }

    /// The row of `metric` for `category` at the end of `year` (nil for a year not simulated, or
    /// ``TimelineMetric/unitsOverQuota`` for ``TimelineCategory/all``).
    public func row(year: Int, category: TimelineCategory, metric: TimelineMetric) -> Row? {
        rows.first { $0.year == year && $0.category == category && $0.metric == metric }
    }

    /// One replication's figure of `metric` for `category` in one year's record.
    static func value(of metric: TimelineMetric, in record: Replication.YearRecord, _ category: StaffCategory) -> Double {
        switch metric {
        case .surplus: Double(record.surplus[category])
        case .unitsOverQuota: Double(record.unitsOverQuota[category])
        case .headcount: Double(record.headcount[category])
        case .transfersIn: Double(record.transfersIn[category])
        case .costVND: record.costVND[category]
        case .exits(let route): Double(record.exits[category][route])
        }
    }
}
