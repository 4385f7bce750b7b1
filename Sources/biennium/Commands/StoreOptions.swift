import ArgumentParser
import Foundation
import Store

/// `--database` / `--database-url`, shared by every command that touches the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("database"), help: ArgumentHelp(
        "SQLite database file, created on first use in an existing folder. Default: $BIENNIUM_DATABASE, else ~/.local/share/biennium/biennium.sqlite (its folder created).",
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

    /// `body` run on the store if there is one to read — an SQLite file that exists, or a database that answers —
    /// else `nil`: for what a command can do without a store, which it must not create by looking.
    func readIfPresent<T>(_ body: (any SeriesStore) async throws -> T) async -> T? {
        guard let location = try? self.location() else { return nil }
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) { return nil }
        return try? await withStore(body)
    }

    /// Opens the store, runs `body` with it and closes it, also when `body` throws (the error is rethrown).
    func withStore<T>(_ body: (any SeriesStore) async throws -> T) async throws -> T {
        let store = try await open()
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// The catalog entry of `id`, or an error that says what to do: import first when the store is empty.
    func definition(of id: SeriesID, in store: any SeriesStore) async throws -> SeriesDefinition {
        let catalog = try await store.catalog()
        if let definition = catalog[id] { return definition }
        if catalog.isEmpty {
            throw StoreError.emptyStore(try location().description)
        }
        throw StoreError.unknownSeries(id)
    }
}
