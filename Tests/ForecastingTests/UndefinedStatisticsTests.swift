import Foundation
import Testing
@testable import Forecasting

/// Statistics a fit cannot define and levels no interval can have: left out or refused, never infinite.
@Suite("Undefined statistics and levels") struct UndefinedStatisticsTests {
    @Test("ETS(M,A,N) on six values has no AICc (k = 5, n − k − 1 = 0): left out of the parameters, the rest kept")
    func undefinedAICc() throws {
        let series = TimeSeries(start: 2015, observed: [120, 131, 140, 152, 166, 171])
        let forecast = try ETS(ETSSpec("MAN")!).forecast(series, horizon: 2, levels: [95])
        #expect(forecast.parameters["aicc"] == nil)
        #expect(forecast.parameters["alpha"] != nil && forecast.parameters["loglik"] != nil)
        #expect(forecast.parameters.values.allSatisfy { $0.isFinite })
    }

    @Test("levels above 99.99 are refused (their normal bounds leave double precision); 99.99 is the last accepted",
          arguments: [99.999, 99.99999999999999, 100, 0, -5, .nan])
    func levels(_ level: Double) {
        let series = TimeSeries(start: 2010, observed: [1, 2, 3, 4, 5, 6])
        #expect(throws: ForecastingError.self) {
            try BenchmarkModel(.drift).forecast(series, horizon: 1, levels: [level])
        }
    }

    @Test("a 99.99% interval is finite")
    func widest() throws {
        let forecast = try BenchmarkModel(.drift).forecast(TimeSeries(start: 2010, observed: [1, 2, 4, 4, 5, 7]), horizon: 2, levels: [IntervalLevel.maximum])
        let interval = try #require(forecast.interval(IntervalLevel.maximum))
        #expect((interval.lower + interval.upper).allSatisfy { $0.isFinite })
    }
}
