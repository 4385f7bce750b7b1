import Foundation
import Testing
import TestSupport

/// `biennium serve` as a real process on loopback: the issue's checks, concurrency, and two replicas.
@Suite("biennium serve over HTTP", .serialized) struct ServeCommandTests {
    static let root = Fixtures.packageRoot.path
    static let folders = ["--models", root + "/Models", "--scenario-folder", root + "/Models/scenarios"]

    /// A store with Datasets/ imported and an editor token: the location options and the Authorization header.
    static func preparedStore(_ backend: StoreBackend) throws -> (location: [String], bearer: String) {
        let (option, value) = try backend.makeLocation()
        let imported = try CommandRunner().run(["import", option, value, root + "/Datasets"])
        #expect(imported.status == 0, "\(imported.standardError)")
        let token = try CommandRunner().run(["token", "create", "--role", "editor", option, value])
        #expect(token.status == 0 && token.standardError.contains("shown only now"))
        return ([option, value], "Bearer " + token.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test("the comparison over HTTP is biennium compare's; a write without a token is 401 problem+json; SIGTERM stops it cleanly")
    func issueChecks() async throws {
        let (location, _) = try Self.preparedStore(StoreBackend.available[0])
        let server = try ServerProcess(location + Self.folders)
        let reply = try await HTTP.send("GET", server.baseURL + "/v1/budgets/2020-21/comparison?scenarios=base,low")
        #expect(reply.status == 200)
        let cli = try CommandRunner().run(["compare", "--biennium", "2020/21", "--scenarios", "base,low", "--format", "json"] + location + Self.folders)
        let api = Self.object(reply.body)["lines"] as? [[String: Any]] ?? []
        let local = Self.object(cli.standardOutput)["lines"] as? [[String: Any]] ?? []
        #expect(api.count == 34 && api.count == local.count)
        for (a, b) in zip(api, local) {
            for key in ["line", "scenario", "budget", "actualToDate", "projectedTotal", "variance", "shortfallProbability", "interval95", "basis"] {
                #expect("\(a[key] ?? "nil")" == "\(b[key] ?? "nil")", "\(a["line"] ?? "") \(a["scenario"] ?? "") \(key)")
            }
        }
        let write = try await HTTP.send("POST", server.baseURL + "/v1/series/pct.applications/observations",
                                        body: #"{"observations":[{"period":"2021","value":1,"status":"reported","source":"x","vintage":"2022"}]}"#)
        #expect(write.status == 401 && write.contentType == "application/problem+json")
        #expect(Self.object(write.body)["detail"] as? String != nil)
        #expect(server.stop() == 0, "graceful shutdown exits with status 0")
    }

    @Test("SIGTERM during a long request: the request completes, then the server exits 0")
    func gracefulShutdown() async throws {
        let (location, _) = try Self.preparedStore(StoreBackend.available[0])
        let server = try ServerProcess(location + Self.folders)
        // A comparison with 100,000 paths per scenario takes several seconds in a debug build; stop the server while
        // it runs, late enough that the request has arrived even when the machine is busy with other tests.
        async let reply = HTTP.send("GET", server.baseURL + "/v1/budgets/2020-21/comparison?scenarios=base,low,high&paths=100000")
        try await Task.sleep(for: .milliseconds(600))
        server.process.terminate()
        let finished = try await reply
        #expect(finished.status == 200)
        #expect((Self.object(finished.body)["lines"] as? [Any])?.count == 51)
        #expect(server.stop() == 0)
    }

    @Test("64 concurrent clients mixing reads and writes for 3 seconds: no 5xx, no lost write")
    func concurrentClients() async throws {
        let (location, bearer) = try Self.preparedStore(StoreBackend.available[0])
        let server = try ServerProcess(location + Self.folders)
        defer { server.stop() }
        let base = server.baseURL
        let deadline = Date().addingTimeInterval(3)
        let counts = try await withThrowingTaskGroup(of: (created: Int, other: Int, serverErrors: Int).self) { group in
            for client in 0..<64 {
                group.addTask {
                    var created = 0, other = 0, serverErrors = 0, round = 0
                    while Date() < deadline {
                        round += 1
                        let reply: HTTP.Reply
                        if round % 3 == 1 {
                            // A write of its own (every client starts with one): period 1900, a vintage no other write uses.
                            let day = Date(timeIntervalSince1970: Double(7_300 + client * 1_000 + round) * 86_400)
                            let formatter = ISO8601DateFormatter()
                            formatter.formatOptions = [.withFullDate]
                            let body = #"{"observations":[{"period":"1900","value":\#(client * 1_000 + round),"status":"estimate","source":"load test","vintage":"\#(formatter.string(from: day))"}]}"#
                            reply = try await HTTP.send("POST", base + "/v1/series/pct.applications/observations", headers: ["Authorization": bearer], body: body)
                            if reply.status == 201 { created += 1 } else { other += 1 }
                        } else {
                            reply = try await HTTP.send("GET", base + (round % 3 == 2 ? "/v1/series/pct.applications?asOf=2019-06-30"
                                                                           : "/v1/forecasts/madrid.applications?model=drift"))
                            other += 1
                        }
                        if reply.status >= 500 { serverErrors += 1 }
                    }
                    return (created, other, serverErrors)
                }
            }
            var total = (created: 0, other: 0, serverErrors: 0)
            for try await c in group { total.created += c.created; total.other += c.other; total.serverErrors += c.serverErrors }
            return total
        }
        #expect(counts.serverErrors == 0)
        #expect(counts.created >= 64, "each client wrote at least once")
        let vintages = try await HTTP.send("GET", base + "/v1/series/pct.applications?vintages=true")
        let stored = (Self.object(vintages.body)["observations"] as? [[String: Any]] ?? []).filter { $0["period"] as? String == "1900" }
        #expect(stored.count == counts.created, "every acknowledged write is stored (\(counts.created) writes, \(counts.other) other requests)")
    }

    @Test("two replicas on one PostgreSQL behave as one service", .enabled(if: StoreBackend.hasPostgres))
    func replicas() async throws {
        let (location, bearer) = try Self.preparedStore(StoreBackend.available[1])
        let a = try ServerProcess(location + Self.folders)
        let b = try ServerProcess(location + Self.folders)
        defer { a.stop(); b.stop() }
        let write = try await HTTP.send("POST", a.baseURL + "/v1/series/madrid.applications/observations", headers: ["Authorization": bearer],
                                        body: #"{"observations":[{"period":"2021","value":73100,"status":"reported","source":"replica test","vintage":"2022-02-10"}]}"#)
        #expect(write.status == 201)
        let read = try await HTTP.send("GET", b.baseURL + "/v1/series/madrid.applications")
        #expect(read.body.contains("73100"), "a write through one replica is read through the other")
        // Concurrent refits of one specification through both replicas: distinct, consecutive versions.
        async let first = HTTP.send("POST", a.baseURL + "/v1/models/madrid-applications/fit", headers: ["Authorization": bearer])
        async let second = HTTP.send("POST", b.baseURL + "/v1/models/madrid-applications/fit", headers: ["Authorization": bearer])
        let versions = try await [first, second].map { Self.object($0.body)["version"] as? Int ?? -1 }.sorted()
        #expect(versions == [1, 2])
        for server in [a, b] {
            let models = try await HTTP.send("GET", server.baseURL + "/v1/models")
            let madrid = (Self.object(models.body)["models"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "madrid-applications" }
            #expect((madrid?["latestFit"] as? [String: Any])?["version"] as? Int == 2)
        }
    }
}
