import Dispatch
import Foundation
import MergerSim
import MergerSimInputs
import MergerSimReports

/// Runs a sweep's settings into a run store, skipping those stored already.
///
/// Each setting is stored in one transaction once its replications are done, under the key of
/// ``SweepPlan/key(_:)``: a sweep stopped at any moment loses at most the settings running then, and
/// started again skips every setting stored and never stores one twice.
public struct SweepRunner: Sendable {
    /// The base scenario every setting overrides.
    public let scenarioPath: String
    /// Replications of each setting; nil: the scenario's.
    public let runs: Int?
    /// The name runs are stored under (`runs.sweep`).
    public let name: String
    public let store: RunStore

    public init(scenarioPath: String, runs: Int?, name: String, store: RunStore) {
        self.scenarioPath = scenarioPath
        self.runs = runs
        self.name = name
        self.store = store
    }

    public init(plan: SweepPlan, store: RunStore) {
        self.init(scenarioPath: plan.file.scenarioPath, runs: plan.file.runs, name: plan.file.name, store: store)
    }

    /// What happens, for progress and logs (called from the worker running the setting).
    public enum Event: Sendable {
        /// A setting already in the store, with its run id.
        case skipped(SweepPlan.Setting, run: Int64)
        /// Replications done of a setting running now.
        case replications(SweepPlan.Setting, done: Int, of: Int)
        /// A setting run and stored, with its run id and the seconds it took.
        case stored(SweepPlan.Setting, run: Int64, seconds: Double)
    }

    /// Runs `settings` (stored ones skipped), `jobs` at a time; returns each setting's run id by number.
    /// `proceed` is asked before each setting starts (false: stop there, as an interrupt would).
    /// - Throws: the first setting's failure (``InputError``, ``InternalError``); settings stored before it stay.
    public func run(_ settings: [SweepPlan.Setting], jobs: Int = 1, events: @escaping @Sendable (Event) -> Void = { _ in },
                    proceed: @escaping @Sendable () -> Bool = { true }) throws -> [Int: Int64] {
        let queue = WorkQueue(settings)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, settings.count))) { _ in
            while proceed(), let setting = queue.next() {
                do {
                    queue.finished(setting.number, try runOne(setting, events: events))
                } catch {
                    queue.fail(error)
                }
            }
        }
        return try queue.result()
    }

    private func runOne(_ setting: SweepPlan.Setting, events: @escaping @Sendable (Event) -> Void) throws -> Int64 {
        let started = DispatchTime.now()
        let scenario = try Scenario(path: scenarioPath, overrides: setting.overrides)
        let inputs = try ScenarioInputs(scenario: scenario, seed: setting.seed, runs: runs)
        let key = SweepPlan.key(inputs)
        let point = StoredSetting(setting, sweep: name, inputs: inputs)
        if let id = try store.runID(key: key) {
            // The run is this setting's too: a design repeating a point, a sweep resumed at other seeds, or a run an
            // upgrade gave a recovered setting. Every setting keeps its runs; linked already, nothing changes.
            try store.link(run: id, to: point)
            events(.skipped(setting, run: id))
            return id
        }
        try inputs.checkMemory(runsFromFlag: runs != nil)
        let total = inputs.run.settings.runs
        let outcome = try inputs.run(progress: { events(.replications(setting, done: $0, of: total)) })
        let run = StoredRun(inputs: inputs, outcome: outcome, summary: RunSummary(inputs.run, outcome), key: key, sweep: name,
                            setting: point)
        // Another job may have stored the same run (a design can repeat a point): `record` links this setting to it.
        guard let id = try store.record(run) ?? store.runID(key: key) else {
            throw InternalError("setting \(setting.number) was neither stored nor found in the store")
        }
        events(.stored(setting, run: id, seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9))
        return id
    }
}

/// The settings left to run, shared by the jobs; the first failure stops them all.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [SweepPlan.Setting]
    private var runs: [Int: Int64] = [:]
    private var failure: (any Error)?

    init(_ settings: [SweepPlan.Setting]) { pending = settings.reversed() }

    func next() -> SweepPlan.Setting? {
        lock.withLock { failure == nil ? pending.popLast() : nil }
    }

    func finished(_ number: Int, _ run: Int64) { lock.withLock { runs[number] = run } }

    func fail(_ error: any Error) {
        lock.withLock { if failure == nil { failure = error } }
    }

    func result() throws -> [Int: Int64] {
        try lock.withLock {
            if let failure { throw failure }
            return runs
        }
    }
}
