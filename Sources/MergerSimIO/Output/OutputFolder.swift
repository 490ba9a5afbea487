import CPlatform
import Foundation
import MergerSim

/// The folder a run writes, checked before any computation and written all at
/// once or not at all.
///
/// The policy, the same for every command:
/// - mergersim replaces only a folder it wrote itself: one holding its marker
///   file (``markerName``, which lists the files of the run) and nothing else
///   but those files, or an empty folder. A folder with anything else in it,
///   the current folder, any folder above it, or a path that is a file or a
///   link is refused (73) before anything is computed, touching nothing.
/// - The files go to a hidden temporary folder beside the destination
///   (`.NAME.partial-PID-N`), then take its place in one atomic exchange of
///   names (`renameat2` with `RENAME_EXCHANGE`), so the destination is never
///   missing; where the file system cannot exchange, the old folder is first
///   renamed to `.NAME.previous-PID-N`.
/// - An interrupt removes the temporary folder (``Interrupts``). A run that
///   died leaves its temporaries; the next run into the same destination
///   removes them, and puts a `.previous` folder back if the destination is
///   missing. Temporaries of a process still running are left alone.
public struct OutputFolder: Sendable {
    /// The folder as the user gave it, for messages.
    public let given: String
    /// The folder as an absolute path.
    public let target: URL

    /// The marker file every run folder holds: it names the files mergersim wrote there.
    public static let markerName = ".mergersim-run"

    /// Checks `path` as a run's destination (see the type's policy), sweeping
    /// stale temporaries of earlier runs beside it.
    ///
    /// - Parameter option: how the user gave the path, for messages (`--out`, or the scenario's `name`).
    /// - Throws: ``InputError`` 73 when the destination may not or cannot be written.
    public init(_ path: String, option: String = "--out") throws(InputError) {
        given = path
        let manager = FileManager.default
        let cwd = URL(fileURLWithPath: manager.currentDirectoryPath).resolvingSymlinksInPath()
        let absolute = URL(fileURLWithPath: path.isEmpty ? "." : path, relativeTo: cwd).standardizedFileURL
        func refuse(_ message: String) -> InputError { InputError(.unwritable, file: path.isEmpty ? "\"\"" : path, message) }
        let name = absolute.lastPathComponent
        guard absolute.path != "/", !name.isEmpty else {
            throw refuse("this is the root of the file system; give \(option) a new folder of its own")
        }
        // Compare the real location (links resolved) with the current folder.
        let real = absolute.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(name)
        if real.path == cwd.path || cwd.path.hasPrefix(real.path.hasSuffix("/") ? real.path : real.path + "/") {
            throw refuse("this is the current folder or a folder above it; mergersim writes only into a folder of its own, "
                         + "so give \(option) a new folder (for example \(path.isEmpty ? "." : path)/run)")
        }
        if name.utf8.count > Limits.maxOutputNameBytes || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw refuse("the folder name cannot be used: \(OutputName.problem(name.hasPrefix(".") ? "x" + name : name) ?? "it is not one folder name")")
        }
        target = absolute
        Self.sweep(beside: target)
        try checkReplaceable()
        try checkParentWritable()
    }

    /// Throws unless the destination is absent, empty, or a run folder mergersim wrote (nothing else in it).
    func checkReplaceable() throws(InputError) {
        let manager = FileManager.default
        func refuse(_ message: String) -> InputError { InputError(.unwritable, file: given, message) }
        guard let attributes = try? manager.attributesOfItem(atPath: target.path) else { return }  // absent
        switch attributes[.type] as? FileAttributeType {
        case .typeDirectory?:
            break
        case .typeSymbolicLink?:
            throw refuse("this is a link; give --out a real folder (mergersim does not replace links)")
        default:
            throw refuse("this is a file, not a folder; mergersim does not replace it: choose another --out")
        }
        let entries: [String]
        do {
            entries = try manager.contentsOfDirectory(atPath: target.path)
        } catch {
            throw refuse("the folder cannot be read: \(Self.reason(error))")
        }
        guard !entries.isEmpty else { return }
        guard let written = Self.filesWritten(in: target) else {
            throw refuse("this folder already holds files that mergersim did not write (\(Self.some(entries))); "
                         + "mergersim replaces only a folder it wrote itself: give --out a new folder")
        }
        let foreign = entries.filter { !written.contains($0) }
        guard foreign.isEmpty else {
            throw refuse("this run folder also holds files that mergersim did not write (\(Self.some(foreign))); "
                         + "move them out, or give --out a new folder")
        }
    }

    /// The files a run folder's marker (or, for folders written before the marker, its manifest) says
    /// mergersim wrote there, the marker and manifest included; nil when the folder is not a run folder.
    static func filesWritten(in folder: URL) -> Set<String>? {
        if let marker = FileManager.default.contents(atPath: folder.appendingPathComponent(markerName).path),
           let text = String(data: marker, encoding: .utf8), text.hasPrefix(markerHeading) {
            let names = text.split(separator: "\n").dropFirst().map(String.init)
            return Set(names + [markerName])
        }
        struct Written: Decodable { var tool: String; var outputs: [String] }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONDecoder().decode(Written.self, from: data), manifest.tool == "mergersim" else { return nil }
        return Set(manifest.outputs + ["manifest.json"])
    }

    private static let markerHeading = "mergersim run folder: mergersim may replace this folder; the files it wrote:"

    private func checkParentWritable() throws(InputError) {
        var ancestor = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            ancestor = ancestor.deletingLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw InputError(.unwritable, file: given, "\(ancestor.path) is a file, so the folder cannot be made there")
        }
        guard access(ancestor.path, W_OK) == 0 else {
            throw InputError(.unwritable, file: given, "\(ancestor.path) is not writable; give --out a folder you may write to")
        }
    }

    /// Writes `files` (name → content) as the destination folder, all at once or not at all.
    ///
    /// - Throws: ``InputError`` 73 when the folder cannot be written, or when since the check
    ///   something that mergersim did not write appeared there.
    public func write(_ files: [(name: String, content: Data)]) throws(InputError) {
        let manager = FileManager.default
        try checkReplaceable()
        let parent = target.deletingLastPathComponent()
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(unique)")
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(unique)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            Interrupts.writing(staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            Interrupts.writing(nil)
            throw InputError(.unwritable, file: given, "the output folder cannot be created: \(Self.reason(error))")
        }
        do {
            let marker = ([Self.markerHeading] + files.map(\.name)).joined(separator: "\n") + "\n"
            try Data(marker.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            for file in files { try file.content.write(to: staging.appendingPathComponent(file.name)) }
            // After the swap the staging name holds the old folder, which an interrupt may remove too.
            try Interrupts.uninterrupted { () throws(InputError) in
                try checkReplaceable()
                try swap(staging, previous: previous)
            }
            Interrupts.writing(nil)
        } catch {
            try? manager.removeItem(at: staging)
            Interrupts.writing(nil)
            if let error = error as? InputError { throw error }
            throw InputError(.unwritable, file: given, "the output cannot be written: \(Self.reason(error))")
        }
        // The old folder, now at the staging or previous name, was checked to hold only mergersim's files.
        for leftover in [staging, previous] where manager.fileExists(atPath: leftover.path) {
            try? manager.removeItem(at: leftover)
        }
    }

    /// Puts `staging` at the destination: an atomic exchange when a folder is there, a rename otherwise.
    private func swap(_ staging: URL, previous: URL) throws(InputError) {
        func fail(_ what: String) -> InputError {
            InputError(.unwritable, file: given, "the output cannot be moved into place (\(what): \(String(cString: strerror(errno))))")
        }
        guard FileManager.default.fileExists(atPath: target.path) else {
            guard rename(staging.path, target.path) == 0 else { throw fail("rename") }
            return
        }
        if mergersim_exchange_paths(staging.path, target.path) == 0 { return }
        guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else { throw fail("exchange") }
        // No atomic exchange here: the old folder steps aside, then the new one takes its place.
        guard rename(target.path, previous.path) == 0 else { throw fail("rename of the old folder") }
        guard rename(staging.path, target.path) == 0 else {
            let saved = errno
            _ = rename(previous.path, target.path)
            errno = saved
            throw fail("rename")
        }
    }

    /// Removes temporaries of earlier runs into `target` that died, and puts back a
    /// previous output whose replacement never arrived. Leaves those of running processes.
    static func sweep(beside target: URL) {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        guard let entries = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        let name = target.lastPathComponent
        for entry in entries.sorted() {
            let kind: String
            if entry.hasPrefix(".\(name).partial-") { kind = "partial" } else if entry.hasPrefix(".\(name).previous-") { kind = "previous" } else { continue }
            let unique = entry.dropFirst(name.count + 2 + kind.count + 1)
            guard let pid = Int32(unique.split(separator: "-").first ?? ""), pid > 0 else { continue }
            if pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }  // a run still going
            let url = parent.appendingPathComponent(entry)
            let contents = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            let ours = contents.isEmpty || filesWritten(in: url).map { written in contents.allSatisfy(written.contains) } ?? false
            guard ours else { continue }
            if kind == "previous", !manager.fileExists(atPath: target.path) {
                _ = rename(url.path, target.path)
            } else {
                try? manager.removeItem(at: url)
            }
        }
    }

    private static func some(_ names: [String]) -> String {
        let sorted = names.sorted()
        return sorted.prefix(3).joined(separator: ", ") + (sorted.count > 3 ? ", and \(sorted.count - 3) more" : "")
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
        return nsError.localizedDescription
    }
}
