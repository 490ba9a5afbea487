import Foundation
import MergerSim
import MergerSimInputs

/// `replications.csv`: each replication's headline figures (surplus at the deadline per category,
/// exit cost, all within quota), so two runs that share a seed can be compared replication by
/// replication (`compare` pairs them).
public enum ReplicationsReport {
    public static func csv(_ headlines: [TransitionSummary.Headline]) -> Data {
        var writer = CSVWriter(header: ["replication"] + HeadlineMetric.allCases.map(\.name), spreadsheet: true)
        for (i, headline) in headlines.enumerated() {
            writer.append([String(i)] + HeadlineMetric.allCases.map { text(headline, $0) })
        }
        return writer.data
    }

    /// One replication's figure as replications.csv writes it: people and 1 or 0 as whole numbers, the
    /// cost in whole đồng.
    static func text(_ headline: TransitionSummary.Headline, _ metric: HeadlineMetric) -> String {
        switch metric {
        case .surplusAtDeadline(let category): String(headline.surplusAtDeadline[category])
        case .exitCostVND: String(format: "%.0f", headline.exitCostVND)
        case .allWithinQuota: headline.allWithinQuota ? "1" : "0"
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
