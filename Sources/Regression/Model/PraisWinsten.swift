/// Feasible GLS for a linear model with AR(1) errors, `uₜ = ρuₜ₋₁ + εₜ`, by iterated Prais–Winsten
/// (Prais & Winsten, 1954): the first observation is kept, scaled by `√(1−ρ²)`, unlike Cochrane–Orcutt.
extension LinearRegression {
    /// Iterates: OLS; `ρ = Σₜ₌₂ eₜeₜ₋₁ / Σₜ₌₂ e²ₜ₋₁` from the residuals `e = y − Xβ` on the original scale;
    /// GLS on the Prais–Winsten transform; until `|Δρ| < tolerance`.
    /// - Parameters:
    ///   - tolerance: convergence threshold on ρ.
    ///   - maximumIterations: at most this many GLS steps; the last one is reported if not converged.
    /// - Throws: `.nonStationaryAutocorrelation` when ρ leaves (−1, 1); `.exactFitWithoutAutocorrelation` when
    ///   the residuals are all zero, so that ρ is undefined; the fitting errors of ``fit(_:weights:options:)``.
    public static func praisWinsten(_ design: Design, options: RegressionOptions = .init(),
                                    tolerance: Double = 1e-12, maximumIterations: Int = 200) throws(RegressionError) -> RegressionResult {
        guard design.response.count >= 3 else { throw .tooFewObservations(rows: design.response.count, parameters: design.matrix.columns + 1) }
        var result = try fit(design, whitening: .identity, method: .ordinaryLeastSquares, options: options)
        var rho = 0.0
        for iteration in 1...max(1, maximumIterations) {
            let next = autocorrelation(result.residuals)
            guard !next.isNaN else { throw .exactFitWithoutAutocorrelation }
            guard next.isFinite, abs(next) < 1 else { throw .nonStationaryAutocorrelation(rho: next) }
            result = try fit(design, whitening: .autoregressive(rho: next),
                             method: .praisWinsten(rho: next, iterations: iteration), options: options)
            let change = abs(next - rho)
            rho = next
            if change < tolerance { break }
        }
        return result
    }

    static func autocorrelation(_ e: [Double]) -> Double {
        var numerator = 0.0, denominator = 0.0
        for t in 1..<e.count {
            numerator += e[t] * e[t - 1]
            denominator += e[t - 1] * e[t - 1]
        }
        return numerator / denominator
    }
}
