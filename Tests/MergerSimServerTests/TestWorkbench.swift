import Foundation
import Logging
import MergerSimInputs
import MergerSimReports
@testable import MergerSimServer
#if canImport(Glibc)
import Glibc
#endif

/// A workbench listening on a free loopback port in a fresh data folder, for one test; `stop()` ends it.
final class TestWorkbench: @unchecked Sendable {
    let workbench: Workbench
    let port: Int
    let data: URL
    private let task: Task<Void, Error>

    /// The repository's root (for the bundled scenarios and the built `mergersim`).
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The `mergersim` binary beside the test bundle (`swift build` makes it with the tests).
    static var executable: URL {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent(),
                          root.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("mergersim") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? root.appendingPathComponent(".build/debug/mergersim")
    }

    private init(workbench: Workbench, port: Int, data: URL, task: Task<Void, Error>) {
        self.workbench = workbench
        self.port = port
        self.data = data
        self.task = task
    }

    static func start(language: Labels.Language = .en, configure: (inout WorkbenchSettings) -> Void = { _ in }) async throws -> TestWorkbench {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-test-\(UUID().uuidString)")
        var settings = WorkbenchSettings(port: 0, data: data, language: language, executable: executable,
                                         scenarios: root.appendingPathComponent("scenarios"))
        configure(&settings)
        let workbench = try Workbench(settings: settings)
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "mergersim.serve.test")
        logger.logLevel = .critical
        let application = workbench.application(logger: logger, running: { port in continuation.yield(port) })
        let task = Task { try await application.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await value in stream { port = value; break }
        return TestWorkbench(workbench: workbench, port: port, data: data, task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
        try? FileManager.default.removeItem(at: data)
    }

    /// A browser: its cookies, and the CSRF token of the last page it read.
    func browser() -> TestBrowser { TestBrowser(port: port) }
}

/// An HTTP response as the tests read it.
struct TestResponse: Sendable {
    let status: Int
    let headers: [(String, String)]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
}

/// A minimal HTTP/1.1 client over a loopback socket: a request is sent as given (the hostile tests send
/// malformed ones), one response read until the server closes.
enum RawHTTP {
    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// Everything the server sends until it closes the connection (or the read times out).
    static func receive(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }

    /// `raw` sent whole (a full request), the response parsed. The socket is worked on a thread of its own:
    /// a blocking read on the concurrency pool's few threads would starve the server's handlers.
    static func exchange(port: Int, _ raw: [UInt8]) async throws -> TestResponse {
        try await onThread {
            let fd = try connect(port: port)
            defer { close(fd) }
            send(fd, raw)
            return parse(receive(fd))
        }
    }

    /// `body` run on a new thread, its result awaited.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    static func parse(_ bytes: [UInt8]) -> TestResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            return TestResponse(status: 0, headers: [], body: bytes)
        }
        let head = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[(end + 4)...])
        if let length = headers.first(where: { $0.0.lowercased() == "content-length" }).flatMap({ Int($0.1) }), length <= body.count {
            body = Array(body[0..<length])
        } else if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased() == "chunked" }) {
            body = dechunk(body)
        }
        return TestResponse(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { break }
            out.append(contentsOf: bytes[start..<start + size])
            index = start + size + 2
        }
        return out
    }
}

/// A browser's side of the conversation: cookies kept, the CSRF token read from each page.
final class TestBrowser: @unchecked Sendable {
    let port: Int
    var cookies: [String: String] = [:]
    var csrf = ""
    var host = "127.0.0.1"

    init(port: Int) { self.port = port }

    func request(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) async throws -> TestResponse {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        if !cookies.isEmpty { head += "Cookie: " + cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") + "\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if method == "POST" || !body.isEmpty { head += "Content-Length: \(body.count)\r\n" }
        let response = try await RawHTTP.exchange(port: port, Array((head + "\r\n").utf8) + body)
        for (name, value) in response.headers where name.lowercased() == "set-cookie" {
            let pair = value.split(separator: ";").first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { cookies[String(parts[0])] = String(parts[1]) }
        }
        if let range = response.text.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) {
            csrf = String(response.text[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
        }
        return response
    }

    func get(_ path: String) async throws -> TestResponse { try await request("GET", path) }

    /// A URL-encoded form with the page's CSRF token (unless `csrf` says otherwise).
    func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        let all = [("csrf", csrf ?? self.csrf)] + fields
        let body = all.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        return try await request("POST", path, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }

    /// A multipart form with files (`name`, `filename`, content) and the page's CSRF token.
    func postMultipart(_ path: String, fields: [(String, String)], files: [(String, String, [UInt8])], csrf: String? = nil) async throws -> TestResponse {
        let boundary = "----mergersimtest\(UInt32.random(in: 0...UInt32.max))"
        var body: [UInt8] = []
        for (name, value) in [("csrf", csrf ?? self.csrf)] + fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, filename, content) in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n".utf8)
            body += content + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return try await request("POST", path, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
