import Foundation
import MergerSim
import MergerSimInputs

/// `replications.csv`: each replication's headline figures (surplus at the deadline per category,
/// exit cost, all within quota), so two runs that share a seed can be compared replication by
/// replication (`compare` pairs them).
public enum ReplicationsReport {
    /// Each replication's headline figures as a typed table.
    public static func table(_ headlines: [TransitionSummary.Headline]) -> ReportTable {
        var table = ReportTable([.init("replication", .year)] + HeadlineMetric.allCases.map { ReportTable.Column($0.name, kind($0)) })
        for (i, headline) in headlines.enumerated() {
            table.append([.count(i)] + HeadlineMetric.allCases.map { cell(headline, $0) })
        }
        return table
    }

    /// replications.csv.
    public static func csv(_ headlines: [TransitionSummary.Headline]) throws(InternalError) -> Data {
        table(headlines).csv(english: try Labels(.en))
    }

    static func kind(_ metric: HeadlineMetric) -> ReportTable.Kind {
        switch metric {
        case .surplusAtDeadline: .count
        case .exitCostVND: .money
        case .allWithinQuota: .year
        }
    }

    /// One replication's figure: people and 1 or 0 as whole numbers, the cost in whole đồng.
    static func cell(_ headline: TransitionSummary.Headline, _ metric: HeadlineMetric) -> ReportTable.Cell {
        switch metric {
        case .surplusAtDeadline(let category): .count(headline.surplusAtDeadline[category])
        case .exitCostVND: .moneyFigure(headline.exitCostVND)
        case .allWithinQuota: .count(headline.allWithinQuota ? 1 : 0)
        }
    }

    /// Reads a replications.csv back (65 for a malformed one).
    public static func read(_ path: String) throws(InputError) -> [TransitionSummary.Headline] {
        let table = try CSVTable(bytes: try FileInput.read(path), file: path)
        try table.require(columns: HeadlineMetric.allCases.map(\.name))
        var headlines: [TransitionSummary.Headline] = []
        for record in table.records {
            let row = RecordReader(table: table, record: record)
            func required(_ column: String) throws(InputError) -> Int {
                guard let value = try row.count(column) else { throw row.error(column, "\(column) is empty; every row needs one") }
                return value
            }
            func surplus(_ category: StaffCategory) throws(InputError) -> Int { try required(HeadlineMetric.surplusAtDeadline(category).name) }
            let surplus = PerCategory(cadres: try surplus(.cadres), civilServants: try surplus(.civilServants),
                                      nonProfessional: try surplus(.nonProfessional))
            // Whole đồng; a national run's cost (tens of trillions) is longer than counts allow.
            let costColumn = HeadlineMetric.exitCostVND.name, withinColumn = HeadlineMetric.allWithinQuota.name
            guard let costText = row.text(costColumn), (1...18).contains(costText.utf8.count),
                  costText.utf8.allSatisfy({ (48...57).contains($0) }), let cost = Int64(costText) else {
                throw row.error(costColumn, "\(costColumn) \"\(row.text(costColumn) ?? "")\" is not a whole number of đồng")
            }
            let within = try required(withinColumn)
            guard within <= 1 else { throw row.error(withinColumn, "\(withinColumn) is \(within); it is 1 or 0") }
            headlines.append(.init(surplusAtDeadline: surplus, exitCostVND: Double(cost), allWithinQuota: within == 1))
        }
        return headlines
    }
}
