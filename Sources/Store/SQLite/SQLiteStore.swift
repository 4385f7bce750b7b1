import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode through GRDB, created on first use (with its folder only
/// for the default location: a path the user names must lie in an existing folder, so a typo is not a new store).
///
/// Concurrent writers from several processes queue on SQLite's lock for up to ``busyTimeout`` seconds, then
/// get `StoreError.busy`; a killed import leaves the file as before it (the transaction never commits).
public final class SQLiteStore: SeriesStore {
    /// How long a writer waits for another process's write lock.
    public static let busyTimeout: Double = 30
    let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens or creates the database at `path` and applies pending migrations. With `createFolder` a missing
    /// folder is created first; without it a missing folder is an error that names it.
    public init(path: String, createFolder: Bool = false) throws {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if createFolder {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.badLocation("cannot create the folder \(folder) for the database: \(error.localizedDescription)")
            }
        } else if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw StoreError.badLocation("the folder \(folder) of the database \(path) does not exist; create it first")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "biennium"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try SQLiteMigrations.migrator.migrate(pool)
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    public func upsert(_ definitions: [SeriesDefinition]) async throws -> Int {
        try await write { db in
            var changed = 0
            for d in definitions {
                try db.execute(sql: """
                    INSERT INTO series (id, system, metric, unit, frequency, definition, derivation, source_choice)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET system = excluded.system, metric = excluded.metric, unit = excluded.unit,
                      frequency = excluded.frequency, definition = excluded.definition, derivation = excluded.derivation,
                      source_choice = excluded.source_choice
                    WHERE series.system IS NOT excluded.system OR series.metric IS NOT excluded.metric
                      OR series.unit IS NOT excluded.unit OR series.frequency IS NOT excluded.frequency
                      OR series.definition IS NOT excluded.definition OR series.derivation IS NOT excluded.derivation
                      OR series.source_choice IS NOT excluded.source_choice
                    """, arguments: [d.id.rawValue, d.system, d.metric, d.unit, d.frequency, d.definition, d.derivation, d.sourceChoice])
                changed += db.changesCount
            }
            return changed
        }
    }

    public func catalog() async throws -> [SeriesID: SeriesDefinition] {
        try await read { db in
            var result: [SeriesID: SeriesDefinition] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM series") {
                guard let definition = Self.definition(row) else { continue }
                result[definition.id] = definition
            }
            return result
        }
    }

    public func insert(_ batch: ObservationBatch) async throws -> ImportSummary {
        try await write { db in
            // What is stored for the batch's series, to decide new / unchanged / conflicting rows.
            var existing: [String: [InsertPlan.Stored]] = [:]
            for series in Set(batch.observations.map(\.series)) {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT period, value, status, source, vintage_date FROM observations WHERE series_id = ?
                    """, arguments: [series.rawValue])
                while let row = try rows.next() {
                    let period: String = row["period"]
                    existing["\(series)|\(period)", default: []].append(
                        InsertPlan.Stored(value: row["value"], status: row["status"], source: row["source"], knownBy: row["vintage_date"]))
                }
            }
            let plan = try InsertPlan(batch: batch, existing: existing)
            let statement = try db.makeStatement(sql: """
                INSERT INTO observations (series_id, period, period_start, vintage, vintage_date, value, status, source, note, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let now = ISO8601DateFormatter().string(from: Date())
            for index in plan.toInsert {
                let o = batch.observations[index]
                try statement.execute(arguments: [o.series.rawValue, o.period.description, o.period.startDate, o.vintage.text,
                                                  o.vintage.knownBy.description, o.value, o.status.rawValue, o.source, o.note, now])
            }
            return plan.summary
        }
    }

    public func summaries() async throws -> [SeriesSummary] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, COUNT(o.period) AS n, MIN(o.period_start) AS first_start, MAX(o.period_start) AS last_start,
                  (SELECT period FROM observations f WHERE f.series_id = s.id ORDER BY period_start LIMIT 1) AS first_period,
                  (SELECT period FROM observations l WHERE l.series_id = s.id ORDER BY period_start DESC LIMIT 1) AS last_period,
                  MAX(o.vintage) AS latest_vintage
                FROM series s LEFT JOIN observations o ON o.series_id = s.id
                GROUP BY s.id ORDER BY s.id
                """).compactMap { row in
                Self.definition(row).map {
                    SeriesSummary(definition: $0, observationCount: row["n"], firstPeriod: row["first_period"],
                                  lastPeriod: row["last_period"], latestVintage: row["latest_vintage"])
                }
            }
        }
    }

    public func observations(of series: SeriesID, asOf: CalendarDay?) async throws -> [Observation] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM (
                  SELECT o.*, ROW_NUMBER() OVER (PARTITION BY period ORDER BY vintage_date DESC) AS rank
                  FROM observations o WHERE series_id = ? AND vintage_date <= ?
                ) WHERE rank = 1 ORDER BY period_start, period
                """, arguments: [series.rawValue, (asOf ?? CalendarDay(year: 9999, month: 12, day: 31)).description])
            return rows.compactMap(Self.observation)
        }
    }

    public func vintages(of series: SeriesID) async throws -> [Observation] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM observations WHERE series_id = ? ORDER BY period_start, period, vintage_date
                """, arguments: [series.rawValue]).compactMap(Self.observation)
        }
    }

    public func saveFit(_ record: FitRecord) async throws -> FitRecord {
        try await write { db in
            // The write transaction serialises writers, so the next version is free.
            let next = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM model_fits WHERE name = ?", arguments: [record.name]) ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO model_fits (name, version, fitted_at, series_id, model, fitted, as_of, last_period, observations, parameters, forecast)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.name, next, record.fittedAt, record.series.rawValue, record.model, record.fitted, record.asOf,
                                 record.lastPeriod, record.observations, FitRecordCoding.encode(record.parameters),
                                 FitRecordCoding.encode(record.forecast)])
            return record.withVersion(next)
        }
    }

    public func latestFit(named name: String) async throws -> FitRecord? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM model_fits WHERE name = ? ORDER BY version DESC LIMIT 1",
                                             arguments: [name]),
                  let series = SeriesID(row["series_id"]) else { return nil }
            return FitRecord(name: row["name"], version: row["version"], fittedAt: row["fitted_at"], series: series, model: row["model"],
                             fitted: row["fitted"], asOf: row["as_of"], lastPeriod: row["last_period"], observations: row["observations"],
                             parameters: FitRecordCoding.parameters(row["parameters"]), forecast: FitRecordCoding.forecast(row["forecast"]))
        }
    }

    public func createToken(_ token: AccessToken) async throws {
        try await write { db in
            try db.execute(sql: "INSERT INTO access_tokens (id, role, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [token.id, token.role.rawValue, token.hash, token.createdAt, token.revokedAt])
        }
    }

    public func tokens() async throws -> [AccessToken] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access_tokens ORDER BY created_at, id").compactMap(Self.token)
        }
    }

    public func activeToken(id: String) async throws -> AccessToken? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM access_tokens WHERE id = ? AND revoked_at IS NULL", arguments: [id])
                .flatMap(Self.token)
        }
    }

    public func revokeToken(id: String, at: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [at, id])
            return db.changesCount > 0
        }
    }

    public func saveScenario(name: String, yaml: String, savedAt: String) async throws -> StoredScenario {
        try await write { db in
            let next = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM scenarios WHERE name = ?", arguments: [name]) ?? 0) + 1
            try db.execute(sql: "INSERT INTO scenarios (name, version, yaml, saved_at) VALUES (?, ?, ?, ?)",
                           arguments: [name, next, yaml, savedAt])
            return StoredScenario(name: name, version: next, yaml: yaml, savedAt: savedAt)
        }
    }

    public func scenarios() async throws -> [StoredScenario] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.name, s.version, s.yaml, s.saved_at FROM scenarios s
                JOIN (SELECT name, MAX(version) AS version FROM scenarios GROUP BY name) latest
                  ON latest.name = s.name AND latest.version = s.version
                ORDER BY s.name
                """).map { StoredScenario(name: $0["name"], version: $0["version"], yaml: $0["yaml"], savedAt: $0["saved_at"]) }
        }
    }

    public func deleteScenario(name: String) async throws -> Int {
        try await write { db in
            try db.execute(sql: "DELETE FROM scenarios WHERE name = ?", arguments: [name])
            return db.changesCount
        }
    }

    /// Copies the write-ahead log into the database file and empties the log (so the `.sqlite` file alone holds
    /// every committed row, and a `-wal` file left beside it holds nothing that could be replayed onto a backup
    /// copied back over the database), then closes every connection. Emptying the log must wait for other
    /// processes' readers and blocks their writers meanwhile, so it waits at most 100 ms; when another process (a
    /// running `serve`) is busy with the file, the log is only copied as far as it can be without waiting, and
    /// that process's last connection finishes the copy when it closes.
    public func close() async throws {
        _ = try? await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 100")
            if (try? db.checkpoint(.truncate)) == nil { _ = try? db.checkpoint(.passive) }
        }
        try pool.close()
    }

    static func token(_ row: Row) -> AccessToken? {
        guard let role = AccessRole(rawValue: row["role"]) else { return nil }
        return AccessToken(id: row["id"], role: role, hash: row["token_hash"], createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }

    // MARK: - Rows

    static func definition(_ row: Row) -> SeriesDefinition? {
        guard let id = SeriesID(row["id"]) else { return nil }
        return SeriesDefinition(id: id, system: row["system"], metric: row["metric"], unit: row["unit"], frequency: row["frequency"],
                                definition: row["definition"], derivation: row["derivation"], sourceChoice: row["source_choice"])
    }

    static func observation(_ row: Row) -> Observation? {
        guard let id = SeriesID(row["series_id"]), let period = Period(row["period"]), let vintage = Vintage(row["vintage"]),
              let status = ObservationStatus(rawValue: row["status"]) else { return nil }
        return Observation(series: id, period: period, value: row["value"], status: status, source: row["source"],
                           vintage: vintage, note: row["note"])
    }

    // MARK: - Transactions with translated errors

    private func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    private func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    static func translate(_ error: any Error, path: String) -> any Error {
        if error is StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return StoreError.busy("\(path), after waiting \(Int(busyTimeout)) s")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return StoreError.badLocation("\(path) is not a Biennium SQLite database")
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM:
                return StoreError.badLocation("cannot open \(path) for writing: \(error.message ?? "\(error.resultCode)")")
            default:
                return StoreError.database("\(path): \(error.message ?? "\(error.resultCode)")")
            }
        }
        return error
    }
}
