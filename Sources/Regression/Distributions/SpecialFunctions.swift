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

    /// `I_x(a, b)`, the regularized incomplete beta function, for `a, b > 0` and `0 ≤ x ≤ 1`.
    static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        // Use the fraction where it converges fast; otherwise the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
        if x > (a + 1) / (a + b + 2) {
            return 1 - regularizedBetaFraction(1 - x, b, a)
        }
        return regularizedBetaFraction(x, a, b)
    }

    /// `1 − I_x(a, b)` without cancellation.
    static func regularizedBetaComplement(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 1 }
        if x >= 1 { return 0 }
        if x > (a + 1) / (a + b + 2) {
            return regularizedBetaFraction(1 - x, b, a)
        }
        return 1 - regularizedBetaFraction(x, a, b)
    }

    /// `x^a (1−x)^b / (a B(a,b))` times the continued fraction; accurate when `x < (a+1)/(a+b+2)`.
    private static func regularizedBetaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let logFront = a * log(x) + b * log1p(-x) - logBeta(a, b) - log(a)
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

    static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
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
