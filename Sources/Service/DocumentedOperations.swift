import Foundation
import Yams

/// The operations of the service's OpenAPI document (`/openapi.yaml`): each method and path with the query
/// parameters it accepts. The request checks read them from the document itself, so what is checked and what
/// is documented cannot drift apart.
struct DocumentedOperations: Sendable {
    /// One documented operation: its method, its path as segments (`nil` for a `{template}` segment), the
    /// path as documented, and the query parameters it accepts.
    struct Operation: Sendable {
        let method: String
        let segments: [String?]
        let path: String
        let accepted: Set<String>
        /// How many segments are `{templates}`.
        var templates: Int { segments.count { $0 == nil } }
    }

    let operations: [Operation]

    /// The operations of the service's own OpenAPI document.
    static func service() throws -> DocumentedOperations {
        DocumentedOperations(operations: try operations(fromYAML: OpenAPIDocument.text()))
    }

    /// The methods documented for `path`, in the order GET, PUT, POST, DELETE, PATCH; empty for a path the
    /// document does not describe.
    func methods(path: String) -> [String] {
        ["GET", "PUT", "POST", "DELETE", "PATCH"].filter { operation(method: $0, path: path) != nil }
    }

    /// The documented operation a request's method and path fall under, if any. HEAD falls under GET: the
    /// router serves it wherever GET is (RFC 9110, section 9.3.2), with the same query parameters.
    func operation(method: String, path: String) -> Operation? {
        let method = method.uppercased() == "HEAD" ? "GET" : method.uppercased()
        let segments = path.split(separator: "/").map(String.init)
        // A literal segment matches before a template one (fewest templates first).
        return operations.filter { operation in
            operation.method == method && operation.segments.count == segments.count
                && zip(operation.segments, segments).allSatisfy { template, segment in template.map { $0 == segment } ?? true }
        }.min { $0.templates < $1.templates }
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
