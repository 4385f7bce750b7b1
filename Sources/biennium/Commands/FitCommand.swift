import ArgumentParser
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
    @Option(help: "Output format: table or json.") var format: OutputFormat = .table

    func validate() throws {
        if let asOf, CalendarDay(iso: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD; got '\(asOf)'.") }
        if format == .csv { throw ValidationError("--format csv is not available for fits; use table or json.") }
    }

    func run() async throws {
        let results = try await FitJob(store: store, asOf: asOf.flatMap(CalendarDay.init(iso:))).run(try ModelSpec.load(paths))
        print(try FitOutput.render(results, showChanges: false, format: format))
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
    @Option(help: "Output format: table or json.") var format: OutputFormat = .table

    func validate() throws {
        if format == .csv { throw ValidationError("--format csv is not available for fits; use table or json.") }
    }

    func run() async throws {
        let results = try await FitJob(store: store, asOf: nil).run(try ModelSpec.load(paths))
        print(try FitOutput.render(results, showChanges: true, format: format))
    }
}

/// Fits specifications and records them.
struct FitJob {
    struct Result {
        let spec: ModelSpec
        let record: FitRecord?
        let previous: FitRecord?
        let error: String?
    }

    let store: StoreOptions
    let asOf: CalendarDay?

    func run(_ specs: [ModelSpec]) async throws -> [Result] {
        let opened = try await store.open()
        var results: [Result] = []
        do {
            for spec in specs {
                do {
                    _ = try await store.definition(of: spec.series, in: opened)
                    let observations = try await opened.observations(of: spec.series, asOf: asOf)
                    guard let stored = StoredSeries.annual(observations) else {
                        results.append(Result(spec: spec, record: nil, previous: nil, error: "no annual observations"))
                        continue
                    }
                    let (series, last) = (stored.series, stored.lastYear)
                    let forecast = try ModelCatalog.model(named: spec.model).forecast(series, horizon: spec.horizon, levels: spec.levels)
                    let previous = try await opened.latestFit(named: spec.name)
                    let record = try await opened.saveFit(FitRecord(
                        name: spec.name, fittedAt: ISO8601DateFormatter().string(from: Date()), series: spec.series, model: spec.model,
                        fitted: forecast.model, asOf: asOf?.description, lastPeriod: String(last), observations: stored.count,
                        parameters: forecast.parameters, forecast: forecast.mean))
                    results.append(Result(spec: spec, record: record, previous: previous, error: nil))
                } catch let error as ForecastingError {
                    results.append(Result(spec: spec, record: nil, previous: nil, error: error.description))
                }
            }
        } catch {
            try? await opened.close()
            throw error
        }
        try await opened.close()
        return results
    }
}
