/// Table definitions that read the same in SQLite and PostgreSQL, shared by both backends' migrations.
enum StoreSchema {
    /// Migration v3: access tokens (hashes only) and versioned scenarios.
    static let accessTokensAndScenarios = [
        """
        CREATE TABLE access_tokens (
          id TEXT PRIMARY KEY,
          role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
          token_hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          revoked_at TEXT
        )
        """,
        """
        CREATE TABLE scenarios (
          name TEXT NOT NULL,
          version INTEGER NOT NULL,
          yaml TEXT NOT NULL,
          saved_at TEXT NOT NULL,
          PRIMARY KEY (name, version)
        )
        """,
    ]
}
