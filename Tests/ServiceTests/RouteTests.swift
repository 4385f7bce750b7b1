import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Service
import Store
import Testing
import TestSupport
import Yams

/// Every route and every error of the API, in-process (HummingbirdTesting), on SQLite and, when
/// `make test` provides one, PostgreSQL.
@Suite("HTTP API") struct RouteTests {
    static let backends = StoreBackend.available

    func withAPI(_ backend: StoreBackend, _ body: @Sendable (any TestClientProtocol, any SeriesStore) async throws -> Void) async throws {
        let store = try await ServiceFixture.store(backend)
        let app = Application(router: BienniumAPI.router(ServiceFixture.environment(store)))
        do {
            try await app.test(.router) { client in try await body(client, store) }
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    @Test("health, openapi.yaml and metrics answer", arguments: backends)
    func system(_ backend: StoreBackend) async throws {
        try await withAPI(backend) { client, _ in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("openapi: 3.1.0"))
            }
            try await client.execute(uri: "/metrics", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test("series: catalog, as-of reads, vintages, CSV", arguments: backends)
    func series(_ backend: StoreBackend) async throws {
        try await withAPI(backend) { client, _ in
            try await client.execute(uri: "/v1/series", method: .get) { response in
                let rows = ServiceFixture.json(response)["series"] as? [[String: Any]] ?? []
                #expect(rows.count == 132)
            }
            try await client.execute(uri: "/v1/series/pct.applications?asOf=2017-06-30", method: .get) { response in
                let rows = ServiceFixture.json(response)["observations"] as? [[String: Any]] ?? []
                #expect(rows.first { $0["period"] as? String == "2015" }?["value"] as? Double == 218_000)
            }
            // Accept with qualities: text/csv;q=0 is not acceptable, so JSON; CSV preferred over JSON, so CSV.
            for (accept, csv) in [("text/csv;q=0, application/json", false), ("application/json;q=0.5, text/csv", true), ("", false),
                                  ("text/csv;q=0.5, */*", false), ("text/csv, */*", true)] {
                try await client.execute(uri: "/v1/series/pct.applications", method: .get, headers: [.accept: accept]) { response in
                    #expect(response.status == .ok && (response.headers[.contentType]?.hasPrefix("text/csv") == true) == csv, "\(accept)")
                }
            }
            try await client.execute(uri: "/v1/series/pct.applications?vintages=true", method: .get, headers: [.accept: "text/csv"]) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("series,period,value,status,source,vintage,note"))
                #expect(text.contains("217230") && text.contains("218000"))
            }
        }
    }

    @Test("writes: observations with an editor token are stored as a new vintage; bad rows name the field", arguments: backends)
    func observations(_ backend: StoreBackend) async throws {
        try await withAPI(backend) { client, store in
            let bearer = try await ServiceFixture.bearer(store)
            let good = #"{"observations":[{"period":"2021","value":277500,"status":"reported","source":"WIPO PR/2022/886","vintage":"2022-02-10"}]}"#
            try await client.execute(uri: "/v1/series/pct.applications/observations", method: .post,
                                     headers: [.authorization: bearer, .contentType: "application/json"], body: ByteBuffer(string: good)) { response in
                #expect(response.status == .created)
            }
            let stored = try await store.observations(of: SeriesID("pct.applications")!, asOf: nil)
            #expect(stored.first { $0.period == .year(2021) }?.value == 277_500)
            // The same again changes nothing (and the scheme's name is case-insensitive).
            try await client.execute(uri: "/v1/series/pct.applications/observations", method: .post,
                                     headers: [.authorization: "bearer" + bearer.dropFirst(6)], body: ByteBuffer(string: good)) { #expect($0.status == .ok) }
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"observations":[{"period":"2021-Q1","value":1,"status":"reported","source":"x","vintage":"2022"}]}"#, .unprocessableContent,
                 "observations[0].period"),
                (#"{"observations":[{"period":"2021","value":1,"status":"guess","source":"x","vintage":"2022"}]}"#, .unprocessableContent,
                 "observations[0].status"),
                (#"{"observations":[{"period":"2021","value":1,"status":"reported","source":" ","vintage":"2022"}]}"#, .unprocessableContent,
                 "observations[0].source"),
                (#"{"observations":[{"period":"2021","value":1}]}"#, .badRequest, "missing field 'status'"),
                (#"{"observations":[{"period":"2021","value":"many","status":"reported","source":"x","vintage":"2022"}]}"#, .badRequest,
                 "observations[0].value: must be a number"),
                (#"{"observations":{"period":"2021"}}"#, .badRequest, "observations: must be a list"),
                (#"{"observations":[["2021"]]}"#, .badRequest, "observations[0]: must be an object"),
                (#"{"observations": ["#, .badRequest, "malformed JSON"),
                (#"{"observations":[]}"#, .unprocessableContent, "the list is empty"),
                (#"{"observations":[{"period":"2021","value":1,"status":"reported","source":"x","vintage":"2999"}]}"#, .unprocessableContent,
                 "observations[0].vintage: vintage 2999 is in the future"),
                (#"{"observations":[{"period":"2021","value":1,"status":"reported","source":"x\u0000y","vintage":"2022"}]}"#, .unprocessableContent,
                 "observations[0].source: holds a control character"),
                (#"{"observations":[{"period":"2021","value":1,"status":"reported","source":"x","vintage":"yesterday"}]}"#, .unprocessableContent,
                 "observations[0].vintage"),
                // An outcome cannot be known before its period ends; a field the schema lacks would be dropped.
                (#"{"observations":[{"period":"2021","value":1,"status":"reported","source":"x","vintage":"2021-06-30"}]}"#, .unprocessableContent,
                 "observations[0].vintage: a reported figure for 2021 cannot be known by 2021-06-30"),
                (#"{"observations":[{"period":"2021","value":1,"status":"reported","source":"x","vintage":"2022","notes":"caveat"}]}"#, .badRequest,
                 "observations[0].notes: unknown field"),
                (#"{"observations":[{"period":"2021","value":1,"status":"reported","source":"x","vintage":"2022"}],"series":"x"}"#, .badRequest,
                 "series: unknown field"),
                // The same vintage with another value: a conflict, and nothing of the request is stored.
                (#"{"observations":[{"period":"2022","value":5,"status":"reported","source":"x","vintage":"2023-01-01"},{"period":"2021","value":1,"status":"reported","source":"x","vintage":"2022-02-10"}]}"#,
                 .conflict, "observations[1]"),
            ]
            for (body, status, fragment) in cases {
                try await client.execute(uri: "/v1/series/pct.applications/observations", method: .post,
                                         headers: [.authorization: bearer], body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(body)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    #expect(String(buffer: response.body).contains(fragment), "\(String(buffer: response.body))")
                }
            }
            let after = try await store.observations(of: SeriesID("pct.applications")!, asOf: nil)
            #expect(!after.contains { $0.period == .year(2022) }, "a rejected request stored nothing")
        }
    }

    @Test("tokens: missing, malformed, unknown, revoked → 401; a token of too low a role → 403", arguments: backends)
    func authorization(_ backend: StoreBackend) async throws {
        try await withAPI(backend) { client, store in
            let body = ByteBuffer(string: #"{"observations":[{"period":"2021","value":1,"status":"reported","source":"x","vintage":"2022"}]}"#)
            let uri = "/v1/series/pct.applications/observations"
            try await client.execute(uri: uri, method: .post, body: body) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
            for header in ["Bearer nonsense", "Basic abc", "Bearer bnm_000000000000_" + String(repeating: "0", count: 64)] {
                try await client.execute(uri: uri, method: .post, headers: [.authorization: header], body: body) { #expect($0.status == .unauthorized) }
            }
            let bearer = try await ServiceFixture.bearer(store)
            let id = try await store.tokens().last!.id
            // A right id with a wrong secret.
            let forged = bearer.dropLast(4) + "abcd"
            try await client.execute(uri: uri, method: .post, headers: [.authorization: String(forged)], body: body) { #expect($0.status == .unauthorized) }
            #expect(try await store.revokeToken(id: id, at: "2026-11-27T01:00:00Z"))
            try await client.execute(uri: uri, method: .post, headers: [.authorization: bearer], body: body) { #expect($0.status == .unauthorized) }
            #expect(try await store.observations(of: SeriesID("pct.applications")!, asOf: nil).allSatisfy { $0.period != .year(2021) })
        }
    }

    @Test("forecasts, backtests, models and fits", arguments: backends)
    func forecasts(_ backend: StoreBackend) async throws {
        try await withAPI(backend) { client, store in
            try await client.execute(uri: "/v1/forecasts/pct.applications?horizon=4&model=drift&levels=80,95", method: .get) { response in
                #expect(response.status == .ok)
                let rows = ServiceFixture.json(response)["forecasts"] as? [[String: Any]] ?? []
                #expect(rows.count == 4 && (rows.first?["intervals"] as? [Any])?.count == 2)
            }
            try await client.execute(uri: "/v1/forecasts/pct.applications?horizon=2&model=ets&fitted=true", method: .get) { response in
                #expect(response.status == .ok)
                let json = ServiceFixture.json(response)
                #expect((json["parameters"] as? [String: Any])?["loglik"] != nil)
                #expect(((json["inSample"] as? [[String: Any]]) ?? []).count >= 20)
            }
            try await client.execute(uri: "/v1/forecasts/pct.applications?horizon=4&model=calibrated:drift", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("intervals calibrated on the last 3 years"))
            }
            for (uri, status) in [("/v1/forecasts/pct.applications?horizon=0", HTTPResponse.Status.badRequest),
                                  ("/v1/forecasts/pct.applications?model=calibrated:auto", .badRequest),
                                  ("/v1/forecasts/pct.applications?fitted=perhaps", .badRequest),
                                  ("/v1/forecasts/pct.applications?horizon=abc", .badRequest),
                                  ("/v1/forecasts/pct.applications?model=prophet", .badRequest),
                                  ("/v1/forecasts/pct.applications?levels=120", .badRequest),
                                  ("/v1/forecasts/pct.applications?asOf=2020-13-01", .badRequest),
                                  ("/v1/forecasts/pct.applications?as-of=2020-02-01", .badRequest),
                                  ("/v1/series?asof=2020-02-01", .badRequest),
                                  ("/v1/forecasts/hague.renewals?model=ets", .unprocessableContent),
                                  ("/v1/forecasts/no.such", .notFound),
                                  ("/v1/forecasts/NOT%20AN%20ID", .badRequest),
                                  ("/v1/forecasts/pct.applications?levels=99.99999999999999", .badRequest),
                                  ("/v1/forecasts/pct.applications?levels=0x50", .badRequest),
                                  ("/v1/backtests/wipo.income.biennial?origins=2012...2018", .unprocessableContent),
                                  ("/v1/backtests/pct.applications?origins=2019...2020", .unprocessableContent),
                                  ("/v1/backtests/pct.applications", .badRequest)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri): \(String(buffer: response.body))")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
            // A misspelt parameter is named, with what the operation accepts (from /openapi.yaml), not ignored.
            try await client.execute(uri: "/v1/forecasts/pct.applications?as-of=2020-02-01&horizon=2", method: .get) { response in
                let detail = ServiceFixture.json(response)["detail"] as? String ?? ""
                #expect(detail.hasPrefix("unknown query parameter 'as-of' for GET /v1/forecasts/{id}; it accepts asOf,"), "\(detail)")
            }
            try await client.execute(uri: "/v1/backtests/pct.applications?origins=2010...2016&horizon=2&realTime=true&models=naive,drift",
                                     method: .get) { response in
                #expect(response.status == .ok)
                #expect((ServiceFixture.json(response)["scores"] as? [Any])?.isEmpty == false)
            }
            try await client.execute(uri: "/v1/models", method: .get) { response in
                #expect((ServiceFixture.json(response)["models"] as? [Any])?.count == 5)
            }
            try await client.execute(uri: "/v1/models/pct-applications/forecast", method: .get) { #expect($0.status == .notFound) }
            let bearer = try await ServiceFixture.bearer(store)
            try await client.execute(uri: "/v1/models/pct-applications/fit", method: .post, headers: [.authorization: bearer]) { response in
                #expect(response.status == .created)
                #expect(ServiceFixture.json(response)["version"] as? Int == 1)
            }
            try await client.execute(uri: "/v1/models/pct-applications/forecast", method: .get) { response in
                #expect((ServiceFixture.json(response)["forecast"] as? [Double])?.count == 4)
            }
            try await client.execute(uri: "/v1/models/nonsense/fit", method: .post, headers: [.authorization: bearer]) { #expect($0.status == .notFound) }
            // A body on a fit would be ignored (an asOf there, say), so it is refused.
            try await client.execute(uri: "/v1/models/pct-applications/fit", method: .post, headers: [.authorization: bearer],
                                     body: ByteBuffer(string: #"{"asOf":"2019-06-30"}"#)) { response in
                #expect(response.status == .badRequest && String(buffer: response.body).contains("takes no body"), "\(String(buffer: response.body))")
            }
            // A specification's own backtest: the same scores as naming its evaluation block by hand.
            var bySpec: [String: Any] = [:]
            try await client.execute(uri: "/v1/models/pct-applications/backtest", method: .get) { response in
                #expect(response.status == .ok)
                bySpec = ServiceFixture.json(response)
            }
            try await client.execute(uri: "/v1/backtests/pct.applications?origins=2008...2018&horizon=2&realTime=true&models=naive,drift",
                                     method: .get) { response in
                #expect(response.status == .ok)
                let byHand = ServiceFixture.json(response)
                func rows(_ body: [String: Any]) -> [String] {
                    ((body["scores"] as? [[String: Any]]) ?? []).map { row in
                        "\(row["origin"] ?? "") \(row["model"] ?? "") \(row["mase"] ?? "") \(row["smape"] ?? "")"
                    }
                }
                #expect(!rows(byHand).isEmpty)
                #expect(rows(bySpec).sorted() == rows(byHand).sorted())    // the query's models come back sorted by name
                #expect(bySpec["realTime"] as? Bool == true && bySpec["horizon"] as? Int == 2)
                #expect(byHand["versusBaseline"] == nil)
            }
            // baseline=MODEL: every other model against it, origin by origin; the baseline is added to the models.
            try await client.execute(uri: "/v1/backtests/pct.applications?origins=2008...2018&horizon=2&realTime=true&models=naive&baseline=drift",
                                     method: .get) { response in
                #expect(response.status == .ok)
                let body = ServiceFixture.json(response)
                let versus = body["versusBaseline"] as? [String: Any]
                #expect(versus?["baseline"] as? String == "drift" && versus?["resamples"] as? Int == 10_000)
                let rows = versus?["models"] as? [[String: Any]]
                #expect(rows?.map { $0["model"] as? String } == ["naive"])
                let mase = rows?.first?["mase"] as? [String: Double]
                #expect((mase?["lower"] ?? .nan) <= (mase?["mean"] ?? .nan) && (mase?["mean"] ?? .nan) <= (mase?["upper"] ?? .nan))
                #expect(Set((body["scores"] as? [[String: Any]] ?? []).compactMap { $0["model"] as? String }) == ["naive", "drift"])
            }
            try await client.execute(uri: "/v1/models/pct-applications/backtest?baseline=naive", method: .get) { response in
                #expect(response.status == .ok)
                #expect(((ServiceFixture.json(response)["versusBaseline"] as? [String: Any])?["models"] as? [Any])?.isEmpty == false)
            }
            try await client.execute(uri: "/v1/backtests/pct.applications?origins=2010...2012&baseline=prophet", method: .get) { response in
                #expect(response.status == .badRequest && String(buffer: response.body).contains("baseline"))
            }
            try await client.execute(uri: "/v1/backtests/pct.applications?origins=2010...2012&models=prophet", method: .get) { response in
                #expect(response.status == .badRequest && String(buffer: response.body).contains("query parameter 'models'"))
            }
            for (uri, status) in [("/v1/models/hague-applications/backtest", HTTPResponse.Status.unprocessableContent),
                                  ("/v1/models/nonsense/backtest", .notFound)] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == status, "\(uri)") }
            }
        }
    }

    @Test("budget comparison: the same document as biennium compare; scenarios written through the API take part", arguments: backends)
    func budget(_ backend: StoreBackend) async throws {
        try await withAPI(backend) { client, store in
            try await client.execute(uri: "/v1/budgets", method: .get) { response in
                #expect(String(buffer: response.body).contains("2020/21"))
            }
            var apiLines: [[String: Any]] = []
            try await client.execute(uri: "/v1/budgets/2020-21/comparison?scenarios=base,low&paths=2000", method: .get) { response in
                #expect(response.status == .ok)
                apiLines = ServiceFixture.json(response)["lines"] as? [[String: Any]] ?? []
            }
            #expect(apiLines.count == 34)
            // The CLI on the same store's data: same numbers.
            if backend.name == "SQLite" {
                let database = try CommandRunner.temporaryDirectory().appendingPathComponent("cli.sqlite").path
                _ = try CommandRunner().run(["import", "--database", database, ServiceFixture.root + "/Datasets"])
                let cli = try CommandRunner().run(["compare", "--database", database, "--scenarios", "base,low", "--paths", "2000", "--format", "json",
                                                   "--scenario-folder", ServiceFixture.root + "/Models/scenarios", "--models", ServiceFixture.root + "/Models"])
                let document = try JSONSerialization.jsonObject(with: Data(cli.standardOutput.utf8)) as? [String: Any] ?? [:]
                let cliLines = document["lines"] as? [[String: Any]] ?? []
                #expect(cliLines.count == apiLines.count)
                for (a, b) in zip(apiLines, cliLines) {
                    #expect(a["line"] as? String == b["line"] as? String && a["projectedTotal"] as? Double == b["projectedTotal"] as? Double
                            && a["shortfallProbability"] as? Double == b["shortfallProbability"] as? Double, "\(a["line"] ?? "")")
                }
            }
            try await client.execute(uri: "/v1/budgets/2020-21/comparison?scenarios=base", method: .get, headers: [.accept: "text/csv"]) { response in
                #expect(String(buffer: response.body).hasPrefix("line,scenario,kind,unit,budget,"))
            }
            for (uri, status) in [("/v1/budgets/2030-31/comparison", HTTPResponse.Status.notFound),
                                  ("/v1/budgets/20-21/comparison", .badRequest),
                                  ("/v1/budgets/2020-21/comparison?scenarios=nope", .badRequest),
                                  ("/v1/budgets/2020-21/comparison?paths=-1", .badRequest),
                                  ("/v1/budgets/2020-21/comparison?scenarios=base,base", .badRequest),
                                  // A name is never a path: nothing outside the scenario folder is read (Models/*.yaml here).
                                  ("/v1/budgets/2020-21/comparison?scenarios=../pct-applications", .badRequest),
                                  ("/v1/budgets/2020-21/comparison?scenarios=base,..%2Fscenarios%2Fbase", .badRequest),
                                  ("/v1/scenarios/..%2Fpct-applications", .notFound)] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == status, "\(uri)") }
            }
            let bearer = try await ServiceFixture.bearer(store)
            try await client.execute(uri: "/v1/scenarios/slump", method: .put, headers: [.authorization: bearer, .contentType: "application/yaml"],
                                     body: ByteBuffer(string: "demand:\n  - {system: pct, from: 2021, percent: -20}\n")) { #expect($0.status == .created) }
            try await client.execute(uri: "/v1/scenarios/bad", method: .put, headers: [.authorization: bearer],
                                     body: ByteBuffer(string: "demand:\n  - {system: nowhere, from: 2021, percent: -8}\n")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("demand[0].system"))
            }
            try await client.execute(uri: "/v1/scenarios/base", method: .put, headers: [.authorization: bearer, .contentType: "application/yaml"],
                                     body: ByteBuffer(string: "demand: []\n")) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("'base' is a file scenario of the service's scenario folder"))
                #expect(!String(buffer: response.body).contains(ServiceFixture.root), "the server's paths stay on the server")
            }
            // Refused before anything is stored: a regressor path no specification reads (as a comparison would refuse
            // it), a body that is not UTF-8, a media type that is not YAML or JSON; and an empty name in a list.
            try await client.execute(uri: "/v1/scenarios/unread", method: .put, headers: [.authorization: bearer, .contentType: "application/yaml"],
                                     body: ByteBuffer(string: "regressors:\n  no.such: {2021: 5}\n")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("no model specification has no.such among its regressors"), "\(String(buffer: response.body))")
            }
            try await client.execute(uri: "/v1/scenarios/latin1", method: .put, headers: [.authorization: bearer, .contentType: "application/yaml"],
                                     body: ByteBuffer(bytes: Array("description: \"caf".utf8) + [0xC3, 0x28] + Array("\"\n".utf8))) { response in
                #expect(response.status == .badRequest && String(buffer: response.body).contains("not UTF-8"))
            }
            try await client.execute(uri: "/v1/scenarios/png", method: .put, headers: [.authorization: bearer, .contentType: "image/png"],
                                     body: ByteBuffer(string: "demand: []\n")) { #expect($0.status == .unsupportedMediaType) }
            // A media type that is empty before its parameters is refused too, not a crash.
            for type in [";", " ; charset=utf-8"] {
                try await client.execute(uri: "/v1/scenarios/empty-type", method: .put, headers: [.authorization: bearer, .contentType: type],
                                         body: ByteBuffer(string: "demand: []\n")) { #expect($0.status == .unsupportedMediaType, "\(type)") }
                try await client.execute(uri: "/v1/series/pct.applications/observations", method: .post,
                                         headers: [.authorization: bearer, .contentType: type], body: ByteBuffer(string: "{}")) {
                    #expect($0.status == .unsupportedMediaType, "\(type)")
                }
            }
            try await client.execute(uri: "/v1/series/pct.applications/observations", method: .post,
                                     headers: [.authorization: bearer, .contentType: "text/plain"], body: ByteBuffer(string: "{}")) {
                #expect($0.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/v1/budgets/2020-21/comparison?scenarios=base,,low", method: .get) { response in
                #expect(response.status == .badRequest && String(buffer: response.body).contains("an empty name"))
            }
            try await client.execute(uri: "/v1/scenarios", method: .get) { response in
                let names = (ServiceFixture.json(response)["scenarios"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(names == ["base", "high", "low", "slump"])
            }
            try await client.execute(uri: "/v1/scenarios/slump", method: .get) { response in
                #expect((ServiceFixture.json(response)["explanation"] as? String)?.contains("pct -20%") == true)
            }
            // A stored scenario can be deleted, every version of it; a file scenario cannot.
            try await client.execute(uri: "/v1/scenarios/gone", method: .put, headers: [.authorization: bearer, .contentType: "application/yaml"],
                                     body: ByteBuffer(string: "demand: []\n")) { #expect($0.status == .created) }
            try await client.execute(uri: "/v1/scenarios/gone", method: .put, headers: [.authorization: bearer, .contentType: "application/yaml"],
                                     body: ByteBuffer(string: "cost-growth-percent: 1\n")) { #expect($0.status == .created) }
            try await client.execute(uri: "/v1/scenarios/gone", method: .delete) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/v1/scenarios/gone", method: .delete, headers: [.authorization: bearer]) { response in
                #expect(response.status == .ok)
                #expect(ServiceFixture.json(response)["deletedVersions"] as? Int == 2)
            }
            try await client.execute(uri: "/v1/scenarios/gone", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/scenarios/gone", method: .delete, headers: [.authorization: bearer]) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/v1/scenarios/base", method: .delete, headers: [.authorization: bearer]) { #expect($0.status == .conflict) }
            try await client.execute(uri: "/v1/budgets/2020-21/comparison?scenarios=base,slump&paths=1000", method: .get) { response in
                let lines = ServiceFixture.json(response)["lines"] as? [[String: Any]] ?? []
                let pct = lines.filter { $0["line"] as? String == "pct.applications" }.compactMap { $0["projectedTotal"] as? Double }
                #expect(pct.count == 2 && pct[1] < pct[0])
            }
        }
    }

    @Test("unknown routes, oversized and deeply nested bodies, injection attempts: 4xx and nothing stored", arguments: backends)
    func hostileRequests(_ backend: StoreBackend) async throws {
        try await withAPI(backend) { client, store in
            try await client.execute(uri: "/v2/anything", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            let bearer = try await ServiceFixture.bearer(store)
            let big = ByteBuffer(string: #"{"observations":[""# + String(repeating: "x", count: 2 << 20) + #""]}"#)
            try await client.execute(uri: "/v1/series/pct.applications/observations", method: .post, headers: [.authorization: bearer], body: big) {
                #expect($0.status == .contentTooLarge)
            }
            let nested = ByteBuffer(string: String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
            try await client.execute(uri: "/v1/series/pct.applications/observations", method: .post, headers: [.authorization: bearer], body: nested) {
                #expect($0.status.code >= 400 && $0.status.code < 500)
            }
            let injections = ["pct.applications'%20OR%20'1'='1", "pct.applications;DROP%20TABLE%20observations", "%27%3B--"]
            for text in injections {
                for uri in ["/v1/series/\(text)", "/v1/forecasts/\(text)", "/v1/series/pct.applications?asOf=\(text)",
                            "/v1/budgets/\(text)/comparison", "/v1/budgets/2020-21/comparison?scenarios=\(text)", "/v1/scenarios/\(text)",
                            "/v1/models/\(text)/forecast"] {
                    try await client.execute(uri: uri, method: .get) { #expect($0.status.code >= 400 && $0.status.code < 500, "\(uri)") }
                }
                try await client.execute(uri: "/v1/scenarios/\(text)", method: .put, headers: [.authorization: bearer], body: ByteBuffer(string: "demand: []\n")) {
                    #expect($0.status == .badRequest)
                }
            }
            // A documented path under a method it does not take: 405 with the methods it does.
            try await client.execute(uri: "/v1/series/pct.applications", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(String(buffer: response.body).contains("DELETE is not served at /v1/series/pct.applications"))
            }
            // HEAD is served wherever GET is, without the body.
            try await client.execute(uri: "/v1/series/pct.applications", method: .head) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/v1/series/pct.applications?asof=2020-01-01", method: .head) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/v1/scenarios/base", method: .post, headers: [.authorization: bearer]) { response in
                #expect(response.status == .methodNotAllowed && response.headers[.allow] == "GET, PUT, DELETE, HEAD")
            }
            // A parameter given twice has no one meaning.
            try await client.execute(uri: "/v1/forecasts/pct.applications?levels=80&levels=95", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("'levels' is given more than once"))
            }
            // Requests that once could take the process down or tie it up.
            for uri in ["/v1/backtests/pct.applications?origins=-9223372036854775808...9223372036854775807",
                        "/v1/backtests/pct.applications?origins=100000000000...100000000000",
                        "/v1/backtests/pct.applications?origins=2010...2012&models=" + (1...11).map { "combo:naive+drift+m\($0)" }.joined(separator: ","),
                        "/v1/backtests/pct.applications?origins=2010...2012&models=" + ["naive", "drift", "mean", "ets", "arima", "theta", "otheta",
                                                                                        "dstheta", "dotheta", "combo", "wcombo"].joined(separator: ",")] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .badRequest, "\(uri.prefix(90))") }
            }
            let deep = String(repeating: "[", count: 500_000)
            try await client.execute(uri: "/v1/scenarios/deep", method: .put, headers: [.authorization: bearer], body: ByteBuffer(string: deep)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("nests deeper than"))
            }
            try await client.execute(uri: "/v1/scenarios/wipeout", method: .put, headers: [.authorization: bearer],
                                     body: ByteBuffer(string: "demand:\n  - {system: pct, from: 2021, percent: -100}\n")) { #expect($0.status == .unprocessableContent) }
            let rows: [(String, String)] = [
                (#"{"observations":[{"period":"2022","value":1,"status":"reported","source":"x","vintage":"2023-01-01"},{"period":"2022","value":2,"status":"reported","source":"x","vintage":"2023-01-01"}]}"#,
                 "the same period and vintage as observations[0]"),
                (#"{"observations":[{"period":"2022","value":-5,"status":"reported","source":"x","vintage":"2023"}]}"#, "is negative"),
                (#"{"observations":[{"period":"2022","value":1e308,"status":"reported","source":"x","vintage":"2023"}]}"#, "below 1e+15"),
            ]
            for (body, fragment) in rows {
                try await client.execute(uri: "/v1/series/pct.applications/observations", method: .post, headers: [.authorization: bearer],
                                         body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .unprocessableContent)
                    #expect(String(buffer: response.body).contains(fragment), "\(String(buffer: response.body))")
                }
            }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok, "still serving") }
            #expect(try await store.catalog().count == 132)
            #expect(try await store.scenarios().isEmpty)
            #expect(try await store.observations(of: SeriesID("pct.applications")!, asOf: nil).allSatisfy { $0.period != .year(2022) })
        }
    }

    @Test("the OpenAPI document and the routes agree: every documented operation is served, every route is documented")
    func openAPIAgreement() async throws {
        let document = try #require(try Yams.load(yaml: try OpenAPIDocument.text()) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        // Routes registered in Sources/Service (router.get("…") and friends), in OpenAPI form.
        let folder = ServiceFixture.root + "/Sources/Service/Routes"
        var registered: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: #"router\.(get|post|put|delete|patch)\("([^"]*)"\)"#)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let method = String(text[Range(match.range(at: 1), in: text)!])
                var path = String(text[Range(match.range(at: 2), in: text)!])
                path = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
                let prefix = file == "SystemRoutes.swift" ? "/" : "/v1/"
                registered.insert("\(method.uppercased()) \(prefix)\(path)")
            }
        }
        let documented = Set(paths.flatMap { path, operations in operations.keys.filter { $0 != "parameters" }.map { "\($0.uppercased()) \(path)" } })
        #expect(registered == documented, "only in code: \(registered.subtracting(documented)); only in openapi.yaml: \(documented.subtracting(registered))")
        #expect(registered.count >= 15)
    }
}
