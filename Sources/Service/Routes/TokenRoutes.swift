import Hummingbird
import Store

/// `/v1/tokens/me`: which token a client holds (for clients checking their configuration before writing).
enum TokenRoutes {
    struct Holder: Codable { let id: String; let role: String; let createdAt: String }

    static func add(to router: RouterGroup<APIContext>, _ env: ServiceEnvironment) {
        router.get("tokens/me") { request, _ in
            let token = try await AccessTokens.authorize(request, store: env.store, role: .editor)
            return try Representation.json(Holder(id: token.id, role: token.role.rawValue, createdAt: token.createdAt))
        }
    }
}
