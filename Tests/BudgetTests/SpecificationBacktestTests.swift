import Testing
@testable import Budget
import Forecasting
import Store

/// The backtest a specification asks for: its evaluation settings, a caller's overrides, its refusal, and a
/// specification with regressors evaluated ex ante.
@Suite("A specification's backtest") struct SpecificationBacktestTests {
    @Test("evaluation settings by default, each overridden where given")
    func settings() throws {
        let spec = try RegressorSpecTests.spec("series: pct.applications\nmodel: ets\nevaluation:\n  origins: 2008...2018\n  horizon: 3\n")
        let plain = try SpecificationBacktest(spec)
        #expect(plain.spec.series == SeriesID("pct.applications")! && plain.origins == 2008...2018 && plain.horizon == 3)
        #expect(plain.realTime && plain.modelNames == ["naive", "drift", "ets"])
        let overridden = try SpecificationBacktest(spec, origins: 2010...2012, horizon: 1, realTime: false, modelNames: ["theta"])
        #expect(overridden.origins == 2010...2012 && overridden.horizon == 1 && !overridden.realTime && overridden.modelNames == ["theta"])
    }

    @Test("refused without origins unless the caller names them")
    func refusal() throws {
        let noOrigins = try RegressorSpecTests.spec("series: pct.applications\nmodel: drift\n")
        do {
            _ = try SpecificationBacktest(noOrigins)
            Issue.record("a specification without origins was backtested")
        } catch {
            #expect(error.description == "madrid-on-pct has no evaluation.origins to backtest over")
        }
        #expect(try SpecificationBacktest(noOrigins, origins: 2015...2018).modelNames == ["naive", "drift"])
    }

    @Test("the rolling-origin runner refuses a horizon below 1 with the forecasting error, not a crash")
    func runnerHorizon() async throws {
        let store = try await BudgetProjectionTests.loadedStore()
        for horizon in [0, -2] {
            let runner = RollingOriginRunner(store: store, series: SeriesID("pct.applications")!, horizon: horizon, realTime: false)
            await #expect(throws: ForecastingError.invalidHorizon(horizon)) {
                _ = try await runner.run(origins: [2015], models: [BenchmarkModel(.drift)])
            }
        }
        try await store.close()
    }

    /// Madrid applications on PCT applications, `arima:010`, with the evaluation block `evaluation` (indented
    /// lines), backtested with its own models in `store`.
    static func madridOnPCT(_ evaluation: String, in store: any SeriesStore) async throws -> (ModelSpec, SpecificationBacktest, RollingOriginResult) {
        let spec = try RegressorSpecTests.spec("series: madrid.applications\nmodel: arima:010\nregressors: [pct.applications]\nevaluation:\n" + evaluation)
        let plan = try SpecificationBacktest(spec)
        let models = try plan.modelNames.map { name throws(ForecastingError) in try ModelCatalog.model(named: name) }
        return (spec, plan, try await plan.run(in: store, models: models))
    }

    @Test("with regressors, the regression is scored beside the model alone, on the regressors known through each origin")
    func regressionExAnte() async throws {
        let store = try await BudgetProjectionTests.loadedStore()
        let (spec, plan, result) = try await Self.madridOnPCT("  origins: 2012...2014\n  horizon: 2\n  real-time: false\n", in: store)
        #expect(plan.regressionName == "arima:010 on pct.applications")
        let response = try await store.observations(of: spec.series, asOf: nil)
        let pct = SeriesID("pct.applications")!
        let regressor = try await store.observations(of: pct, asOf: nil)
        try await store.close()
        #expect(result.modelNames == ["naive", "drift", "arima:010", "arima:010 on pct.applications"])
        for origin in 2012...2014 {
            let score = try #require(result.scores.first { $0.origin == origin && $0.model == "arima:010 on pct.applications" })
            #expect(score.fitted.hasPrefix("Regression on pct.applications with ARIMA(0,1,0) errors"), "\(score.fitted)")
            let history = try #require(StoredSeries.annual(response, through: origin)).series
            func year(_ o: Observation) -> Int? { if case .year(let y) = o.period { y } else { nil } }
            let known = regressor.filter { (year($0) ?? .max) <= origin }
            let exAnte = try SpecificationForecast(spec).forecast(history, regressors: [pct: known], horizon: 2, levels: [95])
            let withHindsight = try SpecificationForecast(spec).forecast(history, regressors: [pct: regressor], horizon: 2, levels: [95])
            #expect(score.forecasts == exAnte.mean)
            #expect(score.forecasts != withHindsight.mean, "the published regressor values after \(origin) must not enter")
            // The regressor's own forecast widens the intervals; its published values (taken as known) do not.
            #expect(zip(exAnte.standardDeviation, withHindsight.standardDeviation).allSatisfy { $0 > $1 })
        }
    }

    @Test("in real time, the regression sees the regressors as known on the day of each origin's first figure")
    func regressionRealTime() async throws {
        let store = try await BudgetProjectionTests.loadedStore()
        let (spec, _, result) = try await Self.madridOnPCT("  origins: 2012...2016\n  horizon: 1\n", in: store)
        let regression = result.scores.filter { $0.model == "arima:010 on pct.applications" }
        #expect(!regression.isEmpty, "\(result.skipped)")
        #expect(regression.allSatisfy { $0.asOf != nil && $0.fitted.hasPrefix("Regression on pct.applications") })
        // Each forecast is the one made from the response and the regressor as published by its day.
        let pct = SeriesID("pct.applications")!
        func year(_ o: Observation) -> Int? { if case .year(let y) = o.period { y } else { nil } }
        for score in regression {
            let day = try #require(score.asOf.flatMap(CalendarDay.init(iso:)))
            let history = try #require(StoredSeries.annual(try await store.observations(of: spec.series, asOf: day), through: score.origin)).series
            let known = try await store.observations(of: pct, asOf: day).filter { (year($0) ?? .max) <= score.origin }
            let expected = try SpecificationForecast(spec).forecast(history, regressors: [pct: known], horizon: 1, levels: [95])
            #expect(score.forecasts == expected.mean, "origin \(score.origin)")
        }
        try await store.close()
    }

    @Test("a regressor missing from the store is an error naming the specification's file and key")
    func unknownRegressor() async throws {
        let store = try await BudgetProjectionTests.loadedStore()
        let spec = try RegressorSpecTests.spec("series: madrid.applications\nmodel: arima\nregressors: [pct.nothing]\nevaluation:\n  origins: 2012...2014\n")
        let plan = try SpecificationBacktest(spec)
        await #expect(throws: InputError.self) { try await plan.run(in: store, models: []) }
        try await store.close()
    }
}
