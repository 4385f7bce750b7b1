import ArgumentParser
import Budget
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import Service
import Store

/// `biennium serve`: the HTTP API over the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve series, fits, forecasts and budget comparisons over HTTP (OpenAPI document at /openapi.yaml).",
        discussion: """
        Reads are open; writes need 'Authorization: Bearer <token>' from 'biennium token create --role editor'. \
        SIGTERM or SIGINT stops the server gracefully: requests in flight finish, then the store is closed. \
        Several replicas can serve one PostgreSQL database behind a load balancer (see README).

        Example: biennium serve --port 8080
                 biennium serve --database-url postgres://biennium@db:5432/biennium --host 0.0.0.0
        """)

    @OptionGroup var store: StoreOptions
    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(parsing: .unconditional, help: "Port to listen on (0: any free port, printed on start).") var port: Int = 8080
    @Option(help: ArgumentHelp("Folder of model specifications.", valueName: "path")) var models: String = "Models"
    @Option(help: ArgumentHelp("Folder of the named scenarios.", valueName: "path")) var scenarioFolder: String = "Models/scenarios"

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535; got \(port).") }
    }

    func run() async throws {
        // Refuse to start on a configuration the routes would fail on: the specifications must load, and the
        // scenario folder must exist (the comparison's default scenarios live there).
        do { _ = try ModelSpec.load([models]) } catch {
            throw ValidationError("--models: \(error) (run from the repository root, or give --models PATH).")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: scenarioFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--scenario-folder: '\(scenarioFolder)' is not a folder (run from the repository root, or give the path).")
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        var logger = Logger(label: "biennium.serve")
        logger.logLevel = .info
        let opened = try await store.open()
        let environment = ServiceEnvironment(store: opened, modelsFolder: models, scenarioFolder: scenarioFolder, registry: registry, logger: logger)
        let application = BienniumAPI.application(environment, host: host, port: port) { port in
            let line = "biennium serving on http://\(host):\(port) (store: \((try? store.location().description) ?? "?"))\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        do {
            try await application.runService()
        } catch {
            try? await opened.close()
            throw error
        }
        try await opened.close()
    }
}
