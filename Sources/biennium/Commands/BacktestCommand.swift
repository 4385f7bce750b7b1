import ArgumentParser
import Budget
import Forecasting
import Foundation
import Store

/// `biennium backtest`: how accurate each model would have been.
struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score forecasting models on held-out data: many series from a file, or one stored series over rolling origins.",
        discussion: """
        With --data FILE.csv (long format: series,period,value), the last --horizon values of every series are held \
        out, each model forecasts them from the rest, and the mean MASE, sMAPE, 95% interval coverage (overall and \
        by horizon) and Winkler score per model are printed (--out FILE writes the per-series scores).

        With a stored SERIES_ID, each origin in --origins (e.g. 2010...2019) forecasts the next --horizon years \
        from the data up to that origin, scored against today's figures: MASE, sMAPE, MAPE, RMSE, 80% and 95% \
        coverage and the Winkler score (--out FILE writes every origin's forecasts, actuals and interval bounds). With --real-time \
        the model sees, at each origin, only what had been published when that year's first figure came out (the \
        store's vintages).

        With --spec Models/FILE.yaml, the specification's series is backtested over its evaluation block (origins, \
        horizon, real-time), the specification's model beside naive and drift unless --models names others: the \
        backtest by which the specification was chosen. Options given on the command line win over the file's. \
        With regressors, their regression is scored too (as 'MODEL on REGRESSORS', beside the model alone), \
        seeing the regressors only through each origin and forecasting their later values there.

        Examples:
          biennium backtest --data Tests/Fixtures/competitions/m3_yearly.csv --horizon 6 --models ets,theta,combo --jobs 2
          biennium backtest pct.applications --origins 2010...2018 --horizon 2 --real-time
          biennium backtest --spec Models/pct-applications.yaml
        """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "A stored series id (rolling-origin mode).") var series: String?

    @Option(help: ArgumentHelp("Long-format CSV of many series (holdout mode).", valueName: "file")) var data: String?

    @Option(help: ArgumentHelp("A model specification (Models/*.yaml): backtest its series over its evaluation block.", valueName: "file"))
    var spec: String?

    @Option(parsing: .unconditional, help: "Periods ahead to forecast, 1 to 50 (default: 6; with --spec, its evaluation horizon).") var horizon: Int?

    @Option(help: ArgumentHelp("Models, comma separated: \(ModelCatalog.names.joined(separator: ", ")), ets:AAdN, arima:011, combo:a+b, calibrated:MODEL (default: naive,drift,ets,theta,combo; with --spec, naive,drift and its model).", valueName: "list"))
    var models: String?

    @Option(help: ArgumentHelp("Compare every model with this one, series by series (or origin by origin): the mean difference of MASE and sMAPE with a 95% bootstrap interval, and how often each wins. Added to --models if missing.", valueName: "model"))
    var baseline: String?

    @Option(help: ArgumentHelp("Origins, as FIRST...LAST (four-digit years at most 100 apart), for a stored series or --spec.", valueName: "range"))
    var origins: String?

    @Flag(inversion: .prefixedNo,
          help: "At each origin use the data as published then (first releases), not today's revisions (default: no; with --spec, its evaluation's real-time).")
    var realTime: Bool?

    @Option(parsing: .unconditional, help: "Parallel workers for --data, 1 to 256 (OpenBLAS is pinned to one thread each; default: 1). A stored series' origins run one after another.") var jobs: Int?

    @Option(help: ArgumentHelp("Write per-series (or per-origin) scores to this CSV file.", valueName: "file")) var out: String?

    @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

    func validate() throws {
        guard [data != nil, series != nil, spec != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("Give one of --data FILE.csv (many series), a stored SERIES_ID, or --spec FILE.yaml.")
        }
        if let horizon, !(1...50).contains(horizon) { throw ValidationError("--horizon must be between 1 and 50; got \(horizon).") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256; got \(jobs).") }
        if jobs != nil && data == nil { throw ValidationError("--jobs applies to --data (many series); a stored series' origins run one after another.") }
        if series != nil && origins == nil { throw ValidationError("A stored series needs --origins FIRST...LAST, e.g. --origins 2010...2019.") }
        if data != nil && (origins != nil || realTime != nil) { throw ValidationError("--origins and --real-time apply to a stored series, not to --data.") }
        if let out {
            try BacktestOutput.checkWritable(out)
            for (option, input) in [("--data", data), ("--spec", spec)] {
                if let input, FilePaths.same(input, out) {
                    throw ValidationError("--out \(out) is the \(option) file; the scores would overwrite it. Name another file.")
                }
            }
            if case .sqlite(let database) = try? store.location(),
               ["", "-wal", "-shm", "-journal"].contains(where: { FilePaths.same(database + $0, out) }) {
                throw ValidationError("--out \(out) is the series store's database file; the scores would overwrite it. Name another file.")
            }
        }
        if let models, models.split(separator: ",").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--models names no model; give a comma-separated list such as ets,theta.")
        }
    }

    func run() async throws {
        let baseline = try baselineModel()
        if let data {
            try holdout(data, models: try chosen(models ?? "naive,drift,ets,theta,combo", baseline: baseline), horizon: horizon ?? 6,
                        baseline: baseline)
        } else if let spec {
            let loaded = try ModelSpec(path: spec)
            let plan: SpecificationBacktest
            let range = try origins.map(Self.range)
            do throws(SpecificationBacktest.Refusal) {
                plan = try SpecificationBacktest(loaded, origins: range, horizon: horizon, realTime: realTime,
                                                 modelNames: models.map(ModelCatalog.nameList))
            } catch {
                throw ValidationError("\(error); add them to \(spec) (e.g. origins: 2008...2018) or give --origins.")
            }
            try await rollingOrigin(models: try chosen(plan.modelNames, baseline: baseline),
                                    baseline: baseline) { store, models in try await plan.run(in: store, models: models) }
        } else {
            guard let id = SeriesID(series!) else { throw ValidationError("'\(series!)' is not a series id (such as pct.applications).") }
            let range = try Self.range(origins!), horizon = horizon ?? 6, realTime = realTime ?? false
            let options = self.store
            try await rollingOrigin(models: try chosen(models ?? "naive,drift,ets,theta,combo", baseline: baseline), baseline: baseline) { store, models in
                _ = try await options.definition(of: id, in: store)
                return try await RollingOriginRunner(store: store, series: id, horizon: horizon, realTime: realTime).run(origins: Array(range), models: models)
            }
        }
    }

    /// The models of a comma-separated list, each once, or a usage error naming the bad one; `baseline` (the model
    /// of `--baseline`) is added if missing.
    private func chosen(_ list: String, baseline: (any ForecastModel)?) throws -> [any ForecastModel] {
        try chosen(ModelCatalog.nameList(list), baseline: baseline)
    }

    /// The models named, each once, with the baseline added where it is not among them.
    private func chosen(_ names: [String], baseline: (any ForecastModel)?) throws -> [any ForecastModel] {
        var models: [any ForecastModel]
        do { models = try ModelCatalog.models(names: names) } catch { throw ValidationError("--models: \(error)") }
        if let reference = baseline {
            models = BaselineComparison.including(reference, in: models)
            guard models.count > 1 else { throw ValidationError("--baseline \(reference.name) leaves no other model to compare with it; name others in --models.") }
        }
        return models
    }

    /// The model of `--baseline`, when it was given.
    private func baselineModel() throws -> (any ForecastModel)? {
        guard let baseline else { return nil }
        do { return try ModelCatalog.model(named: baseline.trimmingCharacters(in: .whitespaces)) } catch {
            throw ValidationError("--baseline: \(error)")
        }
    }

    /// Every model against `baseline` (the model of `--baseline`), unit by unit, when it was given.
    private func comparison(_ names: [String], _ scores: [BaselineComparison.UnitScore],
                            baseline: (any ForecastModel)?) -> BaselineComparison? {
        baseline.map { BaselineComparison(baseline: $0.name, models: names, scores: scores) }
    }

    /// `FIRST...LAST` as years.
    private static func range(_ text: String) throws -> ClosedRange<Int> {
        guard let range = RollingOriginRunner.origins(text) else {
            throw ValidationError("--origins must be \(RollingOriginRunner.originsSyntax); got '\(text)'.")
        }
        return range
    }

    private func holdout(_ path: String, models: [any ForecastModel], horizon: Int, baseline: (any ForecastModel)?) throws {
        let all = try LongSeriesFile.read(path)
        let bar = ProgressBar(total: all.count, label: "series")
        let (summaries, scores, skipped) = HoldoutEvaluation(horizon: horizon, models: models, jobs: jobs ?? 1).run(all) { done, total in
            bar.update(done)
        }
        bar.finish()
        if skipped.count == all.count {
            throw InputError(file: path, "no series can be scored: each has a gap among its last \(horizon) values, or fewer than \(horizon + 2) values "
                             + "(the last \(horizon) held out, and at least 2 before them for even the naive model): nothing to evaluate")
        }
        if !skipped.isEmpty {
            FileHandle.standardError.write(Data("skipped \(skipped.count) series with a gap among the last \(horizon) values or fewer than \(horizon + 2) values: \(skipped.prefix(10).joined(separator: ", "))\(skipped.count > 10 ? ", …" : "")\n".utf8))
        }
        if let out { try BacktestOutput.writeScores(scores, to: out) }
        let versus = comparison(models.map(\.name), scores.map { .init(model: $0.model, unit: $0.series, mase: $0.mase, smape: $0.smape) }, baseline: baseline)
        print(try BacktestOutput.render(summaries, series: all.count - skipped.count, horizon: horizon, format: format, comparison: versus))
    }

    /// Runs a rolling-origin backtest with `run` (the series' or a specification's, each checking its series) in
    /// the store, and prints it.
    private func rollingOrigin(models: [any ForecastModel], baseline: (any ForecastModel)?,
                               run: @escaping @Sendable (any SeriesStore, [any ForecastModel]) async throws -> RollingOriginResult) async throws {
        let result = try await self.store.withStore { store in try await run(store, models) }
        if let out { try BacktestOutput.writeOrigins(result, to: out) }
        let versus = comparison(result.modelNames, result.scores.map(\.unitScore), baseline: baseline)
        print(try BacktestOutput.render(result, format: format, comparison: versus))
    }
}
