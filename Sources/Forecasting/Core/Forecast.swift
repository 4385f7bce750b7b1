/// A prediction interval at one level.
public struct PredictionInterval: Sendable, Equatable, Codable {
    /// Coverage in percent, e.g. 95.
    public let level: Double
    /// Lower bounds, one per forecast period.
    public let lower: [Double]
    /// Upper bounds, one per forecast period.
    public let upper: [Double]
}

/// Point forecasts for `horizon` periods after the series, with prediction intervals.
public struct Forecast: Sendable, Equatable {
    /// The model's label, e.g. `ETS(A,Ad,N)`.
    public let model: String
    /// Index of the first forecast period (the series' `end`).
    public let start: Int
    /// Point forecasts (the mean of each forecast distribution), one per period from `start`.
    public let mean: [Double]
    /// Standard deviation of each forecast error, from which intervals at any level follow (normal).
    public let standardDeviation: [Double]
    /// Intervals at the levels asked for, in that order.
    public let intervals: [PredictionInterval]
    /// The fitted parameters by name (e.g. `alpha`, `phi`, `l0` for ETS; `theta` for Theta), for records and
    /// comparisons between refits.
    public var parameters: [String: Double] = [:]

    /// Intervals `mean ± z(0.5 + level/200)·sd` from normal quantiles at `levels` (percent, 0 < level < 100).
    public init(model: String, start: Int, mean: [Double], standardDeviation: [Double], levels: [Double]) {
        self.init(model: model, start: start, mean: mean, standardDeviation: standardDeviation, levels: levels,
                  quantile: NormalQuantile.value)
    }

    /// Intervals `mean ± q(0.5 + level/200)·sd` with another standardised distribution's quantile `q` (e.g. a
    /// Student t when the scale was estimated from few errors).
    public init(model: String, start: Int, mean: [Double], standardDeviation: [Double], levels: [Double],
                quantile: (Double) -> Double) {
        self.model = model
        self.start = start
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.intervals = levels.map { level in
            let z = quantile(0.5 + level / 200)
            return PredictionInterval(level: level, lower: zip(mean, standardDeviation).map { $0 - z * $1 },
                                      upper: zip(mean, standardDeviation).map { $0 + z * $1 })
        }
    }

    /// Number of periods forecast.
    public var horizon: Int { mean.count }

    /// The interval at `level`, if computed.
    public func interval(_ level: Double) -> PredictionInterval? { intervals.first { $0.level == level } }
}
