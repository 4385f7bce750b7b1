import Regression

/// Forecast intervals calibrated on a holdout of the series' own last observations: the rule shared by
/// ``Combination`` with validation weights (`auto`) and by ``Calibrated`` (`calibrated:MODEL`).
///
/// A model forecasts the last `periods` observations from the data before them. Where its errors there exceed
/// the standard deviations it stated (scaled by ``horizonGrowth(_:periods:)``), the root mean squared
/// standardised error r, shrunk towards the model's own claim (r = 1) with ``pseudoObservations`` and never
/// below it, multiplies every standard deviation of the final forecast, together with the growth at its
/// horizon; the intervals use Student t quantiles with as many degrees of freedom as errors plus
/// pseudo-observations (Williams & Goodman, 1971, on intervals from a method's own past errors; Chatfield,
/// 1993, on model intervals that are too narrow out of sample).
struct IntervalCalibration: Sendable, Equatable {
    /// The factor r ≥ 1 on the stated standard deviations at the holdout's mean horizon.
    let inflation: Double
    /// Degrees of freedom of the Student t: holdout errors scored plus ``pseudoObservations``.
    let degreesOfFreedom: Double
    /// The holdout's length, on which ``horizonGrowth(_:periods:)`` depends.
    let periods: Int

    /// Weight of the prior that the model's own standard deviations are right, in holdout errors.
    static let pseudoObservations = 3.0

    /// The shortest trimmed series that is calibrated with a holdout of `periods`: five years left to fit.
    static func minimumLength(periods: Int) -> Int { periods + 6 }

    /// How much faster than the model claims the errors grow beyond the middle of the holdout: g(h) =
    /// max(1, √(h / m)) with m = (periods + 1) / 2, the holdout's mean horizon (2 for three years).
    ///
    /// Models' standard deviations grow about like √h (a random walk's), while the errors of yearly forecasts
    /// grow nearer to h, because a trend that is wrong by δ is wrong by δh after h years. Every model of both
    /// tools shows it: their 95% coverage falls year by year on the M3, M1 and Tourism yearly series
    /// (ACCURACY.md). The holdout's scale r measures the claims at its mean horizon; g carries it beyond, and is
    /// never below 1, so no interval is narrower than the model states.
    static func horizonGrowth(_ h: Int, periods: Int) -> Double {
        max(1, (2 * Double(h) / Double(periods + 1)).squareRoot())
    }

    /// The holdout of `series`: the part before its last `periods` periods (leading and trailing gaps trimmed) and
    /// those periods' values (`nil` at gaps); `nil` when fewer than ``minimumLength(periods:)`` periods remain.
    static func holdout(of series: TimeSeries, periods: Int) -> (training: TimeSeries, actual: [Double?])? {
        let trimmed = series.trimmed()
        guard periods >= 1, trimmed.count >= minimumLength(periods: periods) else { return nil }
        return (trimmed.prefix(trimmed.count - periods), Array(trimmed.values.suffix(periods)))
    }

    /// `model`'s forecast of the holdout from `training`, with its screening search and across a gap at the end
    /// of the training part; `nil` when it cannot fit or its means or standard deviations are not finite.
    static func holdoutForecast(_ model: any ForecastModel, training: TimeSeries, periods: Int) -> Forecast? {
        guard let forecast = try? model.screening.forecastAcrossTrailingGap(training, horizon: periods, levels: []),
              forecast.mean.count == periods, forecast.standardDeviation.count == periods,
              forecast.mean.allSatisfy(\.isFinite), forecast.standardDeviation.allSatisfy(\.isFinite) else { return nil }
        return forecast
    }

    /// The calibration from a holdout forecast (`mean`, `standardDeviation`, one per held-out period) and the
    /// held-out values (`nil` at gaps, which are not scored).
    init(actual: [Double?], mean: [Double], standardDeviation: [Double]) {
        periods = actual.count
        var squares = 0.0, count = 0
        for h in actual.indices {
            let stated = standardDeviation[h] * Self.horizonGrowth(h + 1, periods: periods)
            if let a = actual[h], stated > 0 { squares += (a - mean[h]) * (a - mean[h]) / (stated * stated); count += 1 }
        }
        let prior = Self.pseudoObservations
        inflation = max(1, ((prior + squares) / (prior + Double(count))).squareRoot())
        degreesOfFreedom = prior + Double(count)
    }

    /// A final forecast's standard deviations, each multiplied by r and by the growth at its horizon.
    func standardDeviations(_ stated: [Double]) -> [Double] {
        stated.enumerated().map { h, sd in sd * inflation * Self.horizonGrowth(h + 1, periods: periods) }
    }

    /// The calibrated forecast: `forecast`'s means, its standard deviations calibrated, Student t intervals at
    /// `levels`, its parameters plus `interval.inflation`, its in-sample fit, and the label `label`.
    func apply(to forecast: Forecast, label: String, levels: [Double]) -> Forecast {
        var calibrated = forecast.redrawn(model: label, standardDeviation: standardDeviations(forecast.standardDeviation), levels: levels,
                                          degreesOfFreedom: degreesOfFreedom)
        calibrated.parameters["interval.inflation"] = inflation
        return calibrated
    }
}
