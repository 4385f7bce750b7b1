public import Forecasting
public import Store

/// A specification with regressors as a ``ForecastModel``: its linear regression with ARIMA errors on the
/// regressors' observations it holds, each regressor's later values forecast by its own `auto` model
/// (``SpecificationForecast``). A backtest builds one per origin from the regressors as known there.
public struct SpecificationRegressionModel: ForecastModel {
    /// The specification's forecaster.
    public let forecaster: SpecificationForecast
    /// Each regressor's observations the regression may use.
    public let regressors: [SeriesID: [Observation]]

    /// What the backtest reports it as (``SpecificationBacktest/regressionName``).
    public let name: String

    /// The regression of `forecaster`'s specification on `regressors`, reported as `name`.
    public init(_ forecaster: SpecificationForecast, regressors: [SeriesID: [Observation]], name: String) {
        self.forecaster = forecaster
        self.regressors = regressors
        self.name = name
    }

    /// The regression's forecast of `series` (the response) over `horizon` years.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try forecaster.forecast(series, regressors: regressors, horizon: horizon, levels: levels)
    }
}
