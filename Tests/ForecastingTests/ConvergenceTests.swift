import Foundation
import Testing
@testable import Forecasting

/// An optimiser that does not converge is reported, its best point is used, and nothing crashes.
@Suite("Optimiser that does not converge") struct ConvergenceTests {
    static let series = TimeSeries(start: 1990, observed: [120, 131, 128, 140, 152, 149, 163, 170, 168, 181, 190, 197, 205, 203, 214])

    @Test("Nelder–Mead stops at its budget on the Rosenbrock valley, says so, and returns its best point")
    func nelderMead() {
        let rosenbrock = { (p: [Double]) -> Double in 100 * pow(p[1] - p[0] * p[0], 2) + pow(1 - p[0], 2) }
        let stopped = NelderMead(lower: [-2, -2], upper: [2, 2], maximumEvaluations: 12).minimize(rosenbrock, from: [-1.5, 1.5])
        #expect(!stopped.converged && stopped.evaluations <= 14)
        #expect(stopped.value.isFinite && stopped.value <= rosenbrock([-1.5, 1.5]))
        let finished = NelderMead(lower: [-2, -2], upper: [2, 2], maximumEvaluations: 5000).minimize(rosenbrock, from: [-1.5, 1.5])
        #expect(finished.converged && finished.value < 1e-6)
    }

    @Test("ETS with too small a budget: finite forecasts from the best point, and a note saying it did not converge")
    func ets() throws {
        let fit = try #require(ETS.estimate(Self.series.values, spec: ETSSpec(error: .multiplicative, trend: .damped), maximumEvaluations: 8))
        #expect(!fit.converged)
        let forecast = fit.forecast(of: Self.series, horizon: 3, levels: [95])
        #expect(forecast.mean.allSatisfy(\.isFinite) && forecast.standardDeviation.allSatisfy(\.isFinite))
        #expect(forecast.notes == ["ETS(M,Ad,N): the parameter search stopped at its evaluation budget before converging; the best parameters it found are used"])
        let full = try #require(ETS.estimate(Self.series.values, spec: ETSSpec(error: .multiplicative, trend: .damped)))
        #expect(full.converged && full.forecast(of: Self.series, horizon: 3, levels: [95]).notes.isEmpty)
    }

    @Test("ARIMA with too small a budget: a note on the forecast; combinations pass their members' notes on")
    func arima() throws {
        let w = ARIMA.difference(Self.series.values.map { $0 ?? .nan }, 1)
        let fit = try #require(ARIMA.estimate(w, order: ARIMAOrder(2, 1, 2), withConstant: true, maximumEvaluations: 6))
        #expect(!fit.converged)
        let forecast = ARIMA.forecast(fit, series: Self.series, start: Self.series.end, horizon: 2, levels: [80])
        let finite = forecast.mean.allSatisfy(\.isFinite)
        #expect(finite)
        #expect(forecast.notes.count == 1 && forecast.notes[0].hasPrefix("ARIMA(2,1,2) with drift: the parameter search stopped"))
        #expect(fit.withDegreesOfFreedomVariance().converged == false)
        // A combination carries its members' notes.
        struct Noted: ForecastModel {
            var name: String { "noted" }
            func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
                var f = try BenchmarkModel(.naive).forecast(series, horizon: horizon, levels: levels)
                f.notes = ["noted: a note"]
                return f
            }
        }
        let combined = try Combination([Noted(), BenchmarkModel(.drift)]).forecast(Self.series, horizon: 2, levels: [95])
        #expect(combined.notes == ["noted: a note"])
        #expect(try Calibrated(Noted()).forecast(Self.series, horizon: 2, levels: [95]).notes == ["noted: a note"])
    }
}
