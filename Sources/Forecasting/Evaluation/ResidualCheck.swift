import Regression

/// The Ljung–Box portmanteau test of a fitted model's one-step residuals (Ljung & Box, 1978): is there
/// autocorrelation left that the model could have used? Chosen as R's `forecast::checkresiduals` chooses it
/// for non-seasonal data (Hyndman & Athanasopoulos, FPP3 §5.4): `lag = min(10, n/5)` rounded, with n the
/// periods of the fitted series (the first ones without a residual included), at least `k + 3`, and a χ²
/// reference with `lag − k` degrees of freedom, where `k` is an ARIMA model's p + q and 0 for every other
/// model. Gaps inside the residuals are interpolated linearly and leading or trailing ones dropped, as R's
/// `zoo::na.approx` does before its test.
///
/// The residuals are the models' own yₜ − ŷₜ, where R's differ in two places: a multiplicative-error ETS
/// model's are relative there, (yₜ − ŷₜ)/ŷₜ, and R's `Arima` gives the first d values a residual from its
/// diffuse prior, where Biennium has none.
public struct ResidualCheck: Sendable, Equatable, Codable {
    /// The test's name, `Ljung-Box`.
    public let test: String
    /// Autocorrelations summed, 1…`lag`.
    public let lag: Int
    /// The χ² reference's degrees of freedom, `lag − k`.
    public let degreesOfFreedom: Int
    /// `Q* = n(n + 2)·Σₖ r²ₖ/(n − k)`.
    public let statistic: Double
    /// `P(χ²(degreesOfFreedom) > Q*)`: small when autocorrelation is left in the residuals.
    public let pValue: Double
    /// Residuals tested (after interpolating inner gaps).
    public let residuals: Int
    /// Of those, the ones interpolated across gaps (where the model left no residual).
    public let interpolated: Int

    /// The test of `residuals` (one per period of the fitted series, `nil` at gaps and where the model has
    /// none) of a model with `coefficients` AR and MA terms; `nil` when fewer than `lag + 2` residuals are
    /// present (interpolated ones not counted) or they are constant.
    public init?(residuals: [Double?], coefficients k: Int) {
        let e = Self.interpolated(residuals)
        let n = e.count
        let lag = max(k + 3, min(10, Int((Double(residuals.count) / 5).rounded())))
        // Enough residuals the model actually left, not interpolated ones, for the lags tested.
        let present = residuals.lazy.compactMap({ $0 }).count
        guard present >= lag + 2 else { return nil }
        let result = ResidualDiagnostics.ljungBox(e, lag: lag, modelDegreesOfFreedom: k)
        guard result.statistic.isFinite, result.pValue.isFinite else { return nil }
        test = "Ljung-Box"
        self.lag = lag
        degreesOfFreedom = lag - k
        statistic = result.statistic
        pValue = result.pValue
        self.residuals = n
        interpolated = n - present
    }

    /// The residuals from the first to the last present one, inner gaps filled on the straight line between
    /// their neighbours.
    static func interpolated(_ residuals: [Double?]) -> [Double] {
        guard let first = residuals.firstIndex(where: { $0 != nil }), let last = residuals.lastIndex(where: { $0 != nil }) else { return [] }
        var out: [Double] = []
        var previous = (index: first, value: residuals[first]!)
        for t in first...last {
            if let value = residuals[t] {
                if t > previous.index + 1 {
                    let span = Double(t - previous.index)
                    for gap in (previous.index + 1)..<t {
                        out.append(previous.value + (value - previous.value) * Double(gap - previous.index) / span)
                    }
                }
                out.append(value)
                previous = (t, value)
            }
        }
        return out
    }
}
