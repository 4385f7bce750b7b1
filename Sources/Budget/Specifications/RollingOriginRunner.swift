public import Forecasting
public import Store

/// One model's forecast from one origin, scored against today's figures.
public struct OriginScore: Sendable, Codable {
    public let origin: Int
    public let model: String
    public let fitted: String
    public let asOf: String?
    public let forecasts: [Double]
    public let actuals: [Double]
    public let mase: Double?
    public let smape: Double
    /// Mean absolute percentage error; `nil` when an actual is zero.
    public let mape: Double?
    /// Root mean squared error, in the series' unit.
    public let rmse: Double
    public let coverage80: Double?
    public let coverage95: Double?
    public let winkler95: Double?
}

/// The scores of a rolling-origin backtest of one stored series, and the origins or models that were skipped.
public struct RollingOriginResult: Sendable, Codable {
    public let series: String
    public let horizon: Int
    public let realTime: Bool
    public let scores: [OriginScore]
    public let skipped: [String]
}

/// Rolling-origin evaluation of a stored annual series with an expanding window.
///
/// At each origin year the models see the series up to that year — as it is known today, or, in real time,
/// as it was known on the day that year's first figure was published (the earliest vintage of the origin
/// period): the view a forecaster actually had. Forecasts are scored against today's figures.
public struct RollingOriginRunner {
    public let store: any SeriesStore
    public let series: SeriesID
    public let horizon: Int
    public let realTime: Bool

    /// A backtest of `series` in `store`, `horizon` years ahead, on today's data or in real time.
    public init(store: any SeriesStore, series: SeriesID, horizon: Int, realTime: Bool) {
        self.store = store
        self.series = series
        self.horizon = horizon
        self.realTime = realTime
    }

    /// Scores `models` at each origin year.
    public func run(origins: [Int], models: [any ForecastModel]) async throws -> RollingOriginResult {
        let latest = try await store.observations(of: series, asOf: nil)
        var actual: [Int: Double] = [:]
        for o in latest { if case .year(let y) = o.period { actual[y] = o.value } }
        let vintages = try await store.vintages(of: series)
        var scores: [OriginScore] = []
        var skipped: [String] = []
        for origin in origins {
            var asOf: CalendarDay?
            if realTime {
                asOf = vintages.filter { $0.period == .year(origin) }.map(\.vintage.knownBy).min()
                if asOf == nil { skipped.append("\(origin): no published figure for the origin year"); continue }
            }
            let known = try await store.observations(of: series, asOf: asOf)
            guard let stored = StoredSeries.annual(known, through: origin) else { skipped.append("\(origin): no data"); continue }
            // Through the origin itself, a gap if its figure was not known yet.
            let training = TimeSeries(frequency: .annual, start: stored.series.start,
                                      values: stored.series.values + Array(repeating: nil, count: origin - stored.lastYear))
            let future = (1...horizon).map { actual[origin + $0] }
            guard future.allSatisfy({ $0 != nil }) else { skipped.append("\(origin): no actuals yet for \(origin + 1)…\(origin + horizon)"); continue }
            let truth = future.map { $0! }
            for model in models {
                do {
                    let f = try model.forecast(training, horizon: horizon, levels: [80, 95])
                    scores.append(OriginScore(
                        origin: origin, model: model.name, fitted: f.model, asOf: asOf?.description, forecasts: f.mean, actuals: truth,
                        mase: AccuracyMeasures.mase(actual: truth, forecast: f.mean, training: training.values),
                        smape: AccuracyMeasures.smape(actual: truth, forecast: f.mean),
                        mape: AccuracyMeasures.mape(actual: truth, forecast: f.mean),
                        rmse: AccuracyMeasures.rmse(actual: truth, forecast: f.mean),
                        coverage80: f.interval(80).map { AccuracyMeasures.coverage(actual: truth, interval: $0) },
                        coverage95: f.interval(95).map { AccuracyMeasures.coverage(actual: truth, interval: $0) },
                        winkler95: f.interval(95).map { AccuracyMeasures.winkler(actual: truth, interval: $0) }))
                } catch {
                    skipped.append("\(origin) \(model.name): \(error)")
                }
            }
        }
        return RollingOriginResult(series: series.rawValue, horizon: horizon, realTime: realTime, scores: scores, skipped: skipped)
    }
}
