import ArgumentParser
import Budget
import Forecasting
import Foundation
import Store

/// `biennium fit`: fits the model specifications and stores each fit as a new version.
struct FitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the model specifications (Models/*.yaml) to the stored series and store each fit as a new version.",
        discussion: "Example: biennium fit                  (every Models/*.yaml)\n         biennium fit Models/pct-applications.yaml --as-of 2021-06-30")

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Specification files or folders (default: Models/).", valueName: "path")) var paths: [String] = []
    @Option(help: ArgumentHelp("Fit to the data as known on this day (YYYY-MM-DD).", valueName: "date")) var asOf: String?
    @Option(help: "Output format: table or json.") var format: FitFormat = .table

    func validate() throws {
        try AsOfDate.validate(asOf)
    }

    func run() async throws {
        let results = try await FitJob(store: store, asOf: asOf.flatMap(CalendarDay.init(iso:))).run(try ModelSpec.load(paths))
        print(try FitOutput.render(results, showChanges: false, format: format.output))
        try FitJob.exitIfAnyFailed(results)
    }
}

/// `biennium refit`: the same fits, with what changed since each specification's previous version.
struct RefitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refit",
        abstract: "Refit the model specifications, store new versions, and show what changed since the previous fit.",
        discussion: "Run it after each quarterly import: it reports per specification the new data, a change of model, and the changes in parameters and forecasts.")

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Specification files or folders (default: Models/).", valueName: "path")) var paths: [String] = []
    @Option(help: "Output format: table or json.") var format: FitFormat = .table

    func run() async throws {
        let results = try await FitJob(store: store, asOf: nil).run(try ModelSpec.load(paths))
        print(try FitOutput.render(results, showChanges: true, format: format.output))
        try FitJob.exitIfAnyFailed(results)
    }
}

/// The formats of `fit` and `refit` (a fit's parameters and forecasts do not fit one CSV table).
enum FitFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json

    var output: OutputFormat { self == .table ? .table : .json }
}

/// Opens the store and fits specifications there.
struct FitJob {
    let store: StoreOptions
    let asOf: CalendarDay?

    func run(_ specs: [ModelSpec]) async throws -> [SpecificationFit] {
        try await store.withStore { opened in
            if try await opened.catalog().isEmpty { throw StoreError.emptyStore(try store.location().description) }
            return try await SpecificationFitting.fit(specs, store: opened, asOf: asOf)
        }
    }

    /// After the results are printed: exit status 1, with a line on stderr, when a specification could not be
    /// fitted (its reason is in the results), so that a quarterly script notices.
    static func exitIfAnyFailed(_ results: [SpecificationFit]) throws {
        let failed = results.filter { $0.error != nil }.count
        guard failed > 0 else { return }
        FileHandle.standardError.write(Data("\(failed) of \(results.count) specification\(results.count == 1 ? "" : "s") could not be fitted; nothing was stored for \(failed == 1 ? "it" : "them")\n".utf8))
        throw ExitCode(1)
    }
}
