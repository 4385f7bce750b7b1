import ArgumentParser
import Budget
import Foundation
import Service
import Store

/// `biennium token create|list|revoke`: bearer tokens for the service's writes.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke the bearer tokens that writes to the service need.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print it once; only its hash is stored.",
            discussion: "Example: biennium token create --role editor")
        @OptionGroup var store: StoreOptions
        @Option(help: "editor (observations, fits, scenarios) or admin.") var role: String = "editor"

        func validate() throws {
            guard AccessRole(rawValue: role) != nil else { throw ValidationError("--role must be editor or admin; got '\(role)'.") }
        }

        func run() async throws {
            let role = AccessRole(rawValue: self.role)!
            let (token, record) = AccessTokens.create(role: role, createdAt: ISO8601DateFormatter().string(from: Date()))
            try await store.withStore { try await $0.createToken(record) }
            print(token)
            FileHandle.standardError.write(Data("created \(record.id) (\(role.rawValue)); the token above is shown only now\n".utf8))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (ids, roles, dates; never the secrets).")
        @OptionGroup var store: StoreOptions
        @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

        func run() async throws {
            let tokens = try await store.withStore { try await $0.tokens() }
            struct Row: Encodable { let id: String; let role: String; let createdAt: String; let revokedAt: String? }
            let rows = tokens.map { Row(id: $0.id, role: $0.role.rawValue, createdAt: $0.createdAt, revokedAt: $0.revokedAt) }
            let header = ["id", "role", "created", "revoked"]
            let cells = rows.map { [$0.id, $0.role, $0.createdAt, $0.revokedAt ?? ""] }
            switch format {
            case .json: print(try JSONOutput.encode(["tokens": rows]))
            case .csv: print(CSVText.table(header: header, rows: cells))
            case .table: print(TextTable.render([header] + cells).joined(separator: "\n"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id (tok_…); it is refused from then on.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The token id, as 'token list' shows it.") var id: String

        func run() async throws {
            let revoked = try await store.withStore { try await $0.revokeToken(id: id, at: ISO8601DateFormatter().string(from: Date())) }
            guard revoked else {
                FileHandle.standardError.write(Data("Error: no active token with id '\(id)'; 'biennium token list' shows them.\n".utf8))
                throw ExitCode(1)
            }
            print("revoked \(id)")
        }
    }
}
