import Foundation

/// `mergersim compare`: the summaries of several runs side by side, one row
/// per metric, one column per run folder (INTERFACE.md).
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

extension RunFolder {
    /// Writes one file whole or not at all: a temporary file beside it, renamed into place.
    ///
    /// - Throws: ``InputError`` 73 when it cannot be written.
    public static func writeFile(_ content: Data, to path: String) throws(InputError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try content.write(to: staging)
            if FileManager.default.fileExists(atPath: target.path) {
                _ = try FileManager.default.replaceItemAt(target, withItemAt: staging)
            } else {
                try FileManager.default.moveItem(at: staging, to: target)
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw InputError(.unwritable, file: path, "the file cannot be written: \((error as NSError).localizedDescription)")
        }
    }
}
