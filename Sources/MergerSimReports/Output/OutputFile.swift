import Foundation
import MergerSimInputs

/// A single file a command writes (`compare --out`): checked before any work, written whole or not at all.
///
/// An existing folder or link is refused; an existing file is replaced only when mergersim wrote it and
/// it is unchanged since: a hidden marker beside it (`.NAME.mergersim`) holds the SHA-256 of what
/// mergersim wrote. Any other file, a copy without its marker or a file edited since, is refused (73).
public struct OutputFile: Sendable {
    public let given: String
    let target: URL

    /// The marker beside a file mergersim wrote.
    var marker: URL { target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).mergersim") }
    private static let markerHeading = "mergersim wrote the file beside this one; it may replace it while its SHA-256 is one of:"

    public init(_ path: String) throws(InputError) {
        given = path
        func refuse(_ reason: OutputReason) -> InputError { InputError(.unwritable, file: path.isEmpty ? "\"\"" : path, reason: .output(reason)) }
        guard !path.isEmpty else { throw refuse(.emptyFileName) }
        target = URL(fileURLWithPath: path).standardizedFileURL
        switch FileKind.of(target) {
        case .absent: break
        case .folder: throw refuse(.fileIsFolder)
        case .file:
            guard ownedByMergersim() else {
                throw refuse(.fileNotWrittenByMergersim)
            }
        case .link, .other: throw refuse(.fileIsLinkOrSpecial)
        }
        let parent = target.deletingLastPathComponent()
        guard FileKind.of(parent) == .folder || FileKind.of(parent.resolvingSymlinksInPath()) == .folder else {
            throw refuse(.fileFolderMissing(folder: parent.path))
        }
        guard access(parent.path, W_OK) == 0 else { throw refuse(.fileFolderNotWritable(folder: parent.path)) }
    }

    /// The hashes the marker beside the file allows, or none.
    private func markedHashes() -> Set<String> {
        guard FileKind.of(marker) == .file, let data = FileManager.default.contents(atPath: marker.path), data.count < 4096 else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.first == Self.markerHeading else { return [] }
        return Set(lines.dropFirst().filter { $0.count == 64 })
    }

    /// Whether the file there is one mergersim wrote, unchanged.
    private func ownedByMergersim() -> Bool {
        let hashes = markedHashes()
        guard !hashes.isEmpty, let content = FileManager.default.contents(atPath: target.path) else { return false }
        return hashes.contains(SHA256.hex([UInt8](content)))
    }

    /// Writes `content`: a temporary file beside the target, renamed over it; the marker beside it names
    /// both the old and the new content while the rename happens, then only the new.
    public func write(_ content: Data) throws(InputError) {
        let parent = target.deletingLastPathComponent()
        let unique = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(unique)")
        let hash = SHA256.hex([UInt8](content))
        func writeMarker(_ hashes: [String]) throws {
            let markerStaging = parent.appendingPathComponent(".\(target.lastPathComponent).mergersim.partial-\(unique)")
            try Data(([Self.markerHeading] + hashes).joined(separator: "\n").appending("\n").utf8).write(to: markerStaging)
            guard rename(markerStaging.path, marker.path) == 0 else {
                let saved = errno
                _ = unlink(markerStaging.path)
                throw InputError(.unwritable, file: given, reason: .output(.markerUnwritable(system: String(cString: strerror(saved)))))
            }
        }
        do {
            // Checked again: something may have taken the name since the check before the work.
            switch FileKind.of(target) {
            case .absent: break
            case .file where ownedByMergersim(): break
            default: throw InputError(.unwritable, file: given, reason: .output(.fileAppeared))
            }
            try content.write(to: staging)
            try writeMarker(Array(markedHashes()) + [hash])
            guard rename(staging.path, target.path) == 0 else {
                throw InputError(.unwritable, file: given, reason: .output(.fileNotMovedIntoPlace(system: String(cString: strerror(errno)))))
            }
            try writeMarker([hash])
        } catch {
            _ = unlink(staging.path)
            if let error = error as? InputError { throw error }
            throw InputError(.unwritable, file: given, reason: .output(.fileUnwritable(system: OutputFolder.reason(error))))
        }
    }
}
