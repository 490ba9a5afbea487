import MergerSimInputs

extension LocalisedErrorTests {
    /// One `StoreReason` of every sentence form.
    static let storeReasons: [InputError.Reason] = [
        StoreReason.badTimeout(text: "x"), .damaged(finding: "row 3 missing from index", path: "runs.sqlite"),
        .failed(.openForWriting, detail: "x"), .failed(.read, detail: "x"), .failed(.write, detail: "x"), .failed(.merge, detail: "x"),
        .locked(seconds: "0.5"), .notSQLite(forWriting: false), .notSQLite(forWriting: true), .diskFull, .ioError(reading: true, detail: "disk I/O error"),
        .ioError(reading: false, detail: "disk I/O error"), .cannotOpen(detail: "unable to open database file"), .mergeIntoItself(store: "a.sqlite"),
        .mergeIntoItselfGiveAnother(store: "a.sqlite"), .noSummaryMetric(run: 2, metric: "deadline_verdict"),
        .notVerdict(run: 2, metric: "deadline_verdict", stored: "maybe", known: ["met", "missed"]), .badSeed(value: "-1.5"), .badOverrides(run: 3, stored: "{\"a\": 1}"),
        .folderMissing(folder: "/tmp/a"), .folderNotStore, .laterSchemaToWrite, .notStoreToWrite, .noSuchStore, .folderNotStoreToRead, .unreadable,
        .laterSchemaToRead, .notStore, .noRun(run: 9, store: "runs.sqlite"),
        .unknownTable(name: "units", known: ["replication_outcomes", "settings"]), .tableMissing(table: "settings", store: "old.sqlite"),
    ].map { .store($0) }
}
