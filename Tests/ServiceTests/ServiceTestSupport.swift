import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Service
import Store
import TestSupport

/// A store imported from Datasets/ on each backend, and helpers to call the API in-process.
enum ServiceFixture {
    static let root = Fixtures.packageRoot.path

    static func store(_ backend: StoreBackend) async throws -> any SeriesStore {
        let (option, value) = try backend.makeLocation()
        let store = try await (option == "--database" ? StoreLocation.sqlite(path: value) : StoreLocation.postgres(url: value)).open()
        try await Importer(store: store, today: CalendarDay(year: 2026, month: 11, day: 27)).run([root + "/Datasets"]) { _, _ in }
        return store
    }

    static func environment(_ store: any SeriesStore) -> ServiceEnvironment {
        ServiceEnvironment(store: store, modelsFolder: root + "/Models", scenarioFolder: root + "/Models/scenarios")
    }

    /// An editor token stored in `store`, as the header value.
    static func bearer(_ store: any SeriesStore, role: AccessRole = .editor) async throws -> String {
        let (token, record) = AccessTokens.create(role: role, createdAt: "2026-11-27T00:00:00Z")
        try await store.createToken(record)
        return "Bearer " + token
    }

    /// The response body as a JSON object (empty when it is not one, which the expectations then catch).
    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any] ?? [:]
    }
}
