/// Who may write through the service: `editor` adds observations, fits and scenarios; `admin` may also
/// manage tokens.
public enum AccessRole: String, Sendable, CaseIterable, Codable, Comparable {
    case editor
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
    public let role: AccessRole
    /// Hex SHA-256 of the secret.
    public let hash: String
    /// UTC timestamp, ISO 8601.
    public let createdAt: String
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
    public let name: String
    public let version: Int
    public let yaml: String
    public let savedAt: String

    /// A scenario record as stored.
    public init(name: String, version: Int, yaml: String, savedAt: String) {
        self.name = name
        self.version = version
        self.yaml = yaml
        self.savedAt = savedAt
    }
}
