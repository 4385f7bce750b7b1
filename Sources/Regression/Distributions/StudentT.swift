import Foundation
import Synchronization

/// Student's t distribution with `degreesOfFreedom` ν > 0.
public struct StudentT: Sendable {
    /// ν; need not be an integer.
    public let degreesOfFreedom: Double

    /// Student's t distribution with `degreesOfFreedom` ν > 0 (not checked).
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
    /// Closed forms for ν = 1 and 2; otherwise Newton's method on the cdf, safeguarded by a bracket, from
    /// the Cornish–Fisher expansion around the normal quantile (Abramowitz & Stegun 26.7.5), which is
    /// usually within 1e-3 so that two or three steps reach full precision.
    public func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p == 0 ? -.infinity : (p == 1 ? .infinity : .nan) }
        if let cached = QuantileCache.shared.value(degreesOfFreedom, p) { return cached }
        let value = uncachedQuantile(p)
        QuantileCache.shared.store(degreesOfFreedom, p, value)
        return value
    }

    private func uncachedQuantile(_ p: Double) -> Double {
        if p > 0.5 { return -uncachedQuantile(1 - p) }
        if p == 0.5 { return 0 }
        let nu = degreesOfFreedom
        if nu == 1 { return -1 / tan(Double.pi * p) }                      // Cauchy, without forming p − ½
        if nu == 2 { return (2 * p - 1) / (2 * p * (1 - p)).squareRoot() }
        let z = Normal.quantile(p)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        var x = z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu * nu * nu)
        if !(x < 0) || !x.isFinite { x = min(z, -1) }
        var lo = -Double.infinity, hi = 0.0
        for _ in 0..<200 {
            let f = cdf(x) - p
            if f == 0 { return x }
            if f > 0 { hi = x } else { lo = x }
            var next = x - f / density(x)
            if abs(next - x) <= 4 * Double.ulpOfOne * abs(x) { return next }
            if !(next > lo && next < hi) { next = lo.isFinite ? 0.5 * (lo + hi) : 2 * x }
            if hi - lo <= 4 * Double.ulpOfOne * abs(x) { return x }
            x = next
        }
        return x
    }
}

/// The last few t quantiles computed, keyed by (ν, p): fits, intervals and backtests ask for the same
/// handful (ν = n − k, p = 0.975) again and again, and each costs several incomplete-beta evaluations.
final class QuantileCache: Sendable {
    static let shared = QuantileCache()
    private struct Entry { let nu: Double; let p: Double; let value: Double }
    private let entries = Mutex<[Entry]>([])
    private let capacity = 64

    func value(_ nu: Double, _ p: Double) -> Double? {
        entries.withLock { list in list.first { $0.nu == nu && $0.p == p }?.value }
    }

    func store(_ nu: Double, _ p: Double, _ value: Double) {
        entries.withLock { list in
            if list.count >= capacity { list.removeFirst() }
            list.append(Entry(nu: nu, p: p, value: value))
        }
    }
}
