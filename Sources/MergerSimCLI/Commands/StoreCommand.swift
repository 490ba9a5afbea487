import ArgumentParser
import Foundation
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// `mergersim store …`: work on run stores.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Work on run stores (SQLite files of runs).", subcommands: [Merge.self, Export.self])

    /// `mergersim store merge OUT.sqlite A.sqlite B.sqlite …`
    struct Merge: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine run stores (for example the parts of a sharded sweep) into one.",
            discussion: """
                Writes only OUT: it is made when missing, or must be a mergersim run store; each source's runs are copied with their \
                tables, a sweep setting already in OUT (same key) is not copied twice, and each source goes in one transaction. \
                The sources are only read, as they are (a store of an earlier schema is not upgraded); OUT may not be one of them.

                Example: mergersim store merge output/uptake/runs.sqlite output/uptake-shard-*/runs.sqlite
                """)

        @Argument(help: "The store to write (made when missing).", completion: .file(extensions: ["sqlite"]))
        var out: String

        @Argument(help: "The stores to copy from.", completion: .file(extensions: ["sqlite"]))
        var sources: [String]

        @Option(help: "The language of the console and of the error messages: en or vi.")
        var lang: Labels.Language = .en

        func execute(arguments: [String], console: Console) throws {
            guard !sources.isEmpty else { throw InputError(.usage, file: "store merge", reason: .command(.noStoreToMerge(into: out))) }
            for source in sources where RunStore.isSameFile(out, source) {
                throw InputError(.usage, file: source, reason: .store(.mergeIntoItselfGiveAnother(store: out)))
            }
            let labels = try Labels(lang)
            // A count as the language writes it: as it is in English (the lines scripts read), grouped in Vietnamese.
            func count(_ n: Int) -> String { lang == .en ? String(n) : labels.number(Double(n)) }
            // Every source is checked (and only ever read) before OUT is made or written.
            let opened = try sources.map { (source) throws(InputError) in try RunStore(reading: source, waiting: console.waiting(labels)) }
            let target = try RunStore(path: out, waiting: console.waiting(labels))
            var copied = 0, skipped = 0
            for (source, store) in zip(sources, opened) {
                let merged = try target.merge(from: store)
                console.out(labels("console.store.copied", ["source": source, "copied": count(merged.copied)])
                            + (merged.skipped > 0 ? labels("console.store.stored_already", ["skipped": count(merged.skipped)]) : ""))
                copied += merged.copied
                skipped += merged.skipped
            }
            console.out(labels("console.store.total", ["store": out, "runs": count(try target.count()),
                                                       "copied": count(copied), "skipped": count(skipped)]))
        }
    }

    /// `mergersim store export STORE [--table T] [--out FILE.csv]`
    struct Export: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a table or view of a run store as CSV (to standard output, or to a file with --out).",
            discussion: """
                Writes the table as CSV to standard output, or to FILE with --out (never replacing a file mergersim did not write). \
                Tables: \(RunStore.Table.allCases.map(\.rawValue).joined(separator: ", ")) (see the README's run-store section); \
                settings is written wide, one column per varied key. The store is only read, as it is.

                Example: mergersim store export output/uptake/runs.sqlite --table setting_summary --out output/uptake-setting_summary.csv
                """)

        @Argument(help: "The run store to read.", completion: .file(extensions: ["sqlite"]))
        var store: String

        @Option(help: "The table or view: replication_outcomes, setting_summary, settings, runs, summary, timeline or units_after.")
        var table = RunStore.Table.replicationOutcomes.rawValue

        @Option(help: "The CSV file to write (default: standard output).", completion: .file(extensions: ["csv"]))
        var out: String?

        @Option(help: "The language of the console and of the error messages: en or vi.")
        var lang: Labels.Language = .en

        /// The table named by `--table`, said in `--lang` when there is none of that name.
        func checkedTable() throws(InputError) -> RunStore.Table {
            guard let known = RunStore.Table(rawValue: table) else {
                throw InputError(.usage, file: "--table", reason: .store(.unknownTable(name: table, known: RunStore.Table.allCases.map(\.rawValue))))
            }
            return known
        }

        func execute(arguments: [String], console: Console) throws {
            let table = try checkedTable()
            let destination = try out.map { (path) throws(InputError) in try OutputFile(path) }
            let labels = try Labels(lang)
            let export = try RunStore(reading: store, waiting: console.waiting(labels)).export(table)
            let csv = export.csv()
            guard let destination else {
                var text = String(decoding: csv, as: UTF8.self)
                if text.hasSuffix("\n") { text.removeLast() }
                console.out(text)
                return
            }
            try destination.write(csv)
            console.out(labels("console.store.exported", ["store": store, "rows": lang == .en ? String(export.rows.count) : labels.number(Double(export.rows.count)),
                                                            "table": table.rawValue, "out": destination.given]))
        }
    }
}

extension StoreCommand.Export: HasLanguageOption {}
