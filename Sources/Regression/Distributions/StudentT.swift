import Foundation

/// Student's t distribution with `degreesOfFreedom` ν > 0.
public struct StudentT: Sendable {
    /// ν; need not be an integer.
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// `P(T ≤ t)`: `½·I_{ν/(ν+t²)}(ν/2, ½)` for `t ≤ 0`, by symmetry otherwise.
    public func cdf(_ t: Double) -> Double {
        t > 0 ? 1 - lowerTail(-t) : lowerTail(t)
    }

    /// `P(T > t)` without cancellation.
    public func survival(_ t: Double) -> Double {
        cdf(-t)
    }

    /// Two-sided p-value `P(|T| ≥ |t|)`.
    public func twoSidedPValue(_ t: Double) -> Double {
        guard t.isFinite else { return t.isNaN ? .nan : 0 }
        return min(1, 2 * lowerTail(-abs(t)))
    }

    private func lowerTail(_ t: Double) -> Double {
        guard t.isFinite else { return t.isNaN ? .nan : (t < 0 ? 0 : 1) }
        if t == 0 { return 0.5 }
        let nu = degreesOfFreedom
        // x = ν/(ν+t²) and 1 − x = t²/(ν+t²), each formed directly; t² would overflow beyond 1e154.
        if abs(t) > 1e150 { return 0.5 * SpecialFunctions.regularizedBeta(x: nu / (t * t), y: 1, nu / 2, 0.5) }
        let t2 = t * t
        return 0.5 * SpecialFunctions.regularizedBeta(x: nu / (nu + t2), y: t2 / (nu + t2), nu / 2, 0.5,
                                                      logX: -log1p(t2 / nu))
    }

    /// Density.
    public func density(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        return exp(lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi) - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// The quantile `t_p` with `P(T ≤ t_p) = p`, for `0 < p < 1`.
    ///
    /// Bisection on a bracket grown from the normal quantile, then safeguarded Newton steps; accurate to a
    /// few ulps over `1e-300 < p < 1 − 1e-16` and every ν > 0.
    public func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
        if p > 0.5 { return -quantile(1 - p) }
        if p == 0.5 { return 0 }
        if degreesOfFreedom == 1 { return -1 / tan(Double.pi * p) }          // Cauchy, without forming p − ½
        var hi = 0.0
        var lo = min(Normal.quantile(p), -1)
        while cdf(lo) > p { hi = lo; lo *= 2 }
        var x = 0.5 * (lo + hi)
        for _ in 0..<200 {
            x = 0.5 * (lo + hi)
            if cdf(x) > p { hi = x } else { lo = x }
            if hi - lo <= 1e-3 * abs(x) { break }
        }
        for _ in 0..<50 {
            let f = cdf(x) - p
            if f == 0 { return x }
            let next = x - f / density(x)
            if abs(next - x) <= 4 * Double.ulpOfOne * abs(x) { return next }
            if f > 0 { hi = x } else { lo = x }
            x = (next > lo && next < hi) ? next : 0.5 * (lo + hi)
        }
        return x
    }
}
