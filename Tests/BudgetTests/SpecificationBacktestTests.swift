import Testing
@testable import Budget
import Store

/// The backtest a specification asks for: its evaluation settings, a caller's overrides, and its refusals.
@Suite("A specification's backtest") struct SpecificationBacktestTests {
    @Test("evaluation settings by default, each overridden where given")
    func settings() throws {
        let spec = try RegressorSpecTests.spec("series: pct.applications\nmodel: ets\nevaluation:\n  origins: 2008...2018\n  horizon: 3\n")
        let plain = try SpecificationBacktest(spec)
        #expect(plain.series == SeriesID("pct.applications")! && plain.origins == 2008...2018 && plain.horizon == 3)
        #expect(plain.realTime && plain.modelNames == ["naive", "drift", "ets"])
        let overridden = try SpecificationBacktest(spec, origins: 2010...2012, horizon: 1, realTime: false, modelNames: ["theta"])
        #expect(overridden.origins == 2010...2012 && overridden.horizon == 1 && !overridden.realTime && overridden.modelNames == ["theta"])
    }

    @Test("refused with regressors, and without origins unless the caller names them")
    func refusals() throws {
        let regression = try RegressorSpecTests.spec("series: madrid.applications\nmodel: arima\nregressors: [pct.applications]\nevaluation:\n  origins: 2008...2018\n")
        #expect(throws: SpecificationBacktest.Refusal.self) { try SpecificationBacktest(regression) }
        let noOrigins = try RegressorSpecTests.spec("series: pct.applications\nmodel: drift\n")
        do {
            _ = try SpecificationBacktest(noOrigins)
            Issue.record("a specification without origins was backtested")
        } catch {
            #expect(error.description == "madrid-on-pct has no evaluation.origins to backtest over")
        }
        #expect(try SpecificationBacktest(noOrigins, origins: 2015...2018).modelNames == ["naive", "drift"])
    }
}
