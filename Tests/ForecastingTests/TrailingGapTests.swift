import Testing
@testable import Forecasting

/// A series that ends in missing periods (a figure not yet published at a backtest's origin): forecasts start
/// where the series ends, never one step early.
@Suite("Series ending in a gap") struct TrailingGapTests {
    static let gappy = TimeSeries(start: 2000, values: [10, 12, 13, 15, 16, 18, 21, 22, 24, 25, nil, nil])
    static let observed = TimeSeries(start: 2000, observed: [10, 12, 13, 15, 16, 18, 21, 22, 24, 25])

    @Test("every model refuses it directly, saying how many periods are missing", arguments: ModelCatalog.names)
    func refused(name: String) throws {
        let model = try ModelCatalog.model(named: name)
        #expect(throws: ForecastingError.endsWithGap(missing: 2)) { try model.forecast(Self.gappy, horizon: 3, levels: [95]) }
        #expect(throws: ForecastingError.endsWithGap(missing: 2)) {
            try model.forecast(Self.gappy, horizon: 3, levels: [95], memo: ForecastMemo())
        }
    }

    @Test("forecastAcrossTrailingGap: steps 3…5 of the forecast from the last observation, labelled from the end",
          arguments: ModelCatalog.names)
    func across(name: String) throws {
        let model = try ModelCatalog.model(named: name)
        let across = try model.forecastAcrossTrailingGap(Self.gappy, horizon: 3, levels: [80, 95])
        let long = try model.forecast(Self.observed, horizon: 5, levels: [80, 95])
        #expect(across.start == Self.gappy.end && long.start == Self.observed.end)
        #expect(across.mean == Array(long.mean.dropFirst(2)))
        #expect(across.standardDeviation == Array(long.standardDeviation.dropFirst(2)))
        #expect(across.interval(95)?.upper == long.interval(95).map { Array($0.upper.dropFirst(2)) })
        // Without a gap it is the plain forecast.
        #expect(try model.forecastAcrossTrailingGap(Self.observed, horizon: 3, levels: [95]) == model.forecast(Self.observed, horizon: 3, levels: [95]))
    }

    @Test("drift across a two-year gap: the last value plus three and more slopes")
    func drift() throws {
        let forecast = try BenchmarkModel(.drift).forecastAcrossTrailingGap(Self.gappy, horizon: 2, levels: [])
        let slope = 15.0 / 9
        #expect(abs(forecast.mean[0] - (25 + 3 * slope)) < 1e-12 && abs(forecast.mean[1] - (25 + 4 * slope)) < 1e-12)
    }
}
