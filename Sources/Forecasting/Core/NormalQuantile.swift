import Regression

/// Standard normal quantiles, through the Regression target's distributions.
enum NormalQuantile {
    static func value(_ p: Double) -> Double { Normal.quantile(p) }
}
