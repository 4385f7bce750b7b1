public import Logging
public import Prometheus
public import Store

/// What the routes work with: the store, the folders of model specifications and scenarios, and the metrics
/// registry that `/metrics` prints.
public struct ServiceEnvironment: Sendable {
    /// The series store every route reads and writes (SQLite or PostgreSQL).
    public let store: any SeriesStore
    /// Folder of `*.yaml` model specifications (`Models`).
    public let modelsFolder: String
    /// Folder of the named scenario files (`Models/scenarios`); scenarios written through the API are stored
    /// in the database under other names (a file's name is refused, and a file wins over a stored scenario of its name).
    public let scenarioFolder: String
    /// The Prometheus registry whose metrics `/metrics` prints (the `serve` command bootstraps swift-metrics into it).
    public let registry: PrometheusCollectorRegistry
    /// The logger of the HTTP server and of requests that fail with a 500.
    public let logger: Logger
    /// Stored forecasts as last rendered (two seconds; a fit through this process clears its entry).
    let forecastCache = ResponseCache()
    /// Where fits and simulations run, off the threads that serve requests.
    let compute = ComputeQueue()

    /// The environment of a server on `store`, reading specifications and scenario files from the folders given.
    public init(store: any SeriesStore, modelsFolder: String = "Models", scenarioFolder: String = "Models/scenarios",
                registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), logger: Logger = Logger(label: "biennium.service")) {
        self.store = store
        self.modelsFolder = modelsFolder
        self.scenarioFolder = scenarioFolder
        self.registry = registry
        self.logger = logger
    }
}
