/// The linear transform `W` that turns a generalised least-squares problem into an ordinary one:
/// `W·y = W·X·β + u` with `u` independent and homoskedastic.
public enum Whitening: Sendable, Equatable {
    /// Ordinary least squares.
    case identity
    /// Weighted least squares: row `i` multiplied by `√wᵢ`.
    case weights([Double])
    /// AR(1) errors, the Prais–Winsten transform: row 1 times `√(1−ρ²)`, row `t` becomes `x_t − ρ·x_{t−1}`.
    case autoregressive(rho: Double)

    /// `W·v`.
    public func apply(_ v: [Double]) -> [Double] {
        switch self {
        case .identity:
            return v
        case .weights(let w):
            return zip(v, w).map { $0 * $1.squareRoot() }
        case .autoregressive(let rho):
            guard let first = v.first else { return v }
            var out = [Double](repeating: 0, count: v.count)
            out[0] = (1 - rho * rho).squareRoot() * first
            for t in 1..<v.count { out[t] = v[t] - rho * v[t - 1] }
            return out
        }
    }

    /// `log|det W|`, the Jacobian term of the Gaussian log-likelihood.
    public func logDeterminant(count: Int) -> Double {
        switch self {
        case .identity: return 0
        case .weights(let w): return 0.5 * w.reduce(0) { $0 + Foundation.log($1) }
        case .autoregressive(let rho): return 0.5 * Foundation.log(1 - rho * rho)
        }
    }

    /// Extra parameters the transform estimates (ρ for AR(1)), counted in AIC and BIC.
    var estimatedParameters: Int {
        if case .autoregressive = self { return 1 }
        return 0
    }
}

import Foundation
