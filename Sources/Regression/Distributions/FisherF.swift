import Foundation

/// The F distribution with `numerator` and `denominator` degrees of freedom.
public struct FisherF: Sendable {
    /// Numerator degrees of freedom d₁ > 0 (in a regression F test, the number of slopes tested).
    public let numerator: Double
    /// Denominator degrees of freedom d₂ > 0 (in a regression F test, the residual degrees of freedom n − k).
    public let denominator: Double

    /// The F distribution with d₁ = `numerator` > 0 and d₂ = `denominator` > 0 degrees of freedom (not checked).
    public init(numerator: Double, denominator: Double) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `P(F > x) = I_{d₂/(d₂+d₁x)}(d₂/2, d₁/2)`.
    public func survival(_ x: Double) -> Double {
        guard x > 0 else { return x.isNaN ? .nan : 1 }
        guard x.isFinite else { return 0 }
        let d1 = numerator, d2 = denominator
        let denominatorTotal = d2 + d1 * x
        return SpecialFunctions.regularizedBeta(x: d2 / denominatorTotal, y: d1 * x / denominatorTotal, d2 / 2, d1 / 2,
                                                logX: -log1p(d1 * x / d2), logY: -log1p(d2 / (d1 * x)))
    }

    /// `P(F ≤ x)`.
    public func cdf(_ x: Double) -> Double { 1 - survival(x) }
}
