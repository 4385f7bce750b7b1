/// How the covariance matrix of the coefficients is estimated.
///
/// Heteroskedasticity-consistent estimators follow MacKinnon & White (1985) as implemented in statsmodels
/// (`cov_type="HC0"` … `"HC3"`); Newey–West (1987) uses Bartlett weights `1 − l/(L+1)` for lags
/// `l = 1…L` and no small-sample factor, as statsmodels' `fit(cov_type="HAC")` (its default `use_correction=False`).
public enum CovarianceType: Sendable, Equatable, CustomStringConvertible {
    /// `σ̂²(XᵀX)⁻¹`.
    case classical
    /// White's estimator, `(XᵀX)⁻¹ Xᵀ diag(eᵢ²) X (XᵀX)⁻¹`.
    case hc0
    /// HC0 times `n/(n−k)`.
    case hc1
    /// `eᵢ²/(1−hᵢ)`, with `hᵢ` the leverage.
    case hc2
    /// `eᵢ²/(1−hᵢ)²`, the jackknife-like choice recommended for small samples.
    case hc3
    /// Heteroskedasticity- and autocorrelation-consistent, Bartlett kernel with the given maximum lag.
    case neweyWest(lag: Int)

    public var description: String {
        switch self {
        case .classical: return "classical"
        case .hc0: return "HC0"
        case .hc1: return "HC1"
        case .hc2: return "HC2"
        case .hc3: return "HC3"
        case .neweyWest(let lag): return "Newey-West (lag \(lag))"
        }
    }
}
