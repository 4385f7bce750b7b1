import Foundation
import Testing
@testable import Budget
import Store

/// One rule for which text a scenario name stands for, shared by the command line and the service.
@Suite("Scenario library") struct ScenarioLibraryTests {
    /// A fresh folder holding `files` (name → YAML).
    static func folder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-library-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, yaml) in files { try yaml.write(toFile: folder + "/\(name).yaml", atomically: true, encoding: .utf8) }
        return folder
    }

    @Test("a file wins over a stored scenario of its name; a stored one is found by name")
    func fileWins() throws {
        let folder = try Self.folder(["base": "cost-growth-percent: 1\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let library = ScenarioLibrary(folder: folder, stored: [
            StoredScenario(name: "base", version: 3, yaml: "cost-growth-percent: 9\n", savedAt: "2026-01-01T00:00:00Z"),
            StoredScenario(name: "austerity", version: 2, yaml: "cost-growth-percent: -2\n", savedAt: "2026-01-01T00:00:00Z"),
        ])
        #expect(library.origin(of: "base") == .file(path: folder + "/base.yaml"))
        #expect(try library.scenario(named: "base").costGrowthPercent == 1)
        #expect(try library.yaml(of: "base") == "cost-growth-percent: 1\n")
        #expect(library.origin(of: "austerity") == .stored(version: 2))
        #expect(try library.scenario(named: "austerity").costGrowthPercent == -2)
        #expect(library.catalog.map(\.name) == ["austerity", "base"])
    }

    @Test("an unknown name lists the files and the stored scenarios; a stored scenario's error names its version")
    func unknownAndBroken() throws {
        let folder = try Self.folder(["base": "", "low": "demand: []\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let library = ScenarioLibrary(folder: folder, stored: [
            StoredScenario(name: "broken", version: 4, yaml: "cost-growth-percent: lots\n", savedAt: "2026-01-01T00:00:00Z"),
        ])
        let unknown = #expect(throws: ScenarioError.self) { try library.scenario(named: "hgih") }
        #expect(unknown?.description == "\(folder)/hgih.yaml: no such scenario file; scenarios in \(folder): base, low; stored in the database: broken")
        let broken = #expect(throws: ScenarioError.self) { try library.scenario(named: "broken") }
        #expect(broken?.file == "scenario 'broken' (stored, version 4)" && broken?.key == "cost-growth-percent")
        #expect(library.origin(of: "nothing") == nil)
    }

    @Test("a name is never a path: nothing outside the folder is reached, whatever exists there")
    func namesStayInTheFolder() throws {
        let parent = try Self.folder(["outside": "cost-growth-percent: 3\n"])
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let folder = parent + "/scenarios"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let library = ScenarioLibrary(folder: folder)
        for name in ["../outside", "/etc/passwd", "", "base\u{0}", "a/b"] {
            #expect(library.origin(of: name) == nil && !library.isFile(name), "\(name)")
            #expect(throws: ScenarioError.self) { try library.scenario(named: name) }
        }
        #expect(ScenarioLibrary.isName("base-2021_v2") && ScenarioLibrary.isName("v1.2"))
    }
}
