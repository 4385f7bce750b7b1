public import LinearAlgebra

/// One row of the coefficient table. Aliased coefficients have every figure `nil`.
public struct Coefficient: Sendable, Equatable {
    public let name: String
    public let estimate: Double?
    public let standardError: Double?
    public let tValue: Double?
    /// Two-sided p-value from Student's t with the residual degrees of freedom.
    public let pValue: Double?
    /// Confidence interval at `RegressionOptions.confidenceLevel`.
    public let lower: Double?
    public let upper: Double?

    /// Whether the column was linearly dependent on the others and so not estimated.
    public var isAliased: Bool { estimate == nil }
}

/// A fitted linear regression with the inference an economist reads in `summary.lm` or statsmodels' summary.
public struct RegressionResult: Sendable {
    public let design: Design
    public let method: EstimationMethod
    public let options: RegressionOptions
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
    public let fittedValues: [Double]
    /// Observations used.
    public let n: Int
    public let rank: Int
    public let residualDegreesOfFreedom: Int
    /// Whitened residual sum of squares.
    public let residualSumOfSquares: Double
    /// Residual standard error `√(RSS/(n−k))`.
    public let sigma: Double
    /// Centred R² with an intercept, uncentred without (as R and statsmodels).
    public let rSquared: Double
    public let adjustedRSquared: Double
    /// Overall F test against the intercept-only model (the zero model without intercept); `nil` with no slope.
    public let fStatistic: Double?
    public let fNumeratorDegreesOfFreedom: Int
    public let fPValue: Double?
    /// Gaussian log-likelihood at the estimates, with σ² at its maximum-likelihood value `RSS/n`.
    public let logLikelihood: Double
    /// Parameters counted by the information criteria: coefficients, σ², and ρ for AR(1) errors (as R's `logLik`).
    public let informationParameters: Int
    public let aic: Double
    public let aicc: Double
    public let bic: Double
    public let durbinWatson: Double
    public let ljungBoxLag: Int
    public let ljungBox: TestResult
    public let jarqueBera: TestResult
    public let residualSkewness: Double
    public let residualKurtosis: Double
    /// `κ₁` of the raw design's triangular factor.
    public let conditionNumber: Double
    /// `κ₁` after equilibrating the columns: what decides the attainable accuracy.
    public let scaledConditionNumber: Double
    public let solverMethod: LeastSquaresMethod
    public let refinementSteps: Int
    /// Coefficient covariance in equilibrated coordinates, and the column scales (for prediction).
    let scaledCovariance: Matrix
    let columnScales: [Double]
}
