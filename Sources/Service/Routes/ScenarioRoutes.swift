import Budget
import Foundation
import Hummingbird
import Logging
import NIOCore
import Store

/// The scenarios the service knows, resolved by name as the command line resolves names (``ScenarioLibrary``): the
/// files of the scenario folder, then those written through the API (stored, versioned). Unlike the command line,
/// the service takes names only, never paths.
struct ScenarioCatalog {
    let env: ServiceEnvironment

    /// The scenario folder and the stored scenarios, read now.
    func library() async throws -> ScenarioLibrary {
        ScenarioLibrary(folder: env.scenarioFolder, stored: try await env.store.scenarios())
    }

    /// Whether `name` is a file of the scenario folder, which the command line reads too.
    func isFileScenario(_ name: String) -> Bool { ScenarioLibrary(folder: env.scenarioFolder).isFile(name) }

    /// Where `name` is read from in `library`, or 404 listing the known names.
    static func origin(_ name: String, in library: ScenarioLibrary) throws -> ScenarioLibrary.Origin {
        guard let origin = library.origin(of: name) else {
            throw APIProblem.notFound("no scenario named '\(name)'; known: \(library.catalog.map(\.name).joined(separator: ", "))")
        }
        return origin
    }

    /// The YAML text of `name` and the scenario it says, read once. A file of the scenario folder that cannot be
    /// read is the service's fault (500, its path and reason in the service's log, not in the answer), not the
    /// client's; a text that does not parse is 422, naming the key.
    static func read(_ name: String, from origin: ScenarioLibrary.Origin, in library: ScenarioLibrary, logger: Logger) throws -> (yaml: String, scenario: Scenario) {
        let yaml: String
        do { yaml = try library.yaml(of: name, at: origin) } catch {
            logger.error("scenario '\(name)' cannot be read: \(error.description)")
            throw APIProblem(.internalServerError, "scenario '\(name)' of the service's scenario folder cannot be read; the service's log says why")
        }
        return (yaml, try library.scenario(named: name, text: yaml, from: origin))
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
            try Representation.json(["scenarios": try await ScenarioCatalog(env: env).library().catalog.map { name, origin in
                ScenarioSummary(name: name, origin: origin.label, version: origin.version)
            }])
        }

        router.get("scenarios/:name") { _, context in
            let name = try context.parameters.require("name")
            let library = try await ScenarioCatalog(env: env).library()
            let origin = try ScenarioCatalog.origin(name, in: library)
            let (yaml, scenario) = try ScenarioCatalog.read(name, from: origin, in: library, logger: env.logger)
            return try Representation.json(ScenarioBody(name: name, origin: origin.label, version: origin.version,
                                                        yaml: yaml, explanation: scenario.explanation))
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
                try Representation.requireMediaType(request, accepted: ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
                                                                        "application/json"])
                yaml = try await Representation.text(request, context: context)
            }
            guard !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw APIProblem.badRequest("the request body is empty; send the scenario as YAML (Content-Type: application/yaml)")
            }
            let scenario = try ScenarioFile.parse(yaml, name: name, file: "scenario '\(name)'")
            // Its regressor paths are checked as a comparison will check them (as `biennium scenario check` does),
            // so that nothing is stored that every comparison would then refuse.
            if !scenario.regressorPaths.isEmpty {
                let (specs, catalog) = (try ModelRoutes.specs(env), try await env.store.catalog())
                do { try BudgetProjection.checkRegressorPaths(scenario, specs: specs, catalog: catalog) } catch {
                    throw APIProblem.unprocessable("\(error)")
                }
            }
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

extension ScenarioLibrary.Origin {
    /// `file` or `stored`, as the API names them.
    var label: String {
        if case .stored = self { return "stored" }
        return "file"
    }

    /// The stored scenario's version; `nil` for a file.
    var version: Int? {
        if case .stored(let version) = self { return version }
        return nil
    }
}
