public import Forecasting

/// A forecast of a stored series as the CLI and the service print it.
public struct ForecastDocument: Sendable, Codable, Equatable {
    /// One interval of one period.
    public struct Interval: Sendable, Codable, Equatable { public let level: Double; public let lower: Double; public let upper: Double }
    /// One forecast period: mean, standard error and intervals.
    public struct Row: Sendable, Codable, Equatable {
        public let period: Int
        public let mean: Double
        public let standardError: Double
        public let intervals: [Interval]
    }

    public let series: String
    public let unit: String
    public let model: String
    public let asOf: String?
    public let lastObserved: Int
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
