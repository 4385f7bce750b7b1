import Foundation
import Hummingbird
import NIOCore

/// JSON by default; CSV where a table is returned and the client asks for it (`Accept: text/csv`).
enum Representation {
    /// Whether `Accept` prefers CSV: `text/csv` with a quality above 0 and at least that of `application/json`
    /// (RFC 9110, section 12.5.1; `q=0` means not acceptable).
    static func wantsCSV(_ request: Request) -> Bool {
        var quality: [String: Double] = [:]
        for range in request.headers[values: .accept].flatMap({ $0.split(separator: ",") }) {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let type = parts.first else { continue }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            quality[type] = max(quality[type] ?? 0, q)
        }
        guard let csv = quality["text/csv"], csv > 0 else { return false }
        // JSON's quality: its own, else that of the ranges covering it.
        return csv >= (quality["application/json"] ?? quality["application/*"] ?? quality["*/*"] ?? 0)
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(body: try encode(value), status: status)
    }

    /// Sorted keys, slashes unescaped: the one JSON style of the API.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A non-finite figure (a division by a zero budget or output) is sent as a string, not turned into a 500.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(value)
    }

    static func json(body: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// JSON, or the CSV table when asked for.
    static func table(_ value: some Encodable, csv: () -> String, request: Request) throws -> Response {
        wantsCSV(request) ? text(csv() + "\n", contentType: "text/csv; charset=utf-8") : try json(value)
    }

    /// The request body as JSON of type `T`, within the context's size limit. `unknownField` returns the path of
    /// the first field of the parsed body that `T` does not define (`observations[2].notes`): such a body is
    /// refused with 400, since the field's content would otherwise be dropped without a word.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: APIContext,
                                     unknownField: (Any) -> String? = { _ in nil }) async throws -> T {
        try requireMediaType(request, accepted: ["application/json"])
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { throw APIProblem.badRequest("the request body is empty; send a JSON document") }
        let data = Data(buffer.readableBytesView)
        let decoded = try JSONDecoder().decode(T.self, from: data)
        if let json = try? JSONSerialization.jsonObject(with: data), let field = unknownField(json) {
            throw APIProblem.badRequest("\(field): unknown field; see the request body's schema in /openapi.yaml")
        }
        return decoded
    }

    /// Refuses a body whose `Content-Type` names a media type outside `accepted` (or a `+json` type where JSON is
    /// accepted) with 415; a body without one is read as the route's default.
    static func requireMediaType(_ request: Request, accepted: [String]) throws {
        guard let header = request.headers[.contentType] else { return }
        let type = (header.split(separator: ";", omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if accepted.contains(type) || (accepted.contains("application/json") && type.hasSuffix("+json")) { return }
        throw APIProblem(.unsupportedMediaType, "Content-Type '\(header)' is not accepted here; send \(accepted.joined(separator: " or "))")
    }

    /// The body as UTF-8 text, or 400 when it is not.
    static func text(_ request: Request, context: APIContext) async throws -> String {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw APIProblem.badRequest("the request body is not UTF-8 text")
        }
        return text
    }

    /// Refuses a request body on a route that takes none (a fit): what it says would be ignored, such as an `asOf`
    /// that belongs in the query.
    static func requireNoBody(_ request: Request, context: APIContext, hint: String) async throws {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes == 0 else { throw APIProblem.badRequest("this request takes no body; \(hint)") }
    }

    /// The first key of the JSON object `json` outside `fields`, in sorted order, prefixed by `path`.
    static func unknownKey(in json: Any, fields: Set<String>, path: String = "") -> String? {
        guard let object = json as? [String: Any], let key = object.keys.sorted().first(where: { !fields.contains($0) }) else { return nil }
        return path.isEmpty ? key : "\(path).\(key)"
    }
}

/// Query parameters, checked: each failure names the parameter.
struct Query {
    let request: Request

    func string(_ name: String) -> String? { request.uri.queryParameters.get(name) }

    func integer(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIProblem.badRequest("query parameter '\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound); got '\(text)'")
        }
        return number
    }

    func boolean(_ name: String) throws -> Bool {
        guard let text = string(name) else { return false }
        switch text {                          // as the OpenAPI document's boolean: the two words, nothing else
        case "true": return true
        case "false": return false
        default: throw APIProblem.badRequest("query parameter '\(name)' must be true or false; got '\(text)'")
        }
    }
}
