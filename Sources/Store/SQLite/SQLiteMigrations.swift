import GRDB

/// The SQLite schema, as named, append-only migrations: a shipped migration never changes.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 series and observations with vintages") { db in
            try db.execute(sql: """
                CREATE TABLE series (
                  id TEXT PRIMARY KEY NOT NULL,
                  system TEXT NOT NULL,
                  metric TEXT NOT NULL,
                  unit TEXT NOT NULL,
                  frequency TEXT NOT NULL,
                  definition TEXT NOT NULL,
                  derivation TEXT NOT NULL DEFAULT '',
                  source_choice TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE observations (
                  series_id TEXT NOT NULL REFERENCES series(id),
                  period TEXT NOT NULL,
                  period_start TEXT NOT NULL,
                  vintage TEXT NOT NULL,
                  vintage_date TEXT NOT NULL,
                  value DOUBLE NOT NULL,
                  status TEXT NOT NULL CHECK (status IN ('reported', 'estimate', 'revised', 'derived')),
                  source TEXT NOT NULL CHECK (source <> ''),
                  note TEXT NOT NULL DEFAULT '',
                  imported_at TEXT NOT NULL,
                  PRIMARY KEY (series_id, period, vintage_date)
                ) WITHOUT ROWID;
                CREATE INDEX observations_as_of ON observations (series_id, vintage_date);
                """)
        }
        migrator.registerMigration("v2 versioned model fits") { db in
            try db.execute(sql: """
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
                );
                """)
        }
        migrator.registerMigration("v3 access tokens and stored scenarios") { db in
            for statement in StoreSchema.accessTokensAndScenarios { try db.execute(sql: statement) }
        }
        return migrator
    }
}
