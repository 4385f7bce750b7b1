public import Forecasting

/// A forecast of a stored series as the CLI and the service print it.
public struct ForecastDocument: Sendable, Codable, Equatable {
    /// One interval of one period.
    public struct Interval: Sendable, Codable, Equatable { public let level: Double; public let lower: Double; public let upper: Double }
    /// One forecast period: mean, standard error and intervals.
    public struct Row: Sendable, Codable, Equatable {
        /// The forecast year (the first is `lastObserved + 1`).
        public let period: Int
        /// Point forecast, in the series' unit.
        public let mean: Double
        /// Standard deviation of the forecast error, in the series' unit.
        public let standardError: Double
        /// Prediction intervals at the levels asked for (percent), in that order.
        public let intervals: [Interval]
    }

    /// The series id, e.g. `pct.applications`.
    public let series: String
    /// The series' unit from the catalog; every figure is in it.
    public let unit: String
    /// The fitted model's label, e.g. `ETS(A,Ad,N)`.
    public let model: String
    /// The day the data was read as known on (`YYYY-MM-DD`); `nil` for the latest data.
    public let asOf: String?
    /// The last year with an observation in the data used.
    public let lastObserved: Int
    /// One row per forecast year, in order.
    public let forecasts: [Row]

    /// The document of forecast `f` of a stored series.
    public init(_ f: Forecast, series: String, unit: String, asOf: String?, lastObserved: Int) {
        self.series = series
        self.unit = unit
        self.model = f.model
        self.asOf = asOf
        self.lastObserved = lastObserved
        forecasts = (0..<f.horizon).map { h in
            Row(period: f.start + h, mean: f.mean[h], standardError: f.standardDeviation[h],
                intervals: f.intervals.map { Interval(level: $0.level, lower: $0.lower[h], upper: $0.upper[h]) })
        }
    }

    /// One row per period: mean, standard error and the bounds of each interval.
    public var csv: String {
        let levels = forecasts.first?.intervals.map(\.level) ?? []
        func label(_ level: Double) -> String { level == level.rounded() ? String(Int(level)) : String(level) }
        let header = ["period", "mean", "standard_error"] + levels.flatMap { ["lower\(label($0))", "upper\(label($0))"] }
        return CSVText.table(header: header, rows: forecasts.map { r in
            [String(r.period), "\(r.mean)", "\(r.standardError)"] + r.intervals.flatMap { ["\($0.lower)", "\($0.upper)"] }
        })
    }
}
