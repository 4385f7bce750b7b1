public import LinearAlgebra

/// One row of the coefficient table. Aliased coefficients have every figure `nil`.
public struct Coefficient: Sendable, Equatable {
    /// The design column's label, as in R (`(Intercept)`, `x`, `I(x^2)`).
    public let name: String
    /// The estimated coefficient β̂ⱼ, on the original scale of its column.
    public let estimate: Double?
    /// `√Vⱼⱼ`, with `V` the coefficient covariance under `RegressionOptions.covariance`.
    public let standardError: Double?
    /// `estimate / standardError`.
    public let tValue: Double?
    /// Two-sided p-value from Student's t with the residual degrees of freedom.
    public let pValue: Double?
    /// Confidence interval at `RegressionOptions.confidenceLevel`.
    public let lower: Double?
    /// Upper end of the confidence interval, `estimate + t·standardError`, with t the Student-t quantile at
    /// `(1 + confidenceLevel)/2` on the residual degrees of freedom.
    public let upper: Double?

    /// Whether the column was linearly dependent on the others and so not estimated.
    public var isAliased: Bool { estimate == nil }
}

/// A fitted linear regression with the inference an economist reads in `summary.lm` or statsmodels' summary.
public struct RegressionResult: Sendable {
    /// The design that was fitted (unwhitened): matrix, response, column names, rows used.
    public let design: Design
    /// How the coefficients were estimated: OLS, WLS, or GLS with AR(1) errors (with its ρ).
    public let method: EstimationMethod
    /// The options the model was fitted with.
    public let options: RegressionOptions
    /// The coefficient table: one row per design column, in design order, aliased ones included.
    public let coefficients: [Coefficient]
    /// Estimates, one per design column, 0 for aliased columns.
    public let estimates: [Double]
    /// Coefficient covariance under `options.covariance`, over `included` columns in that order.
    public let covariance: Matrix
    /// 0-based design columns that were estimated.
    public let included: [Int]
    /// Names of aliased columns.
    public var aliasedNames: [String] { coefficients.filter(\.isAliased).map(\.name) }
    /// `y − X·β` on the original scale, evaluated in double-double.
    public let residuals: [Double]
    /// Residuals of the whitened model (`W·y − W·X·β`): the innovations, tested by the diagnostics.
    public let whitenedResiduals: [Double]
    /// `X·β̂` on the original (unwhitened) scale, one per design row, each accumulated in double-double.
    public let fittedValues: [Double]

    /// R's test for an essentially perfect fit (`summary.lm`): the residual variance below 10⁻³⁰ of the fitted
    /// values' mean square plus variance. The residuals are then rounding, and every standard error, t and p
    /// value with them.
    public var isEssentiallyPerfectFit: Bool {
        let n = Double(fittedValues.count)
        guard n > 1 else { return false }
        let mean = fittedValues.reduce(0, +) / n
        let variance = fittedValues.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return sigma * sigma < (mean * mean + variance) * 1e-30
    }
    /// Observations used.
    public let n: Int
    /// Numerical rank k of the whitened design: the number of estimated coefficients.
    public let rank: Int
    /// `n − k`, at least 1.
    public let residualDegreesOfFreedom: Int
    /// Whitened residual sum of squares.
    public let residualSumOfSquares: Double
    /// Residual standard error `√(RSS/(n−k))`.
    public let sigma: Double
    /// Centred R² with an intercept, uncentred without (as R and statsmodels).
    public let rSquared: Double
    /// Adjusted R² = 1 − (1 − R²)(n − 1)/(n − k) with an intercept, 1 − (1 − R²)·n/(n − k) without (as R).
    public let adjustedRSquared: Double
    /// Overall F test against the intercept-only model (the zero model without intercept); `nil` with no slope.
    public let fStatistic: Double?
    /// Slopes tested by the F statistic: k − 1 with an intercept, k without; 0 when there is no slope.
    public let fNumeratorDegreesOfFreedom: Int
    /// `P(F > fStatistic)` for F(`fNumeratorDegreesOfFreedom`, n − k); `nil` with no slope.
    public let fPValue: Double?
    /// Gaussian log-likelihood at the estimates, with σ² at its maximum-likelihood value `RSS/n`.
    public let logLikelihood: Double
    /// Parameters counted by the information criteria: coefficients, σ², and ρ for AR(1) errors (as R's `logLik`).
    public let informationParameters: Int
    /// Akaike's criterion `−2·logLikelihood + 2p`, p = `informationParameters`.
    public let aic: Double
    /// Small-sample AIC `AIC + 2p(p + 1)/(n − p − 1)`; +∞ when `n ≤ p + 1`.
    public let aicc: Double
    /// Schwarz's criterion `−2·logLikelihood + p·ln n`.
    public let bic: Double
    /// Durbin–Watson `Σ(eₜ − eₜ₋₁)²/Σeₜ²` of the whitened residuals, in [0, 4]; near 2 without autocorrelation.
    public let durbinWatson: Double
    /// Lag L of the Ljung–Box test: `options.ljungBoxLag`, or `min(10, n/5)` (at least 1) when that is `nil`.
    public let ljungBoxLag: Int
    /// Ljung–Box `Q = n(n+2)·Σ_{k≤L} r_k²/(n−k)` of the whitened residuals, against χ² with L degrees of freedom.
    public let ljungBox: TestResult
    /// Jarque–Bera normality test `n/6·(S² + (K−3)²/4)` of the whitened residuals, against χ²(2).
    public let jarqueBera: TestResult
    /// Sample skewness `m₃/m₂^{3/2}` of the whitened residuals (biased moments; 0 for symmetric residuals).
    public let residualSkewness: Double
    /// Sample kurtosis `m₄/m₂²` of the whitened residuals (biased moments; 3 for normal, not excess).
    public let residualKurtosis: Double
    /// `κ₁` of the raw design's triangular factor.
    public let conditionNumber: Double
    /// `κ₁` after equilibrating the columns: what decides the attainable accuracy.
    public let scaledConditionNumber: Double
    /// Which factorization produced the solution (binary64 QR with refinement, or double-double QR).
    public let solverMethod: LeastSquaresMethod
    /// Iterative-refinement steps taken on the coefficients: usually at least 1 on the binary64 paths (0 when every
    /// column is zero), 0 for double-double QR.
    public let refinementSteps: Int
    /// Coefficient covariance in equilibrated coordinates, and the column scales (for prediction).
    let scaledCovariance: Matrix
    let columnScales: [Double]
}
