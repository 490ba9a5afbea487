/// An output folder or file that cannot be replaced or written.
///
/// Keys are `output.<name>`, their sentences in `Labels/errors_output.<lang>.json`. A value named `system` is
/// the operating system's own words (`strerror`, Foundation's description), shown as it is in every language.
public indirect enum OutputReason: ReasonForm {
    /// The step of putting a staged folder in place that failed.
    public enum MoveStep: String, Sendable {
        /// The rename of the staged folder to the destination.
        case rename
        /// The atomic exchange of the staged folder and the destination.
        case exchange
        /// The rename of the old folder aside, where no atomic exchange exists.
        case renameOldFolder = "rename of the old folder"
    }

    // A single file (`compare --out`)
    /// `--out` is the empty text.
    case emptyFileName
    /// The file to write is a folder.
    case fileIsFolder
    /// An existing file mergersim did not write, or changed since.
    case fileNotWrittenByMergersim
    /// A link or a special file where the file would go.
    case fileIsLinkOrSpecial
    /// The folder of the file to write is missing.
    case fileFolderMissing(folder: String)
    /// The folder of the file to write is not writable.
    case fileFolderNotWritable(folder: String)
    /// The marker beside the written file cannot be written.
    case markerUnwritable(system: String)
    /// A file mergersim did not write took the name while the work was done.
    case fileAppeared
    /// The written file cannot be renamed into place.
    case fileNotMovedIntoPlace(system: String)
    /// The file cannot be written.
    case fileUnwritable(system: String)

    // A run folder
    /// The destination is the root of the file system; `option` says how it was given (`--out`, the scenario's name).
    case rootFolder(option: String)
    /// The destination is the current folder or above it; `example` is a folder below it to suggest.
    case currentFolder(option: String, example: String)
    /// The destination's last name cannot name a folder.
    case unusableFolderName(OutputName.Problem)
    /// An input of the run (or its store) lies inside the destination.
    case inputInsideFolder(input: String)
    /// The destination is a link.
    case folderIsLink
    /// The destination is a file.
    case folderIsFile
    /// The destination cannot be listed.
    case folderUnreadable(system: String)
    /// The destination is a sweep's folder (it holds `marker`).
    case sweepFolderAsRunFolder(marker: String)
    /// The destination holds mergersim's files but not its marker (`files`: some of them).
    case copyWithoutMarker(marker: String, files: String)
    /// The destination holds files mergersim did not write (`files`: some of them).
    case foreignFiles(files: String)
    /// The workbench's data folder (`serve --data`) holds files mergersim did not write (`files`: some of them).
    case workbenchForeignFiles(files: String)
    /// A file in the destination is an input of the run (the same file under another name).
    case inputInFolder(input: String)
    /// The run folder holds a run store (`files`), which mergersim never replaces.
    case runFolderHoldsStore(files: String)
    /// The run folder holds entries listed by its marker that are no longer plain files (`files`, with their kinds).
    case runFolderNotFiles(files: String)
    /// The run folder holds files its marker does not list.
    case runFolderUnlisted(files: String)
    /// Files of the run folder changed since mergersim wrote them.
    case runFolderChanged(files: String)
    /// The output cannot be written.
    case outputUnwritable(system: String)
    /// The temporary output folder cannot be made.
    case folderNotCreated(system: String)
    /// The staged folder cannot be put in place at `step`.
    case notMovedIntoPlace(step: MoveStep, system: String)
    /// Other runs kept replacing the destination.
    case otherRunsKeptWriting

    // A sweep folder
    /// A sweep's destination is a file.
    case sweepFolderIsFile
    /// A sweep's destination holds files mergersim did not write.
    case sweepForeignFiles(files: String)
    /// A sweep's folder holds, beside the sweep's files, files mergersim did not write.
    case sweepAlsoForeignFiles(files: String)
    /// The sweep folder cannot be made.
    case sweepFolderNotMade(system: String)
    /// A file of the sweep folder cannot be written.
    case namedFileUnwritable(name: String, system: String)
    /// A file of the sweep folder cannot be renamed into place.
    case namedFileNotMovedIntoPlace(name: String, system: String)

    // The workbook
    /// A sheet (`sheetKey`, shown as `sheet`) would pass Excel's rows.
    case sheetTooLong(sheetKey: String, sheet: String, rows: Int, maxRows: Int)
    /// The workbook cannot be written in `folder`.
    case workbookUnwritable(folder: String, system: String)

    // A run folder read back (`compare`)
    /// A timeline mean that is not a number.
    case meanNotNumber(text: String)
    /// A manifest that does not decode (`detail`: the decoder's words).
    case manifestUnreadable(detail: String)

    // A run recorded in a store, its folder not written
    /// The store refused the run (`cause`, or the English `message` of an untyped one); the folder was not written.
    case notStoredNothingWritten(cause: InputError.Reason?, message: String, folder: String)
    /// The run is stored as `run` in `store`, but its folder could not be put in place (`cause`, or `message`).
    case storedFolderNotWritten(cause: InputError.Reason?, message: String, run: Int64, store: String)

    public var parts: (key: String, english: String, values: [String: String]) {
        let (name, english, values): (String, String, [String: String]) = switch self {
        case .emptyFileName: ("empty_file_name", "--out is empty; give the name of the CSV file to write", [:])
        case .fileIsFolder: ("file_is_folder", "this is a folder; give --out the name of a CSV file", [:])
        case .fileNotWrittenByMergersim:
            ("file_not_written_by_mergersim", "this file exists and is not a comparison mergersim wrote (or it was changed since); "
             + "mergersim does not replace it: choose another --out", [:])
        case .fileIsLinkOrSpecial:
            ("file_is_link_or_special", "this is a link or a special file; mergersim does not replace it: choose another --out", [:])
        case let .fileFolderMissing(folder): ("file_folder_missing", "the folder {folder} does not exist", ["folder": folder])
        case let .fileFolderNotWritable(folder): ("file_folder_not_writable", "the folder {folder} is not writable", ["folder": folder])
        case let .markerUnwritable(system):
            ("marker_unwritable", "the marker beside the file cannot be written: {system}", ["system": system])
        case .fileAppeared:
            ("file_appeared", "a file that mergersim did not write appeared here meanwhile; nothing was written", [:])
        case let .fileNotMovedIntoPlace(system):
            ("file_not_moved_into_place", "the file cannot be moved into place: {system}", ["system": system])
        case let .fileUnwritable(system): ("file_unwritable", "the file cannot be written: {system}", ["system": system])
        case let .rootFolder(option):
            ("root_folder", "this is the root of the file system; give {option} a new folder of its own", ["option": option])
        case let .currentFolder(option, example):
            ("current_folder", "this is the current folder or a folder above it; mergersim writes only into a folder of its own, "
             + "so give {option} a new folder (for example {example})", ["option": option, "example": example])
        case let .unusableFolderName(problem):
            ("unusable_folder_name", "the folder name cannot be used: {problem}", ["problem": problem.english])
        case let .inputInsideFolder(input):
            ("input_inside_folder", "{input} is inside this folder and is an input of this run (or its run store); "
             + "a run folder is replaced whole, so mergersim would lose it: give --out another folder, or move the file out", ["input": input])
        case .folderIsLink: ("folder_is_link", "this is a link; give --out a real folder (mergersim does not replace links)", [:])
        case .folderIsFile: ("folder_is_file", "this is a file, not a folder; mergersim does not replace it: choose another --out", [:])
        case let .folderUnreadable(system): ("folder_unreadable", "the folder cannot be read: {system}", ["system": system])
        case let .sweepFolderAsRunFolder(marker):
            ("sweep_folder_as_run_folder", "this is a sweep folder (it holds {marker}); a run never replaces a sweep's store and tables: "
             + "give --out a new folder", ["marker": marker])
        case let .copyWithoutMarker(marker, files):
            ("copy_without_marker", "this folder holds mergersim's files without its marker {marker} (a copy, or an older mergersim's) "
             + "({files}); mergersim replaces only a folder its marker says it wrote: give --out a new folder", ["marker": marker, "files": files])
        case let .foreignFiles(files):
            ("foreign_files", "this folder holds files that mergersim did not write ({files}); "
             + "mergersim replaces only a folder it wrote itself: give --out a new folder", ["files": files])
        case let .workbenchForeignFiles(files):
            ("workbench_foreign_files", "this folder holds files that mergersim did not write ({files}); "
             + "the workbench keeps its workspaces only in a folder of its own: "
             + "give --data a new or empty folder", ["files": files])
        case let .inputInFolder(input):
            ("input_in_folder", "{input} in this folder is an input of this run; a run folder is replaced whole, so mergersim would lose it: "
             + "give --out another folder", ["input": input])
        case let .runFolderHoldsStore(files):
            ("run_folder_holds_store", "this run folder cannot be replaced: it holds a run store ({files}), which mergersim never replaces; "
             + "move them out, or give --out a new folder", ["files": files])
        case let .runFolderNotFiles(files):
            ("run_folder_not_files", "this run folder cannot be replaced: these are not files mergersim wrote: {files}; "
             + "move them out, or give --out a new folder", ["files": files])
        case let .runFolderUnlisted(files):
            ("run_folder_unlisted", "this run folder cannot be replaced: it also holds files that mergersim did not write ({files}); "
             + "move them out, or give --out a new folder", ["files": files])
        case let .runFolderChanged(files):
            ("run_folder_changed", "this run folder cannot be replaced: these files were changed since mergersim wrote them: {files}; "
             + "move them out, or give --out a new folder", ["files": files])
        case let .outputUnwritable(system): ("output_unwritable", "the output cannot be written: {system}", ["system": system])
        case let .folderNotCreated(system): ("folder_not_created", "the output folder cannot be created: {system}", ["system": system])
        case let .notMovedIntoPlace(step, system):
            ("not_moved_into_place", "the output cannot be moved into place ({step}: {system})", ["step": step.rawValue, "system": system])
        case .otherRunsKeptWriting:
            ("other_runs_kept_writing", "other runs kept writing this folder at the same moment; run again when they have finished", [:])
        case .sweepFolderIsFile: ("sweep_folder_is_file", "this is a file, not a folder; give --out a new folder for the sweep", [:])
        case let .sweepForeignFiles(files):
            ("sweep_foreign_files", "this folder holds files that mergersim did not write ({files}); "
             + "a sweep writes only into a folder of its own: give --out a new folder", ["files": files])
        case let .sweepAlsoForeignFiles(files):
            ("sweep_also_foreign_files", "this sweep folder also holds files that mergersim did not write ({files}); "
             + "move them out, or give --out a new folder", ["files": files])
        case let .sweepFolderNotMade(system): ("sweep_folder_not_made", "the sweep folder cannot be made: {system}", ["system": system])
        case let .namedFileUnwritable(name, system):
            ("named_file_unwritable", "{name} cannot be written: {system}", ["name": name, "system": system])
        case let .namedFileNotMovedIntoPlace(name, system):
            ("named_file_not_moved_into_place", "{name} cannot be moved into place: {system}", ["name": name, "system": system])
        case let .sheetTooLong(_, sheet, rows, maxRows):
            ("sheet_too_long", "the sheet \"{sheet}\" would have {rows} rows below its header; "
             + "an Excel sheet holds at most {max}: leave out --xlsx (the CSV files hold every row)",
             ["sheet": sheet, "rows": ReportFormat.grouped(rows), "max": ReportFormat.grouped(maxRows)])
        case let .workbookUnwritable(folder, system):
            ("workbook_unwritable", "the workbook cannot be written in {folder}: {system}", ["folder": folder, "system": system])
        case let .meanNotNumber(text): ("mean_not_number", "{column} \"{text}\" is not a number", ["column": "mean", "text": text])
        case let .manifestUnreadable(detail):
            ("manifest_unreadable", "manifest.json cannot be read as a mergersim manifest: {detail}", ["detail": detail])
        case let .notStoredNothingWritten(cause, message, folder):
            ("not_stored_nothing_written", "{cause}; so nothing was written: {folder} is as it was",
             ["cause": cause?.english ?? message, "folder": folder])
        case let .storedFolderNotWritten(cause, message, run, store):
            ("stored_folder_not_written", "{cause}; the run IS stored, as run {run} in {store}, but its folder was not written",
             ["cause": cause?.english ?? message, "run": String(run), "store": store])
        }
        return ("output." + name, english, values)
    }
}
