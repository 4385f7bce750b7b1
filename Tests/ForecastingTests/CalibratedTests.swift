import Foundation
import Synchronization
import Testing
@testable import Forecasting

/// `calibrated:MODEL`: the model's own point forecasts, its intervals widened by its errors on the last three
/// years (never narrowed), further beyond two years, with Student t quantiles.
@Suite("Calibrated intervals") struct CalibratedTests {
    /// A steady trend that breaks in the last three years: the holdout errors are far beyond drift's claims.
    static let broken = TimeSeries(start: 2000, observed: (0..<17).map { (t: Int) -> Double in 100 + 2 * Double(t) + Double(t % 2) }
        + [160, 175, 190])

    @Test("the model's means; its standard deviations times r and the growth at each horizon; t quantiles with 6 df")
    func widensByHoldoutErrors() throws {
        let drift = BenchmarkModel(.drift)
        let calibrated = Calibrated(drift)
        let own = try drift.forecast(Self.broken, horizon: 5, levels: [])
        let forecast = try calibrated.forecast(Self.broken, horizon: 5, levels: [80, 95])
        #expect(forecast.mean == own.mean)
        // r from drift's own forecast of the last three years from the first seventeen, recomputed here.
        let holdout = try drift.forecast(Self.broken.prefix(17), horizon: 3, levels: [])
        let actual: [Double] = [160, 175, 190]
        var squares = 0.0
        for h in 0..<3 {
            let stated = holdout.standardDeviation[h] * IntervalCalibration.horizonGrowth(h + 1, periods: 3)
            squares += pow((actual[h] - holdout.mean[h]) / stated, 2)
        }
        let r = ((3 + squares) / 6).squareRoot()
        #expect(r > 2)
        #expect(abs(try #require(forecast.parameters["interval.inflation"]) - r) < 1e-12)
        for h in 0..<5 {
            let expected = own.standardDeviation[h] * r * IntervalCalibration.horizonGrowth(h + 1, periods: 3)
            #expect(abs(forecast.standardDeviation[h] / expected - 1) < 1e-12, "h = \(h + 1)")
        }
        // Student t with 3 errors + 3 pseudo-observations: t₀.₉₇₅,₆ = 2.446912, t₀.₉,₆ = 1.439756.
        let interval95 = try #require(forecast.interval(95)), interval80 = try #require(forecast.interval(80))
        for h in 0..<5 {
            #expect(abs((interval95.upper[h] - forecast.mean[h]) / forecast.standardDeviation[h] - 2.4469118511449786) < 1e-9)
            #expect(abs((forecast.mean[h] - interval80.lower[h]) / forecast.standardDeviation[h] - 1.4397557472651483) < 1e-9)
        }
        #expect(forecast.model.hasPrefix("Random walk with drift, intervals calibrated on the last 3 years (×"), "\(forecast.model)")
    }

    @Test("the same intervals as a validation-weighted combination of the model alone")
    func sameRuleAsAuto() throws {
        let calibrated = try Calibrated(ETS()).forecast(Self.broken, horizon: 4, levels: [95])
        let alone = try Combination([ETS()], weighting: .validation(periods: 3)).forecast(Self.broken, horizon: 4, levels: [95])
        for h in 0..<4 {
            #expect(abs(calibrated.mean[h] - alone.mean[h]) < 1e-9 * abs(alone.mean[h]))
            #expect(abs(calibrated.standardDeviation[h] / alone.standardDeviation[h] - 1) < 1e-9)
        }
        // Same Student t: the interval half-widths over the standard deviations agree.
        let (a, b) = (try #require(calibrated.interval(95)), try #require(alone.interval(95)))
        for h in 0..<4 {
            let q = (a.upper[h] - calibrated.mean[h]) / calibrated.standardDeviation[h]
            #expect(abs(q - (b.upper[h] - alone.mean[h]) / alone.standardDeviation[h]) < 1e-9)
        }
    }

    @Test("never narrower than the model states when the holdout errors are smaller than it claims")
    func neverNarrower() throws {
        let line = TimeSeries(start: 2000, observed: (0..<15).map { (t: Int) -> Double in 50 + 3 * Double(t) + (t % 2 == 0 ? 0.5 : -0.5) })
        let own = try BenchmarkModel(.drift).forecast(line, horizon: 6, levels: [])
        let forecast = try Calibrated(BenchmarkModel(.drift)).forecast(line, horizon: 6, levels: [95])
        // The holdout errors are smaller than drift claims (r² ≈ 0.7): r stays at 1, only the growth widens.
        #expect(forecast.parameters["interval.inflation"] == 1)
        for h in 0..<6 {
            let expected = own.standardDeviation[h] * IntervalCalibration.horizonGrowth(h + 1, periods: 3)
            #expect(abs(forecast.standardDeviation[h] / expected - 1) < 1e-12)
        }
    }

    @Test("a series too short to hold three years out and keep five keeps the model's intervals, and says so")
    func tooShort() throws {
        let short = TimeSeries(start: 2012, observed: [10, 12, 13, 15, 16, 18, 19, 21])
        let own = try BenchmarkModel(.drift).forecast(short, horizon: 2, levels: [95])
        let forecast = try Calibrated(BenchmarkModel(.drift)).forecast(short, horizon: 2, levels: [95])
        #expect(forecast.interval(95) == own.interval(95))
        #expect(forecast.parameters["interval.inflation"] == nil)
        #expect(forecast.model == "Random walk with drift, intervals not calibrated (8 years, 9 needed)")
        #expect(throws: ForecastingError.invalidHorizon(0)) { try Calibrated(BenchmarkModel(.drift)).forecast(short, horizon: 0, levels: [95]) }
    }

    @Test("the catalog names it calibrated:MODEL and refuses to calibrate twice", arguments: [
        ("calibrated:ets", true), ("calibrated:combo:ets+drift", true), ("calibrated:arima:011", true),
        ("calibrated:auto", false), ("calibrated:wcombo", false), ("calibrated:calibrated:ets", false),
        ("combo:calibrated:ets+drift", false), ("combo:auto+drift", false), ("calibrated:", false), ("calibrated:nope", false),
    ])
    func catalog(name: String, accepted: Bool) throws {
        if accepted {
            #expect(try ModelCatalog.model(named: name).name == name)
        } else {
            #expect(throws: ForecastingError.self) { try ModelCatalog.model(named: name) }
        }
    }

    @Test("through a memo, the model's fit of the whole series is shared with the model asked for alone")
    func sharesTheMemo() throws {
        let counting = CountingDrift()
        let memo = ForecastMemo()
        let alone = try counting.forecast(Self.broken, horizon: 3, levels: [95], memo: memo)
        let calibrated = try Calibrated(counting).forecast(Self.broken, horizon: 3, levels: [95], memo: memo)
        #expect(calibrated.mean == alone.mean)
        // Once for the whole series (shared), once for the holdout.
        #expect(counting.calls.load(ordering: .relaxed) == 2)
    }

    /// Drift, counting its fits.
    final class CountingDrift: ForecastModel {
        let calls = Atomic<Int>(0)
        var name: String { "counting-drift" }
        func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
            calls.add(1, ordering: .relaxed)
            return try BenchmarkModel(.drift).forecast(series, horizon: horizon, levels: levels)
        }
    }
}
