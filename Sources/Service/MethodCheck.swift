import Hummingbird

/// Answers a request whose path the OpenAPI document describes, but not for its method, with 405 Method Not
/// Allowed and an `Allow` header listing the documented methods (RFC 9110, section 15.5.6), instead of the
/// router's 404, which would say the resource does not exist. HEAD is served wherever GET is, as RFC 9110
/// (section 9.3.2) asks (the router generates those endpoints; ``DocumentedOperations`` reads it as GET).
struct MethodMiddleware: RouterMiddleware {
    typealias Context = APIContext

    let documented: DocumentedOperations

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if documented.operation(method: request.method.rawValue, path: path) == nil {
            var allowed = documented.methods(path: path)
            if !allowed.isEmpty {
                if allowed.contains("GET") { allowed.append("HEAD") }
                throw APIProblem(.methodNotAllowed, "\(request.method.rawValue) is not served at \(path); it takes \(allowed.joined(separator: ", "))",
                                 allow: allowed.joined(separator: ", "))
            }
        }
        return try await next(request, context)
    }
}
