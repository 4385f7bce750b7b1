import Foundation

/// Forecast accuracy measures (Hyndman & Koehler, "Another look at measures of forecast accuracy", IJF 22,
/// 2006; the M3/M4 definitions), each for one forecast of `actual`.
public enum AccuracyMeasures {
    /// Mean absolute scaled error: mean|aₜ − fₜ| / mean|yₜ − yₜ₋ₘ| over `training` (consecutive observed
    /// pairs). Below 1 beats the in-sample naive method. `nil` when the scale is 0 (a constant history).
    public static func mase(actual: [Double], forecast: [Double], training: [Double?], seasonality m: Int = 1) -> Double? {
        var scale = 0.0, count = 0
        for t in m..<training.count {
            if let a = training[t], let b = training[t - m] { scale += abs(a - b); count += 1 }
        }
        guard count > 0, scale > 0 else { return nil }
        return meanAbsoluteError(actual, forecast) / (scale / Double(count))
    }

    /// Symmetric MAPE in percent: mean 200·|a − f| / (|a| + |f|) (0 where both are 0).
    public static func smape(actual: [Double], forecast: [Double]) -> Double {
        zip(actual, forecast).reduce(0) { sum, pair in
            let d = abs(pair.0) + abs(pair.1)
            return sum + (d == 0 ? 0 : 200 * abs(pair.0 - pair.1) / d)
        } / Double(actual.count)
    }

    /// Mean absolute percentage error in percent; `nil` if an actual is 0.
    public static func mape(actual: [Double], forecast: [Double]) -> Double? {
        guard !actual.contains(0) else { return nil }
        return zip(actual, forecast).reduce(0) { $0 + 100 * abs(($1.0 - $1.1) / $1.0) } / Double(actual.count)
    }

    /// Root mean squared error.
    public static func rmse(actual: [Double], forecast: [Double]) -> Double {
        (zip(actual, forecast).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(actual.count)).squareRoot()
    }

    /// Share of actuals inside their interval, in [0, 1].
    public static func coverage(actual: [Double], interval: PredictionInterval) -> Double {
        let hits = inside(actual: actual, interval: interval)
        return Double(hits.filter { $0 }.count) / Double(actual.count)
    }

    /// Whether each actual value lies inside the interval, by horizon.
    public static func inside(actual: [Double], interval: PredictionInterval) -> [Bool] {
        actual.enumerated().map { i, a in a >= interval.lower[i] && a <= interval.upper[i] }
    }

    /// Mean Winkler (interval) score at the interval's level: width, plus `2/α` times the miss when outside
    /// (Winkler, 1972; Gneiting & Raftery, 2007). Lower is better.
    public static func winkler(actual: [Double], interval: PredictionInterval) -> Double {
        let alpha = 1 - interval.level / 100
        var total = 0.0
        for (i, a) in actual.enumerated() {
            let lower = interval.lower[i], upper = interval.upper[i]
            total += upper - lower
            if a < lower { total += 2 / alpha * (lower - a) }
            if a > upper { total += 2 / alpha * (a - upper) }
        }
        return total / Double(actual.count)
    }

    static func meanAbsoluteError(_ a: [Double], _ f: [Double]) -> Double {
        zip(a, f).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(a.count)
    }
}
