import ArgumentParser
import Foundation
import MergerSimInputs
import MergerSimReports
import MergerSimServer

/// `mergersim serve`: the planner's workbench in a browser, on this machine.
struct Serve: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the planner's workbench: a local web page to load units, plan, simulate and compare, in Vietnamese or English.",
        discussion: """
            Serves on 127.0.0.1 (this machine only) unless --host is given; then it prints a warning and a token the \
            browser must present once (the address it prints carries it). Writes only inside --data: each workspace is a \
            folder there, made by mergersim, holding its inputs, runs and run store. Uploads are limited to 32 MiB (413 beyond); one \
            simulation runs at a time, and at most 4 wait (503 beyond). Ctrl-C stops it.

            Examples:
              mergersim serve
              mergersim serve --port 8090 --data output/workbench --lang vi
            """)

    @Option(help: "The port (1 to 65535).")
    var port = 8080

    @Option(help: "Listen on this address instead of 127.0.0.1 (other machines may then reach it; a token is asked).")
    var host: String?

    @Option(help: "The folder of the workspaces (made when missing; an existing one must be mergersim's or empty).", completion: .directory)
    var data = "output/workbench"

    @Option(help: "The language of a browser that has not chosen one: en or vi.")
    var lang: Labels.Language = .en

    @Option(help: "The folder of the bundled scenarios a workspace may start from.", completion: .directory)
    var scenarios = "scenarios"

    func execute(arguments: [String], console: Console) throws {
        let labels = try Labels(lang)
        // Ctrl-C or a TERM ends the server; the simulations it started are interrupted first and keep nothing.
        Interrupts.say(labels("console.serve.stopped"))
        Interrupts.before { ChildProcesses.interruptAll() }
        guard (1...65_535).contains(port) else {
            throw InputError(.usage, file: "--port", reason: .command(.flagRange(lowest: "1", highest: "65535")))
        }
        if let host, host.isEmpty || host.contains(where: { $0.isWhitespace || $0 == "/" }) {
            throw InputError(.usage, file: "--host", reason: .command(.hostInvalid))
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var settings = WorkbenchSettings(host: host ?? "127.0.0.1", port: port, data: URL(fileURLWithPath: data), language: lang,
                                         executable: executable, scenarios: URL(fileURLWithPath: scenarios))
        if !settings.isLoopback { settings.token = Secrets.random() }
        let workbench: Workbench
        do {
            workbench = try Workbench(settings: settings)
        } catch .foreignDataFolder(_, let files) {
            throw InputError(.unwritable, file: data, reason: .output(.workbenchForeignFiles(files: files)))
        } catch {
            throw InputError(.unwritable, file: data, "\(error)")
        }
        let shownHost = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        let address = "http://\(shownHost):\(port)/"
        if let token = settings.token {
            console.error(labels("console.serve.exposed", ["host": settings.host]))
            console.out(labels("console.serve.listening", ["address": address + "?token=" + token, "data": data]))
        } else {
            console.out(labels("console.serve.listening", ["address": address, "data": data]))
        }
        fflush(nil)
        let application = workbench.application()
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            // The signals are the interrupt handler's (it stops the children first), not the service group's.
            do { try await application.runService(gracefulShutdownSignals: []) } catch { failure.set("\(error)") }
            finished.signal()
        }
        finished.wait()
        if let message = failure.message {
            throw InputError(.unwritable, file: "--port", reason: .command(.serveFailed(address: address, message: message)))
        }
    }

    private final class FailureBox: @unchecked Sendable {
        private let lock = NSLock()
        private var text: String?
        var message: String? { lock.withLock { text } }
        func set(_ message: String) { lock.withLock { text = message } }
    }
}
