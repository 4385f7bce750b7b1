public import Forecasting
public import Store

/// A specification's forecast from the stored data: the response's model, or — with regressors — linear
/// regression with ARIMA errors on them, their future values taken from `regressorPaths` where given, then from
/// published values, and from each regressor's own `auto` forecast otherwise; the intervals then carry that
/// forecast's uncertainty too (``RegressionWithARIMAErrorsFit/forecast(horizon:future:levels:futureStandardDeviation:)``).
public struct SpecificationForecast: Sendable {
    /// The stored histories a specification needs, read once (as known on a day).
    public struct Histories: Sendable {
        /// The response series' observations, one per period (latest vintage known on the day).
        public let response: [Observation]
        /// Each regressor's observations, likewise, by series.
        public let regressors: [SeriesID: [Observation]]
    }

    /// The specification forecast.
    public let spec: ModelSpec

    /// The forecaster of one specification.
    public init(_ spec: ModelSpec) { self.spec = spec }

    /// Reads the response and the regressors as known on `asOf`; an unknown series or regressor is an error naming
    /// the specification's file and key (``ModelSpec/checkSeries(in:)``).
    public func histories(in store: any SeriesStore, asOf: CalendarDay?) async throws -> Histories {
        let catalog = try await store.catalog()
        try spec.checkSeries(in: catalog)
        return Histories(response: try await store.observations(of: spec.series, asOf: asOf),
                         regressors: try await regressorHistories(in: store, asOf: asOf))
    }

    /// Each regressor's observations as known on `asOf` (the series not checked against the catalog).
    public func regressorHistories(in store: any SeriesStore, asOf: CalendarDay?) async throws -> [SeriesID: [Observation]] {
        var regressors: [SeriesID: [Observation]] = [:]
        for id in spec.regressors {
            regressors[id] = try await store.observations(of: id, asOf: asOf)
        }
        return regressors
    }

    /// The forecast of `history` (the response's annual series) over `horizon` years.
    public func forecast(_ history: TimeSeries, regressors: [SeriesID: [Observation]], horizon: Int, levels: [Double],
                         regressorPaths: [SeriesID: [Int: Double]] = [:]) throws(ForecastingError) -> Forecast {
        guard horizon >= 1 else { throw ForecastingError.invalidHorizon(horizon) }
        let model = try ModelCatalog.model(named: spec.model)
        guard !spec.regressors.isEmpty else { return try model.forecast(history, horizon: horizon, levels: levels) }
        var columns: [Regressor] = []
        var future: [String: [Double]] = [:], spread: [String: [Double]] = [:]
        for id in spec.regressors {
            var byYear: [Int: Double] = [:]
            for observation in regressors[id] ?? [] { if case .year(let y) = observation.period { byYear[y] = observation.value } }
            columns.append(Regressor(name: id.rawValue, values: (0..<history.count).map { byYear[history.start + $0] }))
            // Future values: the scenario's, the published ones beyond the response's end, then the regressor's forecast.
            let years = (history.end..<(history.end + horizon)).map { $0 }
            var path = years.map { regressorPaths[id]?[$0] ?? byYear[$0] }
            var deviations = [Double](repeating: 0, count: horizon)      // of the values that are forecasts
            if path.contains(where: { $0 == nil }), let own = StoredSeries.annual(regressors[id] ?? []) {
                let ahead = history.end + horizon - own.series.end
                if ahead > 0 {
                    let forecast: Forecast
                    do {
                        forecast = try ModelCatalog.model(named: "auto").forecast(own.series, horizon: ahead, levels: [])
                    } catch {
                        throw ForecastingError.invalidRegressor(name: id.rawValue, reason: "its values from \(own.series.end) on are neither in the "
                            + "scenario nor published, and its own forecast fails: \(error)")
                    }
                    for (i, year) in years.enumerated() where path[i] == nil && year >= own.series.end {
                        path[i] = forecast.mean[year - own.series.end]
                        deviations[i] = forecast.errorStandardDeviation[year - own.series.end]
                    }
                }
            }
            guard path.allSatisfy({ $0 != nil }) else {
                throw ForecastingError.invalidRegressor(name: id.rawValue, reason: "has no value or forecast for some of \(years.first!)…\(years.last!)")
            }
            future[id.rawValue] = path.map { $0! }
            spread[id.rawValue] = deviations
        }
        let order = (model as? ARIMA)?.order
        let fit = try RegressionWithARIMAErrors(order: order).fit(history, regressors: columns)
        return try fit.forecast(horizon: horizon, future: future, levels: levels, futureStandardDeviation: spread)
    }
}
