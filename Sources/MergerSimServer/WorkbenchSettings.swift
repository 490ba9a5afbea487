import Foundation
import MergerSimInputs
import MergerSimReports

/// How `mergersim serve` was started: where it listens, where it keeps its workspaces, its limits.
public struct WorkbenchSettings: Sendable {
    /// The address it listens on; loopback unless `--host` says otherwise.
    public var host: String
    public var port: Int
    /// The folder of every workspace (made by mergersim, marked `.mergersim-workbench`).
    public var data: URL
    /// The language of a browser that has not chosen one.
    public var language: Labels.Language
    /// With `--host`: the token a browser must present once (`?token=`), then kept in a cookie.
    public var token: String?
    /// The `mergersim` program a simulation or a proposal runs as (the server's own binary).
    public var executable: URL
    /// The bundled scenarios a workspace may start from (read only, never named by a request).
    public var scenarios: URL
    public var limits: Limits

    /// The documented limits (README, "The workbench").
    public struct Limits: Sendable {
        /// The largest upload (a units, plan or roster CSV): 32 MiB; beyond it 413.
        public var uploadBytes = 32 * 1024 * 1024
        /// The largest form without a file: 1 MiB; beyond it 413.
        public var formBytes = 1024 * 1024
        /// Simulations and proposals running at once, over every workspace.
        public var runningJobs = 1
        /// Jobs waiting or running at once; one more is refused with 503.
        public var queuedJobs = 4
        /// Workspaces in the data folder; one more is refused with 503.
        public var workspaces = 500
        /// Rows of an uploaded units or plan file: 100,000 (the country has about 10,000 communes); beyond it 413.
        public var uploadRows = 100_000
        /// Seconds a connection may stay silent (a slow or stalled client) before it is closed.
        public var idleSeconds: Int64 = 30

        public init() {}
    }

    public init(host: String = "127.0.0.1", port: Int = 8080, data: URL, language: Labels.Language = .en, token: String? = nil,
                executable: URL, scenarios: URL, limits: Limits = Limits()) {
        self.host = host
        self.port = port
        self.data = data
        self.language = language
        self.token = token
        self.executable = executable
        self.scenarios = scenarios
        self.limits = limits
    }

    /// Whether it listens on loopback only (then no token is asked, but the Host header must name loopback).
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) }
}
