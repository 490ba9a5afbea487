import Foundation
import MergerSimInputs

/// The folder a sweep writes: its run store, `sweep.csv` and `manifest.json`.
///
/// Unlike a run folder it is not replaced whole: the store in it grows one setting at a time, so a
/// sweep stopped at any moment starts again where it stopped. The policy:
/// - a missing folder is made, with the marker ``markerName`` that says mergersim made it;
/// - an existing folder is used only when it holds that marker, is empty, or holds only a run store
///   (the parts of a sharded sweep merged there); anything in it other
///   than the files a sweep writes is refused (73), and nothing is touched;
/// - `sweep.csv` and `manifest.json` are written to a temporary file, then renamed over the old one
///   (whole or not at all); the store is written one transaction per setting.
public struct SweepFolder: Sendable {
    public let given: String
    let url: URL

    public static let markerName = ".mergersim-sweep"
    public static let storeName = "runs.sqlite"
    /// What a sweep writes there (SQLite's journal beside the store included).
    static let ours: Set<String> = [markerName, storeName, storeName + "-journal", storeName + "-wal", storeName + "-shm",
                                    "sweep.csv", "manifest.json", "sensitivity.csv", "morris.csv", "sobol.csv", "report.xlsx", "report.html"]

    /// Checks `path` (73 when it may not be used); makes nothing yet.
    public init(_ path: String) throws(InputError) {
        given = path
        url = URL(fileURLWithPath: path.isEmpty ? "." : path).standardizedFileURL
        func refuse(_ reason: OutputReason) -> InputError { InputError(.unwritable, file: path.isEmpty ? "\"\"" : path, reason: .output(reason)) }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw refuse(.sweepFolderIsFile) }
        let entries: [String]
        do {
            entries = try manager.contentsOfDirectory(atPath: url.path)
        } catch {
            throw refuse(.folderUnreadable(system: OutputFolder.reason(error)))
        }
        guard !entries.isEmpty else { return }
        // A folder holding only a run store (`store merge` of a sharded sweep's parts) may be summarised too.
        let storeFiles: Set<String> = [Self.storeName, Self.storeName + "-journal", Self.storeName + "-wal", Self.storeName + "-shm"]
        guard entries.contains(Self.markerName) || entries.allSatisfy(storeFiles.contains) else {
            throw refuse(.sweepForeignFiles(files: entries.sorted().prefix(3).joined(separator: ", ")))
        }
        let foreign = entries.filter { !Self.ours.contains($0) && !$0.hasPrefix(".partial-") }
        guard foreign.isEmpty else {
            throw refuse(.sweepAlsoForeignFiles(files: foreign.sorted().prefix(3).joined(separator: ", ")))
        }
    }

    /// The run store's path in the folder.
    public var storePath: String { url.appendingPathComponent(Self.storeName).path }

    /// Makes the folder and its marker when missing.
    public func prepare() throws(InputError) {
        let manager = FileManager.default
        let marker = url.appendingPathComponent(Self.markerName)
        guard !manager.fileExists(atPath: marker.path) else { return }
        do {
            try manager.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("mergersim sweep folder: mergersim writes its run store, sweep.csv and manifest.json here\n".utf8).write(to: marker)
        } catch {
            throw InputError(.unwritable, file: given, reason: .output(.sweepFolderNotMade(system: OutputFolder.reason(error))))
        }
    }

    /// Writes `content` as `name` in the folder: a temporary file renamed over the old one.
    public func write(_ name: String, _ content: Data) throws(InputError) {
        let staging = url.appendingPathComponent(".partial-\(getpid())-\(name)")
        do {
            try content.write(to: staging)
            try moveIntoPlace(staging, as: name)
        } catch {
            if FileKind.of(staging) == .file { _ = unlink(staging.path) }
            if let error = error as? InputError { throw error }
            throw InputError(.unwritable, file: given, reason: .output(.namedFileUnwritable(name: name, system: OutputFolder.reason(error))))
        }
    }

    private func moveIntoPlace(_ staging: URL, as name: String) throws(InputError) {
        guard rename(staging.path, url.appendingPathComponent(name).path) == 0 else {
            throw InputError(.unwritable, file: given, reason: .output(.namedFileNotMovedIntoPlace(name: name, system: String(cString: strerror(errno)))))
        }
    }

    /// Writes `name` in the folder by `make`, given a temporary path in the folder (a workbook, which its
    /// library writes to a path), then renames it over the old one; an interrupt removes the temporary.
    ///
    /// - Throws: what `make` throws, as it is; ``InputError`` 73 when the file cannot be moved into place.
    public func write(_ name: String, making make: (URL) throws -> Void) throws {
        let staging = url.appendingPathComponent(".partial-\(getpid())-\(name)")
        Interrupts.writing(staging)
        defer { Interrupts.writing(nil) }
        do {
            try make(staging)
            try moveIntoPlace(staging, as: name)
        } catch {
            if FileKind.of(staging) == .file { _ = unlink(staging.path) }
            throw error
        }
    }
}
