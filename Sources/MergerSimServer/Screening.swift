import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// A workspace's units screened under a rule set, as `mergersim screen` screens them: the typed results and
/// the screening table (`screening.csv`'s rows), kept while the units file and the rule set are unchanged.
public struct WorkspaceScreening: Sendable {
    public let rules: String
    public let round: Int
    public let results: [ScreeningResult]
    public let table: ReportTable
    /// The provinces, in the order a reader expects (sorted by their names).
    public let provinces: [String]
}

/// The screenings computed so far, by workspace (one per rule set; the national units take seconds in a debug build).
actor ScreeningCache {
    private struct Key: Hashable { let workspace: WorkspaceID; let rules: String; let size: Int; let modified: Date }
    /// The screenings done or under way, the most recently used last; at most ``kept``.
    private var entries: [(key: Key, task: Task<Result<WorkspaceScreening, InputError>, Never>)] = []
    private let kept = 6

    /// The screening of `workspace`'s units under `rules` (a bundled id), read and computed when not cached;
    /// requests for one that is under way wait for it instead of starting another.
    /// A units file or rule set the CLI would refuse gives the CLI's error.
    func screening(_ workspace: Workspace, rules: String) async throws(InputError) -> WorkspaceScreening {
        let path = workspace.url(.units).path
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let key = Key(workspace: workspace.id, rules: rules, size: (attributes[.size] as? Int) ?? -1,
                      modified: (attributes[.modificationDate] as? Date) ?? .distantPast)
        let task: Task<Result<WorkspaceScreening, InputError>, Never>
        if let index = entries.firstIndex(where: { $0.key == key }) {
            task = entries.remove(at: index).task
        } else {
            task = Task { await offloaded { Result { () throws(InputError) -> WorkspaceScreening in try Self.screen(path, rules: rules) } } }
        }
        entries.removeAll { $0.key.workspace == key.workspace && $0.key.rules == key.rules }
        entries.append((key, task))
        if entries.count > kept { entries.removeFirst(entries.count - kept) }
        switch await task.value {
        case .success(let screening): return screening
        case .failure(let error):
            entries.removeAll { $0.key == key }
            throw error
        }
    }

    /// The units at `path` read and screened under `rules`, as `mergersim screen` does.
    private static func screen(_ path: String, rules: String) throws(InputError) -> WorkspaceScreening {
        let loaded = try RuleSetLoader.load(rules)
        let ruleSet = loaded.rules
        let unitsFile = try UnitsFile(bytes: try FileInput.read(path), file: WorkspaceFile.units.rawValue)
        guard let round = ruleSet.screening.round(ruleSet.screening.defaultRound) else {
            throw InputError(.usage, file: rules, reason: .command(.noScreeningRound(ruleSet: ruleSet.id, round: ruleSet.screening.defaultRound,
                                                                                     rounds: ruleSet.screening.rounds.map(\.round))))
        }
        let results: [ScreeningResult]
        do { results = try ruleSet.screen(unitsFile.units, round: round) } catch { throw unitsFile.located(error) }
        return WorkspaceScreening(rules: rules, round: round.round, results: results, table: ScreeningReport.table(results),
                                  provinces: Array(Set(results.map(\.unit.province))).sorted())
    }
}
