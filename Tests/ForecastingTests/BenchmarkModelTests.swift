import Forecasting
import Testing

@Suite("Benchmark models") struct BenchmarkModelTests {
    static let series = TimeSeries(start: 2001, observed: [10, 12, 11, 15, 16])

    @Test("naive repeats the last value; its variance grows with h")
    func naive() throws {
        let f = try BenchmarkModel(.naive).forecast(Self.series, horizon: 3, levels: [95])
        #expect(f.mean == [16, 16, 16])
        #expect(f.start == 2006)
        // σ² from the changes 2, −1, 4, 1: mean of squares 5.5; sd_h = √(5.5h).
        #expect(abs(f.standardDeviation[2] - (5.5 * 3).squareRoot()) < 1e-12)
    }

    @Test("drift extends the average change, with the FPP variance σ²h(1 + h/(T−1))")
    func drift() throws {
        let f = try BenchmarkModel(.drift).forecast(Self.series, horizon: 2, levels: [80])
        #expect(f.mean == [17.5, 19])
        let changes = [2.0, -1, 4, 1], slope = 1.5
        let sigma2 = changes.reduce(0) { $0 + ($1 - slope) * ($1 - slope) } / 3
        #expect(abs(f.standardDeviation[1] - (sigma2 * 2 * (1 + 2.0 / 4)).squareRoot()) < 1e-12)
    }

    @Test("bad input: horizon, levels, all-missing and too-short series are refused with a reason")
    func badInput() {
        #expect(throws: ForecastingError.invalidHorizon(0)) { try BenchmarkModel(.naive).forecast(Self.series, horizon: 0, levels: []) }
        #expect(throws: ForecastingError.invalidLevel(100)) { try BenchmarkModel(.naive).forecast(Self.series, horizon: 1, levels: [100]) }
        #expect(throws: ForecastingError.allMissing) {
            try BenchmarkModel(.drift).forecast(TimeSeries(start: 2000, values: [nil, nil]), horizon: 1, levels: [])
        }
        #expect(throws: ForecastingError.tooShort(model: "Drift", observed: 2, minimum: 3)) {
            try BenchmarkModel(.drift).forecast(TimeSeries(start: 2000, observed: [1, 2]), horizon: 1, levels: [])
        }
        // Madrid registrations as stored: 2009, 2011 and 2020, no two consecutive years.
        #expect(throws: ForecastingError.noConsecutiveObservations(model: "Naive", observed: 3)) {
            try BenchmarkModel(.naive).forecast(TimeSeries(start: 2009, values: [35925, nil, 40711] + Array(repeating: nil, count: 8) + [62062]),
                                                horizon: 1, levels: [95])
        }
    }
}
