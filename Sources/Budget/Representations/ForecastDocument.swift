public import Forecasting
import Store

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

    /// One period of the data with the model's one-step-ahead fitted value and residual.
    public struct FittedRow: Sendable, Codable, Equatable {
        /// The year.
        public let period: Int
        /// The observation, in the series' unit; `nil` at a gap.
        public let value: Double?
        /// The model's forecast of this year from the years before it; `nil` where it has none.
        public let fitted: Double?
        /// `value − fitted`; `nil` where either is missing.
        public let residual: Double?
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
    /// The degrees of freedom of the Student t distribution the intervals are drawn from (calibrated intervals:
    /// `mean ± t·scale`, the scale `standardError·√((ν − 2)/ν)`); `nil` (and absent from the JSON) when they are
    /// normal, `mean ± z·standardError`.
    public let degreesOfFreedom: Double?
    /// What the user should know about how the forecast was made (an optimiser stopped before converging, …);
    /// `nil` (and absent from the JSON) when nothing needs saying.
    public let notes: [String]?
    /// The model's parameters and statistics by name (`alpha`, `ar1`, `sigma2`, `loglik`, `aicc`, …), when the
    /// in-sample fit was asked for; `nil` (and absent from the JSON) otherwise.
    public let parameters: [String: Double]?
    /// One row per year of the data the model was fitted to, when asked for; `nil` (and absent) otherwise.
    public let inSample: [FittedRow]?
    /// The Ljung–Box test of the in-sample residuals, with the in-sample fit; `nil` (and absent) when not asked
    /// for or when there are too few residuals.
    public let residualCheck: ResidualCheck?

    /// The document of forecast `f` of a stored series; with `inSample`, its parameters and in-sample fit too.
    public init(_ f: Forecast, series: String, unit: String, asOf: String?, lastObserved: Int, inSample: Bool = false) {
        self.series = series
        self.unit = unit
        self.model = f.model
        self.asOf = asOf
        self.lastObserved = lastObserved
        // A count cannot fall below zero: the normal (or t) distribution's mass there belongs at zero, so means and
        // bounds are cut at 0, which leaves every interval's coverage as it was (as the backtests score them).
        let f = f.shown(in: unit)
        forecasts = (0..<f.horizon).map { h in
            Row(period: f.start + h, mean: f.mean[h], standardError: f.errorStandardDeviation[h],
                intervals: f.intervals.map { Interval(level: $0.level, lower: $0.lower[h], upper: $0.upper[h]) })
        }
        degreesOfFreedom = f.degreesOfFreedom
        notes = f.notes.isEmpty ? nil : f.notes
        parameters = inSample ? f.parameters : nil
        let fit = f.inSample
        self.inSample = inSample ? fit.fitted.indices.map { t in
            FittedRow(period: fit.start + t, value: fit.values[t], fitted: fit.fitted[t], residual: fit.residuals[t])
        } : nil
        residualCheck = inSample ? f.residualCheck : nil
    }

    /// The in-sample fit as CSV: `period,value,fitted,residual`, empty fields where missing.
    public var inSampleCSV: String {
        func text(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
        return CSVText.table(header: ["period", "value", "fitted", "residual"], rows: (inSample ?? []).map { r in
            [String(r.period), text(r.value), text(r.fitted), text(r.residual)]
        })
    }

    /// An interval level as headers show it: `95`, or `99.9` when it is not whole.
    public static func label(_ level: Double) -> String { level == level.rounded() ? String(Int(level)) : String(level) }

    /// One row per period: mean, standard error and the bounds of each interval.
    public var csv: String {
        let levels = forecasts.first?.intervals.map(\.level) ?? []
        let header = ["period", "mean", "standard_error"] + levels.flatMap { ["lower\(Self.label($0))", "upper\(Self.label($0))"] }
        return CSVText.table(header: header, rows: forecasts.map { r in
            [String(r.period), "\(r.mean)", "\(r.standardError)"] + r.intervals.flatMap { ["\($0.lower)", "\($0.upper)"] }
        })
    }
}

extension Forecast {
    /// The forecast as Biennium shows, stores and scores it for a series in `unit`: a count's (``SeriesDefinition/countsThings(unit:)``)
    /// means and bounds stop at zero, with a note where the model's mean fell below (``Forecast/bounded(below:)``);
    /// other units' as the model gives it.
    public func shown(in unit: String) -> Forecast {
        SeriesDefinition.countsThings(unit: unit) ? bounded(below: 0) : self
    }
}
