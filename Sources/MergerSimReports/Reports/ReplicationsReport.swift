import Foundation
import MergerSim
import MergerSimInputs

/// `replications.csv`: each replication's headline figures (surplus at the deadline per category,
/// exit cost, all within quota), so two runs that share a seed can be compared replication by
/// replication (`compare` pairs them).
public enum ReplicationsReport {
    public static func csv(_ headlines: [TransitionSummary.Headline]) -> Data {
        var writer = CSVWriter(header: ["replication"] + TransitionSummary.Headline.metricNames, spreadsheet: true)
        for (i, headline) in headlines.enumerated() {
            let values = StaffCategory.allCases.map { String(headline.surplusAtDeadline[$0]) }
                + [String(format: "%.0f", headline.exitCostVND), headline.allWithinQuota ? "1" : "0"]
            writer.append([String(i)] + values)
        }
        return writer.data
    }

    /// Reads a replications.csv back (65 for a malformed one).
    public static func read(_ path: String) throws(InputError) -> [TransitionSummary.Headline] {
        let table = try CSVTable(bytes: try FileInput.read(path), file: path)
        try table.require(columns: TransitionSummary.Headline.metricNames)
        var headlines: [TransitionSummary.Headline] = []
        for record in table.records {
            let row = RecordReader(table: table, record: record)
            func required(_ column: String) throws(InputError) -> Int {
                guard let value = try row.count(column) else { throw row.error(column, "\(column) is empty; every row needs one") }
                return value
            }
            let surplus = PerCategory(cadres: try required("surplus_at_deadline_cadres"), civilServants: try required("surplus_at_deadline_civil_servants"),
                                      nonProfessional: try required("surplus_at_deadline_non_professional"))
            // Whole đồng; a national run's cost (tens of trillions) is longer than counts allow.
            guard let costText = row.text("exit_cost_vnd"), (1...18).contains(costText.utf8.count),
                  costText.utf8.allSatisfy({ (48...57).contains($0) }), let cost = Int64(costText) else {
                throw row.error("exit_cost_vnd", "exit_cost_vnd \"\(row.text("exit_cost_vnd") ?? "")\" is not a whole number of đồng")
            }
            let within = try required("all_within_quota")
            guard within <= 1 else { throw row.error("all_within_quota", "all_within_quota is \(within); it is 1 or 0") }
            headlines.append(.init(surplusAtDeadline: surplus, exitCostVND: Double(cost), allWithinQuota: within == 1))
        }
        return headlines
    }
}
