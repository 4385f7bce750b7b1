/// Who may write through the service: `editor` adds observations, fits and scenarios; `admin` may also
/// manage tokens.
public enum AccessRole: String, Sendable, CaseIterable, Codable, Comparable {
    /// May add observations, fits and scenarios.
    case editor
    /// May do what an editor may, and manage tokens.
    case admin

    /// Whether a token of this role may do what `required` allows.
    public func allows(_ required: AccessRole) -> Bool { self >= required }

    public static func < (a: AccessRole, b: AccessRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A stored access token: only the SHA-256 of the secret is kept; the secret is shown once, at creation.
public struct AccessToken: Sendable, Equatable, Codable {
    /// A public identifier (`tok_…`) to list and revoke the token by.
    public let id: String
    /// What the token may do: `editor` adds observations, fits and scenarios; `admin` may also manage tokens.
    public let role: AccessRole
    /// Hex SHA-256 of the secret.
    public let hash: String
    /// UTC timestamp, ISO 8601.
    public let createdAt: String
    /// When the token was revoked (UTC timestamp, ISO 8601); `nil` while it is active.
    public let revokedAt: String?

    /// A token record as stored.
    public init(id: String, role: AccessRole, hash: String, createdAt: String, revokedAt: String? = nil) {
        self.id = id
        self.role = role
        self.hash = hash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// A stored scenario: its YAML text, versioned like fits (each save adds a version).
public struct StoredScenario: Sendable, Equatable {
    /// The scenario's name, as in `scenarios/{name}`; a scenario file of the same name wins over it (the service
    /// refuses to store under a file's name).
    public let name: String
    /// 1 for the first save, then one more per save of the same name; set by the store.
    public let version: Int
    /// The scenario's YAML text, as saved.
    public let yaml: String
    /// UTC timestamp, ISO 8601.
    public let savedAt: String

    /// A scenario record as stored.
    public init(name: String, version: Int, yaml: String, savedAt: String) {
        self.name = name
        self.version = version
        self.yaml = yaml
        self.savedAt = savedAt
    }
}
