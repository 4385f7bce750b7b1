import Hummingbird

/// Refuses a request whose query names a parameter its operation does not document in `/openapi.yaml` — a
/// misspelt `as-of` for `asOf` would otherwise be ignored, and the answer would silently be about today's data —
/// or names one parameter twice. A request to a path the document does not describe passes on (to its 404).
struct QueryParameterMiddleware: RouterMiddleware {
    typealias Context = APIContext

    let documented: DocumentedOperations

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let given = request.uri.queryParameters.map { String($0.key) }
        let names = Set(given)
        // A repeated parameter has no one meaning (the first would win, the others be ignored).
        if names.count < given.count, let repeated = names.sorted().first(where: { name in given.filter { $0 == name }.count > 1 }) {
            throw APIProblem.badRequest("query parameter '\(repeated)' is given more than once; give it once (lists are comma separated, e.g. levels=80,95)")
        }
        if !names.isEmpty, let operation = documented.operation(method: request.method.rawValue, path: request.uri.path) {
            let unknown = names.subtracting(operation.accepted).sorted()
            if let first = unknown.first {
                let accepted = operation.accepted.isEmpty ? "it takes no query parameters" : "it accepts " + operation.accepted.sorted().joined(separator: ", ")
                throw APIProblem.badRequest("unknown query parameter '\(first)' for \(operation.method) \(operation.path); \(accepted)")
            }
        }
        return try await next(request, context)
    }
}
