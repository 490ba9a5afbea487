import Foundation

/// A single file a command writes (`compare --out`): checked before any work, written whole or not at all.
///
/// An existing folder is refused; an existing file is replaced only when it is a comparison
/// mergersim wrote (its header starts `metric,` and names two runs or more); anything else is refused (73).
public struct OutputFile: Sendable {
    public let given: String
    let target: URL

    public init(_ path: String) throws(InputError) {
        given = path
        func refuse(_ message: String) -> InputError { InputError(.unwritable, file: path.isEmpty ? "\"\"" : path, message) }
        guard !path.isEmpty else { throw refuse("--out is empty; give the name of the CSV file to write") }
        target = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw refuse("this is a folder; give --out the name of a CSV file") }
            guard Self.isComparison(target) else {
                throw refuse("this file exists and is not a comparison mergersim wrote; mergersim does not replace it: choose another --out")
            }
        }
        let parent = target.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw refuse("the folder \(parent.path) does not exist")
        }
        guard access(parent.path, W_OK) == 0 else { throw refuse("the folder \(parent.path) is not writable") }
    }

    private static func isComparison(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        let firstLine = String(decoding: head.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        return firstLine.hasPrefix("metric,") && firstLine.split(separator: ",", omittingEmptySubsequences: false).count >= 3
    }

    /// Writes `content`: a temporary file beside the target, renamed over it.
    public func write(_ content: Data) throws(InputError) {
        let staging = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try content.write(to: staging)
            guard rename(staging.path, target.path) == 0 else {
                throw InputError(.unwritable, file: given, "the file cannot be moved into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            if let error = error as? InputError { throw error }
            throw InputError(.unwritable, file: given, "the file cannot be written: \(OutputFolder.reason(error))")
        }
    }
}
