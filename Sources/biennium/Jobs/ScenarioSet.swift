import Budget
import Foundation

/// Scenario names or files as the commands take them: `base` is Models/scenarios/base.yaml (or the folder
/// given); a path (ending in .yaml, or with a folder in it) is read as it is.
enum ScenarioSet {
    /// The scenarios of `list`; `option` is how the command takes them, for the message when none is named.
    static func load(_ list: String, folder: String, option: String = "--scenarios base,low,high") throws -> [Scenario] {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw InputError(file: folder, "no scenario named; give e.g. \(option)") }
        var seen: Set<String> = []
        return try names.map { name in
            let path = name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.contains("/") ? name : (folder as NSString).appendingPathComponent(name + ".yaml")
            guard FileManager.default.fileExists(atPath: path) else {
                let known = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }
                    .map { String($0.dropLast(5)) }.sorted()
                throw InputError(file: path, "no such scenario file" + (known.isEmpty ? "" : "; scenarios in \(folder): \(known.joined(separator: ", "))"))
            }
            let scenario = try ScenarioFile.load(path)
            guard seen.insert(scenario.name).inserted else { throw InputError(file: path, "scenario '\(scenario.name)' is named twice") }
            return scenario
        }
    }
}
