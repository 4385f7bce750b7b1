import ArgumentParser
import Store

/// `--database` / `--database-url`, shared by every command that touches the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: ArgumentHelp(
        "SQLite database file (created on first use). Default: $BIENNIUM_DATABASE, else ~/.local/share/biennium/biennium.sqlite.",
        valueName: "path"))
    var path: String?

    @Option(name: .customLong("database-url"), help: ArgumentHelp(
        "PostgreSQL database instead of SQLite, e.g. postgres://user@localhost:5432/biennium.", valueName: "url"))
    var url: String?

    func validate() throws {
        if path != nil && url != nil {
            throw ValidationError("Give either --database PATH or --database-url URL, not both.")
        }
    }

    /// The resolved location.
    func location() throws -> StoreLocation {
        try StoreLocation.resolve(path: path, url: url)
    }

    /// Opens the store.
    func open() async throws -> any SeriesStore {
        try await location().open()
    }
}
