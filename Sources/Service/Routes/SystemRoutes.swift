import Foundation
import Hummingbird
import NIOCore

/// `/health`, `/metrics` (Prometheus text) and `/openapi.yaml`.
enum SystemRoutes {
    static func add(to router: Router<APIContext>, _ env: ServiceEnvironment) {
        router.get("health") { _, _ in
            Representation.text("{\"status\":\"ok\"}", contentType: "application/json; charset=utf-8")
        }
        router.get("metrics") { _, _ in
            var bytes: [UInt8] = []
            env.registry.emit(into: &bytes)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.get("openapi.yaml") { _, _ in
            Representation.text(try OpenAPIDocument.text(), contentType: "application/yaml; charset=utf-8")
        }
    }
}

/// The OpenAPI 3.1 document of the service, kept in the repository (Sources/Service/openapi.yaml).
public enum OpenAPIDocument {
    /// The document's YAML text, as served at `/openapi.yaml`.
    public static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw APIProblem(.internalServerError, "the OpenAPI document is missing from the build")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
