import Foundation

/// The standard normal distribution.
public enum Normal {
    /// `Φ(x) = P(Z ≤ x)`, through `erfc` so that the lower tail keeps its relative accuracy.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// `1 − Φ(x)` without cancellation.
    public static func survival(_ x: Double) -> Double {
        0.5 * erfc(x / 2.0.squareRoot())
    }

    /// Density `φ(x) = exp(−x²/2)/√(2π)`.
    public static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// `Φ⁻¹(p)` for `0 < p < 1`; `−∞`/`+∞` at 0 and 1, NaN outside.
    ///
    /// Newton's method on `log Φ(x) − log p`, which is concave, from the asymptotic tail expansion: it
    /// converges in a handful of steps and keeps full relative accuracy for `p` down to 1e-300.
    public static func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
        if p > 0.5 { return -quantile(1 - p) }
        if p == 0.5 { return 0 }
        let logP = log(p)
        var x: Double
        if p < 0.1 {
            let t = -2 * logP
            x = -(t - log(t) - log(2 * Double.pi)).squareRoot()
        } else {
            x = -(0.5 - p) * (2 * Double.pi).squareRoot()
        }
        for _ in 0..<50 {
            let logCdf = log(cdf(x))
            let ratio = exp(log(density(x)) - logCdf)      // φ/Φ, the derivative of log Φ
            let step = (logCdf - logP) / ratio
            x -= step
            if abs(step) <= 4 * Double.ulpOfOne * max(1, abs(x)) { break }
        }
        return x
    }
}
