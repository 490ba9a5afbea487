/// A run store that cannot be opened, read or written.
///
/// Keys are `store.<name>`, their sentences in `Labels/errors_store.<lang>.json`. A value named `detail` is
/// SQLite's or the system's own words, shown as it is in every language.
public enum StoreReason: ReasonForm {
    /// What was being done with a store when SQLite failed.
    public enum Action: Sendable {
        /// Opening (and making or upgrading) a store to record runs.
        case openForWriting
        /// Reading a store.
        case read
        /// Recording a run.
        case write
        /// Copying another store's runs in.
        case merge
    }

    /// `MERGERSIM_STORE_TIMEOUT` is not a number of seconds above 0.
    case badTimeout(text: String)
    /// The store fails SQLite's check with `finding`.
    case damaged(finding: String, path: String)
    /// SQLite failed while doing `action`, with `detail`.
    case failed(Action, detail: String)
    /// Another process held the store's lock for `seconds`.
    case locked(seconds: String)
    /// The file is not SQLite; `forWriting` adds what to give instead.
    case notSQLite(forWriting: Bool)
    /// The disk filled up.
    case diskFull
    /// SQLite's I/O error (`detail`) while reading or writing.
    case ioError(reading: Bool, detail: String)
    /// The store cannot be opened (`detail`: SQLite's words).
    case cannotOpen(detail: String)
    /// `store merge` given the destination among its sources (`store`: the destination).
    case mergeIntoItself(store: String)
    /// `store merge` given the destination among its sources, on the command line.
    case mergeIntoItselfGiveAnother(store: String)
    /// A run whose summary lacks `metric`.
    case noSummaryMetric(run: Int64, metric: String)
    /// A run whose `metric` holds `stored`, not one of the verdicts `known`.
    case notVerdict(run: Int64, metric: String, stored: String, known: [String])
    /// A stored seed that is not a 64-bit whole number.
    case badSeed(value: String)
    /// A run's `overrides` (as stored) are not a JSON list of KEY=VALUE texts.
    case badOverrides(run: Int64, stored: String)
    /// The folder of a store to make is missing.
    case folderMissing(folder: String)
    /// A folder given as a store to write.
    case folderNotStore
    /// A store of a later schema, to write.
    case laterSchemaToWrite
    /// A file that is not a store, to write.
    case notStoreToWrite
    /// No file at a store's path, to read.
    case noSuchStore
    /// A folder given as a store to read.
    case folderNotStoreToRead
    /// A store that cannot be read (permissions).
    case unreadable
    /// A store of a later schema, to read.
    case laterSchemaToRead
    /// A file that is not a store, to read.
    case notStore
    /// A store without run `run`.
    case noRun(run: Int64, store: String)
    /// `store export --table name`, not one of the tables and views `known`.
    case unknownTable(name: String, known: [String])
    /// A store of an earlier schema, without the table or view `table` to export.
    case tableMissing(table: String, store: String)

    public var parts: (key: String, english: String, values: [String: String]) {
        let (name, english, values): (String, String, [String: String]) = switch self {
        case let .badTimeout(text):
            ("bad_timeout", "{text} is not a number of seconds above 0 (the variable is for tests; unset it for 30 s)", ["text": text])
        case let .damaged(finding, path):
            ("damaged", "the run store failed SQLite's check ({finding}); mergersim does not touch it: "
             + "restore it from a copy, or save what it holds with `sqlite3 {path} .recover > runs.sql`", ["finding": finding, "path": path])
        case let .failed(.openForWriting, detail): ("failed_open_for_writing", "the run store cannot be opened or written: {detail}", ["detail": detail])
        case let .failed(.read, detail): ("failed_read", "the run store cannot be read: {detail}", ["detail": detail])
        case let .failed(.write, detail): ("failed_write", "the run store cannot be written: {detail}", ["detail": detail])
        case let .failed(.merge, detail): ("failed_merge", "the stores cannot be merged: {detail}", ["detail": detail])
        case let .locked(seconds):
            ("locked", "the run store stayed locked by another process for {seconds} s; try again when it has finished", ["seconds": seconds])
        case .notSQLite(false): ("not_sqlite", "this file is not a mergersim run store (not SQLite)", [:])
        case .notSQLite(true):
            ("not_sqlite_to_write", "this file is not a mergersim run store (not SQLite); give a new file or a store mergersim made", [:])
        case .diskFull:
            ("disk_full", "the disk is full; nothing of this was stored (each write is whole or nothing): free some space and run again", [:])
        case let .ioError(true, detail):
            ("io_error_reading", "the run store could not be read (SQLite: {detail}; "
             + "the disk may be full, over a size limit or failing); a write that failed left nothing of itself", ["detail": detail])
        case let .ioError(false, detail):
            ("io_error_writing", "the run store could not be written (SQLite: {detail}; "
             + "the disk may be full, over a size limit or failing); a write that failed left nothing of itself", ["detail": detail])
        case let .cannotOpen(detail): ("cannot_open", "the run store cannot be opened: {detail}", ["detail": detail])
        case let .mergeIntoItself(store): ("merge_into_itself", "cannot merge a store into itself (this is {store})", ["store": store])
        case let .mergeIntoItselfGiveAnother(store):
            ("merge_into_itself_give_another", "cannot merge a store into itself (this is {store}); give another OUT", ["store": store])
        case let .noSummaryMetric(run, metric):
            ("no_summary_metric", "run {run} has no {metric} in its summary", ["run": String(run), "metric": metric])
        case let .notVerdict(run, metric, stored, known):
            ("not_verdict", "run {run} has {metric} \"{stored}\", which is not a verdict ({known})",
             ["run": String(run), "metric": metric, "stored": stored, "known": known.map { "\"\($0)\"" }.joined(separator: ", ")])
        case let .badSeed(value):
            ("bad_seed", "a run's seed ({value}) is not a whole number from 0 to 18446744073709551615", ["value": value])
        case let .badOverrides(run, stored):
            ("bad_overrides", "run {run}'s overrides ({stored}) are not a JSON list of KEY=VALUE texts", ["run": String(run), "stored": stored])
        case let .folderMissing(folder):
            ("folder_missing", "the folder {folder} does not exist; make it first, or give a store in a folder that does", ["folder": folder])
        case .folderNotStore: ("folder_not_store", "this is a folder, not a run store; give a file", [:])
        case .laterSchemaToWrite: ("later_schema_to_write", "this store was written by a later mergersim (a newer schema); use that version", [:])
        case .notStoreToWrite: ("not_store_to_write", "this file is not a mergersim run store; give a new file or a store mergersim made", [:])
        case .noSuchStore: ("no_such_store", "no such run store", [:])
        case .folderNotStoreToRead: ("folder_not_store_to_read", "this is a folder, not a run store; give its runs.sqlite", [:])
        case .unreadable: ("unreadable", "the run store cannot be read (permissions)", [:])
        case .laterSchemaToRead:
            ("later_schema_to_read", "this store was written by a later mergersim (a newer schema); read it with that version", [:])
        case .notStore: ("not_store", "this file is not a mergersim run store", [:])
        case let .noRun(run, store):
            ("no_run", "the store has no run {run}; `sqlite3 {store} '{query}'` lists them",
             ["run": String(run), "store": store, "query": "SELECT id, scenario, overrides FROM runs"])
        case let .unknownTable(name, known):
            ("unknown_table", "there is no table {name} to export; give one of {known}", ["name": name, "known": known.joined(separator: ", ")])
        case let .tableMissing(table, store):
            ("table_missing", "the store has no {table} (an earlier mergersim made it); `{command}` copies its runs into a store that has it",
             ["table": table, "command": "mergersim store merge NEW.sqlite \(store)"])
        }
        return ("store." + name, english, values)
    }
}
