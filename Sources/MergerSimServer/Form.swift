import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A posted form, read within its size limit and refused unless it carries the session's CSRF token.
/// Every state-changing route reads its body through ``Form/read(_:context:limit:)``, so none can skip the check.
public struct Form: Sendable {
    /// A file sent with the form; its name in the browser is kept only to be shown.
    public struct Upload: Sendable {
        public let filename: String
        public let content: Data
    }

    public private(set) var fields: [String: [String]] = [:]
    public private(set) var uploads: [String: Upload] = [:]

    public init(fields: [String: [String]] = [:], uploads: [String: Upload] = [:]) {
        self.fields = fields
        self.uploads = uploads
    }

    /// The field's first value.
    public subscript(_ name: String) -> String? { fields[name]?.first }
    public func values(_ name: String) -> [String] { fields[name] ?? [] }

    /// The body of `request` as a form (URL-encoded or multipart), within `limit` bytes (else 413), with the
    /// session's CSRF token in its `csrf` field (else 403).
    public static func read(_ request: Request, context: WorkbenchContext, limit: Int) async throws(WorkbenchError) -> Form {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw .tooLarge(limit: limit) }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            // A body without a length (chunked) that runs past the limit.
            throw .tooLarge(limit: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw .tooLarge(limit: limit)
        } catch {
            throw .badRequest("serve.error.body_unread")
        }
        let contentType = request.headers[.contentType] ?? ""
        let form: Form
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            form = try multipart(buffer, contentType: contentType)
        } else if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") || buffer.readableBytes == 0 {
            form = try urlEncoded(String(buffer: buffer))
        } else {
            throw .badRequest("serve.error.content_type")
        }
        let presented = form["csrf"] ?? ""
        guard !context.session.csrf.isEmpty, Secrets.equal(presented, context.session.csrf) else { throw .forbidden }
        return form
    }

    /// `a=1&b=x+y` → fields; a malformed escape is a bad request.
    static func urlEncoded(_ text: String) throws(WorkbenchError) -> Form {
        var form = Form()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else {
                throw .badRequest("serve.error.form_malformed")
            }
            form.fields[name, default: []].append(value)
        }
        return form
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// A `multipart/form-data` body; a boundary missing, too long or never closed, or a part without a name, is a bad request.
    static func multipart(_ buffer: ByteBuffer, contentType: String) throws(WorkbenchError) -> Form {
        let parameters = contentType.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        guard let boundaryField = parameters.first(where: { $0.lowercased().hasPrefix("boundary=") }) else {
            throw .badRequest("serve.error.multipart_malformed")
        }
        var boundary = String(boundaryField.dropFirst("boundary=".count))
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        guard (1...70).contains(boundary.utf8.count), boundary.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else {
            throw .badRequest("serve.error.multipart_malformed")
        }
        let bytes = Array(buffer.readableBytesView)
        guard bytes.count >= boundary.utf8.count + 4, contains(bytes, Array("--\(boundary)--".utf8)) else {
            throw .badRequest("serve.error.multipart_malformed")
        }
        final class Parts {
            var headers: [(String, String)] = []
            var body: [UInt8] = []
            var done: [(headers: [(String, String)], body: [UInt8])] = []
        }
        let parts = Parts()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in parts.headers.append((name.lowercased(), value)) }
        parser.onBody = { chunk in parts.body.append(contentsOf: chunk.readableBytesView) }
        parser.onPartComplete = {
            parts.done.append((parts.headers, parts.body))
            parts.headers = []
            parts.body = []
        }
        do { try parser.execute(buffer) } catch { throw .badRequest("serve.error.multipart_malformed") }
        guard !parts.done.isEmpty else { throw .badRequest("serve.error.multipart_malformed") }
        var form = Form()
        for part in parts.done {
            guard let disposition = part.headers.first(where: { $0.0 == "content-disposition" })?.1,
                  let name = dispositionValue(disposition, "name") else {
                throw .badRequest("serve.error.multipart_malformed")
            }
            if let filename = dispositionValue(disposition, "filename") {
                if filename.isEmpty && part.body.isEmpty { continue }
                form.uploads[name] = Upload(filename: filename, content: Data(part.body))
            } else {
                guard let value = String(validating: part.body, as: UTF8.self) else { throw .badRequest("serve.error.form_malformed") }
                form.fields[name, default: []].append(value)
            }
        }
        return form
    }

    /// `name="x"` of a Content-Disposition header.
    static func dispositionValue(_ header: String, _ key: String) -> String? {
        for field in header.split(separator: ";").dropFirst() {
            let pair = field.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// Whether the closing boundary `needle` is in the last 4 KiB of `haystack` (it ends the body, before
    /// at most a line end and a short epilogue): a search that costs the same on a 32 MiB body.
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let lowest = max(0, haystack.count - needle.count - 4096)
        var start = haystack.count - needle.count
        while start >= lowest {
            if haystack[start] == needle[0], haystack[start..<start + needle.count].elementsEqual(needle) { return true }
            start -= 1
        }
        return false
    }
}
