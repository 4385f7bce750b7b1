import Foundation

/// Any model with its intervals calibrated on the series' own last years (``IntervalCalibration``): the model
/// forecasts the last `periods` observations from the data before them, and where its errors there exceed
/// the standard deviations it stated, its final intervals are widened to match (never narrowed), further
/// beyond the holdout's mean horizon, with Student t quantiles. The point forecasts are the model's own.
///
/// Every model's own 95% intervals cover too little on the M3, M1 and Tourism yearly series (60–90% for ETS,
/// ARIMA, Theta and drift; ACCURACY.md); calibrated, 93.6–96.5% on M3, 91.7–96.1% on Tourism and 86–91% on M1.
/// A series too short to hold `periods` out and keep five years (``IntervalCalibration/minimumLength(periods:)``)
/// keeps the model's intervals, and the label says so. `calibrated:MODEL` on the command line and in the service.
public struct Calibrated: ForecastModel {
    /// The model whose intervals are calibrated; not itself calibrated (`auto` already is).
    public let model: any ForecastModel
    /// Observations held out at the end of the series to calibrate on (≥ 1; 3 by default).
    public let periods: Int

    /// `model` with intervals calibrated on the last `periods` observations.
    public init(_ model: any ForecastModel, periods: Int = 3) {
        self.model = model
        self.periods = max(1, periods)
    }

    /// `calibrated:` and the model's name.
    public var name: String { "calibrated:" + model.name }

    /// The model's forecast of `horizon` periods with calibrated intervals at `levels` (percent).
    /// - Throws: what the model throws on the whole series (a failure on the holdout only leaves the intervals
    ///   uncalibrated).
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try forecast(series, horizon: horizon, levels: levels, memo: ForecastMemo())
    }

    /// The same, taking the model's forecast of the whole series from `memo` when it was made there.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double], memo: ForecastMemo) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        let own = try model.forecast(series, horizon: horizon, levels: [], memo: memo)
        guard let calibration = calibration(series) else {
            return own.redrawn(model: own.model + ", intervals not calibrated (\(reason(series)))", levels: levels)
        }
        let label = own.model + ", intervals calibrated on the last \(periods) \(unit(series)) (×\(String(format: "%.2f", calibration.inflation)))"
        return calibration.apply(to: own, label: label, levels: levels)
    }

    /// The calibration from the model's forecast of the last `periods` observations, or `nil` when the series is
    /// too short, the model cannot fit the shortened series, or its holdout forecast is not finite.
    func calibration(_ series: TimeSeries) -> IntervalCalibration? {
        guard let (training, actual) = IntervalCalibration.holdout(of: series, periods: periods),
              let forecast = IntervalCalibration.holdoutForecast(model, training: training, periods: periods) else { return nil }
        return IntervalCalibration(actual: actual, mean: forecast.mean, standardDeviation: forecast.standardDeviation)
    }

    /// Why a series was not calibrated, for the label.
    private func reason(_ series: TimeSeries) -> String {
        let count = series.trimmed().count
        let minimum = IntervalCalibration.minimumLength(periods: periods)
        return count < minimum ? "\(count) \(unit(series)), \(minimum) needed"
            : "the model cannot forecast the last \(periods) \(unit(series)) from the rest"
    }

    /// What the series' periods are called in a label.
    private func unit(_ series: TimeSeries) -> String { series.frequency == .annual ? "years" : "periods" }
}
