import Foundation
import Hummingbird
import Logging
import MergerSimReports

/// The planner's workbench: the server's state (settings, workspaces, jobs, words) and its routes.
/// Each step of the planner's path registers its own routes (`Routes+Units.swift`, …); every number a page
/// shows comes from the library's typed results, the run store or a run folder the commands wrote.
public final class Workbench: Sendable {
    public let settings: WorkbenchSettings
    public let workspaces: Workspaces
    public let jobs: Jobs
    public let translations: Translations
    let sessions: Sessions
    let screenings = ScreeningCache()
    let gates = WorkspaceGates()
    /// The column dictionary (each column's name and meaning) in both languages.
    let columnDictionaries: [Labels.Language: ColumnDictionary]

    public init(settings: WorkbenchSettings) throws(WorkbenchError) {
        self.settings = settings
        workspaces = try Workspaces(folder: settings.data, limit: settings.limits.workspaces)
        jobs = Jobs(executable: settings.executable, running: settings.limits.runningJobs, queued: settings.limits.queuedJobs)
        do { translations = try Translations() } catch { throw .system(error.message) }
        do {
            columnDictionaries = [.en: try ColumnDictionary(translations.en), .vi: try ColumnDictionary(translations.vi)]
        } catch { throw .system(error.message) }
        sessions = Sessions()
    }

    /// The router: the guard first, then every page's routes.
    public func router() -> Router<WorkbenchContext> {
        let router = Router(context: WorkbenchContext.self)
        router.add(middleware: GuardMiddleware(settings: settings, sessions: sessions, translations: translations))
        router.get("health") { _, _ in "ok" }
        registerAssets(router)
        registerHome(router)
        registerJobs(router)
        registerUnits(router)
        registerPlan(router)
        registerSimulate(router)
        registerResults(router)
        registerCompare(router)
        return router
    }

    /// The application listening where the settings say.
    /// `running` is told the port once it listens (the tests listen on port 0, any free port).
    public func application(logger: Logger? = nil, running: (@Sendable (Int) async -> Void)? = nil) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "mergersim.serve")
        if logger == nil { log.logLevel = .warning }
        return Application(router: router(), server: .http1(configuration: .init(idleTimeout: .seconds(settings.limits.idleSeconds))),
                           configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "mergersim"),
                           onServerRunning: { channel in await running?(channel.localAddress?.port ?? 0) }, logger: log)
    }

    // MARK: helpers for the routes

    /// The workspace named by the route's `:workspace` parameter; any other text is 404, never a path.
    func workspace(_ context: WorkbenchContext) async throws(WorkbenchError) -> Workspace {
        guard let text = context.parameters.get("workspace"), let id = WorkspaceID(text) else { throw .notFound }
        return try await workspaces.open(id)
    }

    /// `page` in the context's language.
    func respond(_ page: Page, _ request: Request, _ context: WorkbenchContext) -> Response {
        // The page's address with its query (filters, a proposal), less any language choice, for the language link.
        let kept = (request.uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") && !$0.hasPrefix("token=") }
        let path = request.uri.path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
        return page.response(context, translations: translations, path: path)
    }

    /// The labels of the context's language.
    func labels(_ context: WorkbenchContext) -> Labels { translations[context.language] }

    /// A redirect after a POST (303: the browser then GETs `location`).
    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A form read within the form limit (no file) or the upload limit (with files).
    func form(_ request: Request, _ context: WorkbenchContext, uploads: Bool = false) async throws(WorkbenchError) -> Form {
        try await Form.read(request, context: context, limit: uploads ? settings.limits.uploadBytes : settings.limits.formBytes)
    }

    /// A `report.html` a command wrote, inline, under the report policy.
    func report(_ data: Data) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: GuardMiddleware.reportPolicy],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Runs `body`, which changes `workspace`'s inputs (the saved plan, a kept targets file), alone: refused
    /// (409) while a job of the workspace waits or runs (it reads those inputs when it starts) or while
    /// another such change of the workspace is under way (a double click on Save).
    func exclusively<T: Sendable>(_ workspace: Workspace, _ body: () async throws -> T) async throws -> T {
        if await jobs.jobs(of: workspace.id).contains(where: { $0.state.isActive }) {
            throw WorkbenchError.workspaceBusy
        }
        guard await gates.enter(workspace.id) else { throw WorkbenchError.workspaceBusy }
        do {
            let value = try await body()
            await gates.leave(workspace.id)
            return value
        } catch {
            await gates.leave(workspace.id)
            throw error
        }
    }

    /// JSON of `value`.
    func json(_ value: some Encodable) throws -> Response {
        let data = try JSONEncoder().encode(value)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The workspaces whose inputs are being changed right now (see ``Workbench/exclusively(_:_:)``).
actor WorkspaceGates {
    private var busy: Set<WorkspaceID> = []

    func enter(_ id: WorkspaceID) -> Bool { busy.insert(id).inserted }
    func leave(_ id: WorkspaceID) { busy.remove(id) }
}
