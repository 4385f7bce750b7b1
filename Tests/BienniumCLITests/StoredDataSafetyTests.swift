import Foundation
import Testing
import TestSupport

/// Input that used to damage the store or what it holds (an adversarial review in session 10): each is now
/// refused with the file, line or option named, and the store keeps what it had.
@Suite("stored data kept safe from bad input") struct StoredDataSafetyTests {
    /// A fresh SQLite store in its own folder with `Datasets/` imported.
    static func store() throws -> (folder: URL, database: String) {
        let folder = try CommandRunner.temporaryDirectory()
        let database = folder.appendingPathComponent("db.sqlite").path
        let imported = try CommandRunner().run(["import", StoreCommandTests.datasets, "--database", database])
        #expect(imported.status == 0, "\(imported.standardError)")
        return (folder, database)
    }

    static func write(_ text: String, as name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("backtest --out naming the store's database, its log or any SQLite file is refused before the run")
    func outOverDatabase() throws {
        let (folder, database) = try Self.store()
        let other = folder.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: database, toPath: other)
        for out in [database, database + "-wal", other] {
            let output = try CommandRunner().run(["backtest", "pct.applications", "--origins", "2010...2012", "--horizon", "2",
                                                  "--models", "naive", "--database", database, "--out", out])
            #expect(output.status == 64 && output.standardError.contains("--out"), "\(out): \(output.standardError)")
        }
        let shown = try CommandRunner().run(["series", "show", "pct.applications", "--database", database])
        #expect(shown.status == 0 && shown.standardOutput.contains("2020"), "\(shown.standardError)")
    }

    @Test("a catalog that changes the unit or frequency of a series with observations is refused, naming its line")
    func catalogKeepsMeaning() throws {
        let (folder, database) = try Self.store()
        let header = "id,system,metric,unit,frequency,definition\n"
        for (row, field) in [("pct.applications,PCT,applications,applications,monthly,x", "frequency"),
                             ("pct.applications,PCT,applications,million CHF,annual,x", "unit")] {
            let catalog = try Self.write(header + "pct.other,PCT,x,applications,annual,x\n" + row + "\n", as: "catalog.csv", in: folder)
            let output = try CommandRunner().run(["import", catalog, "--database", database])
            #expect(output.status == 1, "\(output.standardError)")
            #expect(output.standardError.contains("\(catalog):3: pct.applications has") && output.standardError.contains("in \(field) '"),
                    "\(output.standardError)")
        }
        // Nothing of the refused catalog was stored, and the series still forecasts as annual.
        let list = try CommandRunner().run(["series", "list", "--database", database])
        #expect(!list.standardOutput.contains("pct.other"), "\(list.standardOutput)")
        let forecast = try CommandRunner().run(["forecast", "pct.applications", "--model", "naive", "--database", database])
        #expect(forecast.status == 0, "\(forecast.standardError)")
        // A definition's wording may still change.
        let reworded = try Self.write(header + "pct.applications,PCT,applications,applications,annual,reworded\n", as: "reworded.csv", in: folder)
        #expect(try CommandRunner().run(["import", reworded, "--database", database]).status == 0)
    }

    @Test("a control character, a repeated column or a future vintage refuses the file, naming the line")
    func observationFileText() throws {
        let (folder, database) = try Self.store()
        let header = "series,period,value,status,source,vintage\n"
        for (body, expected) in [("pct.applications,2021,277504,reported,te\u{0}st,2022-02-14\n", ":2: holds the control character U+0000"),
                                 ("pct.applications,2021,277504,reported,x,2022-02-14\npct.applications,2021,1,reported,a\u{7}b,2022-02-14\n",
                                  ":3: holds the control character U+0007"),
                                 ("pct.applications,2021,277504,reported,x,9999-12-31\n", ":2: vintage 9999-12-31 is in the future")] {
            let file = try Self.write(header + body, as: "rows.csv", in: folder)
            let output = try CommandRunner().run(["import", file, "--database", database])
            #expect(output.status == 1 && output.standardError.contains(file + expected), "\(output.standardError)")
        }
        let twice = try Self.write("series,period,value,status,source,series\npct.applications,2021,1,reported,x,y\n", as: "twice.csv", in: folder)
        let output = try CommandRunner().run(["import", twice, "--database", database])
        #expect(output.status == 1 && output.standardError.contains("\(twice):1: the header names the column 'series' twice"), "\(output.standardError)")
        let shown = try CommandRunner().run(["series", "show", "pct.applications", "--database", database])
        #expect(!shown.standardOutput.contains("277504"), "nothing of the refused files was stored: \(shown.standardOutput)")
    }

    @Test("a folder without CSV files and an empty --database path are refused")
    func emptyPaths() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let empty = try CommandRunner().run(["import", folder.path, "--database", folder.appendingPathComponent("db.sqlite").path])
        #expect(empty.status == 64 && empty.standardError.contains("holds no .csv file"), "\(empty.standardError)")
        let blank = try CommandRunner().run(["series", "list", "--database", ""])
        #expect(blank.status != 0 && blank.standardError.contains("--database needs a file path"), "\(blank.standardError)")
    }

    @Test("each command leaves the write-ahead log empty, so a backup copied back is not overlaid by later changes")
    func backupRestores() throws {
        let (folder, database) = try Self.store()
        let backup = folder.appendingPathComponent("backup.sqlite").path
        try FileManager.default.copyItem(atPath: database, toPath: backup)
        let later = try Self.write("series,period,value,status,source,vintage\npct.applications,2021,277500,reported,test,2022-02-10\n",
                                   as: "later.csv", in: folder)
        #expect(try CommandRunner().run(["import", later, "--database", database]).status == 0)
        let log = (try? FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int) ?? 0
        #expect(log == 0, "the -wal file holds \(log) bytes after the command")
        try FileManager.default.removeItem(atPath: database)
        try FileManager.default.copyItem(atPath: backup, toPath: database)
        let shown = try CommandRunner().run(["series", "show", "pct.applications", "--vintages", "--database", database])
        #expect(shown.status == 0 && !shown.standardOutput.contains("277500"), "\(shown.standardOutput)")
    }
}
