import ArgumentParser
import Foundation
import MergerSimIO

/// `mergersim compare RUN_DIR RUN_DIR…`: scenarios side by side.
struct Compare: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put the summaries of several runs side by side: one row per metric, one column per run folder.")

    @Argument(help: "Two or more run folders (each with a summary.csv).")
    var runs: [String]

    @Option(help: "Write the comparison to this CSV file (default: print it).")
    var out: String?

    func validate() throws {
        guard runs.count >= 2 else { throw ValidationError("give at least two run folders to compare") }
    }

    func execute(arguments: [String], console: Console) throws {
        let destination = try out.map { (path) throws(InputError) in try OutputFile(path) }
        let comparison = try Comparison(folders: runs)
        if let out, let destination {
            try destination.write(comparison.csv)
            console.out("Wrote \(out): \(comparison.rows.count) metrics × \(runs.count) runs")
        } else {
            console.out(String(String(decoding: comparison.csv, as: UTF8.self).dropLast()))
        }
    }
}
