import Foundation
import HTTPTypes
import Hummingbird
import MergerSimInputs
import MergerSimReports

/// The request context of the workbench: the browser's session (set by ``GuardMiddleware``) and its language.
public struct WorkbenchContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The browser's session: its CSRF token. Set for every request that reaches a route.
    public var session = Session(id: "", csrf: "")
    /// The language the pages are written in (the browser's choice, else `--lang`).
    public var language: Labels.Language = .en
    /// The largest body a route reads; the form and upload readers take their own limits below it.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }

    public init(source: Source) { coreContext = .init(source: source) }
}

/// A browser session: a random id in a cookie, and the CSRF token its forms carry.
public struct Session: Sendable, Equatable {
    public let id: String
    public let csrf: String
}

/// Sessions without server state: a session is a random id in a cookie, and its CSRF token is a keyed hash of
/// the id under a secret drawn at start. Nothing is stored per browser, so no number of clients (a load
/// test's thousands of cookie-less requests) can push a planner's session out; a restart ends every session.
struct Sessions: Sendable {
    private let secret = Secrets.random() + Secrets.random()

    /// The session of cookie `id` (32 hexadecimal digits), or a new one.
    func session(_ id: String?) -> (session: Session, isNew: Bool) {
        if let id, id.utf8.count == 32, id.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
            return (Session(id: id, csrf: token(id)), false)
        }
        let id = Secrets.random()
        return (Session(id: id, csrf: token(id)), true)
    }

    /// The CSRF token of session `id`: SHA-256 nested over the secret (the HMAC construction's shape).
    private func token(_ id: String) -> String {
        SHA256.hex(Array((secret + SHA256.hex(Array((secret + ":" + id).utf8))).utf8))
    }
}

/// Random tokens and their comparison in constant time.
public enum Secrets {
    /// 32 hexadecimal digits from the system's generator.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte >> 4, radix: 16) + String(byte & 15, radix: 16)
        }.joined()
    }

    /// Whether `a` equals `b`, in a time that does not depend on where they differ.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Every request passes here first:
/// - on loopback, the Host header must name loopback (a page of another site cannot reach the server by
///   a name that resolves to 127.0.0.1);
/// - with `--host`, the token printed at start must be presented once (`?token=`), then a cookie carries it;
/// - the session cookie is read or made, and the language chosen (`?lang=vi` sets it);
/// - every response gets headers that keep the page to itself (no framing by others, no outside script).
struct GuardMiddleware: RouterMiddleware {
    typealias Context = WorkbenchContext
    let settings: WorkbenchSettings
    let sessions: Sessions
    let translations: Translations

    static let referrerPolicy: HTTPField.Name = {
        guard let name = HTTPField.Name("Referrer-Policy") else { preconditionFailure("a valid header name") }
        return name
    }()
    static let sessionCookie = "mergersim_session"
    static let tokenCookie = "mergersim_token"
    static let languageCookie = "mergersim_lang"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var cookies: [Cookie] = []
        var response = await answer(request, context: &context, cookies: &cookies, next: next)
        for cookie in cookies { response.setCookie(cookie) }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "no-referrer"
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.pagePolicy }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    /// The response to `request`: refused by the guard, or the route's (its errors as error pages); the
    /// cookies to set on it gathered in `cookies`. Every answer, a refusal too, then gets the same headers.
    private func answer(_ request: Request, context: inout Context, cookies: inout [Cookie],
                        next: (Request, Context) async throws -> Response) async -> Response {
        context.language = Labels.Language(rawValue: request.cookies[Self.languageCookie]?.value ?? "") ?? settings.language
        if let asked = request.uri.queryParameters["lang"].flatMap({ Labels.Language(rawValue: String($0)) }) {
            context.language = asked
            cookies.append(Cookie(name: Self.languageCookie, value: asked.rawValue, path: "/", httpOnly: true, sameSite: .strict))
        }
        if settings.isLoopback, !Self.isLoopbackAuthority(request.head.authority ?? "") {
            return ErrorPage.response(.forbidden, context: context, translations: translations)
        }
        if let token = settings.token {
            if let presented = request.uri.queryParameters["token"].map(String.init), Secrets.equal(presented, token) {
                cookies.append(Cookie(name: Self.tokenCookie, value: token, path: "/", httpOnly: true, sameSite: .lax))
                // Back to the same page of this server: a path such as `//elsewhere` would leave it.
                let path = "/" + request.uri.path.drop { $0 == "/" || $0 == "\\" }
                return Response(status: .seeOther, headers: [.location: path])
            }
            guard let cookie = request.cookies[Self.tokenCookie]?.value, Secrets.equal(cookie, token) else {
                return ErrorPage.response(.forbidden, context: context, translations: translations, sentence: "serve.error.token")
            }
        }
        let (session, isNew) = sessions.session(request.cookies[Self.sessionCookie]?.value)
        context.session = session
        // Lax, not Strict: a link from another site to the workbench then keeps the planner's session (Strict would
        // send no cookie, a new session would replace it, and every open tab's next form would be refused);
        // the CSRF token, not the cookie, is what keeps another site from posting.
        if isNew { cookies.append(Cookie(name: Self.sessionCookie, value: session.id, path: "/", httpOnly: true, sameSite: .lax)) }
        do {
            return try await next(request, context)
        } catch let error as WorkbenchError {
            return ErrorPage.response(error, context: context, translations: translations)
        } catch let error as InputError {
            // A file or value the command line would refuse: its sentence, in the page's language.
            return ErrorPage.response(.unusable(error), context: context, translations: translations)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return ErrorPage.response(.tooLarge(limit: settings.limits.uploadBytes), context: context, translations: translations)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            return ErrorPage.response(.notFound, context: context, translations: translations)
        } catch let error as HTTPError where error.status == .badRequest {
            return ErrorPage.response(.badRequest("serve.error.body_unread"), context: context, translations: translations)
        } catch {
            return ErrorPage.response(.internalFailure, context: context, translations: translations)
        }
    }

    /// The pages' policy: only the server's own scripts, styles and images; forms post only to it; framed only by itself.
    static let pagePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "frame-ancestors 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"

    /// A report a command wrote (`report.html`), embedded in a page: its own inline styles and SVG, no script,
    /// nothing fetched, framed only by the workbench.
    static let reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"

    /// Whether `authority` (the Host header) names loopback: `127.0.0.1`, `localhost` or `[::1]`, with any port.
    static func isLoopbackAuthority(_ authority: String) -> Bool {
        var host = Substring(authority)
        if host.hasPrefix("[") {
            guard let end = host.firstIndex(of: "]") else { return false }
            return host[host.index(after: host.startIndex)..<end] == "::1"
        }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        return host == "127.0.0.1" || host.lowercased() == "localhost"
    }
}
