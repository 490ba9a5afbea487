import CPlatform
import Foundation
import MergerSim
import MergerSimInputs

/// The folder a run writes, checked before any computation and written all at
/// once or not at all.
///
/// The policy, the same for every command:
/// - mergersim replaces only a folder its marker (``markerName``) says it wrote: one holding the
///   marker and nothing else but plain files the marker lists, each as mergersim wrote it (see
///   ``RunFolderMarker``), none of them an input of the run being made; or an empty folder. A
///   folder with anything else in it (a file edited since, a folder or link under a listed name, a
///   run store, a sweep's files), the current folder, any folder above it, or a path that is a file
///   or a link is refused (73) before anything is computed, touching nothing.
/// - The files go to a hidden temporary folder beside the destination
///   (`.NAME.partial-PID-N`, its marker written first), then take its place in one atomic exchange of
///   names (`renameat2` with `RENAME_EXCHANGE`), so the destination is never missing; where the file
///   system cannot exchange, the old folder is first renamed to `.NAME.previous-PID-N`.
/// - An interrupt removes the temporary folder (``Interrupts``). A run that died leaves its
///   temporaries; the next run into the same destination removes those its marker recognises, and
///   puts a `.previous` folder back if the destination is missing. Temporaries of a process still
///   running, and anything a marker does not recognise, are left alone.
public struct OutputFolder: Sendable {
    /// The folder as the user gave it, for messages.
    public let given: String
    /// The folder as an absolute path.
    public let target: URL
    /// The files the run reads (and a run store it writes): the folder may not hold or replace them.
    let inputs: [String]

    /// The marker file every run folder holds: it names the files mergersim wrote there.
    public static let markerName = RunFolderMarker.name

    /// The `option` of a destination named after the scenario (no `--out`), as messages say it.
    public static let scenarioNameOption = "the scenario's name"

    /// Checks `path` as a run's destination (see the type's policy), sweeping
    /// stale temporaries of earlier runs beside it.
    ///
    /// - Parameters:
    ///   - option: how the user gave the path, for messages (`--out`, or the scenario's `name`).
    ///   - inputs: the files the run reads, and any run store it writes: a folder holding one of them
    ///     is never replaced, since the run could then never be made again.
    /// - Throws: ``InputError`` 73 when the destination may not or cannot be written.
    public init(_ path: String, option: String = "--out", inputs: [String] = []) throws(InputError) {
        given = path
        self.inputs = inputs
        let manager = FileManager.default
        let cwd = URL(fileURLWithPath: manager.currentDirectoryPath).resolvingSymlinksInPath()
        let absolute = URL(fileURLWithPath: path.isEmpty ? "." : path, relativeTo: cwd).standardizedFileURL
        func refuse(_ reason: OutputReason) -> InputError { InputError(.unwritable, file: path.isEmpty ? "\"\"" : path, reason: .output(reason)) }
        let name = absolute.lastPathComponent
        guard absolute.path != "/", !name.isEmpty else {
            throw refuse(.rootFolder(option: option))
        }
        // Compare the real location (links resolved) with the current folder.
        let real = absolute.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(name)
        if real.path == cwd.path || cwd.path.hasPrefix(real.path.hasSuffix("/") ? real.path : real.path + "/") {
            throw refuse(.currentFolder(option: option, example: "\(path.isEmpty ? "." : path)/run"))
        }
        if let problem = OutputName.refusal(name.hasPrefix(".") ? "x" + name : name) {
            throw refuse(.unusableFolderName(problem))
        }
        target = absolute
        Self.sweep(beside: target)
        try checkInputsOutside()
        try checkReplaceable()
        try checkParentWritable()
    }

    /// Throws when an input of the run (or its run store, made or to be made) lies in the destination.
    func checkInputsOutside() throws(InputError) {
        let real = target.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(target.lastPathComponent).path + "/"
        for input in inputs {
            let url = URL(fileURLWithPath: input).standardizedFileURL
            let location = url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
            if location.hasPrefix(real) {
                throw InputError(.unwritable, file: given, reason: .output(.inputInsideFolder(input: input)))
            }
        }
    }

    /// Throws unless the destination is absent, empty, or a run folder mergersim wrote (nothing else in it).
    func checkReplaceable() throws(InputError) {
        let manager = FileManager.default
        func refuse(_ reason: OutputReason) -> InputError { InputError(.unwritable, file: given, reason: .output(reason)) }
        switch FileKind.of(target) {
        case .absent: return
        case .folder: break
        case .link: throw refuse(.folderIsLink)
        default: throw refuse(.folderIsFile)
        }
        let entries: [String]
        do {
            entries = try manager.contentsOfDirectory(atPath: target.path)
        } catch {
            throw refuse(.folderUnreadable(system: Self.reason(error)))
        }
        guard !entries.isEmpty else { return }
        if entries.contains(SweepFolder.markerName) {
            throw refuse(.sweepFolderAsRunFolder(marker: SweepFolder.markerName))
        }
        guard let marker = RunFolderMarker.read(in: target) else {
            // A copy of a run or sweep folder (the hidden marker left behind), or one from before the marker.
            if entries.contains("manifest.json") {
                throw refuse(.copyWithoutMarker(marker: Self.markerName, files: Self.some(entries)))
            }
            throw refuse(.foreignFiles(files: Self.some(entries)))
        }
        // Hard links and links to an input under a listed name are found by the file's identity.
        let protected = Set(inputs.compactMap(FileIdentity.init(path:)))
        if let input = entries.first(where: { FileIdentity(path: target.appendingPathComponent($0).path).map(protected.contains) ?? false }) {
            throw refuse(.inputInFolder(input: input))
        }
        if let problem = marker.problem(in: target, entries: entries) {
            throw refuse(problem)
        }
    }

    private func checkParentWritable() throws(InputError) {
        var ancestor = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            ancestor = ancestor.deletingLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw InputError(.unwritable, file: given, reason: .outputBlockedByFile(ancestor.path))
        }
        guard access(ancestor.path, W_OK) == 0 else {
            throw InputError(.unwritable, file: given, reason: .outputParentNotWritable(ancestor.path))
        }
    }

    /// Writes `files` (name → content) as the destination folder, all at once or not at all.
    ///
    /// - Throws: ``InputError`` 73 when the folder cannot be written, or when since the check
    ///   something that mergersim did not write appeared there.
    public func write(_ files: [(name: String, content: Data)]) throws(InputError) {
        do {
            try stage(files).commit()
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(.unwritable, file: given, reason: .output(.outputUnwritable(system: Self.reason(error))))  // no maker: none other is thrown
        }
    }

    /// Writes `files` into a temporary folder beside the destination, with the files `made` writes there
    /// itself (a workbook, which its library writes to a path); ``Staged/commit()`` then puts it in place.
    /// Until then the destination is as it was, and an interrupt removes the temporary folder.
    ///
    /// - Parameter made: names of files to be made in the folder, and the function that makes them,
    ///   given the folder.
    /// - Throws: ``InputError`` 73 when the folder cannot be written; what `make` throws, as it is.
    public func stage(_ files: [(name: String, content: Data)], making made: [String] = [],
                      by make: (URL) throws -> Void = { _ in }) throws -> Staged {
        try checkInputsOutside()
        try checkReplaceable()
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(unique)")
        let staged = Staged(folder: self, staging: staging, previous: parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(unique)"))
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            // The folder and its marker together, with interrupts held off: an interrupt finds no folder, or one
            // it recognises; and the marker first, so a run that dies from here on leaves a temporary the next
            // run recognises.
            try Interrupts.uninterrupted {
                Interrupts.writingUnlocked(staging)
                try manager.createDirectory(at: staging, withIntermediateDirectories: false)
                try Data(RunFolderMarker(writing: files.map(\.name) + made).text.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            }
        } catch {
            staged.discard()
            throw InputError(.unwritable, file: given, reason: .output(.folderNotCreated(system: Self.reason(error))))
        }
        do {
            for file in files {
                let url = staging.appendingPathComponent(file.name)
                if file.name.contains("/") { try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
                try file.content.write(to: url)
            }
            try make(staging)
            var written = files
            for name in made {
                guard let content = manager.contents(atPath: staging.appendingPathComponent(name).path) else {
                    throw InternalError("\(name) was to be made in the output folder but is not there")
                }
                written.append((name, content))
            }
            try Data(RunFolderMarker(written).text.utf8).write(to: staging.appendingPathComponent(Self.markerName))
        } catch {
            staged.discard()
            // The maker's own errors pass as they are (73 or 64 from the workbook, an internal error); the file system's become 73.
            if error is InputError || error is InternalError { throw error }
            throw InputError(.unwritable, file: given, reason: .output(.outputUnwritable(system: Self.reason(error))))
        }
        return staged
    }

    /// A run folder written beside its destination, not yet in place.
    public struct Staged: Sendable {
        let folder: OutputFolder
        let staging: URL
        let previous: URL

        /// Puts the folder in place of the destination (checked again first), then removes the old one.
        public func commit() throws(InputError) {
            do {
                // After the swap the staging name holds the old folder, which an interrupt may remove too.
                try Interrupts.uninterrupted { () throws(InputError) in
                    try folder.checkInputsOutside()
                    try folder.checkReplaceable()
                    try folder.swap(staging, previous: previous)
                }
                Interrupts.writing(nil)
            } catch {
                discard()
                throw error
            }
            // The old folder, now at the staging or previous name, was checked to hold only mergersim's files.
            for leftover in [staging, previous] where FileKind.of(leftover) == .folder {
                RunFolderMarker.remove(leftover)
            }
        }

        /// Removes the temporary folder: the destination stays as it was.
        public func discard() {
            if FileKind.of(staging) == .folder { RunFolderMarker.remove(staging) }
            Interrupts.writing(nil)
        }
    }

    /// Puts `staging` at the destination: an atomic exchange when a folder is there, a rename otherwise.
    /// When another run made the destination meanwhile, its folder is checked and replaced like any other.
    fileprivate func swap(_ staging: URL, previous: URL) throws(InputError) {
        func fail(_ step: OutputReason.MoveStep) -> InputError {
            InputError(.unwritable, file: given, reason: .output(.notMovedIntoPlace(step: step, system: String(cString: strerror(errno)))))
        }
        for _ in 0..<8 {
            if FileKind.of(target) == .absent {
                if rename(staging.path, target.path) == 0 { return }
                // Another run made the folder first: it is checked and exchanged below, as a folder found there.
                guard errno == ENOTEMPTY || errno == EEXIST else { throw fail(.rename) }
                try checkReplaceable()
            }
            if mergersim_exchange_paths(staging.path, target.path) == 0 { return }
            if errno == ENOENT { continue }  // the other run's folder went away meanwhile: rename again
            guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else { throw fail(.exchange) }
            // No atomic exchange here: the old folder steps aside, then the new one takes its place.
            guard rename(target.path, previous.path) == 0 else { throw fail(.renameOldFolder) }
            guard rename(staging.path, target.path) == 0 else {
                let saved = errno
                _ = rename(previous.path, target.path)
                errno = saved
                throw fail(.rename)
            }
            return
        }
        throw InputError(.unwritable, file: given, reason: .output(.otherRunsKeptWriting))
    }

    /// Removes temporaries of earlier runs into `target` that died, and puts back a previous output
    /// whose replacement never arrived. Only folders whose marker recognises every entry are touched;
    /// those of running processes, and anything else with a look-alike name, are left alone.
    static func sweep(beside target: URL) {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        guard let entries = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        let name = target.lastPathComponent
        for entry in entries.sorted() {
            let kind: String
            if entry.hasPrefix(".\(name).partial-") { kind = "partial" } else if entry.hasPrefix(".\(name).previous-") { kind = "previous" } else { continue }
            let unique = entry.dropFirst(name.count + 2 + kind.count + 1).split(separator: "-", omittingEmptySubsequences: false)
            guard unique.count == 2, let pid = Int32(unique[0]), pid > 0, UInt32(unique[1]) != nil else { continue }
            if pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }  // a run still going
            let url = parent.appendingPathComponent(entry)
            guard FileKind.of(url) == .folder, let marker = RunFolderMarker.read(in: url),
                  let contents = try? manager.contentsOfDirectory(atPath: url.path),
                  marker.problem(in: url, entries: contents, unfinished: kind == "partial") == nil else { continue }
            if kind == "previous", FileKind.of(target) == .absent {
                _ = rename(url.path, target.path)
            } else {
                RunFolderMarker.remove(url)
            }
        }
    }

    private static func some(_ names: [String]) -> String { RunFolderMarker.some(names) }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
        return nsError.localizedDescription
    }
}
