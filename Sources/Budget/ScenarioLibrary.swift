import Foundation
public import Store

/// The scenarios a name can stand for, under the one rule the command line and the service both follow: the
/// `.yaml` files of the scenario folder, then the scenarios saved through the service (stored in the database).
/// A file wins over a stored scenario of its name — the service refuses to store under a file's name, but a
/// scenario stored before the file was added keeps its rows — so both read the same scenario for each name.
public struct ScenarioLibrary: Sendable {
    /// Where a scenario's text comes from.
    public enum Origin: Sendable, Equatable {
        /// A file of the scenario folder, at `path`.
        case file(path: String)
        /// Saved through the service; `version` counts its saves.
        case stored(version: Int)
    }

    /// The folder of scenario files (`Models/scenarios` by default).
    public let folder: String
    /// The scenarios saved through the service.
    public let stored: [StoredScenario]

    /// The scenarios of `folder` and `stored`.
    public init(folder: String, stored: [StoredScenario] = []) {
        self.folder = folder
        self.stored = stored
    }

    /// The names of the folder's `.yaml` files, sorted; none when the folder is missing or unreadable.
    public var fileNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The file a scenario named `name` would be read from.
    public func path(of name: String) -> String {
        (folder as NSString).appendingPathComponent(name + ".yaml")
    }

    /// Whether `name` can name a scenario: not empty, and no `/` or control character, so that `FOLDER/NAME.yaml`
    /// stays inside the folder (a name such as `../Models/x` reaches nothing). Paths are the command line's business.
    public static func isName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Whether `name` is a file of the folder (and so is read by the command line too).
    public func isFile(_ name: String) -> Bool {
        Self.isName(name) && FileManager.default.fileExists(atPath: path(of: name))
    }

    /// Where `name` is read from: its file, else its stored scenario, else `nil` (also for what is not a name).
    public func origin(of name: String) -> Origin? {
        guard Self.isName(name) else { return nil }
        if isFile(name) { return .file(path: path(of: name)) }
        return stored.first { $0.name == name }.map { .stored(version: $0.version) }
    }

    /// Every name, sorted, with where it is read from.
    public var catalog: [(name: String, origin: Origin)] {
        let names = Set(fileNames).union(stored.map(\.name)).sorted()
        return names.compactMap { name in origin(of: name).map { (name, $0) } }
    }

    /// The YAML text of `name` as it is read.
    /// - Throws: ``ScenarioError`` naming the file when it cannot be read, or when no scenario has the name.
    public func yaml(of name: String) throws(ScenarioError) -> String {
        guard let origin = origin(of: name) else { throw unknown(name) }
        return try yaml(of: name, at: origin)
    }

    /// The YAML text of `name` read from `origin`, as ``origin(of:)`` found it (the name resolved once).
    public func yaml(of name: String, at origin: Origin) throws(ScenarioError) -> String {
        switch origin {
        case .file(let path): return try ScenarioFile.text(of: path)
        case .stored: return stored.first { $0.name == name }?.yaml ?? ""
        }
    }

    /// The parsed scenario `name`.
    /// - Throws: ``ScenarioError`` naming the file (or `scenario 'NAME' (stored, version N)` for a stored one), the
    ///   key and the line of what is wrong, or listing the known names when there is no such scenario.
    public func scenario(named name: String) throws(ScenarioError) -> Scenario {
        guard let origin = origin(of: name) else { throw unknown(name) }
        return try scenario(named: name, text: yaml(of: name, at: origin), from: origin)
    }

    /// Scenario `name` parsed from `text`, its YAML as read by ``yaml(of:)``; errors name its file or stored version.
    public func scenario(named name: String, text: String) throws(ScenarioError) -> Scenario {
        guard let origin = origin(of: name) else { throw unknown(name) }
        return try scenario(named: name, text: text, from: origin)
    }

    /// Scenario `name` parsed from `text`, read from `origin`; errors name its file or stored version.
    public func scenario(named name: String, text: String, from origin: Origin) throws(ScenarioError) -> Scenario {
        switch origin {
        case .file(let path): return try ScenarioFile.parse(text, name: name, file: path)
        case .stored(let version): return try ScenarioFile.parse(text, name: name, file: "scenario '\(name)' (stored, version \(version))")
        }
    }

    /// No scenario has `name` (or no file is at `path`): the error lists the scenarios there are, by where they are.
    public func unknown(_ name: String, path: String? = nil) -> ScenarioError {
        let files = fileNames, saved = stored.map(\.name).sorted()
        return ScenarioError(file: path ?? self.path(of: name), key: nil, line: nil, message: "no such scenario file"
            + (files.isEmpty ? "" : "; scenarios in \(folder): \(files.joined(separator: ", "))")
            + (saved.isEmpty ? "" : "; stored in the database: \(saved.joined(separator: ", "))"))
    }
}
