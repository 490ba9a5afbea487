import Foundation
import Testing
@testable import MergerSimServer
#if canImport(Glibc)
import Glibc
#endif

/// Requests a hostile page or program could send: each must be answered with the right status, and none may
/// write anything under the data folder (its whole tree, contents included, is compared before and after).
@Suite struct HostileTests {
    /// A workspace id with letters in it, so that its uppercase form differs.
    static let knownID = "abcdef012345"

    @Test func idsThatAreNotAWorkspaceOrAnAssetAre404AndReachNoFile() async throws {
        let server = try await TestWorkbench.start()
        let browser = try await Self.browserWithWorkspace(server)
        #expect(try await browser.get("/w/\(Self.knownID)").status == 303, "the workspace itself is found")
        let before = Self.tree(server.data)
        let paths = ["/w/../units", "/w/..", "/w/%2e%2e%2f/units", "/w/%2E%2E%2F%2E%2E%2Fetc/units", "/w/0123456789ab/units",
                     "/w/0123456789ab", "/w/\(Self.knownID.uppercased())", "/w/\(Self.knownID)0", "/w/\(Self.knownID.dropLast())",
                     "/w/\(Self.knownID)%00", "/w/\(Self.knownID)/jobs/..%2fworkspace.json", "/w/\(Self.knownID)/jobs/0123456789ab.json",
                     "/w/\(Self.knownID)/jobs/%2e%2e%2f%2e%2e%2fworkspace",
                     "/assets/..%2fPackage.swift", "/assets/../Package.swift", "/assets/%2e%2e/Package.swift", "/assets/workbench.css%00.js"]
        for path in paths {
            let response = try await browser.get(path)
            #expect(response.status == 404, "\(path) answered \(response.status)")
            #expect(!response.text.contains("swift-tools-version") && !response.text.contains("\"created\""), "\(path) served a file")
        }
        #expect(Self.tree(server.data) == before)
        await server.stop()
    }

    @Test func anUploadOverTheLimitIs413WithOrWithoutItsLengthAndWritesNothing() async throws {
        let limit = 1024 * 1024
        let server = try await TestWorkbench.start { $0.limits.uploadBytes = limit }
        let browser = server.browser()
        _ = try await browser.get("/")
        let before = Self.tree(server.data)
        let content = Self.units(rows: 1) + [UInt8](repeating: 0x20, count: limit + 1)
        let declared = try await browser.postMultipart("/workspaces", fields: [("name", "big")], files: [("units", "units.csv", content)])
        #expect(declared.status == 413)
        #expect(declared.text.contains("1 MiB"))
        // The same body sent in chunks, with no Content-Length to refuse it by: the reader stops at the limit.
        let boundary = "hostile"
        let body = Self.multipart(boundary: boundary, [("csrf", nil, Array(browser.csrf.utf8)), ("name", nil, Array("big".utf8)),
                                                       ("units", "units.csv", content)])
        let chunked = try await Self.raw(server.port, "POST", "/workspaces", browser: browser, contentType: "multipart/form-data; boundary=\(boundary)",
                                         body: body, chunked: true)
        #expect(chunked.status == 413)
        #expect(Self.tree(server.data) == before)
        await server.stop()
    }

    @Test func aFormOverItsLimitIs413AndWritesNothing() async throws {
        let server = try await TestWorkbench.start { $0.limits.formBytes = 1024 }
        let browser = try await Self.browserWithWorkspace(server)
        _ = try await browser.get("/")
        let before = Self.tree(server.data)
        let response = try await browser.post("/w/\(Self.knownID)/jobs/0123456789ab/cancel", [("padding", String(repeating: "x", count: 4096))])
        #expect(response.status == 413)
        #expect(Self.tree(server.data) == before)
        await server.stop()
    }

    @Test func aWrongOrMissingCSRFTokenIs403AndWritesNothing() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        _ = try await browser.get("/")
        let before = Self.tree(server.data)
        let fields = [("name", "x"), ("bundled", "phan-rang-2024")]
        let wrong = String(browser.csrf.reversed())
        #expect(try await browser.postMultipart("/workspaces", fields: fields, files: [], csrf: wrong).status == 403)
        #expect(try await browser.postMultipart("/workspaces", fields: fields, files: [], csrf: "").status == 403)
        #expect(try await browser.post("/workspaces", fields, csrf: wrong).status == 403)
        // No token at all: neither a field nor the script's header.
        let noField = Self.multipart(boundary: "b0", fields.map { ($0.0, nil, Array($0.1.utf8)) })
        #expect(try await Self.raw(server.port, "POST", "/workspaces", browser: browser, contentType: "multipart/form-data; boundary=b0", body: noField).status == 403)
        #expect(try await Self.raw(server.port, "POST", "/workspaces", browser: browser, contentType: "application/x-www-form-urlencoded",
                                   body: Array("name=x&bundled=phan-rang-2024".utf8)).status == 403)
        // The session's token in a header is not read (every form posts it as a field).
        #expect(try await Self.raw(server.port, "POST", "/workspaces", browser: browser, contentType: "application/x-www-form-urlencoded",
                                   headers: [("X-CSRF-Token", browser.csrf)], body: Array("name=x&bundled=phan-rang-2024".utf8)).status == 403)
        #expect(Self.tree(server.data) == before)
        await server.stop()
    }

    @Test func malformedFormsAre400AndWriteNothing() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        _ = try await browser.get("/")
        let before = Self.tree(server.data)
        let csrf = ("csrf", String?.none, Array(browser.csrf.utf8))
        let good = [csrf, ("name", nil, Array("x".utf8)), ("bundled", nil, Array("phan-rang-2024".utf8))]
        let long = String(repeating: "b", count: 80)
        var unclosed = Self.multipart(boundary: "b1", good)
        unclosed.removeLast("--b1--\r\n".utf8.count)
        let cases: [(String, String, [UInt8])] = [
            ("no boundary", "multipart/form-data", Self.multipart(boundary: "b1", good)),
            ("an empty boundary", "multipart/form-data; boundary=", Self.multipart(boundary: "", good)),
            ("a boundary of 80 characters", "multipart/form-data; boundary=\(long)", Self.multipart(boundary: long, good)),
            ("a body never closed", "multipart/form-data; boundary=b1", unclosed),
            ("a part without a name", "multipart/form-data; boundary=b1",
             Self.multipart(boundary: "b1", good + [("", "units.csv", Self.units(rows: 1))])),
            ("a part without a disposition", "multipart/form-data; boundary=b1",
             Array(Self.multipart(boundary: "b1", [csrf]).dropLast("--b1--\r\n".utf8.count)) + Array("--b1\r\n\r\nvalue\r\n--b1--\r\n".utf8)),
            ("a field that is not UTF-8", "multipart/form-data; boundary=b1",
             Self.multipart(boundary: "b1", [csrf, ("name", nil, [0xff, 0xfe, 0x41])])),
            ("a bad escape", "application/x-www-form-urlencoded", Array("csrf=\(browser.csrf)&name=%zz".utf8)),
            ("an unread encoding", "text/plain", Array("csrf=\(browser.csrf)&name=x".utf8)),
        ]
        for (what, contentType, body) in cases {
            let response = try await Self.raw(server.port, "POST", "/workspaces", browser: browser, contentType: contentType, body: body)
            #expect(response.status == 400, "\(what): \(response.status)")
        }
        #expect(Self.tree(server.data) == before)
        await server.stop()
    }

    @Test func aUnitsFileOfAMillionRowsIs413AndWritesNothing() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        _ = try await browser.get("/")
        let before = Self.tree(server.data)
        let header = Array("code,name,kind,province,district,district_kind,area_km2,population,type,cadres,civil_servants,non_professional\n".utf8)
        var content = header
        content.reserveCapacity(header.count + 4_000_000)
        for _ in 0..<1_000_000 { content += [0x31, 0x2c, 0x61, 0x0a] }  // "1,a\n"
        let response = try await browser.postMultipart("/workspaces", fields: [("name", "million")], files: [("units", "units.csv", content)])
        #expect(response.status == 413)
        #expect(response.text.contains("100,000"))
        #expect(Self.tree(server.data) == before)
        await server.stop()
    }

    @Test(arguments: ["en", "vi"])
    func aUnitsFileWithABadValueIs422WithTheCLIsSentenceAtItsLine(language: String) async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        _ = try await browser.get("/?lang=\(language)")
        let before = Self.tree(server.data)
        var lines = try String(contentsOf: TestWorkbench.root.appendingPathComponent("scenarios/phan-rang-2024/units.csv"), encoding: .utf8)
            .components(separatedBy: "\n")
        lines[3] = lines[3].replacingOccurrences(of: ",8100,", with: ",eight,")
        let content = Array(lines.joined(separator: "\n").utf8)
        let said = try Self.cliError(["screen", "units.csv", "--lang", language], file: "units.csv", content: content)
        #expect(said.contains("units.csv:4:"), "the CLI names the line: \(said)")
        let response = try await browser.postMultipart("/workspaces", fields: [("name", "bad")], files: [("units", "units.csv", content)])
        #expect(response.status == 422)
        #expect(response.text.contains(HTML.escape(said)), "the page says \(response.text.prefix(2000))")
        #expect(Self.tree(server.data) == before)
        await server.stop()
    }

    @Test func aSlowClientIsClosedAfterTheIdleTimeWhileAnotherIsAnswered() async throws {
        let server = try await TestWorkbench.start { $0.limits.idleSeconds = 1 }
        let port = server.port
        let request = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUser-Agent: slow\r\n\r\n".utf8)
        // One byte every 1.5 s (slower than the idle time), and one every 0.3 s (a trickle that never finishes its head in time).
        async let slower = RawHTTP.onThread { try Self.trickle(port: port, request, every: 1.5) }
        async let trickler = RawHTTP.onThread { try Self.trickle(port: port, request, every: 0.3) }
        try await Task.sleep(for: .milliseconds(300))
        // Another client is answered while both are still trickling (no time bound: a loaded machine may take its time).
        let other = try await server.browser().get("/")
        #expect(other.status == 200)
        for (what, outcome) in [("1.5 s", try await slower), ("0.3 s", try await trickler)] {
            #expect(outcome.closed, "a byte every \(what): still open after \(outcome.seconds) s")
            #expect(outcome.sent < request.count, "a byte every \(what): its whole request was read")
            #expect(!outcome.received.starts(with: Array("HTTP/1.1 200".utf8)), "a byte every \(what) was answered")
        }
        await server.stop()
    }

    @Test func aHostHeaderThatDoesNotNameLoopbackIs403() async throws {
        let server = try await TestWorkbench.start()
        let before = Self.tree(server.data)
        for host in ["evil.example", "127.0.0.1.evil.example", "localhost.evil.example", "[::2]", "10.0.0.1", ""] {
            let browser = server.browser()
            browser.host = host
            let response = try await browser.get("/")
            #expect(response.status == 403, "Host \(host): \(response.status)")
            #expect(response.header("Set-Cookie") == nil, "Host \(host) was given a session")
        }
        let noHost = try await RawHTTP.exchange(port: server.port, Array("GET / HTTP/1.0\r\nConnection: close\r\n\r\n".utf8))
        #expect(noHost.status == 403)
        for host in ["localhost", "LOCALHOST", "[::1]"] {
            let browser = server.browser()
            browser.host = host
            #expect(try await browser.get("/").status == 200, "Host \(host)")
        }
        #expect(Self.tree(server.data) == before)
        await server.stop()
    }

    @Test func withATokenEveryPageAsksForItAndTheTokenOnceSetsTheCookie() async throws {
        let token = Secrets.random()
        let server = try await TestWorkbench.start {
            $0.host = "0.0.0.0"
            $0.token = token
        }
        let before = Self.tree(server.data)
        let browser = server.browser()
        browser.host = "192.0.2.7"
        for path in ["/", "/?token=\(token.dropLast())", "/?token=", "/assets/workbench.css", "/w/\(Self.knownID)"] {
            let response = try await browser.get(path)
            #expect(response.status == 403, "\(path): \(response.status)")
        }
        #expect(browser.cookies.isEmpty, "a refused browser was given \(browser.cookies)")
        let presented = try await browser.get("/?token=\(token)")
        #expect(presented.status == 303)
        #expect(presented.header("Location") == "/", "the token is not left in the address")
        #expect(browser.cookies[GuardMiddleware.tokenCookie] == token)
        let home = try await browser.get("/")
        #expect(home.status == 200)
        #expect(!browser.csrf.isEmpty)
        // The token is not a CSRF token: a post without the session's is still refused.
        #expect(try await browser.postMultipart("/workspaces", fields: [("name", "x"), ("bundled", "phan-rang-2024")], files: [], csrf: token).status == 403)
        #expect(Self.tree(server.data) == before)
        await server.stop()
    }

    @Test func pagesCarryThePolicyHeaders() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        for (path, status) in [("/", 200), ("/w/0123456789ab", 404), ("/nothing", 404)] {
            let response = try await browser.get(path)
            #expect(response.status == status)
            Self.expectPolicy(response, path)
        }
        let refused = try await browser.post("/workspaces", [("name", "x")], csrf: "0")
        #expect(refused.status == 403)
        Self.expectPolicy(refused, "a refused post")
        #expect(try await browser.get("/assets/workbench.js").header("X-Content-Type-Options") == "nosniff")
        await server.stop()
    }

    /// The guard's own answers (a wrong Host, a missing token, the token's redirect) carry the headers too.
    @Test func theGuardsOwnAnswersCarryThePolicyHeadersToo() async throws {
        let server = try await TestWorkbench.start()
        let browser = server.browser()
        browser.host = "evil.example"
        let wrongHost = try await browser.get("/")
        #expect(wrongHost.status == 403)
        await server.stop()
        let token = Secrets.random()
        let exposed = try await TestWorkbench.start { $0.host = "0.0.0.0"; $0.token = token }
        let stranger = exposed.browser()
        let noToken = try await stranger.get("/")
        let presented = try await stranger.get("/?token=\(token)")
        await exposed.stop()
        for (response, what) in [(wrongHost, "a wrong Host"), (noToken, "no token"), (presented, "the token's redirect")] {
            Self.expectPolicy(response, what)
        }
    }

    // MARK: helpers

    static func expectPolicy(_ response: TestResponse, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.header("Content-Security-Policy")?.contains("script-src 'self'") == true, "\(what): CSP", sourceLocation: sourceLocation)
        #expect(response.header("Content-Security-Policy")?.contains("frame-ancestors 'self'") == true, "\(what): framing", sourceLocation: sourceLocation)
        #expect(response.header("X-Content-Type-Options") == "nosniff", "\(what): nosniff", sourceLocation: sourceLocation)
        #expect(response.header("Cache-Control") == "no-store", "\(what): no-store", sourceLocation: sourceLocation)
    }

    /// A browser holding a session and a workspace made from Phan Rang, moved to ``knownID``.
    static func browserWithWorkspace(_ server: TestWorkbench) async throws -> TestBrowser {
        let browser = server.browser()
        _ = try await browser.get("/")
        let made = try await browser.postMultipart("/workspaces", fields: [("name", "known"), ("bundled", "phan-rang-2024")], files: [])
        let location = try #require(made.header("Location"))
        let id = String(location.dropFirst(3).prefix(12))
        try FileManager.default.moveItem(at: server.data.appendingPathComponent(id), to: server.data.appendingPathComponent(knownID))
        return browser
    }

    /// Every file and folder under `root` with its content (folders as empty data), by relative path.
    static func tree(_ root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return out }
        while let relative = walker.nextObject() as? String {
            let url = root.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            out[relative + (isFolder.boolValue ? "/" : "")] = isFolder.boolValue ? Data() : (FileManager.default.contents(atPath: url.path) ?? Data("unreadable".utf8))
        }
        return out
    }

    /// A units file's header and `rows` rows of Phan Rang's first unit.
    static func units(rows: Int) -> [UInt8] {
        let header = "code,name,kind,province,district,district_kind,area_km2,population,type,cadres,civil_servants,non_professional\n"
        let row = "22753,Mỹ Hương,ward,Ninh Thuận,Phan Rang–Tháp Chàm,provincial_city,0.45,5200,II,10,11,12\n"
        return Array((header + String(repeating: row, count: rows)).utf8)
    }

    /// A multipart body of `parts` (name, file name, content); an empty name makes a part without one.
    static func multipart(boundary: String, _ parts: [(String, String?, [UInt8])]) -> [UInt8] {
        var body: [UInt8] = []
        for (name, filename, content) in parts {
            var disposition = "form-data"
            if !name.isEmpty { disposition += "; name=\"\(name)\"" }
            if let filename { disposition += "; filename=\"\(filename)\"" }
            body += Array("--\(boundary)\r\nContent-Disposition: \(disposition)\r\n\r\n".utf8) + content + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    /// A POST sent as given (with the browser's cookies), its body with a Content-Length or in chunks.
    static func raw(_ port: Int, _ method: String, _ path: String, browser: TestBrowser, contentType: String,
                    headers: [(String, String)] = [], body: [UInt8], chunked: Bool = false) async throws -> TestResponse {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Type: \(contentType)\r\n"
        head += "Cookie: " + browser.cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") + "\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        var bytes: [UInt8]
        if chunked {
            bytes = Array((head + "Transfer-Encoding: chunked\r\n\r\n").utf8)
            var start = 0
            while start < body.count {
                let end = min(start + 16_384, body.count)
                bytes += Array((String(end - start, radix: 16) + "\r\n").utf8) + body[start..<end] + Array("\r\n".utf8)
                start = end
            }
            bytes += Array("0\r\n\r\n".utf8)
        } else {
            bytes = Array((head + "Content-Length: \(body.count)\r\n\r\n").utf8) + body
        }
        return try await RawHTTP.exchange(port: port, bytes)
    }

    /// What `mergersim ARGUMENTS` says on standard error (without its "error:" word) for `content` saved as `file`
    /// in a folder of its own, the CLI run there: the sentence a planner at a terminal reads.
    static func cliError(_ arguments: [String], file: String, content: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(content).write(to: folder.appendingPathComponent(file))
        let process = Process()
        process.executableURL = TestWorkbench.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let line = said.split(separator: "\n").first.map(String.init) ?? ""
        guard let colon = line.firstIndex(of: ":") else { return line }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    struct Trickle: Sendable {
        var closed = false
        var seconds = 0.0
        var sent = 0
        var received: [UInt8] = []
    }

    /// `request` sent one byte every `every` seconds until the server closes the connection (or 15 s pass).
    static func trickle(port: Int, _ request: [UInt8], every: Double) throws -> Trickle {
        let fd = try RawHTTP.connect(port: port)
        defer { close(fd) }
        let started = Date()
        var outcome = Trickle()
        while Date().timeIntervalSince(started) < 15 {
            if outcome.sent < request.count {
                let n = request[outcome.sent...].prefix(1).withUnsafeBytes { send(fd, $0.baseAddress, 1, Int32(MSG_NOSIGNAL)) }
                if n == 1 { outcome.sent += 1 }
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, Int32(every * 1000)) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 {
                    outcome.closed = true
                    break
                }
                outcome.received += buffer[0..<n]
            }
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }
}
