import Logging
import PostgresNIO

/// The PostgreSQL schema, as named, append-only migrations recorded in `biennium_migrations`.
enum PostgresMigrations {
    static let migrations: [(name: String, sql: [PostgresQuery])] = [
        ("v1 series and observations with vintages", [
            """
            CREATE TABLE series (
              id TEXT PRIMARY KEY,
              system TEXT NOT NULL,
              metric TEXT NOT NULL,
              unit TEXT NOT NULL,
              frequency TEXT NOT NULL,
              definition TEXT NOT NULL,
              derivation TEXT NOT NULL DEFAULT '',
              source_choice TEXT NOT NULL DEFAULT ''
            )
            """,
            """
            CREATE TABLE observations (
              series_id TEXT NOT NULL REFERENCES series(id),
              period TEXT NOT NULL,
              period_start TEXT NOT NULL,
              vintage TEXT NOT NULL,
              vintage_date TEXT NOT NULL,
              value DOUBLE PRECISION NOT NULL,
              status TEXT NOT NULL CHECK (status IN ('reported', 'estimate', 'revised', 'derived')),
              source TEXT NOT NULL CHECK (source <> ''),
              note TEXT NOT NULL DEFAULT '',
              imported_at TEXT NOT NULL,
              PRIMARY KEY (series_id, period, vintage_date)
            )
            """,
            "CREATE INDEX observations_as_of ON observations (series_id, vintage_date)",
        ]),
        ("v2 versioned model fits", [
            """
            CREATE TABLE model_fits (
              name TEXT NOT NULL,
              version INTEGER NOT NULL,
              fitted_at TEXT NOT NULL,
              series_id TEXT NOT NULL REFERENCES series(id),
              model TEXT NOT NULL,
              fitted TEXT NOT NULL,
              as_of TEXT,
              last_period TEXT NOT NULL,
              observations INTEGER NOT NULL,
              parameters TEXT NOT NULL,
              forecast TEXT NOT NULL,
              PRIMARY KEY (name, version)
            )
            """,
        ]),
        ("v3 access tokens and stored scenarios", StoreSchema.accessTokensAndScenarios.map { PostgresQuery(unsafeSQL: $0) }),
    ]

    /// Applies the migrations not yet recorded, each in its own transaction, under an advisory lock.
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(20202021)", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS biennium_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            var applied = Set<String>()
            for try await name in try await connection.query("SELECT name FROM biennium_migrations", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.sql { try await connection.query(statement, logger: logger) }
                try await connection.query("INSERT INTO biennium_migrations (name) VALUES (\(migration.name))", logger: logger)
            }
        }
    }
}
