/// The benchmark methods every forecast is judged against (Hyndman & Athanasopoulos, *Forecasting:
/// Principles and Practice*, 3rd ed., §5.2), with their exact forecast variances (§5.5).
public enum BenchmarkMethod: String, Sendable, CaseIterable {
    /// The mean of the observations; variance σ²(1 + 1/n).
    case mean
    /// The last observation (random walk); variance σ²h.
    case naive
    /// Random walk with drift: the last observation plus h times the average change; variance σ²h(1 + h/(T−1)).
    case drift
}

/// A benchmark model. Gaps are allowed: the mean uses the observed values, naive the last one, and drift the
/// average change between the first and last observed values.
public struct BenchmarkModel: ForecastModel {
    /// Mean, naive or random walk with drift.
    public let method: BenchmarkMethod

    /// The benchmark `method`.
    public init(_ method: BenchmarkMethod) { self.method = method }

    /// `mean`, `naive` or `drift`.
    public var name: String { method.rawValue }

    /// Forecasts `horizon` periods with normal intervals at `levels` (percent), variances as in ``BenchmarkMethod``.
    /// - Throws: ``ForecastingError`` for a bad horizon or level, too few observations (mean 2, naive 2, drift 3),
    ///   or no two consecutive observations for naive and drift.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        let trimmed = series.trimmed()
        let y = trimmed.observed
        let hs = (1...horizon).map(Double.init)
        switch method {
        case .mean:
            guard y.count >= 2 else { throw .tooShort(model: "Mean", observed: y.count, minimum: 2) }
            let mean = y.reduce(0, +) / Double(y.count)
            let sigma2 = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(y.count - 1)
            let sd = (sigma2 * (1 + 1 / Double(y.count))).squareRoot()
            var forecast = Forecast(model: "Mean", start: series.end, mean: hs.map { _ in mean },
                                    standardDeviation: hs.map { _ in sd }, levels: levels)
            forecast.parameters = ["mean": mean, "sigma2": sigma2]
            forecast.inSample = .init(series: trimmed, fitted: trimmed.values.map { $0 == nil ? nil : mean })
            return forecast
        case .naive, .drift:
            // One-step changes between consecutive observed points (a change across a gap counts once per period).
            var changes: [Double] = []
            var previous: (index: Int, value: Double)?
            for (index, value) in trimmed.values.enumerated() {
                guard let value else { continue }
                if let p = previous, index == p.index + 1 { changes.append(value - p.value) }
                previous = (index, value)
            }
            let minimum = method == .naive ? 2 : 3
            let label = method == .naive ? "Naive" : "Drift"
            guard y.count >= minimum else { throw .tooShort(model: label, observed: y.count, minimum: minimum) }
            guard !changes.isEmpty else { throw .noConsecutiveObservations(model: label, observed: y.count) }
            let last = y.last!
            let span = Double(trimmed.count - 1)
            let slope = method == .drift ? (last - y.first!) / span : 0
            let centre = method == .drift ? slope : 0
            let dof = Double(changes.count - (method == .drift ? 1 : 0))
            let sigma2 = changes.reduce(0) { $0 + ($1 - centre) * ($1 - centre) } / max(dof, 1)
            let mean = hs.map { last + slope * $0 }
            let sd = hs.map { h in (sigma2 * h * (method == .drift ? 1 + h / span : 1)).squareRoot() }
            var forecast = Forecast(model: method == .naive ? "Naive" : "Random walk with drift", start: series.end, mean: mean,
                                    standardDeviation: sd, levels: levels)
            forecast.parameters = ["sigma2": sigma2]
            if method == .drift { forecast.parameters["slope"] = slope }
            // One step ahead: the previous value (plus the slope); none after a gap or for the first value.
            forecast.inSample = .init(series: trimmed, fitted: trimmed.values.indices.map { t in
                guard t > 0, let previous = trimmed.values[t - 1] else { return nil }
                return previous + slope
            })
            return forecast
        }
    }
}
