import Foundation

/// A fresh, empty database for one test, on each backend the machine offers: SQLite always, PostgreSQL
/// when `BIENNIUM_TEST_POSTGRES_URL` names a server (as `make test` does, through scripts/postgres.sh).
public struct StoreBackend: Sendable, CustomStringConvertible {
    public let name: String
    /// A `--database` or `--database-url` pair for the CLI, and a fresh location per call.
    public let makeLocation: @Sendable () throws -> (option: String, value: String)

    public var description: String { name }

    public static var available: [StoreBackend] {
        var backends = [StoreBackend(name: "SQLite") {
            let folder = try CommandRunner.temporaryDirectory()
            return ("--database", folder.appendingPathComponent("biennium.sqlite").path)
        }]
        if let url = ProcessInfo.processInfo.environment["BIENNIUM_TEST_POSTGRES_URL"], !url.isEmpty {
            backends.append(StoreBackend(name: "PostgreSQL") {
                let database = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
                try PostgresAdmin.run(url: url, sql: "CREATE DATABASE \(database)")
                var components = URLComponents(string: url)!
                components.path = "/" + database
                return ("--database-url", components.string!)
            })
        }
        return backends
    }

    /// Whether the PostgreSQL backend is configured; `make test` always configures it.
    public static var hasPostgres: Bool { available.count > 1 }
}

/// Administrative SQL through `psql`, for creating per-test databases.
public enum PostgresAdmin {
    public static func run(url: String, sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw NSError(domain: "psql", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: message])
        }
    }
}
