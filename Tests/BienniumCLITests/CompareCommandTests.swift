import Foundation
import Testing
import TestSupport

/// `biennium compare` and `biennium scenario` through the built binary on an imported SQLite store.
@Suite("compare and scenario commands") struct CompareCommandTests {
    static let root = Fixtures.packageRoot.path

    static func importedStore() throws -> String {
        let path = try CommandRunner.temporaryDirectory().appendingPathComponent("compare.sqlite").path
        let output = try CommandRunner().run(["import", "--database", path, root + "/Datasets"])
        #expect(output.status == 0, "\(output.standardError)")
        return path
    }

    func run(_ arguments: [String]) throws -> CommandRunner.Output {
        try CommandRunner().run(arguments + ["--scenario-folder", Self.root + "/Models/scenarios", "--models", Self.root + "/Models"])
    }

    @Test("compare --format json: every Table 3 line, fee income and program lines per scenario, with the issue's fields")
    func json() throws {
        let database = try Self.importedStore()
        let output = try run(["compare", "--database", database, "--biennium", "2020/21", "--paths", "2000", "--format", "json"])
        #expect(output.status == 0, "\(output.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as! [String: Any]
        #expect(document["biennium"] as? String == "2020/21")
        let lines = document["lines"] as! [[String: Any]]
        let ids = Set(lines.map { $0["line"] as! String })
        for id in ["pct.applications", "madrid.applications", "madrid.registrations", "madrid.renewals", "hague.applications",
                   "hague.registrations", "hague.renewals", "pct.fee_income", "madrid.fee_income", "hague.fee_income",
                   "pct.program_expenditure", "wipo.program_expenditure"] {
            #expect(ids.contains(id), "\(id) missing")
        }
        #expect(Set(lines.map { $0["scenario"] as! String }) == ["base", "low", "high"])
        let pct = lines.first { $0["line"] as? String == "pct.applications" && $0["scenario"] as? String == "base" }!
        for key in ["unit", "budget", "actualToDate", "projectedTotal", "shareOfBudget", "variance", "variancePercent", "interval95",
                    "shortfallProbability", "basis"] {
            #expect(pct[key] != nil, "\(key) missing")
        }
        #expect(pct["budget"] as? Double == 549_900 && pct["actualToDate"] as? Double == 275_900 && pct["basis"] as? String == "model")
    }

    @Test("compare --format csv has a header and one row per line and scenario; the table names every line")
    func csvAndTable() throws {
        let database = try Self.importedStore()
        let csv = try run(["compare", "--database", database, "--scenarios", "base", "--paths", "1000", "--format", "csv"])
        #expect(csv.status == 0)
        let rows = csv.standardOutput.split(whereSeparator: \.isNewline)
        #expect(rows.first?.hasPrefix("line,scenario,kind,unit,budget,") == true && rows.count == 18)
        let table = try run(["compare", "--database", database, "--scenarios", "base,low", "--paths", "1000"])
        #expect(table.status == 0 && table.standardOutput.contains("Biennium 2020/21") && table.standardOutput.contains("hague.renewals"))
    }

    @Test("bad requests are clear errors with a non-zero exit")
    func badInput() throws {
        let database = try Self.importedStore()
        let paths = try run(["compare", "--database", database, "--paths=-5"])
        #expect(paths.status != 0 && paths.standardError.contains("--paths must be 1,000 to 1,000,000"))
        let biennium = try run(["compare", "--database", database, "--biennium", "2030/31"])
        #expect(biennium.status != 0 && biennium.standardError.contains("no budget data for the 2030/31 biennium; budgets are stored for 2020/21"))
        let scenario = try run(["compare", "--database", database, "--scenarios", "base,nonsense"])
        #expect(scenario.status != 0 && scenario.standardError.contains("nonsense.yaml: no such scenario file; scenarios in"))
        let empty = try CommandRunner.temporaryDirectory().appendingPathComponent("empty.sqlite").path
        let none = try run(["compare", "--database", empty])
        #expect(none.status != 0 && none.standardError.contains("import"), "\(none.standardError)")
    }

    @Test("scenario check names the file and key of a bad scenario; scenario show explains a good one")
    func scenarioCommands() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let bad = folder.appendingPathComponent("bad.yaml")
        try "demand:\n  - {system: pct, from: 2021, percent: -5}\nfees:\n  - {system: hague, from: 2021-01-01, percent: 5}\n  - {system: hague, from: 2021-03-01, percent: 2}\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let check = try CommandRunner().run(["scenario", "check", bad.path])
        #expect(check.status != 0 && check.standardError.contains("bad.yaml:5: key 'fees[1]': overlaps fees[0] for hague"), "\(check.standardError)")
        let show = try CommandRunner().run(["scenario", "show", "low", "--scenario-folder", Self.root + "/Models/scenarios"])
        #expect(show.status == 0 && show.standardOutput.contains("Demand: pct -5% from 2021 on"))
        let good = try CommandRunner().run(["scenario", "check", Self.root + "/Models/scenarios/high.yaml"])
        #expect(good.status == 0 && good.standardOutput.contains("valid scenario 'high'"))
    }

    @Test("scenario check refuses regressor paths as compare does: a series no specification reads, a negative count")
    func scenarioCheckRegressors() throws {
        let database = try Self.importedStore()
        let folder = try CommandRunner.temporaryDirectory()
        let unread = folder.appendingPathComponent("unread.yaml"), negative = folder.appendingPathComponent("negative.yaml")
        try "regressors:\n  nope.nope: {2021: 5}\n".write(to: unread, atomically: true, encoding: .utf8)
        try "regressors:\n  pct.applications: {2021: -5}\n".write(to: negative, atomically: true, encoding: .utf8)
        let models = Self.root + "/Benchmarks/specs"             // madrid-on-pct.yaml reads pct.applications
        let first = try CommandRunner().run(["scenario", "check", unread.path, "--models", models, "--database", database])
        #expect(first.status == 1 && first.standardError.contains("no model specification has nope.nope among its regressors"), "\(first.standardError)")
        let second = try CommandRunner().run(["scenario", "check", negative.path, "--models", models, "--database", database])
        #expect(second.status == 1 && second.standardError.contains("pct.applications counts applications; -5 is negative"), "\(second.standardError)")
        // Without a store the units are unknown: the negative path passes, and no database file is created by looking.
        let absent = folder.appendingPathComponent("absent.sqlite").path
        let third = try CommandRunner().run(["scenario", "check", negative.path, "--models", models, "--database", absent])
        #expect(third.status == 0 && !FileManager.default.fileExists(atPath: absent), "\(third.standardError)")
    }

    @Test("a scenario stored through the service is found by name by compare and scenario show, after the files")
    func storedScenario() async throws {
        let database = try Self.importedStore()
        let token = try CommandRunner().run(["token", "create", "--role", "editor", "--database", database]).standardOutput
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try ServerProcess(["--database", database, "--scenario-folder", Self.root + "/Models/scenarios", "--models", Self.root + "/Models"])
        let saved = try await HTTP.send("PUT", server.baseURL + "/v1/scenarios/pct-dip",
                                        headers: ["Authorization": "Bearer " + token, "Content-Type": "application/yaml"],
                                        body: "demand:\n  - {system: pct, from: 2021, percent: -7}\n")
        #expect(saved.status == 201, "\(saved.body)")
        #expect(server.stop() == 0)
        let shown = try CommandRunner().run(["scenario", "show", "pct-dip", "--database", database, "--scenario-folder", Self.root + "/Models/scenarios"])
        #expect(shown.status == 0 && shown.standardOutput.contains("pct -7% from 2021 on"), "\(shown.standardError)")
        let compared = try run(["compare", "--database", database, "--biennium", "2020/21", "--paths", "1000", "--scenarios", "base,pct-dip",
                                "--format", "json"])
        #expect(compared.status == 0, "\(compared.standardError)")
        let unknown = try run(["compare", "--database", database, "--biennium", "2020/21", "--scenarios", "nonesuch"])
        #expect(unknown.status != 0 && unknown.standardError.contains("stored in the database: pct-dip"), "\(unknown.standardError)")
    }
}
