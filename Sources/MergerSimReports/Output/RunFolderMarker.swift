import Foundation
import MergerSimInputs

/// The marker file of a run folder (`.mergersim-run`): which files mergersim wrote there, each with its
/// size and SHA-256, so that mergersim can tell its own output, unchanged, from anything else.
///
/// A folder counts as mergersim's only while its marker is a plain file and every other entry is a
/// plain file the marker lists (no folder, no link), with the content mergersim wrote (a file edited
/// since, such as a `scenario.yaml` from `propose`, is the user's). Markers of mergersim before
/// version 2 list names only; their folders are checked by name and kind.
///
/// A listed name may lie in a subfolder (`alternatives/2/plan.csv`): a real folder (not a link) that a
/// listed name passes through is looked into the same way, and counts as mergersim's while all it holds is.
struct RunFolderMarker: Sendable, Equatable {
    static let name = ".mergersim-run"

    /// What mergersim knows of one file it wrote: its size and SHA-256, or nothing yet (a temporary
    /// folder still being written, or a marker of version 1).
    struct Digest: Sendable, Equatable {
        var size: Int
        var sha256: String
    }

    /// File name → what mergersim wrote (nil: not known).
    var files: [String: Digest?]

    private static let headingV1 = "mergersim run folder: mergersim may replace this folder; the files it wrote:"
    private static let heading = "mergersim run folder, version 2: mergersim may replace this folder while it holds only "
        + "these files, unchanged (size, SHA-256, name; - where still being written):"

    /// The marker of the files `files`, with their digests.
    init(_ files: [(name: String, content: Data)]) {
        self.files = Dictionary(files.map { ($0.name, Digest(size: $0.content.count, sha256: SHA256.hex([UInt8]($0.content)))) },
                                uniquingKeysWith: { _, last in last })
    }

    /// The marker of a folder being written: the names, digests to follow.
    init(writing names: [String]) {
        files = Dictionary(names.map { ($0, Digest?.none) }, uniquingKeysWith: { _, last in last })
    }

    private init(files: [String: Digest?]) { self.files = files }

    var text: String {
        var lines = [Self.heading]
        for (name, digest) in files.sorted(by: { $0.key < $1.key }) {
            lines.append(digest.map { "\($0.size) \($0.sha256) \(name)" } ?? "- - \(name)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The marker in `folder`, or nil when there is none (or it is not a plain file, or not a marker).
    static func read(in folder: URL) -> RunFolderMarker? {
        let url = folder.appendingPathComponent(name)
        guard FileKind.of(url) == .file, let data = FileManager.default.contents(atPath: url.path), data.count < 1 << 20,
              let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first else { return nil }
        var files: [String: Digest?] = [:]
        if first == headingV1 {
            for name in lines.dropFirst() where !name.isEmpty { files[name] = Digest?.none }
            return RunFolderMarker(files: files)
        }
        guard first == heading else { return nil }
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, isRelativeName(parts[2]) else { return nil }
            if parts[0] == "-", parts[1] == "-" {
                files[parts[2]] = Digest?.none
            } else {
                guard let size = Int(parts[0]), parts[1].count == 64 else { return nil }
                files[parts[2]] = Digest(size: size, sha256: parts[1])
            }
        }
        return RunFolderMarker(files: files)
    }

    /// Whether `name` is a path inside a folder: non-empty parts, none `.` or `..`, not absolute.
    static func isRelativeName(_ name: String) -> Bool {
        name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The folders (relative paths) that the listed names pass through, deepest first.
    var subfolders: [String] {
        var folders = Set<String>()
        for name in files.keys {
            var parts = name.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts.removeLast()
            }
        }
        return folders.sorted { ($0.split(separator: "/").count, $1) > ($1.split(separator: "/").count, $0) }
    }

    /// `entries` of `folder` (relative to `prefix`), each real folder a listed name passes through replaced by its
    /// own entries, recursively.
    private func expanded(_ entries: [String], in folder: URL, prefix: String = "") -> [String] {
        let through = Set(subfolders)
        return entries.flatMap { entry -> [String] in
            let name = prefix + entry
            let url = folder.appendingPathComponent(name)
            guard through.contains(name), FileKind.of(url) == .folder,
                  let inside = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [name] }
            return expanded(inside.sorted(), in: folder, prefix: name + "/")
        }
    }

    /// Why the entries of `folder` (its marker aside) are not all files mergersim wrote, as the reason the
    /// folder cannot be replaced, or nil when they are. `unfinished`: a temporary folder of a run that died,
    /// whose last file may be cut short.
    func problem(in folder: URL, entries: [String], unfinished: Bool = false) -> OutputReason? {
        var unlisted: [String] = [], notFiles: [String] = [], changed: [String] = [], stores: [String] = []
        for entry in expanded(entries, in: folder) where entry != Self.name {
            let url = folder.appendingPathComponent(entry)
            guard let listed = files[entry] else { unlisted.append(entry); continue }
            let kind = FileKind.of(url)
            guard kind == .file else { notFiles.append("\(entry) (\(kind.description))"); continue }
            guard let content = FileManager.default.contents(atPath: url.path) else { notFiles.append("\(entry) (unreadable)"); continue }
            if content.starts(with: Array("SQLite format 3\0".utf8)) { stores.append(entry); continue }
            if let listed, !unfinished, listed.size != content.count || listed.sha256 != SHA256.hex([UInt8](content)) {
                changed.append(entry)
            }
        }
        if !stores.isEmpty { return .runFolderHoldsStore(files: Self.some(stores)) }
        if !notFiles.isEmpty { return .runFolderNotFiles(files: Self.some(notFiles)) }
        if !unlisted.isEmpty { return .runFolderUnlisted(files: Self.some(unlisted)) }
        if !changed.isEmpty { return .runFolderChanged(files: Self.some(changed)) }
        return nil
    }

    /// Removes `folder`, a folder whose marker lists its files: each plain file it lists, then the
    /// marker, then the folder itself if nothing else is left. Anything else found there stays, and so
    /// then does the folder. Returns whether the folder is gone.
    @discardableResult
    static func remove(_ folder: URL) -> Bool {
        let found = read(in: folder)
        let listed = found?.files ?? [:]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for entry in entries where listed[entry] != nil && FileKind.of(folder.appendingPathComponent(entry)) == .file {
            _ = unlink(folder.appendingPathComponent(entry).path)
        }
        // Files in subfolders, each only through real folders (never a link), then those folders, deepest first.
        let subfolders = found?.subfolders ?? []
        let realFolders = Set(subfolders.filter { path in
            let parts = path.split(separator: "/")
            return parts.indices.allSatisfy { FileKind.of(folder.appendingPathComponent(parts[...$0].joined(separator: "/"))) == .folder }
        })
        for name in listed.keys where name.contains("/") {
            let url = folder.appendingPathComponent(name)
            if realFolders.contains(String(name[..<(name.lastIndex(of: "/") ?? name.endIndex)])), FileKind.of(url) == .file { _ = unlink(url.path) }
        }
        for path in subfolders where realFolders.contains(path) { _ = rmdir(folder.appendingPathComponent(path).path) }
        let marker = folder.appendingPathComponent(name)
        if FileKind.of(marker) == .file { _ = unlink(marker.path) }
        return rmdir(folder.path) == 0
    }

    static func some(_ names: [String]) -> String {
        let sorted = names.sorted()
        return sorted.prefix(3).joined(separator: ", ") + (sorted.count > 3 ? ", and \(sorted.count - 3) more" : "")
    }
}

/// What is at a path, without following a link there.
enum FileKind: Equatable, Sendable, CustomStringConvertible {
    case absent, file, folder, link, other

    static func of(_ url: URL) -> FileKind {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return .absent }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    var description: String {
        switch self {
        case .absent: "missing"
        case .file: "a file"
        case .folder: "a folder"
        case .link: "a link"
        case .other: "a special file"
        }
    }
}

/// A file's identity on its device (links followed): two paths with the same identity are one file.
public struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The identity of the file at `path`, or nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
