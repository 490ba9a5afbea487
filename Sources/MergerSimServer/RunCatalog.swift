import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports
import MergerSimStore

/// What the workbench reads of a run folder's `manifest.json`: the settings it shows, the files it may serve
/// (`outputs`), and what pairs the folder with its row in the run store.
struct RunFolderManifest: Decodable, Sendable {
    struct Rules: Decodable, Sendable { var id: String; var sha256: String }
    struct Input: Decodable, Sendable { var role: String; var sha256: String }
    var scenario: String?
    var rules: Rules
    var effectiveDate: String?
    var seed: UInt64?
    var runs: Int?
    var transfers: String?
    var overrides: [String]?
    var language: String?
    var inputs: [Input]
    var outputs: [String]

    /// The manifest in `folder`, or nil when it is missing or not one `simulate` wrote.
    static func read(_ folder: URL) -> RunFolderManifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(RunFolderManifest.self, from: data)
    }

    /// Whether `run` of the store was made from the same scenario, rules, overrides, seed and runs. Two runs alike
    /// in all of these have the same figures (every draw comes from the seed), so pairing either with either is right.
    func matches(_ run: RunDescription) -> Bool {
        rules.sha256 == run.rulesSHA256 && seed == run.seed && runs == run.runs && (overrides ?? []) == run.overrides
            && inputs.first { $0.role == "scenario" }?.sha256 == run.scenarioSHA256
    }
}

/// The simulations of a workspace: its run store's runs (opened only to read), each beside the numbered run folder
/// (`runs/N`) `simulate` wrote for it. The store has no folder names, so folders and stored runs are paired in
/// order by what made them (``RunFolderManifest/matches(_:)``); a stored run whose folder was not written (the
/// CLI stores first) has none.
struct RunCatalog: Sendable {
    struct Entry: Sendable {
        /// The run folder's number (`runs/N`), nil for a stored run without a folder.
        var number: Int?
        var manifest: RunFolderManifest?
        /// The store's id and description of the run, nil for a folder the store does not hold.
        var stored: RunDescription?
        /// summary.csv's figures as the store holds them.
        var summary: [(metric: String, value: String)] = []
    }

    let workspace: Workspace
    let store: RunStore?
    /// Every run, oldest first.
    let entries: [Entry]

    /// The runs of `workspace`: an unreadable store is the CLI's error, in `labels`' language.
    init(_ workspace: Workspace) throws(InputError) {
        self.workspace = workspace
        let store = workspace.has(.store) ? try RunStore(reading: workspace.url(.store).path, waiting: { _ in }) : nil
        self.store = store
        var stored: [RunDescription] = []
        if let store {
            for id in try store.runIDs() { if let run = try store.description(ofRun: id) { stored.append(run) } }
        }
        var entries: [Entry] = []
        // A folder the index names is paired with its stored run; the others in order by what made them.
        let index = RunIndex.read(workspace)
        let indexed = Set(index.values)
        let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0) })
        stored.removeAll { indexed.contains($0.id) }
        var next = stored.startIndex
        for number in workspace.numbered(workspace.runs) {
            let manifest = RunFolderManifest.read(workspace.runs.appendingPathComponent(String(number)))
            var entry = Entry(number: number, manifest: manifest)
            if let id = index[number], let run = byID[id] {
                entry.stored = run
            } else if let manifest, let found = stored[next...].firstIndex(where: manifest.matches) {
                entries += stored[next..<found].map { Entry(stored: $0) }
                entry.stored = stored[found]
                next = found + 1
            }
            entries.append(entry)
        }
        entries += stored[next...].map { Entry(stored: $0) }
        if let store {
            for index in entries.indices {
                if let id = entries[index].stored?.id { entries[index].summary = try store.summary(ofRun: id) }
            }
        }
        self.entries = entries
    }

    /// The run of folder `number`, or nil when there is no such folder with a manifest.
    func entry(_ number: Int) -> Entry? {
        entries.first { $0.number == number && $0.manifest != nil }
    }

    /// The folder of run `number` (an existing numbered folder: `number` came from ``entries``).
    func folder(_ number: Int) -> URL { workspace.runs.appendingPathComponent(String(number)) }

    /// Run `number` (a folder of ``entries``) as `compare` reads it: from the store when it holds the run, else from
    /// its folder; named by its number.
    func compared(_ number: Int, labels: Labels) throws(InputError) -> ComparedRun {
        var run: ComparedRun
        if let store, let id = entry(number)?.stored?.id {
            run = try ComparedRun(store: store, id: id)
        } else {
            run = try ComparedRun(folder: folder(number).path)
        }
        run.name = labels("serve.results.run_name", ["number": String(number)])
        return run
    }
}

/// Which stored run each run folder holds, as the workbench recorded it when the simulation finished: the store
/// has no folder names, and two runs of one workspace may be made from the same settings (the plan saved between).
enum RunIndex {
    /// The index of `workspace` (folder number → stored run id); empty when none was written or it cannot be
    /// read, and then the folders are paired by what made them, as before the index.
    static func read(_ workspace: Workspace) -> [Int: Int64] {
        guard let data = try? workspace.read(.runIndex),
              let text = try? JSONDecoder().decode([String: Int64].self, from: data) else { return [:] }
        return Dictionary(uniqueKeysWithValues: text.compactMap { key, id in Int(key).map { ($0, id) } })
    }

    /// Records that folder `number` holds the run the store added after run `before`. Best effort: without the
    /// record the folder is still paired by what made it.
    static func record(folder number: Int, storedAfter before: Int64, in workspace: Workspace) {
        guard let store = try? RunStore(reading: workspace.url(.store).path, waiting: { _ in }),
              let id = try? store.runIDs().filter({ $0 > before }).min() else { return }
        var index = read(workspace)
        index[number] = id
        let text = Dictionary(uniqueKeysWithValues: index.map { (String($0.key), $0.value) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(text) else { return }
        try? workspace.write(data, as: .runIndex)
    }
}
