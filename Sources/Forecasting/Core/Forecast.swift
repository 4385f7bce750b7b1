import Regression

/// A prediction interval at one level.
public struct PredictionInterval: Sendable, Equatable, Codable {
    /// Coverage in percent, e.g. 95.
    public let level: Double
    /// Lower bounds, one per forecast period.
    public let lower: [Double]
    /// Upper bounds, one per forecast period.
    public let upper: [Double]

    /// The interval with every bound below `floor` raised to it (NaN stays NaN): for a quantity that cannot fall
    /// below `floor`, whose forecast distribution's mass there belongs at `floor`. Coverage is unchanged for
    /// outcomes at or above `floor`; the width, and so a Winkler score, shrinks.
    public func bounded(below floor: Double) -> PredictionInterval {
        func bound(_ value: Double) -> Double { value < floor ? floor : value }
        return PredictionInterval(level: level, lower: lower.map(bound), upper: upper.map(bound))
    }
}

/// Point forecasts for `horizon` periods after the series, with prediction intervals.
public struct Forecast: Sendable, Equatable {
    /// The model's label, e.g. `ETS(A,Ad,N)`.
    public let model: String
    /// Index of the first forecast period (the series' `end`).
    public private(set) var start: Int
    /// Point forecasts (the mean of each forecast distribution), one per period from `start`.
    public private(set) var mean: [Double]
    /// The scale of each forecast error's distribution, from which intervals at any level follow: its standard
    /// deviation when the distribution is normal (``degreesOfFreedom`` `nil`, every model's own intervals), the
    /// Student t scale when it is not (calibrated intervals); ``errorStandardDeviation`` is the standard deviation
    /// either way.
    public private(set) var standardDeviation: [Double]
    /// The degrees of freedom ν of a Student t forecast distribution (calibrated intervals, whose scale was
    /// estimated from a few held-out errors); `nil` when it is normal.
    public private(set) var degreesOfFreedom: Double?
    /// Intervals at the levels asked for, in that order.
    public private(set) var intervals: [PredictionInterval]
    /// The fitted parameters by name (e.g. `alpha`, `phi`, `l0` for ETS; `theta` for Theta), for records and
    /// comparisons between refits; `loglik` and `aicc` where the model has a likelihood (ETS, ARIMA) and they are
    /// defined (``recordStatistic(_:_:)``).
    public var parameters: [String: Double] = [:]
    /// What the user should know about how the forecast was made, in words: an optimiser that stopped at its
    /// evaluation budget before converging (the best parameters it found are used), for example. Empty when
    /// nothing needs saying.
    public var notes: [String] = []
    /// The model's in-sample fit: one-step-ahead fitted values and residuals of the series it was fitted to
    /// (leading and trailing gaps trimmed), empty when the model gives none.
    public var inSample = InSampleFit()
    /// The AR and MA terms an ARIMA model (or a regression's ARIMA errors) fitted, p + q: the degrees of
    /// freedom its residual check gives up. 0 for every other model, as in R's `checkresiduals`.
    public var armaTerms = 0

    /// The Ljung–Box test of the in-sample residuals (``ResidualCheck``); `nil` when there are too few.
    public var residualCheck: ResidualCheck? { ResidualCheck(residuals: inSample.residuals, coefficients: armaTerms) }

    /// One-step-ahead fitted values ŷₜ (each from the data before t, at the fitted parameters) and residuals
    /// yₜ − ŷₜ, on the scale of the series, one per period from `start`.
    public struct InSampleFit: Sendable, Equatable {
        /// Index of the first period (the fitted series' `start`).
        public let start: Int
        /// The series' values yₜ; `nil` at gaps.
        public let values: [Double?]
        /// ŷₜ; `nil` where the model has no one-step forecast (the first d values of an ARIMA with d
        /// differences, the first value of naive and drift) and at gaps where it is not defined.
        public let fitted: [Double?]
        /// yₜ − ŷₜ; `nil` at gaps and where ŷₜ is `nil`.
        public let residuals: [Double?]

        /// No in-sample fit.
        public init() {
            self.init(start: 0, values: [], fitted: [])
        }

        /// The fitted values of `series` (one per period) and its residuals; no fit when the counts differ.
        public init(series: TimeSeries, fitted: [Double?]) {
            if fitted.count == series.count {
                self.init(start: series.start, values: series.values, fitted: fitted)
            } else {
                self.init()
            }
        }

        private init(start: Int, values: [Double?], fitted: [Double?]) {
            self.start = start
            self.values = values
            self.fitted = fitted
            residuals = zip(values, fitted).map { value, fit in
                guard let value, let fit else { return nil }
                return value - fit
            }
        }
    }

    /// The forecast of a quantity that cannot fall below `floor` (a count: 0): means and interval bounds below it
    /// raised to it, with a note naming the horizons where the mean was; standard deviations are the model's.
    public func bounded(below floor: Double) -> Forecast {
        var bounded = self
        let low = mean.indices.filter { mean[$0] < floor }
        guard !low.isEmpty || intervals.contains(where: { $0.lower.contains { $0 < floor } }) else { return self }
        bounded.mean = mean.map { $0 < floor ? floor : $0 }
        bounded.intervals = intervals.map { $0.bounded(below: floor) }
        if !low.isEmpty {
            bounded.notes.append("the model's mean forecast falls below \(floor == 0 ? "zero" : "\(floor)") at h = "
                                 + low.map { String($0 + 1) }.joined(separator: ", ") + "; a count cannot, so it is shown at \(floor == 0 ? "zero" : "\(floor)")")
        }
        return bounded
    }

    /// Intervals `mean ± q(0.5 + level/200)·sd` at `levels` (percent, 0 < level < 100), `q` the quantile of the
    /// standard normal, or of the Student t with `degreesOfFreedom` when given (a scale estimated from few errors).
    public init(model: String, start: Int, mean: [Double], standardDeviation: [Double], levels: [Double],
                degreesOfFreedom: Double? = nil) {
        self.model = model
        self.start = start
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.degreesOfFreedom = degreesOfFreedom
        let student = degreesOfFreedom.map { StudentT(degreesOfFreedom: $0) }
        let quantile: (Double) -> Double = { p in student?.quantile(p) ?? NormalQuantile.value(p) }
        self.intervals = levels.map { level in
            let z = quantile(0.5 + level / 200)
            return PredictionInterval(level: level, lower: zip(mean, standardDeviation).map { $0 - z * $1 },
                                      upper: zip(mean, standardDeviation).map { $0 + z * $1 })
        }
        if let step = mean.indices.first(where: { !mean[$0].isFinite || !standardDeviation[$0].isFinite }) {
            notes.append("\(model): the forecast or its variance exceeds the range of double precision from \(step + 1) "
                         + "period\(step == 0 ? "" : "s") ahead (the model explodes on this series); its figures there are "
                         + "infinite or undefined — forecast a shorter horizon or choose another model")
        }
    }

    /// Number of periods forecast.
    public var horizon: Int { mean.count }

    /// The standard deviation of each forecast error: ``standardDeviation`` when the distribution is normal, the
    /// Student t's `scale·√(ν/(ν − 2))` otherwise (infinite for ν ≤ 2).
    public var errorStandardDeviation: [Double] {
        guard let nu = degreesOfFreedom else { return standardDeviation }
        let factor = nu > 2 ? (nu / (nu - 2)).squareRoot() : .infinity
        return standardDeviation.map { $0 * factor }
    }

    /// This forecast with other scales (and label), its intervals redrawn at `levels` from its distribution — or
    /// from a Student t with `degreesOfFreedom` when given; parameters, in-sample fit, ARMA terms and notes kept.
    func redrawn(model: String? = nil, standardDeviation: [Double]? = nil, levels: [Double], degreesOfFreedom: Double? = nil) -> Forecast {
        var copy = Forecast(model: model ?? self.model, start: start, mean: mean, standardDeviation: standardDeviation ?? self.standardDeviation,
                            levels: levels, degreesOfFreedom: degreesOfFreedom ?? self.degreesOfFreedom)
        copy.parameters = parameters
        copy.inSample = inSample
        copy.armaTerms = armaTerms
        copy.notes = notes + copy.notes.filter { !notes.contains($0) }
        return copy
    }

    /// Records a fit statistic such as `aicc` among the parameters when it is defined: AICc is not when the
    /// observations do not exceed the parameters by two, and is then left out rather than stored as infinity.
    mutating func recordStatistic(_ name: String, _ value: Double) {
        if value.isFinite { parameters[name] = value } else { parameters[name] = nil }
    }

    /// The note for a model whose parameter search stopped at its evaluation budget before converging.
    static func unconverged(_ model: String) -> String {
        "\(model): the parameter search stopped at its evaluation budget before converging; the best parameters it found are used"
    }

    /// This forecast without its first `k` periods (those of a gap at the end of the series).
    func droppingFirst(_ k: Int) -> Forecast {
        guard k > 0 else { return self }
        var copy = self
        copy.start = start + k
        copy.mean = Array(mean.dropFirst(k))
        copy.standardDeviation = Array(standardDeviation.dropFirst(k))
        copy.intervals = intervals.map { PredictionInterval(level: $0.level, lower: Array($0.lower.dropFirst(k)), upper: Array($0.upper.dropFirst(k))) }
        return copy
    }

    /// The interval at `level`, if computed.
    public func interval(_ level: Double) -> PredictionInterval? { intervals.first { $0.level == level } }
}
