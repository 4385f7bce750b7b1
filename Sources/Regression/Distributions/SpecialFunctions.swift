import Foundation

/// Regularized incomplete beta and gamma functions, the kernels of the t, F and χ² distributions.
///
/// Both use the classical expansions (Abramowitz & Stegun 26.5.8 and 6.5.29/6.5.31): a power series where
/// it converges fast and a continued fraction evaluated by the modified Lentz method elsewhere, so that
/// tail probabilities keep their relative accuracy down to the underflow threshold (about 1e-300)
/// instead of being lost as `1 − (1 − p)`.
enum SpecialFunctions {
    /// Continued-fraction tolerance: relative change below this ends the evaluation.
    static let epsilon = 1e-16
    static let tiny = 1e-300

    /// `I_x(a, b)`, the regularized incomplete beta function, for `a, b > 0`, `0 ≤ x ≤ 1`.
    ///
    /// `y` must be `1 − x` computed without cancellation by the caller (for Student's t, `t²/(ν+t²)`): with
    /// `a` near 5e5, forming `1 − x` here would cost ten digits through `a·log x`.
    /// `logX` and `logY`, when given, are `log x` and `log y` computed by the caller without cancellation
    /// (for x near 1, `−log1p(t²/ν)` rather than `log(ν/(ν+t²))`).
    static func regularizedBeta(x: Double, y: Double, _ a: Double, _ b: Double,
                                logX: Double? = nil, logY: Double? = nil) -> Double {
        if x <= 0 { return 0 }
        if y <= 0 { return 1 }
        let lx = logX ?? log(x), ly = logY ?? log(y)
        // The fraction converges fast for x < (a+1)/(a+b+2); otherwise use I_x(a,b) = 1 − I_y(b,a).
        if x > (a + 1) / (a + b + 2) {
            return 1 - regularizedBetaFraction(x: y, logX: ly, logY: lx, b, a)
        }
        return regularizedBetaFraction(x: x, logX: lx, logY: ly, a, b)
    }

    /// `x^a y^b / (a B(a,b))` times the continued fraction (A&S 26.5.8); accurate when `x < (a+1)/(a+b+2)`.
    private static func regularizedBetaFraction(x: Double, logX: Double, logY: Double, _ a: Double, _ b: Double) -> Double {
        let logFront = a * logX + b * logY - logBeta(a, b) - log(a)
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let mm = Double(m)
            // Even step.
            var numerator = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            // Odd step.
            numerator = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return exp(logFront) * result
    }

    /// `log B(a, b)`. When one argument is large, `lgamma(big) − lgamma(big + small)` would cancel most of
    /// its digits (at 5e5, about 10 of them), so that difference comes from Stirling's series instead.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let (small, big) = a < b ? (a, b) : (b, a)
        guard big >= 20 else { return lgamma(a) + lgamma(b) - lgamma(a + b) }
        return lgamma(small) + logGammaRatio(big, small)
    }

    /// `lgamma(x) − lgamma(x + s)` for `x ≥ 20`, from Stirling's series with the leading terms combined
    /// exactly: `−(x − ½)·log1p(s/x) − s·log(x + s) + s + δ(x) − δ(x + s)`, where
    /// `δ(z) = 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷)` (error below 1e-17 at z = 20).
    static func logGammaRatio(_ x: Double, _ s: Double) -> Double {
        func delta(_ z: Double) -> Double {
            let z2 = z * z
            return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * z2)) / z2) / z2) / z
        }
        return -(x - 0.5) * log1p(s / x) - s * log(x + s) + s + delta(x) - delta(x + s)
    }

    /// `P(a, x)`, the regularized lower incomplete gamma function.
    static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaFraction(a, x)
    }

    /// `Q(a, x) = 1 − P(a, x)`, the regularized upper incomplete gamma function.
    static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 1 }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaFraction(a, x)
    }

    private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var ap = a
        for _ in 0..<100_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * epsilon { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    private static func gammaFraction(_ a: Double, _ x: Double) -> Double {
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}
