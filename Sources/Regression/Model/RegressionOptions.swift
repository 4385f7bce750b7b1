public import LinearAlgebra

/// Choices that shape inference, not the point estimates.
public struct RegressionOptions: Sendable {
    /// Covariance estimator behind standard errors, t, p and confidence intervals.
    public var covariance: CovarianceType
    /// Confidence level of the coefficient intervals, in (0, 1).
    public var confidenceLevel: Double
    /// Ljung–Box lag; `min(10, n/5)` when `nil`.
    public var ljungBoxLag: Int?
    /// The numerical core's settings.
    public var leastSquares: LeastSquaresOptions

    /// Options with the defaults: classical covariance, 95% intervals, Ljung–Box lag `min(10, n/5)`, default
    /// least-squares settings. Values are checked when fitting (``LinearRegression/fit(_:weights:options:)``
    /// throws `.invalidOption`).
    public init(covariance: CovarianceType = .classical, confidenceLevel: Double = 0.95, ljungBoxLag: Int? = nil,
                leastSquares: LeastSquaresOptions = .init()) {
        self.covariance = covariance
        self.confidenceLevel = confidenceLevel
        self.ljungBoxLag = ljungBoxLag
        self.leastSquares = leastSquares
    }
}

/// How the coefficients were estimated.
public enum EstimationMethod: Sendable, Equatable, CustomStringConvertible {
    /// Ordinary least squares: every row weighted equally.
    case ordinaryLeastSquares
    /// Weighted least squares with the given positive weights (inverse variances).
    case weightedLeastSquares
    /// Feasible GLS with AR(1) errors by iterated Prais–Winsten; `rho` the final AR(1) coefficient.
    case praisWinsten(rho: Double, iterations: Int)

    public var description: String {
        switch self {
        case .ordinaryLeastSquares: return "OLS"
        case .weightedLeastSquares: return "WLS"
        case .praisWinsten(let rho, let iterations): return "GLS, AR(1) errors (iterated Prais-Winsten: rho = \(rho), \(iterations) iterations)"
        }
    }
}
