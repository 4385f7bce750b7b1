import Budget
import Forecasting
import Foundation
public import Hummingbird
import Logging
import NIOCore
import Store

/// An error the API answers with an RFC 9457 problem document: a status and a detail naming the field,
/// parameter or resource at fault.
public struct APIProblem: Error, Sendable, Equatable {
    /// The HTTP status answered, e.g. 400, 404 or 422.
    public let status: HTTPResponse.Status
    /// The problem document's `detail`: a sentence naming the field, parameter or resource at fault.
    public let detail: String
    /// The `Allow` header of a 405: the methods the resource takes.
    public let allow: String?

    /// A problem with its HTTP status and a detail that names the field, parameter or resource at fault
    /// (and, for 405, the methods allowed).
    public init(_ status: HTTPResponse.Status, _ detail: String, allow: String? = nil) {
        self.status = status
        self.detail = detail
        self.allow = allow
    }

    static func badRequest(_ detail: String) -> APIProblem { APIProblem(.badRequest, detail) }
    static func notFound(_ detail: String) -> APIProblem { APIProblem(.notFound, detail) }
    static func unprocessable(_ detail: String) -> APIProblem { APIProblem(.unprocessableContent, detail) }
}

/// RFC 9457 problem details, served as `application/problem+json`.
struct ProblemDocument: Codable, Equatable {
    var type = "about:blank"
    let title: String
    let status: Int
    let detail: String
    let instance: String
}

/// Turns every error a route throws — the API's own, Hummingbird's (unknown route, body too large), a
/// decoding error, a store, forecasting or budget error — into a problem document with the right status.
/// Anything unexpected becomes a 500 with a generic detail (and is logged); the server itself never fails
/// on a request.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = APIContext
    let logger: Logger

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, detail) = Self.classify(error)
            if status == .internalServerError || status == .serviceUnavailable {
                logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            }
            var headers: HTTPFields = [.contentType: "application/problem+json"]
            if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
            if let allow = (error as? APIProblem)?.allow { headers[.allow] = allow }
            let document = ProblemDocument(title: status.reasonPhrase, status: status.code, detail: detail, instance: request.uri.path)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(document)
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    static func classify(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let problem as APIProblem:
            return (problem.status, problem.detail)
        case let http as HTTPError:
            if http.status == .notFound && http.body == nil { return (.notFound, "no such route; GET /openapi.yaml lists every route") }
            return (http.status, http.body ?? http.status.reasonPhrase)
        case is NIOTooManyBytesError:
            return (.contentTooLarge, "the request body is larger than \(APIContext.maximumBodyBytes) bytes")
        case let http as any HTTPResponseError:
            return (http.status, http.status.reasonPhrase)
        case let decoding as DecodingError:
            return (.badRequest, "malformed JSON: \(describe(decoding))")
        case let store as StoreError:
            switch store {
            case .unknownSeries: return (.notFound, store.description)
            case .invalidRow(_, let line, let reason): return (.conflict, "observations[\(line - 1)]: \(reason)")
            case .invalidFile(_, let reason): return (.unprocessableContent, reason)
            // The detail names the server's database file: that stays in the server's log.
            case .busy: return (.serviceUnavailable, "the database is busy (another process is writing); nothing was changed — retry in a moment")
            case .emptyStore: return (.notFound, store.description)
            case .badLocation, .database: return (.internalServerError, "the store failed; nothing was changed")
            }
        case let forecasting as ForecastingError:
            return (.unprocessableContent, forecasting.description)
        case let budget as BudgetError:
            if case .noBudget = budget { return (.notFound, budget.description) }
            return (.unprocessableContent, budget.description)
        case let scenario as ScenarioError:
            return (.unprocessableContent, scenario.description)
        case let input as InputError:
            // Only the service's own files (Models/*.yaml) raise these: a configuration fault, not the client's.
            return (.internalServerError, "the service's configuration is invalid: \(input.description)")
        default:
            return (.internalServerError, "internal error; the request changed nothing")
        }
    }

    /// The JSON kind a Swift type is decoded from, in the words of the API's schema.
    static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Double.Type, is Float.Type, is Int.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "a list" }
            return "an object"
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the body" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)): missing field '\(key.stringValue)'"
        case .typeMismatch(let type, let context): return "\(path(context)): must be \(kind(type))"
        case .valueNotFound(let type, let context): return "\(path(context)): must be \(kind(type)), not null"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
