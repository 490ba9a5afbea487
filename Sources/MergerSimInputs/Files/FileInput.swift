import Foundation

/// Reading input files, with the documented failure (66) when one cannot be read.
public enum FileInput {
    /// The bytes of the file at `path`.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.unreadable, file: path, reason: .noSuchFile)
        }
        guard !isDirectory.boolValue else { throw InputError(.unreadable, file: path, reason: .folderNotFile) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.unreadable, file: path, reason: .unreadableFile)
        }
        return [UInt8](data)
    }
}
