import ArgumentParser
import Foundation
import Store

/// `biennium import PATH...`: loads catalog and observation CSV files, idempotently, one transaction per file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import catalog and observation CSV files (or folders of them) into the store.",
        discussion: """
        Observation files have a header with at least series,period,value,status,source and optionally \
        vintage (an ISO date, a month or a year; missing means today) and note. Periods are written 2020, \
        2020-Q3, 2020-07 or 2020-2021. Catalog files (id,system,metric,unit,frequency,definition,...) are \
        imported first. A file with any invalid row is rejected whole with file:line: reason and the store \
        keeps what it had; importing the same file twice changes nothing. A new value for a stored period \
        is kept as a new vintage: nothing is overwritten.

        Example: biennium import Datasets/
        """)

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("CSV files or folders (searched recursively for *.csv).", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one file or folder to import, e.g. 'biennium import Datasets/'.") }
        for path in paths where Importer.files(in: [path]).isEmpty {
            throw ValidationError("The folder \(path) holds no .csv file (searched recursively); name the folder or files to import.")
        }
    }

    func run() async throws {
        let store = try await self.store.open()
        var failures = 0
        var skipped: [String] = []
        var totals = ImportSummary()
        do {
            try await Importer(store: store).run(paths) { path, outcome in
                switch outcome {
                case .catalog(let series, let changed):
                    print("\(path): catalog of \(series) series, \(changed) added or changed")
                case .observations(let summary):
                    totals.added += summary.added
                    totals.unchanged += summary.unchanged
                    print("\(path): \(summary.added + summary.unchanged) observations, \(summary.added) added, \(summary.unchanged) unchanged")
                case .skipped:
                    skipped.append(path)
                case .writing(let count):
                    if count >= 10_000 {
                        FileHandle.standardError.write(Data("\(path): writing \(count) observations in one transaction…\n".utf8))
                    }
                case .failed(let error):
                    failures += 1
                    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                }
            }
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        if !skipped.isEmpty {
            FileHandle.standardError.write(Data("skipped \(skipped.count) CSV files that are neither catalogs nor observation files: \(skipped.joined(separator: ", "))\n".utf8))
        }
        print("total: \(totals.added) added, \(totals.unchanged) unchanged\(failures > 0 ? ", \(failures) files rejected" : "")")
        if failures > 0 { throw ExitCode(1) }
    }
}
