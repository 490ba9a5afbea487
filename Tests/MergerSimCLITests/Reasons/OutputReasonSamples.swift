import MergerSimInputs

extension LocalisedErrorTests {
    /// One `OutputReason` of every sentence form.
    static let outputReasons: [InputError.Reason] = [
        OutputReason.emptyFileName, .fileIsFolder, .fileNotWrittenByMergersim, .fileIsLinkOrSpecial, .fileFolderMissing(folder: "/tmp/a"),
        .fileFolderNotWritable(folder: "/tmp/a"), .markerUnwritable(system: "Permission denied"), .fileAppeared,
        .fileNotMovedIntoPlace(system: "Permission denied"), .fileUnwritable(system: "Permission denied"), .rootFolder(option: "--out"),
        .currentFolder(option: "--out", example: "./run"), .unusableFolderName(.empty), .inputInsideFolder(input: "out/units.csv"),
        .folderIsLink, .folderIsFile, .folderUnreadable(system: "Permission denied"), .sweepFolderAsRunFolder(marker: ".mergersim-sweep"),
        .copyWithoutMarker(marker: ".mergersim", files: "manifest.json"), .foreignFiles(files: "notes.txt"), .workbenchForeignFiles(files: "notes.txt"), .inputInFolder(input: "units.csv"),
        .runFolderHoldsStore(files: "runs.sqlite"), .runFolderNotFiles(files: "summary.csv (link)"), .runFolderUnlisted(files: "notes.txt"),
        .runFolderChanged(files: "summary.csv"), .outputUnwritable(system: "Permission denied"), .folderNotCreated(system: "Permission denied"),
        .notMovedIntoPlace(step: .renameOldFolder, system: "Permission denied"), .otherRunsKeptWriting, .sweepFolderIsFile,
        .sweepForeignFiles(files: "notes.txt"), .sweepAlsoForeignFiles(files: "notes.txt"), .sweepFolderNotMade(system: "Permission denied"),
        .namedFileUnwritable(name: "sweep.csv", system: "Permission denied"), .namedFileNotMovedIntoPlace(name: "sweep.csv", system: "Permission denied"),
        .sheetTooLong(sheetKey: "units_before", sheet: "Units before", rows: 2_000_000, maxRows: 1_048_575),
        .workbookUnwritable(folder: "/tmp/a", system: "Permission denied"), .meanNotNumber(text: "x"), .manifestUnreadable(detail: "dataCorrupted"),
        .notStoredNothingWritten(cause: .store(.diskFull), message: "", folder: "out"),
        .storedFolderNotWritten(cause: nil, message: "the output cannot be written", run: 3, store: "runs.sqlite"),
    ].map { .output($0) }
}
