import Foundation
import MergerSimReports

/// The child processes running now, by process id: what the server interrupts when it is itself interrupted.
public enum ChildProcesses {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var running: Set<Int32> = []

    static func started(_ pid: Int32) { lock.withLock { _ = running.insert(pid) } }
    static func ended(_ pid: Int32) { lock.withLock { _ = running.remove(pid) } }

    /// Interrupts every running child and waits (at most `seconds`) until each has ended, so that each removes
    /// the folder it was writing, as a command interrupted at a terminal does.
    public static func interruptAll(waiting seconds: Double = 10) {
        let pids = lock.withLock { running }
        for pid in pids { kill(pid, SIGINT) }
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, !lock.withLock({ running.isEmpty }) { usleep(50_000) }
    }
}

/// What a job runs: a simulation (`mergersim simulate`) or a proposal (`mergersim propose`).
public enum JobKind: String, Sendable, Codable {
    case simulate, propose
}

/// Where a job is, as its page and `GET …/jobs/ID.json` show it.
public struct JobStatus: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        case queued, running, finished, failed, cancelled

        /// Waiting or running: not ended yet.
        public var isActive: Bool { self == .queued || self == .running }
    }

    public let id: String
    public let workspace: String
    public let kind: JobKind
    public var state: State
    /// Replications (or clusters) done, of `total`; 0 of 0 before the first report.
    public var done = 0
    public var total = 0
    /// The estimated seconds left, once there is a rate to go by.
    public var secondsLeft: Double?
    /// The number of the folder it writes (`runs/N` or `proposals/N`).
    public let output: Int
    /// What the command said on failure (its own sentence, in the job's language, place included).
    public var message: String?
    public var exitCode: Int32?
}

/// The simulations and proposals of every workspace: each a child `mergersim` process (so a cancel is an
/// interrupt the command already answers by leaving earlier output as it was, and a crash stays in the child).
/// One job at a time per workspace, at most `running` at once, at most `queued` waiting or running (then 503).
public actor Jobs {
    /// A running child: what it has said so far, read on the pipe's own thread (under a lock, in order).
    private final class Running: @unchecked Sendable {
        let process: Process
        let started: Date
        private let lock = NSLock()
        private var errorText = Data()
        private var pending = Data()
        private var done = 0
        private var total = 0

        init(process: Process, started: Date) { self.process = process; self.started = started }

        /// Standard error as it comes: `progress DONE TOTAL` lines, or what the command says (kept, at most 64 KiB).
        func received(_ data: Data) {
            lock.withLock {
                pending.append(data)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending = Data(pending[(newline + 1)...])
                    let parts = line.split(separator: " ")
                    if parts.count == 3, parts[0] == "progress", let done = Int(parts[1]), let total = Int(parts[2]) {
                        (self.done, self.total) = (done, total)
                    } else if errorText.count < 65_536 {
                        errorText.append(Data((line + "\n").utf8))
                    }
                }
                // A line that never ends is not kept whole: its first 64 KiB are enough to read.
                if pending.count > 65_536 { pending = Data(pending.prefix(65_536)) + Data("\n".utf8) }
            }
        }

        /// Replications done and in all, and what the command said.
        var progress: (done: Int, total: Int) { lock.withLock { (done, total) } }
        var said: String {
            lock.withLock { String(decoding: errorText + pending, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        }
    }

    private struct Job {
        var status: JobStatus
        let arguments: [String]
        let folder: URL
        var running: Running?
        var cancelRequested = false
        /// Told once the job has finished well (before its page says so).
        let finished: (@Sendable (JobStatus) async -> Void)?
    }

    private let executable: URL
    private let runningLimit: Int
    private let queuedLimit: Int
    private var jobs: [String: Job] = [:]
    private var order: [String] = []
    /// Output numbers handed out but maybe not yet on disk, by folder path.
    private var reserved: [String: Set<Int>] = [:]

    public init(executable: URL, running: Int, queued: Int) {
        self.executable = executable
        self.runningLimit = running
        self.queuedLimit = queued
    }

    /// Queues `arguments` (after the program name) for `workspace`, writing folder number `output` under `folder`,
    /// or refuses with ``WorkbenchError/busy`` when the queue is full.
    /// `finished` is told, before the job's page says it is done, once the command has ended well.
    public func submit(_ kind: JobKind, workspace: Workspace, folder: URL, arguments: (Int) -> [String],
                       finished: (@Sendable (JobStatus) async -> Void)? = nil) throws(WorkbenchError) -> JobStatus {
        let active = jobs.values.filter { $0.status.state.isActive }
        guard active.count < queuedLimit else { throw .busy }
        let output = nextNumber(in: folder, workspace: workspace)
        let id = WorkspaceID.random().text
        let status = JobStatus(id: id, workspace: workspace.id.text, kind: kind, state: .queued, output: output)
        jobs[id] = Job(status: status, arguments: arguments(output), folder: folder, finished: finished)
        order.append(id)
        schedule()
        return jobs[id]?.status ?? status
    }

    private func nextNumber(in folder: URL, workspace: Workspace) -> Int {
        let onDisk = workspace.numbered(folder)
        let taken = reserved[folder.path, default: []]
        let next = max(onDisk.last ?? 0, taken.max() ?? 0) + 1
        reserved[folder.path, default: []].insert(next)
        return next
    }

    public func status(_ id: String) -> JobStatus? {
        guard let job = jobs[id] else { return nil }
        return Self.current(job)
    }

    /// A job's status with its child's progress so far and the time left at that rate.
    private static func current(_ job: Job) -> JobStatus {
        var status = job.status
        guard let running = job.running, status.state == .running else { return status }
        (status.done, status.total) = running.progress
        let elapsed = Date().timeIntervalSince(running.started)
        status.secondsLeft = status.done > 0 ? elapsed * Double(status.total - status.done) / Double(status.done) : nil
        return status
    }

    /// The jobs of `workspace`, newest first.
    public func jobs(of workspace: WorkspaceID) -> [JobStatus] {
        order.reversed().compactMap { jobs[$0] }.map(Self.current).filter { $0.workspace == workspace.text }
    }

    /// Cancels job `id`: a queued job is dropped, a running one interrupted (its command removes what it was writing).
    public func cancel(_ id: String) {
        guard var job = jobs[id] else { return }
        switch job.status.state {
        case .queued:
            job.status.state = .cancelled
            jobs[id] = job
            reserved[job.folder.path]?.remove(job.status.output)
            schedule()
        case .running:
            job.cancelRequested = true
            jobs[id] = job
            job.running?.process.interrupt()
        default: break
        }
    }

    /// Waits until job `id` has ended (tests and the load test).
    public func wait(_ id: String) async -> JobStatus? {
        while let status = jobs[id]?.status, status.state.isActive {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return jobs[id]?.status
    }

    private func schedule() {
        let busyWorkspaces = Set(jobs.values.filter { $0.status.state == .running }.map(\.status.workspace))
        var runningCount = busyWorkspaces.count
        var started = busyWorkspaces
        for id in order where runningCount < runningLimit {
            guard let job = jobs[id], job.status.state == .queued, !started.contains(job.status.workspace) else { continue }
            start(id)
            started.insert(job.status.workspace)
            runningCount += 1
        }
    }

    private func start(_ id: String) {
        guard var job = jobs[id] else { return }
        let process = Process()
        process.executableURL = executable
        process.arguments = job.arguments
        var environment = ProcessInfo.processInfo.environment
        environment["MERGERSIM_PROGRESS"] = "lines"
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        // What the command prints for a person (its summary) is not needed: the results come from its files.
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let running = Running(process: process, started: Date())
        job.status.state = .running
        job.running = running
        jobs[id] = job
        do {
            try process.run()
        } catch {
            job.status.state = .failed
            job.status.message = error.localizedDescription
            job.running = nil
            jobs[id] = job
            reserved[job.folder.path]?.remove(job.status.output)
            schedule()
            return
        }
        ChildProcesses.started(process.processIdentifier)
        // One thread reads standard error to its end, in order, then takes the exit status: nothing the
        // command said is lost or reordered, however the pipe's chunks fall.
        let reader = errors.fileHandleForReading
        Thread { [weak self] in
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                running.received(data)
            }
            // Closed here, not when the last reference goes: a long-lived server must not keep a descriptor per job.
            try? reader.close()
            process.waitUntilExit()
            ChildProcesses.ended(process.processIdentifier)
            let code = process.terminationStatus
            guard let self else { return }
            Task {
                if code == 0, let (finished, status) = await self.finishing(id) { await finished(status) }
                await self.ended(id, code: code)
            }
        }.start()
    }

    /// What job `id` tells when it finishes well, and its status.
    private func finishing(_ id: String) -> (@Sendable (JobStatus) async -> Void, JobStatus)? {
        guard let job = jobs[id], let finished = job.finished else { return nil }
        return (finished, job.status)
    }

    private func ended(_ id: String, code: Int32) {
        guard var job = jobs[id] else { return }
        let said = job.running?.said ?? ""
        if let progress = job.running?.progress { (job.status.done, job.status.total) = progress }
        job.status.exitCode = code
        job.status.secondsLeft = nil
        if job.cancelRequested && code != 0 {
            job.status.state = .cancelled
        } else if code == 0 {
            job.status.state = .finished
            job.status.done = job.status.total
        } else {
            job.status.state = .failed
            job.status.message = said.isEmpty ? nil : said
        }
        job.running = nil
        jobs[id] = job
        reserved[job.folder.path]?.remove(job.status.output)
        forgetOldJobs()
        schedule()
    }

    /// Keeps the last 200 ended jobs (their pages stay readable), forgetting older ones.
    private func forgetOldJobs() {
        let ended = order.filter { id in jobs[id].map { !$0.status.state.isActive } ?? true }
        guard ended.count > 200 else { return }
        let forgotten = Set(ended.prefix(ended.count - 200))
        for id in forgotten { jobs[id] = nil }
        order.removeAll { forgotten.contains($0) }
    }
}
