import Foundation
import Logging
import NIOPosix
import NIOSSL
import PostgresNIO

/// The shared store: PostgreSQL through PostgresNIO, for several service replicas and analysts at once.
///
/// The URL is `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]`; TLS is
/// off by default on loopback and preferred elsewhere. Migrations run under an advisory lock, so replicas
/// starting together apply each once.
public final class PostgresStore: SeriesStore {
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let logger: Logger

    /// Connects, and applies pending migrations.
    public init(url: String) async throws {
        var logger = Logger(label: "biennium.store.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let configuration = try Self.configuration(url)
        try await Self.probe(host: configuration.host ?? "localhost", port: configuration.port ?? 5432, url: url)
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let client = self.client
        runner = Task { await client.run() }
        do {
            // Bounded: an unreachable server would otherwise keep the pool retrying for a minute.
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { [client, logger] in
                    try await PostgresMigrations.migrate(client, logger: logger)
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(Self.connectTimeoutSeconds))
                    return false
                }
                let finished = try await group.next() ?? false
                group.cancelAll()
                if !finished { throw StoreError.badLocation("no answer from the PostgreSQL server at \(Self.redacted(url)) within \(Self.connectTimeoutSeconds) s; check the host, port and that it is running") }
            }
        } catch {
            runner.cancel()
            // The first contact: anything but a server message means the server could not be reached.
            let translated = Self.translate(error, url: url)
            if translated is StoreError { throw translated }
            throw StoreError.badLocation("cannot reach the PostgreSQL server at \(Self.redacted(url)); check the host, port and that it is running")
        }
        self.url = url
    }

    let url: String

    /// How long opening the store waits for the server.
    public static let connectTimeoutSeconds = 10

    /// A plain TCP connection to the server before the pool's: the pool retries a refused connection until the
    /// timeout, where the user should hear at once that nothing listens there.
    static func probe(host: String, port: Int, url: String) async throws {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(Int64(connectTimeoutSeconds)))
                .connect(host: host, port: port).get()
            try? await channel.close()
        } catch {
            let reason: String
            if case .connectTimeout? = error as? ChannelError {
                reason = "no answer within \(connectTimeoutSeconds) s"
            } else if String(describing: error).contains("refused") {
                reason = "connection refused (nothing listens on port \(port))"
            } else {
                reason = "the host cannot be reached"
            }
            throw StoreError.badLocation("cannot connect to the PostgreSQL server at \(redacted(url)): \(reason); check the host, port and that it is running")
        }
    }

    deinit { runner.cancel() }

    /// The URL with its password replaced by `***`, for messages.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    static func configuration(_ url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw StoreError.badLocation("cannot read the database URL '\(redacted(url))'; expected postgres://user@host:port/database")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let sslmode = components.queryItems?.first { $0.name == "sslmode" }?.value
        let loopback = ["localhost", "127.0.0.1", "::1"].contains(host)
        let tls: PostgresClient.Configuration.TLS
        switch sslmode ?? (loopback ? "disable" : "prefer") {
        case "disable": tls = .disable
        case "require": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(host: host, port: components.port ?? 5432,
                                                         username: components.user ?? "postgres", password: components.password,
                                                         database: database.isEmpty ? nil : database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    public func upsert(_ definitions: [SeriesDefinition]) async throws -> Int {
        try await transaction { connection in
            var changed = 0
            for d in definitions {
                let rows = try await connection.query("""
                    INSERT INTO series (id, system, metric, unit, frequency, definition, derivation, source_choice)
                    VALUES (\(d.id.rawValue), \(d.system), \(d.metric), \(d.unit), \(d.frequency), \(d.definition), \(d.derivation), \(d.sourceChoice))
                    ON CONFLICT (id) DO UPDATE SET system = excluded.system, metric = excluded.metric, unit = excluded.unit,
                      frequency = excluded.frequency, definition = excluded.definition, derivation = excluded.derivation,
                      source_choice = excluded.source_choice
                    WHERE (series.system, series.metric, series.unit, series.frequency, series.definition, series.derivation, series.source_choice)
                      IS DISTINCT FROM (excluded.system, excluded.metric, excluded.unit, excluded.frequency, excluded.definition, excluded.derivation, excluded.source_choice)
                    RETURNING id
                    """, logger: logger)
                for try await _ in rows { changed += 1 }
            }
            return changed
        }
    }

    public func catalog() async throws -> [SeriesID: SeriesDefinition] {
        var result: [SeriesID: SeriesDefinition] = [:]
        for definition in try await definitions(where: nil) { result[definition.id] = definition }
        return result
    }

    private func definitions(where id: SeriesID?) async throws -> [SeriesDefinition] {
        try await run {
            let rows = try await self.client.query("""
                SELECT id, system, metric, unit, frequency, definition, derivation, source_choice FROM series ORDER BY id
                """, logger: self.logger)
            var result: [SeriesDefinition] = []
            for try await (id, system, metric, unit, frequency, definition, derivation, choice)
                in rows.decode((String, String, String, String, String, String, String, String).self) {
                guard let seriesID = SeriesID(id) else { continue }
                result.append(SeriesDefinition(id: seriesID, system: system, metric: metric, unit: unit, frequency: frequency,
                                               definition: definition, derivation: derivation, sourceChoice: choice))
            }
            return result
        }
    }

    public func insert(_ batch: ObservationBatch) async throws -> ImportSummary {
        try await transaction { connection in
            let seriesIDs = Array(Set(batch.observations.map(\.series.rawValue)))
            // Serialise concurrent imports of the same series, so the new/unchanged decision stays true.
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(id)) FROM unnest(\(seriesIDs)::text[]) AS id ORDER BY id",
                                       logger: self.logger)
            var existing: [String: [InsertPlan.Stored]] = [:]
            let rows = try await connection.query("""
                SELECT series_id, period, value, status, source, vintage_date FROM observations WHERE series_id = ANY(\(seriesIDs)::text[])
                """, logger: self.logger)
            for try await (series, period, value, status, source, knownBy) in rows.decode((String, String, Double, String, String, String).self) {
                existing["\(series)|\(period)", default: []].append(
                    InsertPlan.Stored(value: value, status: status, source: source, knownBy: knownBy))
            }
            let plan = try InsertPlan(batch: batch, existing: existing)
            let now = ISO8601DateFormatter().string(from: Date())
            // Bulk insert through arrays: one statement per 10 000 rows, every value a bound parameter.
            for chunk in stride(from: 0, to: plan.toInsert.count, by: 10_000) {
                let indices = plan.toInsert[chunk..<min(chunk + 10_000, plan.toInsert.count)]
                let rows = indices.map { batch.observations[$0] }
                try await connection.query("""
                    INSERT INTO observations (series_id, period, period_start, vintage, vintage_date, value, status, source, note, imported_at)
                    SELECT * FROM unnest(\(rows.map(\.series.rawValue))::text[], \(rows.map(\.period.description))::text[],
                      \(rows.map(\.period.startDate))::text[], \(rows.map(\.vintage.text))::text[],
                      \(rows.map(\.vintage.knownBy.description))::text[], \(rows.map(\.value))::float8[],
                      \(rows.map(\.status.rawValue))::text[], \(rows.map(\.source))::text[], \(rows.map(\.note))::text[],
                      \(Array(repeating: now, count: rows.count))::text[])
                    """, logger: self.logger)
            }
            return plan.summary
        }
    }

    public func summaries() async throws -> [SeriesSummary] {
        try await run {
            let rows = try await self.client.query("""
                SELECT s.id, s.system, s.metric, s.unit, s.frequency, s.definition, s.derivation, s.source_choice,
                  COUNT(o.period)::bigint,
                  (SELECT period FROM observations f WHERE f.series_id = s.id ORDER BY period_start LIMIT 1),
                  (SELECT period FROM observations l WHERE l.series_id = s.id ORDER BY period_start DESC LIMIT 1),
                  MAX(o.vintage)
                FROM series s LEFT JOIN observations o ON o.series_id = s.id
                GROUP BY s.id ORDER BY s.id
                """, logger: self.logger)
            var result: [SeriesSummary] = []
            for try await (id, system, metric, unit, frequency, definition, derivation, choice, count, first, last, vintage)
                in rows.decode((String, String, String, String, String, String, String, String, Int64, String?, String?, String?).self) {
                guard let seriesID = SeriesID(id) else { continue }
                let d = SeriesDefinition(id: seriesID, system: system, metric: metric, unit: unit, frequency: frequency,
                                         definition: definition, derivation: derivation, sourceChoice: choice)
                result.append(SeriesSummary(definition: d, observationCount: Int(count), firstPeriod: first, lastPeriod: last,
                                            latestVintage: vintage))
            }
            return result
        }
    }

    public func observations(of series: SeriesID, asOf: CalendarDay?) async throws -> [Observation] {
        let day = (asOf ?? CalendarDay(year: 9999, month: 12, day: 31)).description
        return try await fetchObservations("""
            SELECT series_id, period, value, status, source, vintage, note FROM (
              SELECT o.*, ROW_NUMBER() OVER (PARTITION BY period ORDER BY vintage_date DESC) AS rank
              FROM observations o WHERE series_id = \(series.rawValue) AND vintage_date <= \(day)
            ) latest WHERE rank = 1 ORDER BY period_start, period
            """)
    }

    public func vintages(of series: SeriesID) async throws -> [Observation] {
        try await fetchObservations("""
            SELECT series_id, period, value, status, source, vintage, note FROM observations
            WHERE series_id = \(series.rawValue) ORDER BY period_start, period, vintage_date
            """)
    }

    private func fetchObservations(_ query: PostgresQuery) async throws -> [Observation] {
        try await run {
            let rows = try await self.client.query(query, logger: self.logger)
            var result: [Observation] = []
            for try await (series, period, value, status, source, vintage, note)
                in rows.decode((String, String, Double, String, String, String, String).self) {
                guard let id = SeriesID(series), let p = Period(period), let s = ObservationStatus(rawValue: status),
                      let v = Vintage(vintage) else { continue }
                result.append(Observation(series: id, period: p, value: value, status: s, source: source, vintage: v, note: note))
            }
            return result
        }
    }

    public func saveFit(_ record: FitRecord) async throws -> FitRecord {
        try await transaction { connection in
            // One writer per specification at a time, so replicas refitting together get distinct versions.
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("fit:" + record.name)))", logger: self.logger)
            var next = 1
            for try await latest in try await connection.query("SELECT COALESCE(MAX(version), 0)::bigint FROM model_fits WHERE name = \(record.name)",
                                                               logger: self.logger).decode(Int64.self) {
                next = Int(latest) + 1
            }
            try await connection.query("""
                INSERT INTO model_fits (name, version, fitted_at, series_id, model, fitted, as_of, last_period, observations, parameters, forecast)
                VALUES (\(record.name), \(next), \(record.fittedAt), \(record.series.rawValue), \(record.model), \(record.fitted),
                        \(record.asOf), \(record.lastPeriod), \(record.observations), \(FitRecordCoding.encode(record.parameters)),
                        \(FitRecordCoding.encode(record.forecast)))
                """, logger: self.logger)
            return record.withVersion(next)
        }
    }

    public func latestFit(named name: String) async throws -> FitRecord? {
        try await run {
            let rows = try await self.client.query("""
                SELECT name, version, fitted_at, series_id, model, fitted, as_of, last_period, observations, parameters, forecast
                FROM model_fits WHERE name = \(name) ORDER BY version DESC LIMIT 1
                """, logger: self.logger)
            for try await (name, version, fittedAt, series, model, fitted, asOf, lastPeriod, observations, parameters, forecast)
                in rows.decode((String, Int, String, String, String, String, String?, String, Int, String, String).self) {
                guard let id = SeriesID(series) else { return nil }
                return FitRecord(name: name, version: version, fittedAt: fittedAt, series: id, model: model, fitted: fitted, asOf: asOf,
                                 lastPeriod: lastPeriod, observations: observations, parameters: FitRecordCoding.parameters(parameters),
                                 forecast: FitRecordCoding.forecast(forecast))
            }
            return nil
        }
    }

    public func createToken(_ token: AccessToken) async throws {
        _ = try await run {
            try await self.client.query("""
                INSERT INTO access_tokens (id, role, token_hash, created_at, revoked_at)
                VALUES (\(token.id), \(token.role.rawValue), \(token.hash), \(token.createdAt), \(token.revokedAt))
                """, logger: self.logger)
        }
    }

    public func tokens() async throws -> [AccessToken] {
        try await run {
            var tokens: [AccessToken] = []
            let rows = try await self.client.query("SELECT id, role, token_hash, created_at, revoked_at FROM access_tokens ORDER BY created_at, id",
                                                   logger: self.logger)
            for try await (id, role, hash, createdAt, revokedAt) in rows.decode((String, String, String, String, String?).self) {
                if let role = AccessRole(rawValue: role) {
                    tokens.append(AccessToken(id: id, role: role, hash: hash, createdAt: createdAt, revokedAt: revokedAt))
                }
            }
            return tokens
        }
    }

    public func activeToken(id: String) async throws -> AccessToken? {
        try await run {
            let rows = try await self.client.query("""
                SELECT id, role, token_hash, created_at FROM access_tokens WHERE id = \(id) AND revoked_at IS NULL
                """, logger: self.logger)
            for try await (id, role, hash, createdAt) in rows.decode((String, String, String, String).self) {
                return AccessRole(rawValue: role).map { AccessToken(id: id, role: $0, hash: hash, createdAt: createdAt) }
            }
            return nil
        }
    }

    public func revokeToken(id: String, at: String) async throws -> Bool {
        try await run {
            let rows = try await self.client.query("""
                UPDATE access_tokens SET revoked_at = \(at) WHERE id = \(id) AND revoked_at IS NULL RETURNING id
                """, logger: self.logger)
            for try await _ in rows.decode(String.self) { return true }
            return false
        }
    }

    public func saveScenario(name: String, yaml: String, savedAt: String) async throws -> StoredScenario {
        try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("scenario:" + name)))", logger: self.logger)
            var next = 1
            for try await latest in try await connection.query("SELECT COALESCE(MAX(version), 0)::bigint FROM scenarios WHERE name = \(name)",
                                                               logger: self.logger).decode(Int64.self) {
                next = Int(latest) + 1
            }
            try await connection.query("INSERT INTO scenarios (name, version, yaml, saved_at) VALUES (\(name), \(next), \(yaml), \(savedAt))",
                                       logger: self.logger)
            return StoredScenario(name: name, version: next, yaml: yaml, savedAt: savedAt)
        }
    }

    public func deleteScenario(name: String) async throws -> Int {
        try await run {
            var removed = 0
            let rows = try await self.client.query("DELETE FROM scenarios WHERE name = \(name) RETURNING version", logger: self.logger)
            for try await _ in rows.decode(Int.self) { removed += 1 }
            return removed
        }
    }

    public func scenarios() async throws -> [StoredScenario] {
        try await run {
            var result: [StoredScenario] = []
            let rows = try await self.client.query("""
                SELECT DISTINCT ON (name) name, version, yaml, saved_at FROM scenarios ORDER BY name, version DESC
                """, logger: self.logger)
            for try await (name, version, yaml, savedAt) in rows.decode((String, Int, String, String).self) {
                result.append(StoredScenario(name: name, version: version, yaml: yaml, savedAt: savedAt))
            }
            return result
        }
    }

    public func close() async throws {
        runner.cancel()
        _ = await runner.value
    }

    // MARK: - Error translation

    private func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw Self.translate(error, url: url) }
    }

    private func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> sending T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger, body)
        } catch {
            throw Self.translate(error, url: url)
        }
    }

    static func translate(_ error: any Error, url: String) -> any Error {
        if error is StoreError { return error }
        if let transaction = error as? PostgresTransactionError {
            if let closureError = transaction.closureError { return translate(closureError, url: url) }
            if let beginError = transaction.beginError { return translate(beginError, url: url) }
            if let commitError = transaction.commitError { return translate(commitError, url: url) }
        }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return StoreError.database("\(redacted(url)): \(message)")
            }
            return StoreError.badLocation("cannot reach the PostgreSQL server at \(redacted(url)): \(error.code)")
        }
        return error
    }
}
