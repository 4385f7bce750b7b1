import Budget
import Forecasting
import Foundation
import Store

/// Scenario names or files as the commands take them: `base` is Models/scenarios/base.yaml (or the folder
/// given), else a scenario of that name stored through the service; a path (ending in .yaml, or with a folder in
/// it) is read as it is.
enum ScenarioSet {
    /// Whether a name is a path to a scenario file rather than a scenario's name.
    static func isPath(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.contains("/")
    }

    /// The file a name stands for.
    static func path(of name: String, folder: String) -> String {
        isPath(name) ? name : ScenarioLibrary(folder: folder).path(of: name)
    }

    /// Whether some name of `list` has no file, so the stored scenarios must be read.
    static func needsStored(_ list: String, folder: String) -> Bool {
        ModelCatalog.nameList(list).contains { !FileManager.default.fileExists(atPath: path(of: $0, folder: folder)) }
    }

    /// The scenarios of `list`, files first, then the scenarios stored in `store` through the service — read only
    /// when a name has no file, and only from a store that exists (an SQLite file not yet created, or a database
    /// that cannot be reached, leaves the file's own error to be reported).
    static func load(_ list: String, folder: String, option: String = "--scenarios base,low,high", store: StoreOptions) async throws -> [Scenario] {
        var stored: [StoredScenario] = []
        if needsStored(list, folder: folder) { stored = await store.readIfPresent { try await $0.scenarios() } ?? [] }
        return try load(list, folder: folder, option: option, stored: stored)
    }

    /// The scenarios of `list`, each resolved by ``ScenarioLibrary`` (a file of `folder`, then a `stored` scenario
    /// saved through the service), or read as it is when it is a path; `option` is how the command takes them, for
    /// the message when none is named.
    static func load(_ list: String, folder: String, option: String = "--scenarios base,low,high",
                     stored: [StoredScenario] = []) throws -> [Scenario] {
        let names = ModelCatalog.nameList(list)
        guard !names.isEmpty else { throw InputError(file: folder, "no scenario named; give e.g. \(option)") }
        guard !names.contains("") else { throw InputError(file: folder, "an empty scenario name in '\(list)' (two commas, or a comma at an end)") }
        let library = ScenarioLibrary(folder: folder, stored: stored)
        var seen: Set<String> = []
        return try names.map { name in
            let path = path(of: name, folder: folder)
            let scenario: Scenario
            if isPath(name) {
                guard FileManager.default.fileExists(atPath: path) else { throw library.unknown(name, path: path) }
                scenario = try ScenarioFile.load(path)
            } else {
                scenario = try library.scenario(named: name)
            }
            guard seen.insert(scenario.name).inserted else { throw InputError(file: path, "scenario '\(scenario.name)' is named twice") }
            return scenario
        }
    }
}
