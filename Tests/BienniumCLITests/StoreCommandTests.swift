import Foundation
import Testing
import TestSupport

/// `biennium import` and `biennium series` end to end, on each backend.
@Suite("biennium import and series") struct StoreCommandTests {
    static let datasets = Fixtures.packageRoot.appendingPathComponent("Datasets").path

    static func run(_ arguments: [String], _ location: (option: String, value: String)) throws -> CommandRunner.Output {
        try CommandRunner().run(arguments + [location.option, location.value])
    }

    @Test("importing Datasets/ then showing series gives the published figures with their sources", arguments: StoreBackend.available)
    func importThenShow(_ backend: StoreBackend) throws {
        let location = try backend.makeLocation()
        let imported = try Self.run(["import", Self.datasets], location)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.contains("Datasets/series/pct.csv: 211 observations, 211 added"))
        #expect(imported.standardError.contains("skipped"), "budget tables are listed as skipped")

        let madrid = try Self.run(["series", "show", "madrid.unit_cost.per_registration", "--format", "json"], location)
        #expect(madrid.status == 0)
        let json = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(madrid.standardOutput.utf8)))
        let row = json["observations"].array.first { $0["period"].string == "2020" }
        #expect(row?["value"].double == 625)
        #expect(row?["source"].string.contains("WO/PBC/32/2") == true)

        let vintages = try Self.run(["series", "show", "pct.applications", "--vintages"], location)
        for figure in ["218000", "217230", "233000", "232905", "265800", "265381"] {
            #expect(vintages.standardOutput.contains(figure), "missing \(figure)")
        }
        let asOf = try Self.run(["series", "show", "pct.applications", "--as-of", "2017-06-30", "--format", "csv"], location)
        #expect(asOf.standardOutput.contains("pct.applications,2015,218000,reported"))
        #expect(!asOf.standardOutput.contains(",2017,"))

        let again = try Self.run(["import", Self.datasets], location)
        #expect(again.standardOutput.contains("total: 0 added"))

        let list = try Self.run(["series", "list", "--format", "csv"], location)
        #expect(list.standardOutput.split(separator: "\n").count == 133, "132 series and a header")
    }

    @Test("bad import files are refused whole, naming file and line, and the store keeps what it had",
          arguments: BadImport.cases)
    func badFiles(_ bad: BadImport) throws {
        let location = try StoreBackend.available[0].makeLocation()
        #expect(try Self.run(["import", Self.datasets + "/catalog.csv"], location).status == 0)
        let before = try Self.run(["series", "show", "pct.applications", "--vintages", "--format", "csv"], location).standardOutput
        let folder = try CommandRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("bad.csv")
        if let bytes = bad.bytes { try bytes.write(to: file) }
        let target = bad.name == "a directory" ? folder.path : file.path
        let output = try Self.run(["import", target], location)
        #expect(output.status != 0)
        #expect(output.standardError.contains(bad.expected.replacingOccurrences(of: "FILE", with: file.path)),
                "\(bad.name): \(output.standardError)")
        let after = try Self.run(["series", "show", "pct.applications", "--vintages", "--format", "csv"], location).standardOutput
        #expect(before == after)
    }

    @Test("killing an import in the middle of its transaction leaves the store as before", arguments: StoreBackend.available)
    func killedImportChangesNothing(_ backend: StoreBackend) throws {
        let location = try backend.makeLocation()
        let folder = try CommandRunner.temporaryDirectory()
        let catalog = folder.appendingPathComponent("catalog.csv")
        try "id,system,metric,unit,frequency,definition\ntest.big,TEST,counts,applications,monthly,a large synthetic series\n"
            .write(to: catalog, atomically: true, encoding: .utf8)
        #expect(try Self.run(["import", catalog.path], location).status == 0)
        let big = folder.appendingPathComponent("big.csv")
        var text = "series,period,value,status,source,vintage\n"
        for i in 0..<200_000 {
            // 12,000 months from 1000-01, each published in up to 17 later years: distinct (period, vintage) pairs.
            let year = 1000 + i / 12 % 1000
            text += "test.big,\(year)-\(String(format: "%02d", i % 12 + 1)),\(i),estimate,synthetic,\(year + 1 + i / 12_000)-01-01\n"
        }
        try text.write(to: big, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["import", big.path, location.option, location.value]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(120)
        while !seen.contains("writing 200000 observations") && Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("writing 200000 observations"), "\(seen)")
        Thread.sleep(forTimeInterval: 0.05)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it could be killed; make the file larger")

        let shown = try Self.run(["series", "show", "test.big", "--vintages", "--format", "csv"], location)
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(shown.standardOutput.split(separator: "\n").count == 1, "only the header: nothing of the killed import")
        // And the store still works: the same import, uninterrupted, lands whole.
        let finished = try Self.run(["import", big.path], location)
        #expect(finished.standardOutput.contains("200000 added"), "\(finished.standardOutput) \(finished.standardError)")
    }

    @Test("two processes importing into one SQLite file at once both succeed")
    func concurrentSQLiteImports() throws {
        let location = try StoreBackend.available[0].makeLocation()
        #expect(try Self.run(["import", Self.datasets + "/catalog.csv"], location).status == 0)
        let processes = ["pct.csv", "madrid.csv"].map { name -> Process in
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["import", Self.datasets + "/series/" + name, location.option, location.value]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let list = try Self.run(["series", "list", "--format", "json"], location)
        let rows = JSONValue(raw: try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)))["series"].array
        let count = rows.filter { $0["series"].string.hasPrefix("pct.") || $0["series"].string.hasPrefix("madrid.") }
            .reduce(0) { $0 + $1["observations"].int }
        #expect(count == 211 + 82)
    }
}

struct BadImport: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: Data?
    let expected: String
    var testDescription: String { name }

    static let header = "series,period,value,status,source,vintage\n"
    static let cases: [BadImport] = [
        BadImport(name: "missing column", bytes: Data("series,period,value,source\npct.applications,2021,1,x\n".utf8),
                  expected: "FILE:1: missing column 'status'"),
        BadImport(name: "non-numeric value", bytes: Data((header + "pct.applications,2021,12a,reported,Doc,2022\n").utf8),
                  expected: "FILE:2: value '12a' is not a decimal number"),
        BadImport(name: "negative count", bytes: Data((header + "pct.applications,2021,-5,reported,Doc,2022\n").utf8),
                  expected: "FILE:2: value -5 is negative, but pct.applications counts applications"),
        BadImport(name: "duplicate in one file", bytes: Data((header + "pct.applications,2021,1,reported,Doc,2022\npct.applications,2021,2,reported,Doc,2022-12-31\n").utf8),
                  expected: "FILE:3: pct.applications 2021 vintage 2022-12-31 appears twice in the file (also line 2)"),
        BadImport(name: "unknown series", bytes: Data((header + "pct.applications,2021,1,reported,Doc,2022\npct.nonsense,2021,1,reported,Doc,2022\n").utf8),
                  expected: "FILE:3: unknown series 'pct.nonsense'"),
        BadImport(name: "period that does not parse", bytes: Data((header + "pct.applications,21,1,reported,Doc,2022\n").utf8),
                  expected: "FILE:2: period '21' does not parse"),
        BadImport(name: "status outside the list", bytes: Data((header + "pct.applications,2021,1,final,Doc,2022\n").utf8),
                  expected: "FILE:2: status 'final' is not one of"),
        BadImport(name: "empty source", bytes: Data((header + "pct.applications,2021,1,reported,,2022\n").utf8),
                  expected: "FILE:2: source is empty"),
        BadImport(name: "not UTF-8", bytes: Data(Array(header.utf8) + [0x70, 0xFF, 0x0A]),
                  expected: "FILE:2: is not UTF-8 text"),
        BadImport(name: "empty file", bytes: Data(), expected: "FILE: is empty"),
        BadImport(name: "missing file", bytes: nil, expected: "FILE: no such file"),
        BadImport(name: "a directory", bytes: Data((header + "pct.applications,2021,1,reported,Doc,2022\n").utf8),
                  expected: "observations, 1 added"),
        BadImport(name: "conflict with a stored vintage", bytes: Data((header + "pct.applications,2021,1,reported,Doc,2022\n").utf8),
                  expected: "__conflict__"),
    ].filter { $0.expected != "__conflict__" && $0.name != "a directory" }
}
