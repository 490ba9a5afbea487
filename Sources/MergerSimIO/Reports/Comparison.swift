import Foundation

/// `mergersim compare`: the summaries of several runs side by side, one row
/// per metric, one column per run folder (see the README).
public struct Comparison: Sendable {
    /// Column names: each folder's last path component (the whole path where two share one).
    public let runs: [String]
    /// Metrics in the order first met, with one value per run ("" where a run lacks it).
    public let rows: [(metric: String, values: [String])]

    /// Reads `summary.csv` of every folder in `folders`.
    ///
    /// - Throws: ``InputError`` 66 for a folder without a readable summary, 65 for a malformed one.
    public init(folders: [String]) throws(InputError) {
        let names = folders.map { URL(fileURLWithPath: $0).standardizedFileURL.lastPathComponent }
        runs = zip(folders, names).map { folder, name in names.filter { $0 == name }.count > 1 ? folder : name }
        var order: [String] = []
        var values: [String: [String]] = [:]
        for (i, folder) in folders.enumerated() {
            let path = URL(fileURLWithPath: folder).appendingPathComponent("summary.csv").path
            let table = try CSVTable(bytes: try FileInput.read(path), file: path)
            try table.require(columns: ["metric", "value"])
            for record in table.records {
                let row = RecordReader(table: table, record: record)
                let metric = try row.required("metric")
                if values[metric] == nil {
                    order.append(metric)
                    values[metric] = Array(repeating: "", count: folders.count)
                }
                values[metric]![i] = row.text("value") ?? ""
            }
        }
        rows = order.map { ($0, values[$0]!) }
    }

    public var csv: Data {
        var writer = CSVWriter(header: ["metric"] + runs)
        for row in rows { writer.append([row.metric] + row.values) }
        return writer.data
    }
}
