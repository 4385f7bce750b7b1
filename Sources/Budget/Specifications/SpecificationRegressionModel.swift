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

    /// The regression of `forecaster`'s specification on `regressors`.
    public init(_ forecaster: SpecificationForecast, regressors: [SeriesID: [Observation]]) {
        self.forecaster = forecaster
        self.regressors = regressors
    }

    /// The specification's model name (`arima`, `arima:010`): what the backtest reports it as.
    public var name: String { forecaster.spec.model }

    /// The regression's forecast of `series` (the response) over `horizon` years.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try forecaster.forecast(series, regressors: regressors, horizon: horizon, levels: levels)
    }
}
