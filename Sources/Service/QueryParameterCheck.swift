import Foundation
import Hummingbird
import Yams

/// Refuses a request whose query names a parameter its operation does not document in `/openapi.yaml` — a
/// misspelt `as-of` for `asOf` would otherwise be ignored, and the answer would silently be about today's data —
/// or names one parameter twice.
/// The accepted names come from the OpenAPI document itself (each operation's and its path's parameters `in:
/// query`, references resolved), so the check and the documentation cannot drift apart. A request to a path
/// the document does not describe passes on (to its 404).
struct QueryParameterMiddleware: RouterMiddleware {
    typealias Context = APIContext

    /// One documented operation: its method, its path as segments (`nil` for a `{template}` segment), the
    /// path as documented, and the query parameters it accepts.
    struct Operation: Sendable {
        let method: String
        let segments: [String?]
        let path: String
        let accepted: Set<String>
    }

    let operations: [Operation]

    /// The check for the operations of the service's own OpenAPI document.
    init() throws {
        operations = try Self.operations(fromYAML: OpenAPIDocument.text())
    }

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let given = request.uri.queryParameters.map { String($0.key) }
        let names = Set(given)
        // A repeated parameter has no one meaning (the first would win, the others be ignored).
        if names.count < given.count, let repeated = names.sorted().first(where: { name in given.filter { $0 == name }.count > 1 }) {
            throw APIProblem.badRequest("query parameter '\(repeated)' is given more than once; give it once (lists are comma separated, e.g. levels=80,95)")
        }
        if !names.isEmpty, let operation = operation(method: request.method.rawValue, path: request.uri.path) {
            let unknown = names.subtracting(operation.accepted).sorted()
            if let first = unknown.first {
                let accepted = operation.accepted.isEmpty ? "it takes no query parameters" : "it accepts " + operation.accepted.sorted().joined(separator: ", ")
                throw APIProblem.badRequest("unknown query parameter '\(first)' for \(operation.method) \(operation.path); \(accepted)")
            }
        }
        return try await next(request, context)
    }

    /// The documented operation a request's method and path fall under, if any.
    func operation(method: String, path: String) -> Operation? {
        let segments = path.split(separator: "/").map(String.init)
        // A literal segment matches before a template one (fewest templates first).
        return operations.filter { operation in
            operation.method == method.uppercased() && operation.segments.count == segments.count
                && zip(operation.segments, segments).allSatisfy { template, segment in template.map { $0 == segment } ?? true }
        }.min { $0.segments.filter { $0 == nil }.count < $1.segments.filter { $0 == nil }.count }
    }

    /// Every operation of an OpenAPI 3 document with the query parameters it accepts.
    static func operations(fromYAML text: String) throws -> [Operation] {
        guard let document = try Yams.load(yaml: text) as? [String: Any], let paths = document["paths"] as? [String: Any] else {
            throw APIProblem(.internalServerError, "the OpenAPI document has no paths")
        }
        let shared = (document["components"] as? [String: Any])?["parameters"] as? [String: Any] ?? [:]
        func queryNames(_ list: Any?) -> Set<String> {
            var names = Set<String>()
            for item in list as? [Any] ?? [] {
                var parameter = item as? [String: Any] ?? [:]
                if let reference = parameter["$ref"] as? String, let name = reference.split(separator: "/").last {
                    parameter = shared[String(name)] as? [String: Any] ?? [:]
                }
                if parameter["in"] as? String == "query", let name = parameter["name"] as? String { names.insert(name) }
            }
            return names
        }
        var operations: [Operation] = []
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            let segments: [String?] = path.split(separator: "/").map { $0.hasPrefix("{") ? nil : String($0) }
            let common = queryNames(item["parameters"])
            for method in ["get", "put", "post", "delete", "patch"] {
                guard let operation = item[method] as? [String: Any] else { continue }
                operations.append(Operation(method: method.uppercased(), segments: segments, path: path,
                                            accepted: common.union(queryNames(operation["parameters"]))))
            }
        }
        return operations
    }
}
