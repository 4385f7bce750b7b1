/// The χ² distribution with `degreesOfFreedom` k > 0.
public struct ChiSquared: Sendable {
    /// k > 0; need not be an integer.
    public let degreesOfFreedom: Double

    /// The χ² distribution with `degreesOfFreedom` k > 0 (not checked).
    public init(degreesOfFreedom: Double) {
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// `P(X ≤ x) = P(k/2, x/2)`.
    public func cdf(_ x: Double) -> Double {
        guard x > 0 else { return x.isNaN ? .nan : 0 }
        return SpecialFunctions.regularizedGammaP(degreesOfFreedom / 2, x / 2)
    }

    /// `P(X > x) = Q(k/2, x/2)`, accurate in the far tail.
    public func survival(_ x: Double) -> Double {
        guard x > 0 else { return x.isNaN ? .nan : 1 }
        guard x.isFinite else { return 0 }
        return SpecialFunctions.regularizedGammaQ(degreesOfFreedom / 2, x / 2)
    }
}
