import Foundation

/// Where the store lives: an SQLite file (the embedded default) or a PostgreSQL URL.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite database file at `path`.
    case sqlite(path: String)
    /// A PostgreSQL database at `url` (`postgres://` or `postgresql://`).
    case postgres(url: String)

    /// Resolves the command-line options: `--database PATH`, then `--database-url URL`, then the
    /// `BIENNIUM_DATABASE` environment variable (a path or a `postgres://` URL), then
    /// `$XDG_DATA_HOME/biennium/biennium.sqlite` (`~/.local/share/...` when unset).
    public static func resolve(path: String?, url: String?, environment: [String: String]? = nil) throws(StoreError) -> StoreLocation {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if path != nil && url != nil {
            throw .badLocation("give either --database PATH or --database-url URL, not both")
        }
        if let path {
            guard !path.isEmpty else { throw .badLocation("--database needs a file path; got an empty one") }
            return .sqlite(path: path)
        }
        if let url { return try postgresURL(url) }
        if let value = environment["BIENNIUM_DATABASE"], !value.isEmpty {
            return value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") ? try postgresURL(value) : .sqlite(path: value)
        }
        return .sqlite(path: defaultSQLitePath(environment: environment))
    }

    /// `$XDG_DATA_HOME/biennium/biennium.sqlite`, or `~/.local/share/biennium/biennium.sqlite` when unset: the
    /// one location whose folder is created on first use.
    public static func defaultSQLitePath(environment: [String: String]? = nil) -> String {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return base + "/biennium/biennium.sqlite"
    }

    private static func postgresURL(_ url: String) throws(StoreError) -> StoreLocation {
        guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
            throw .badLocation("--database-url must start with postgres:// (got '\(url)'); for a file use --database PATH")
        }
        return .postgres(url: url)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url): return PostgresStore.redacted(url)
        }
    }

    /// Opens (and migrates) the store.
    public func open() async throws -> any SeriesStore {
        switch self {
        case .sqlite(let path): return try SQLiteStore(path: path, createFolder: path == Self.defaultSQLitePath())
        case .postgres(let url): return try await PostgresStore(url: url)
        }
    }
}
