import Foundation
import MergerSimInputs

/// A workspace's id: 12 lowercase hexadecimal digits, made by the server. Any other text from a request
/// is not an id, so no path is ever made from what a browser sends.
public struct WorkspaceID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let text: String

    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 12, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        self.text = String(text)
    }

    static func random() -> WorkspaceID {
        var generator = SystemRandomNumberGenerator()
        let digits = (0..<12).map { _ in String(Int.random(in: 0..<16, using: &generator), radix: 16) }.joined()
        guard let id = WorkspaceID(digits) else { preconditionFailure("12 hexadecimal digits are an id") }
        return id
    }

    public var description: String { text }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.text < rhs.text }
}

/// The files of a workspace, by role; their names are the server's, never a request's.
public enum WorkspaceFile: String, Sendable, CaseIterable {
    case info = "workspace.json"
    case scenario = "scenario.yaml"
    case units = "units.csv"
    case plan = "plan.csv"
    /// The plan editor's history (undo and redo).
    case editor = "editor.json"
    /// The runs of the workspace, one row per simulation (the CLI's run store).
    case store = "runs.sqlite"
    /// Which stored run each run folder holds (`{"N": id}`), written as each simulation finishes.
    case runIndex = "runs.json"
}

/// What a workspace is, as `workspace.json` keeps it.
public struct WorkspaceInfo: Codable, Sendable {
    /// The planner's name for it (any text; shown escaped).
    public var name: String
    /// When it was made (ISO 8601, UTC).
    public var created: String
    /// The bundled scenario it started from, or nil for an upload.
    public var bundled: String?

    public init(name: String, created: String, bundled: String?) {
        self.name = name
        self.created = created
        self.bundled = bundled
    }
}

/// One workspace: a folder under the data folder holding its inputs (`units.csv`, `plan.csv`,
/// `scenario.yaml`), its runs (`runs/N/`, each a `mergersim simulate` run folder), its proposals
/// (`proposals/N/`) and its run store.
public struct Workspace: Sendable {
    public let id: WorkspaceID
    public let folder: URL
    public var info: WorkspaceInfo

    public func url(_ file: WorkspaceFile) -> URL { folder.appendingPathComponent(file.rawValue) }
    public func has(_ file: WorkspaceFile) -> Bool { FileManager.default.fileExists(atPath: url(file).path) }
    /// The folder of the simulations' run folders.
    public var runs: URL { folder.appendingPathComponent("runs") }
    /// The folder of the proposals' output folders.
    public var proposals: URL { folder.appendingPathComponent("proposals") }

    /// Writes `content` as `file`: a temporary file beside it, renamed over it, so a reader sees the old or the new whole.
    public func write(_ content: Data, as file: WorkspaceFile) throws(WorkbenchError) {
        try Workspaces.atomicWrite(content, to: url(file))
    }

    /// The content of `file`, or nil when the workspace has none.
    public func read(_ file: WorkspaceFile) throws(WorkbenchError) -> Data? {
        guard has(file) else { return nil }
        do { return try Data(contentsOf: url(file)) } catch { throw .system(error.localizedDescription) }
    }

    /// The numbers of the run folders under `folder` (`runs` or `proposals`), in order.
    public func numbered(_ folder: URL) -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { name in Int(name).flatMap { String($0) == name && $0 > 0 ? $0 : nil } }.sorted()
    }
}

/// Why the workbench cannot do what it was asked, as a status and a sentence (`serve.error.*` labels).
public enum WorkbenchError: Error, Sendable {
    /// The data folder exists, is not empty and was not made by mergersim.
    case foreignDataFolder(path: String, files: String)
    /// No workspace, run or file by that id.
    case notFound
    /// The request is refused: no or a wrong CSRF token.
    case forbidden
    /// The request's body is larger than the limit (bytes).
    case tooLarge(limit: Int)
    /// An upload has more rows than the limit.
    case tooManyRows(limit: Int)
    /// The request is malformed (a sentence says how).
    case badRequest(String)
    /// The queue of simulations is full.
    case busy
    /// The data folder holds as many workspaces as the limit.
    case tooManyWorkspaces(limit: Int)
    /// A simulation or proposal of the workspace is waiting or running: its inputs cannot change meanwhile.
    case workspaceBusy
    /// An input the command line would refuse, with its sentence.
    case unusable(InputError)
    /// A failure of the workbench's own (a broken invariant, an error no route expected).
    case internalFailure
    /// A file could not be read or written (the system's words).
    case system(String)
}

/// Every workspace, under the data folder. The data folder is made by mergersim (with a marker);
/// an existing folder it did not make is used only when empty.
public actor Workspaces {
    public static let markerName = ".mergersim-workbench"
    public let folder: URL
    private let limit: Int

    public init(folder: URL, limit: Int) throws(WorkbenchError) {
        self.folder = folder.standardizedFileURL
        self.limit = limit
        try Self.prepare(self.folder)
    }

    /// Makes the data folder, or checks that an existing one is mergersim's (or empty, then marks it).
    static func prepare(_ folder: URL) throws(WorkbenchError) {
        let manager = FileManager.default
        let marker = folder.appendingPathComponent(markerName)
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .foreignDataFolder(path: folder.path, files: folder.lastPathComponent) }
            if manager.fileExists(atPath: marker.path) {
                removeLeftovers(folder)
                return
            }
            let present: [String]
            do { present = try manager.contentsOfDirectory(atPath: folder.path).sorted() } catch { throw .system(error.localizedDescription) }
            guard present.isEmpty else {
                throw .foreignDataFolder(path: folder.path, files: present.prefix(3).joined(separator: ", ") + (present.count > 3 ? ", …" : ""))
            }
        } else {
            do { try manager.createDirectory(at: folder, withIntermediateDirectories: true) } catch { throw .system(error.localizedDescription) }
        }
        try atomicWrite(Data("mergersim workbench data: every folder here is a workspace mergersim made.\n".utf8), to: marker)
    }

    /// Removes what an earlier server stopped in the middle of writing: hidden `.new-ID` workspaces, and in
    /// each workspace its hidden check and partial files (mergersim's own names only; nothing else is touched).
    static func removeLeftovers(_ folder: URL) {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".new-") && WorkspaceID(name.dropFirst(5)) != nil {
            try? manager.removeItem(at: folder.appendingPathComponent(name))
        }
        for name in names where WorkspaceID(name) != nil {
            let workspace = folder.appendingPathComponent(name)
            let inside = (try? manager.contentsOfDirectory(atPath: workspace.path)) ?? []
            for file in inside where file == ".plan-check.csv" || file == ".targets.csv.check" || file.contains(".partial-") && file.hasPrefix(".") {
                try? manager.removeItem(at: workspace.appendingPathComponent(file))
            }
        }
    }

    /// Every workspace, newest first.
    public func list() -> [Workspace] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { WorkspaceID($0) }.compactMap { try? open($0) }.sorted { $0.info.created > $1.info.created }
    }

    /// The workspace `id`, or ``WorkbenchError/notFound``.
    public func open(_ id: WorkspaceID) throws(WorkbenchError) -> Workspace {
        let url = folder.appendingPathComponent(id.text)
        let infoURL = url.appendingPathComponent(WorkspaceFile.info.rawValue)
        guard let data = FileManager.default.contents(atPath: infoURL.path) else { throw .notFound }
        do {
            return Workspace(id: id, folder: url, info: try JSONDecoder().decode(WorkspaceInfo.self, from: data))
        } catch {
            throw .system("workspace.json of \(id) is unreadable: \(error.localizedDescription)")
        }
    }

    /// A new workspace holding `files`: written in a hidden folder, then renamed into place whole.
    public func create(name: String, bundled: String?, files: [(WorkspaceFile, Data)]) throws(WorkbenchError) -> Workspace {
        let existing = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).compactMap { WorkspaceID($0) }
        guard existing.count < limit else { throw .tooManyWorkspaces(limit: limit) }
        let id = WorkspaceID.random()
        let formatter = ISO8601DateFormatter()
        let info = WorkspaceInfo(name: name, created: formatter.string(from: Date()), bundled: bundled)
        let staging = folder.appendingPathComponent(".new-\(id.text)")
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(info).write(to: staging.appendingPathComponent(WorkspaceFile.info.rawValue))
            for (file, content) in files { try content.write(to: staging.appendingPathComponent(file.rawValue)) }
            try manager.moveItem(at: staging, to: folder.appendingPathComponent(id.text))
        } catch {
            try? manager.removeItem(at: staging)
            throw .system(error.localizedDescription)
        }
        return Workspace(id: id, folder: folder.appendingPathComponent(id.text), info: info)
    }

    /// Writes `content` to `url` through a temporary file beside it and a rename.
    static func atomicWrite(_ content: Data, to url: URL) throws(WorkbenchError) {
        let staging = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try content.write(to: staging)
            if rename(staging.path, url.path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw .system("\(url.lastPathComponent) could not be written: \(error.localizedDescription)")
        }
    }
}
