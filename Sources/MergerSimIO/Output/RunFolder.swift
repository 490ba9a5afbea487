import Foundation

/// Writes a run's files all at once or not at all.
///
/// The files go into a hidden temporary folder beside the destination, which
/// is then renamed into place; an earlier run in the destination is replaced
/// only after the new one is complete. On failure nothing at the destination
/// is created or changed (INTERFACE.md).
public enum RunFolder {
    /// Writes `files` (name → content) as the folder `destination`.
    ///
    /// - Throws: ``InputError`` 73 when the folder cannot be written.
    public static func write(_ files: [(name: String, content: Data)], to destination: String) throws(InputError) {
        let fileManager = FileManager.default
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(unique)")
        let previous = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(unique)")
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw InputError(.unwritable, file: destination, "this is a file, not a folder; choose another --out")
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw InputError(.unwritable, file: destination, "the output folder cannot be created: \(Self.reason(error))")
        }
        do {
            for file in files {
                try file.content.write(to: staging.appendingPathComponent(file.name))
            }
            let replacing = fileManager.fileExists(atPath: target.path)
            if replacing { try fileManager.moveItem(at: target, to: previous) }
            do {
                try fileManager.moveItem(at: staging, to: target)
            } catch {
                if replacing { try? fileManager.moveItem(at: previous, to: target) }
                throw error
            }
            if replacing { try? fileManager.removeItem(at: previous) }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw InputError(.unwritable, file: destination, "the output cannot be written: \(Self.reason(error))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError { return underlying.localizedDescription }
        return nsError.localizedDescription
    }
}
