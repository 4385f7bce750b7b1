import Hummingbird

/// Answers a request whose path the OpenAPI document describes, but not for its method, with 405 Method Not
/// Allowed and an `Allow` header listing the documented methods (RFC 9110, section 15.5.6), instead of the
/// router's 404, which would say the resource does not exist. HEAD is allowed wherever GET is.
struct MethodMiddleware: RouterMiddleware {
    typealias Context = APIContext

    let documented: DocumentedOperations

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let method = request.method.rawValue == "HEAD" ? "GET" : request.method.rawValue
        let path = request.uri.path
        if documented.operation(method: method, path: path) == nil {
            let allowed = documented.methods(path: path)
            if !allowed.isEmpty {
                let listed = allowed.contains("GET") ? allowed + ["HEAD"] : allowed
                throw APIProblem(.methodNotAllowed, "\(request.method.rawValue) is not served at \(path); it takes \(listed.joined(separator: ", "))",
                                 allow: listed.joined(separator: ", "))
            }
        }
        return try await next(request, context)
    }
}
