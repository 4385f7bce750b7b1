import Budget
import Foundation
import Hummingbird
import NIOCore
import Store

/// The scenarios the service knows: those written through the API (stored, versioned) and the files of the
/// scenario folder; a file wins over a stored scenario of its name (the service refuses to store under a file's name).
struct ScenarioCatalog {
    let env: ServiceEnvironment

    struct Entry { let name: String; let yaml: String; let origin: String; let version: Int? }

    /// The `.yaml` files of the scenario folder.
    private var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: env.scenarioFolder)) ?? []).filter { $0.hasSuffix(".yaml") }
    }

    /// Whether `name` is a file of the scenario folder, which the command line reads too.
    func isFileScenario(_ name: String) -> Bool { files.contains(name + ".yaml") }

    /// The file scenarios and the stored ones; a file wins over a stored scenario of its name (stored before the
    /// service refused to store under a file's name), so the service and the command line read the same.
    func entries() async throws -> [Entry] {
        var result: [String: Entry] = [:]
        for file in files {
            let path = (env.scenarioFolder as NSString).appendingPathComponent(file)
            if let yaml = try? String(contentsOfFile: path, encoding: .utf8) {
                let name = String(file.dropLast(5))
                result[name] = Entry(name: name, yaml: yaml, origin: path, version: nil)
            }
        }
        for stored in try await env.store.scenarios() where result[stored.name] == nil {
            result[stored.name] = Entry(name: stored.name, yaml: stored.yaml, origin: "stored", version: stored.version)
        }
        return result.values.sorted { $0.name < $1.name }
    }

    /// The entry named `name` among `all` (read once by the caller), or 404.
    static func entry(_ name: String, in all: [Entry]) throws -> Entry {
        guard let entry = all.first(where: { $0.name == name }) else {
            throw APIProblem.notFound("no scenario named '\(name)'; known: \(all.map(\.name).joined(separator: ", "))")
        }
        return entry
    }

    /// The parsed scenario of an entry.
    static func scenario(_ entry: Entry) throws -> Scenario {
        try ScenarioFile.parse(entry.yaml, name: entry.name, file: entry.origin == "stored" ? "scenario '\(entry.name)'" : entry.origin)
    }
}

/// `/v1/scenarios`: list, read (YAML and its explanation) and write scenarios.
enum ScenarioRoutes {
    struct ScenarioBody: Codable { let name: String; let origin: String; let version: Int?; let yaml: String; let explanation: String }
    struct ScenarioSummary: Codable { let name: String; let origin: String; let version: Int? }
    struct ScenarioUpload: Codable { let yaml: String }
    struct Deleted: Codable { let name: String; let deletedVersions: Int; let by: String }

    /// The scenario name of the path, or 400: 1 to 64 ASCII letters, digits, '-' or '_'.
    static func scenarioName(_ context: APIContext) throws -> String {
        let name = try context.parameters.require("name")
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), name.allSatisfy(\.isASCII) else {
            throw APIProblem.badRequest("a scenario name is 1 to 64 letters, digits, '-' or '_'; got '\(name)'")
        }
        return name
    }

    static func add(to router: RouterGroup<APIContext>, _ env: ServiceEnvironment) {
        router.get("scenarios") { _, _ in
            try Representation.json(["scenarios": try await ScenarioCatalog(env: env).entries().map {
                ScenarioSummary(name: $0.name, origin: $0.origin == "stored" ? "stored" : "file", version: $0.version)
            }])
        }

        router.get("scenarios/:name") { _, context in
            let name = try context.parameters.require("name")
            let entry = try ScenarioCatalog.entry(name, in: try await ScenarioCatalog(env: env).entries())
            let scenario = try ScenarioCatalog.scenario(entry)
            return try Representation.json(ScenarioBody(name: name, origin: entry.origin == "stored" ? "stored" : "file", version: entry.version,
                                                        yaml: entry.yaml, explanation: scenario.explanation))
        }

        router.put("scenarios/:name") { request, context in
            _ = try await AccessTokens.authorize(request, store: env.store, role: .editor)
            let name = try scenarioName(context)
            // A file scenario is the one the command line reads too; replacing it here would make the two disagree.
            if ScenarioCatalog(env: env).isFileScenario(name) {
                throw APIProblem(.conflict, "'\(name)' is a file scenario of the service's scenario folder, read by the command line as well; "
                                 + "store yours under another name, or edit the file")
            }
            let yaml: String
            if (request.headers[.contentType] ?? "").contains("json") {
                yaml = try await Representation.decode(ScenarioUpload.self, from: request, context: context) {
                    Representation.unknownKey(in: $0, fields: ["yaml"])
                }.yaml
            } else {
                yaml = String(buffer: try await request.body.collect(upTo: context.maxUploadSize))
            }
            guard !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIProblem.badRequest("the request body is empty; send the scenario as YAML (Content-Type: application/yaml)")
            }
            let scenario = try ScenarioFile.parse(yaml, name: name, file: "scenario '\(name)'")
            let stored = try await env.store.saveScenario(name: name, yaml: yaml, savedAt: ISO8601DateFormatter().string(from: Date()))
            return try Representation.json(ScenarioBody(name: name, origin: "stored", version: stored.version, yaml: yaml,
                                                        explanation: scenario.explanation), status: .created)
        }

        router.delete("scenarios/:name") { request, context in
            let token = try await AccessTokens.authorize(request, store: env.store, role: .editor)
            let name = try scenarioName(context)
            if ScenarioCatalog(env: env).isFileScenario(name) {
                throw APIProblem(.conflict, "'\(name)' is a file scenario of the service's scenario folder, read by the command line as well; "
                                 + "it cannot be deleted here")
            }
            let removed = try await env.store.deleteScenario(name: name)
            guard removed > 0 else { throw APIProblem.notFound("no stored scenario named '\(name)'") }
            return try Representation.json(Deleted(name: name, deletedVersions: removed, by: token.id))
        }
    }
}
