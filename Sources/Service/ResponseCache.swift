import Foundation
import Synchronization

/// A small cache of rendered responses with a time to live, for reads that are hot and change rarely (the
/// stored forecast of a specification). A write through this process removes the entries it affects at once;
/// a write through another replica is seen after at most `timeToLive`.
final class ResponseCache: Sendable {
    struct Entry {
        let body: Data
        let expires: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])
    let timeToLive: Duration

    init(timeToLive: Duration = .seconds(2)) { self.timeToLive = timeToLive }

    /// The cached body for `key`, if it has not expired.
    func body(for key: String) -> Data? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            if entry.expires < now { entries[key] = nil; return nil }
            return entry.body
        }
    }

    func store(_ body: Data, for key: String) {
        let expires = ContinuousClock.now + timeToLive
        entries.withLock { entries in
            if entries.count > 10_000 { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(body: body, expires: expires)
        }
    }

    func remove(_ key: String) { _ = entries.withLock { $0.removeValue(forKey: key) } }
}
