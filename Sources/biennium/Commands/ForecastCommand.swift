import ArgumentParser
import Budget
import Forecasting
import Foundation
import Store

/// `biennium forecast SERIES_ID`: forecasts a stored annual series with prediction intervals.
struct ForecastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast a stored annual series, with prediction intervals, from today's data or as known on a past date.",
        discussion: """
        Models: \(ModelCatalog.names.joined(separator: ", ")); ets:SPEC fixes an ETS model (ANN, AAN, AAdN, MNN, MAN, MAdN). \
        ets selects one ETS model by AICc; etsw averages all six with Akaike weights (more accurate on the yearly \
        competition series). 'auto' (= wcombo) combines etsw, the dynamic optimised Theta model and the random walk \
        with drift, weighted by their errors on the last three years, which also calibrate its intervals: the most \
        accurate on the M3 yearly series and near the best on M1 and Tourism (ACCURACY.md). combo weights them equally; combo:a+b+... \
        combines other members. calibrated:MODEL keeps a model's forecasts and widens its intervals by its own \
        errors on the last three years, as auto's are (every single model's 95% intervals cover too little on \
        yearly data; calibrated, 93.6-96.5% on the M3 yearly series).

        Examples: biennium forecast pct.applications --horizon 4 --level 80,95 --format json
                  biennium forecast --spec Models/pct-applications.yaml
        """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Series id, as listed by 'biennium series list' (or give --spec).") var series: String?
    @Option(help: ArgumentHelp("A model specification (Models/*.yaml): its series, model, horizon and levels.", valueName: "file"))
    var spec: String?
    @Option(parsing: .unconditional, help: "Periods ahead to forecast, 1 to 30 (default: 4, or the specification's).") var horizon: Int?
    @Option(help: "Model name (default: auto). With --spec, the specification's model is used.") var model: String?
    @Option(help: ArgumentHelp("Interval levels in percent, comma separated (default: 80,95, or the specification's).", valueName: "levels"))
    var level: String?
    @Option(help: ArgumentHelp("Forecast from the data as known on this day (YYYY-MM-DD).", valueName: "date")) var asOf: String?
    @Flag(help: "Also print the model's parameters (ARIMA's and a regression's with standard errors, se.*; log-likelihood and AICc where defined), its one-step-ahead fitted values and residuals over the data, and a Ljung-Box test of the residuals as R's checkresiduals makes it. With --format csv, the fitted-values table instead of the forecasts.")
    var fitted = false
    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func validate() throws {
        if let horizon, !(1...30).contains(horizon) { throw ValidationError("--horizon must be 1 to 30; got \(horizon).") }
        guard series != nil || spec != nil else { throw ValidationError("Name a series (e.g. pct.applications), or give --spec FILE.") }
        guard series == nil || spec == nil else { throw ValidationError("Name a series or give --spec FILE, not both: the specification names its series.") }
        if spec != nil, model != nil {
            throw ValidationError("--model does not apply with --spec: the specification names its model. Name the series instead to forecast it with another model.")
        }
        if let series, SeriesID(series) == nil { throw ValidationError("'\(series)' is not a series id (such as pct.applications).") }
        try AsOfDate.validate(asOf)
        _ = try levels()
    }

    /// The levels of --level, or `nil` when it was not given.
    func levels() throws -> [Double]? {
        guard let level else { return nil }
        guard let levels = IntervalLevel.list(level) else {
            throw ValidationError("--level takes \(IntervalLevel.rule), comma separated, each once (e.g. 80,95); got '\(level)'.")
        }
        return levels
    }

    func run() async throws {
        let loaded = try spec.map(ModelSpec.init(path:))
        let id = loaded?.series ?? SeriesID(series!)!
        let modelName = loaded?.model ?? model ?? "auto"
        let horizon = self.horizon ?? loaded?.horizon ?? 4
        let levels = try self.levels() ?? loaded?.levels ?? [80, 95]
        let chosen: any ForecastModel
        do { chosen = try ModelCatalog.model(named: modelName) } catch { throw ValidationError("--model: \(error)") }
        let day = asOf.flatMap(CalendarDay.init(iso:))
        let (definition, observations, regressors) = try await self.store.withStore { store in
            // A specification's series and regressors are checked (naming its file) before the series is looked up.
            var histories: SpecificationForecast.Histories?
            if let loaded { histories = try await SpecificationForecast(loaded).histories(in: store, asOf: day) }
            let definition = try await self.store.definition(of: id, in: store)
            let observations = if let histories { histories.response } else { try await store.observations(of: id, asOf: day) }
            return (definition, observations, histories?.regressors ?? [:])
        }
        guard definition.frequency == "annual" else {
            throw ValidationError("\(id) is \(definition.frequency); this version forecasts annual series only.")
        }
        guard let stored = StoredSeries.annual(observations) else {
            throw ValidationError("\(id) has no observations\(day.map { " known on \($0)" } ?? "").")
        }
        let (training, last) = (stored.series, stored.lastYear)
        let model = try loaded.map { try SpecificationForecast($0).forecast(training, regressors: regressors, horizon: horizon, levels: levels) }
            ?? chosen.forecast(training, horizon: horizon, levels: levels)
        let forecast = model.shown(in: definition.unit)       // as the document shows it, with its notes
        print(try ForecastOutput.render(forecast, series: id.rawValue, unit: definition.unit, asOf: day?.description,
                                        lastObserved: last, format: format, inSample: fitted))
        for note in forecast.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
    }
}
