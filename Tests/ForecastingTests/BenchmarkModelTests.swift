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

    @Test("mean repeats the sample mean, with the FPP variance σ²(1 + 1/T), σ² the sample variance (T − 1)")
    func mean() throws {
        // y = 3, 5, 4, 8: mean 5, squared deviations 4, 0, 1, 9 (14), σ² = 14/3, sd = √(14/3 · 5/4) = √(35/6) at every h.
        let f = try BenchmarkModel(.mean).forecast(TimeSeries(start: 2001, observed: [3, 5, 4, 8]), horizon: 2, levels: [95])
        #expect(f.mean == [5, 5])
        #expect(f.standardDeviation.allSatisfy { abs($0 - (35.0 / 6).squareRoot()) < 1e-14 })
        // 95%: 5 ± 1.959963984540054 · √(35/6) (the normal quantile of FPP3 §5.5; R's meanf uses Student t).
        #expect(abs(f.interval(95)!.upper[0] - (5 + 1.959963984540054 * (35.0 / 6).squareRoot())) < 1e-12)
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
        // Madrid registrations as first stored (2009, 2011 and 2020): no two consecutive years.
        #expect(throws: ForecastingError.noConsecutiveObservations(model: "Naive", observed: 3)) {
            try BenchmarkModel(.naive).forecast(TimeSeries(start: 2009, values: [35925, nil, 40711] + Array(repeating: nil, count: 8) + [62062]),
                                                horizon: 1, levels: [95])
        }
    }
}
