import Crypto
import Foundation
public import Hummingbird
public import Store

/// Bearer tokens: `bnm_<id>_<secret>`. The store keeps the id, the role and the SHA-256 of the secret; the
/// secret is shown once, at creation. A presented token is looked up by id and its secret's hash compared
/// with the stored one in constant time.
public enum AccessTokens {
    /// A new token of `role`: the text to hand to its holder, and the record to store.
    public static func create(role: AccessRole, createdAt: String) -> (token: String, record: AccessToken) {
        var generator = SystemRandomNumberGenerator()
        let id = hex((0..<6).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let secret = hex((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return ("bnm_\(id)_\(secret)", AccessToken(id: "tok_" + id, role: role, hash: hash(secret), createdAt: createdAt))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
    }

    /// Hex SHA-256 of a secret.
    static func hash(_ secret: String) -> String { hex(SHA256.hash(data: Data(secret.utf8))) }

    /// Equal strings, in time that depends only on their lengths.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    /// `(id, secret)` of a well-formed token.
    static func parse(_ text: String) -> (id: String, secret: String)? {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "bnm", parts[1].count == 12, parts[2].count == 64,
              (parts[1] + parts[2]).allSatisfy(\.isHexDigit) else { return nil }
        return ("tok_" + parts[1], String(parts[2]))
    }

    /// The token of the request's `Authorization: Bearer …` header, if it is valid, unrevoked and allows
    /// `role`; otherwise 401 (missing, malformed, unknown or revoked) or 403 (a role that does not allow it).
    public static func authorize(_ request: Request, store: any SeriesStore, role: AccessRole) async throws -> AccessToken {
        guard let header = request.headers[.authorization] else {
            throw APIProblem(.unauthorized, "this request needs 'Authorization: Bearer <token>' with the \(role.rawValue) role (a token from 'biennium token create')")
        }
        // The scheme name is case-insensitive (RFC 9110, section 11.1).
        guard header.lowercased().hasPrefix("bearer "), let parsed = parse(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)) else {
            throw APIProblem(.unauthorized, "the Authorization header is not 'Bearer <token>' with a token from 'biennium token create'")
        }
        guard let token = try await store.activeToken(id: parsed.id), constantTimeEqual(token.hash, hash(parsed.secret)) else {
            throw APIProblem(.unauthorized, "the token is unknown or revoked")
        }
        guard token.role.allows(role) else {
            throw APIProblem(.forbidden, "token \(token.id) has the \(token.role.rawValue) role; this request needs \(role.rawValue)")
        }
        return token
    }
}
