import Foundation

/// A combination of forecasts: equal weights (Clemen, 1989; the "Comb" benchmark of the M competitions) or
/// weights from validation errors (Bates & Granger, 1969).
///
/// With validation weights, each member forecasts the last `validation` observations from the data before
/// them, once, over that horizon; its weight is proportional to the inverse of its mean squared error there,
/// and members that cannot fit the shortened series get none. The same holdout calibrates the intervals
/// (``validate(_:)``, ``IntervalCalibration``). The mean is the weighted average of the
/// members' means; its variance is that of the weighted mixture of their forecast distributions (their
/// variances plus their disagreement about the mean, ``mixture(_:horizon:)``). Members that cannot fit the
/// series are left out; the combination fails only when all of them do.
public struct Combination: ForecastModel {
    /// How members are weighted.
    public enum Weighting: Sendable, Equatable {
        /// Every member weighs the same (the mixture of their forecast distributions, uncalibrated).
        case equal
        /// Inverse mean squared error over the last `periods` observations.
        case validation(periods: Int)
    }

    /// The models combined (at least one).
    public let members: [any ForecastModel]
    /// Equal weights, or inverse validation MSE with calibrated intervals.
    public let weighting: Weighting
    /// The command-line name (`combo`, `auto`, `combo:a+b`).
    public let name: String

    /// A combination of `members` weighted by `weighting`, reported as `name`.
    public init(_ members: [any ForecastModel], weighting: Weighting = .equal, name: String = "combo") {
        self.members = members
        self.weighting = weighting
        self.name = name
    }

    /// The combined forecast with intervals at `levels` (percent); members are fitted afresh.
    /// - Throws: ``ForecastingError`` for a bad horizon or level, or ``ForecastingError/noMemberFits(model:reasons:)``
    ///   with every member's reason when no member fits.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try forecast(series, horizon: horizon, levels: levels, memo: ForecastMemo())
    }

    /// The combination, taking from `memo` the members already fitted to this series (and leaving there the
    /// ones it fits).
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double], memo: ForecastMemo) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        var forecasts: [(Forecast, Double, String)] = []
        var failures: [String] = []
        let validation = validate(series)
        let weights = validation?.weights
        for (index, member) in members.enumerated() where weights?[index] ?? 1 > 0 {
            do {
                let forecast = try member.forecast(series, horizon: horizon, levels: [], memo: memo)
                forecasts.append((forecast, weights?[index] ?? 1, member.name))
            } catch {
                failures.append("\(member.name): \(error)")
            }
        }
        guard !forecasts.isEmpty else { throw .noMemberFits(model: name, reasons: failures) }
        let total = forecasts.reduce(0) { $0 + $1.1 }
        let (mean, mixtureSD) = Self.mixture(forecasts.map { ($0.0, $0.1) }, horizon: horizon)
        let label = "Combination of " + forecasts.map { weights == nil ? $0.0.model : "\($0.0.model) ×\(String(format: "%.2f", $0.1 / total))" }
            .joined(separator: ", ")
        var combined = Forecast(model: label, start: series.end, mean: mean, standardDeviation: mixtureSD, levels: levels)
        for (forecast, weight, member) in forecasts {
            combined.parameters["\(member).weight"] = weight / total
            for (key, value) in forecast.parameters { combined.parameters["\(member).\(key)"] = value }
        }
        combined.inSample = Self.inSample(forecasts.map { ($0.0.inSample, $0.1 / total) }, of: series.trimmed())
        combined.notes += forecasts.flatMap(\.0.notes)
        return validation.map { $0.calibration.apply(to: combined, label: label, levels: levels) } ?? combined
    }

    /// The weighted mean of the members' forecasts and the standard deviation of the weighted mixture of their
    /// forecast distributions: the members' variances plus their disagreement about the mean (the law of total
    /// variance, as in Bayesian model averaging; Hoeting et al. 1999, eq. 2).
    static func mixture(_ members: [(Forecast, Double)], horizon: Int) -> (mean: [Double], standardDeviation: [Double]) {
        let total = members.reduce(0) { $0 + $1.1 }
        let mean = (0..<horizon).map { h in members.reduce(0) { $0 + $1.0.mean[h] * $1.1 } / total }
        let sd = (0..<horizon).map { h -> Double in
            (members.reduce(0) { sum, member in
                let deviation = member.0.mean[h] - mean[h]
                return sum + member.1 * (member.0.standardDeviation[h] * member.0.standardDeviation[h] + deviation * deviation)
            } / total).squareRoot()
        }
        return (mean, sd)
    }

    /// The members' fitted values averaged with the combination's weights where every member has one; no
    /// in-sample fit when a member gives none.
    static func inSample(_ members: [(Forecast.InSampleFit, Double)], of series: TimeSeries) -> Forecast.InSampleFit {
        guard members.allSatisfy({ $0.0.start == series.start && $0.0.fitted.count == series.count }) else { return .init() }
        return .init(series: series, fitted: series.values.indices.map { t in
            var sum = 0.0
            for (fit, weight) in members {
                guard let value = fit.fitted[t] else { return nil }
                sum += weight * value
            }
            return sum
        })
    }

    /// With validation weights: each member forecasts the last `periods` observations from the data before
    /// them; its weight is the inverse of its mean squared error there, and the same holdout calibrates the
    /// intervals of the weighted mixture (``IntervalCalibration``). `nil` for equal weights or when the series
    /// is too short to hold any out.
    func validate(_ series: TimeSeries) -> (weights: [Double], calibration: IntervalCalibration)? {
        guard case .validation(let periods) = weighting,
              let (training, actual) = IntervalCalibration.holdout(of: series, periods: periods) else { return nil }
        // Each member's holdout forecast and mean squared error (nil where it cannot fit or be scored).
        let scored = members.map { member -> (forecast: Forecast, mse: Double)? in
            guard let f = IntervalCalibration.holdoutForecast(member, training: training, periods: periods) else { return nil }
            var sse = 0.0, count = 0
            for (a, p) in zip(actual, f.mean) { if let a { sse += (a - p) * (a - p); count += 1 } }
            guard count > 0, sse.isFinite else { return nil }
            return (f, sse / Double(count))
        }
        // Weights ∝ 1/MSE, scaled by the smallest MSE so that they stay in [0, 1] (no overflow when a member is
        // nearly exact); members with an exact holdout share the weight when there are any.
        let smallest = scored.compactMap { $0?.mse }.min()
        let weights = scored.map { entry -> Double in
            guard let entry, let smallest else { return 0 }
            if smallest == 0 { return entry.mse == 0 ? 1 : 0 }
            return smallest / entry.mse
        }
        let fitted = zip(scored, weights).compactMap { entry, weight in entry.map { ($0.forecast, weight) } }.filter { $0.1 > 0 }
        guard weights.contains(where: { $0 > 0 }) else { return nil }
        let (mean, sd) = Self.mixture(fitted, horizon: periods)
        return (weights, IntervalCalibration(actual: actual, mean: mean, standardDeviation: sd))
    }
}
