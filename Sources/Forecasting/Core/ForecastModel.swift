/// A forecasting method: fits a series and forecasts it. Every model in Biennium conforms, so evaluation,
/// combination and the command line treat them alike.
public protocol ForecastModel: Sendable {
    /// A short name used on the command line (`ets`, `theta`, `drift`).
    var name: String { get }
    /// Fits the series and forecasts `horizon` periods with intervals at `levels` (percent).
    func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast
    /// The model as used to score it on a holdout (a combination's validation): the same method, possibly with a
    /// lighter search. By default the model itself.
    var screening: any ForecastModel { get }
    /// ``forecast(_:horizon:levels:)`` through a memo of the forecasts already made from this series: by default
    /// the remembered forecast of a model of the same name, whose intervals must then be normal (redrawn at
    /// `levels` from its standard deviations); a combination asks the memo for each member.
    func forecast(_ series: TimeSeries, horizon: Int, levels: [Double], memo: ForecastMemo) throws(ForecastingError) -> Forecast
}

extension ForecastModel {
    /// The model itself: by default a holdout is scored with the same search as the final fit.
    public var screening: any ForecastModel { self }

    /// The forecast remembered in `memo` under this model's name and `horizon`, made once with
    /// ``forecast(_:horizon:levels:)``; intervals are redrawn at `levels` from its standard deviations.
    /// - Throws: what ``forecast(_:horizon:levels:)`` throws, and the same error again on a later call.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double], memo: ForecastMemo) throws(ForecastingError) -> Forecast {
        try remembered(series, horizon: horizon, levels: levels, in: memo) { () throws(ForecastingError) in
            try forecast(series, horizon: horizon, levels: levels)
        }
    }

    /// The arguments checked, then this model's forecast of `series` remembered in `memo`, or `make()`'s.
    func remembered(_ series: TimeSeries, horizon: Int, levels: [Double], in memo: ForecastMemo,
                    _ make: () throws(ForecastingError) -> Forecast) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        return try memo.forecast(named: name, horizon: horizon, levels: levels, make)
    }

    /// Validates the common preconditions: a horizon of at least 1, levels in [1, 99.99] (``IntervalLevel``), an
    /// observation, and the last period observed (forecasts start where the series ends).
    static func check(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) {
        guard horizon >= 1 else { throw .invalidHorizon(horizon) }
        if let bad = levels.first(where: { !IntervalLevel.isValid($0) }) { throw .invalidLevel(bad) }
        guard series.observedCount > 0 else { throw .allMissing }
        guard series.trailingGap == 0 else { throw .endsWithGap(missing: series.trailingGap) }
    }

    /// The forecast of the `horizon` periods after `series` when it may end in missing periods (a figure not yet
    /// published at a backtest's origin): the model forecasts from the last observation through the missing
    /// periods and on, and the forecasts of the missing periods are left out. Through `memo` when given.
    /// - Throws: what ``forecast(_:horizon:levels:)`` throws for the series up to its last observation.
    public func forecastAcrossTrailingGap(_ series: TimeSeries, horizon: Int, levels: [Double],
                                          memo: ForecastMemo? = nil) throws(ForecastingError) -> Forecast {
        guard horizon >= 1 else { throw .invalidHorizon(horizon) }
        let gap = series.trailingGap
        let observed = gap == 0 ? series : series.droppingTrailingGap()
        let forecast: Forecast
        if let memo {
            forecast = try self.forecast(observed, horizon: horizon + gap, levels: levels, memo: memo)
        } else {
            forecast = try self.forecast(observed, horizon: horizon + gap, levels: levels)
        }
        return forecast.droppingFirst(gap)
    }
}
