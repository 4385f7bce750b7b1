public import Hummingbird
import Logging

/// The HTTP API: every route under `/v1`, plus `/health`, `/metrics` and `/openapi.yaml`.
///
/// Reads are open; writes (observations, fits, scenarios) need a bearer token with the editor role. Every
/// error is an RFC 9457 problem document. Requests are counted and timed per route (Hummingbird's
/// `MetricsMiddleware`, exported by `/metrics`).
public enum BienniumAPI {
    /// The router with every route and the problem and metrics middleware; the application and the tests use it.
    public static func router(_ env: ServiceEnvironment) -> Router<APIContext> {
        // HEAD wherever GET is served (RFC 9110, section 9.3.2).
        let router = Router(context: APIContext.self, options: .autoGenerateHeadEndpoints)
        // Metrics outside, problems inside: the metrics see the status the client gets.
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ProblemMiddleware(logger: env.logger))
        do {
            let documented = try DocumentedOperations.service()
            router.add(middleware: MethodMiddleware(documented: documented))
            router.add(middleware: QueryParameterMiddleware(documented: documented))
        } catch {
            env.logger.error("methods and query parameters are not checked: the OpenAPI document could not be read", metadata: ["error": "\(error)"])
        }
        SystemRoutes.add(to: router, env)
        let v1 = router.group("v1")
        SeriesRoutes.add(to: v1, env)
        ModelRoutes.add(to: v1, env)
        ForecastRoutes.add(to: v1, env)
        BudgetRoutes.add(to: v1, env)
        ScenarioRoutes.add(to: v1, env)
        TokenRoutes.add(to: v1, env)
        return router
    }

    /// The application on `host:port` (port 0: any free port, reported to `onServerRunning`).
    public static func application(_ env: ServiceEnvironment, host: String, port: Int,
                                   onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(env), configuration: .init(address: .hostname(host, port: port), serverName: "biennium"),
                    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) }, logger: env.logger)
    }
}
