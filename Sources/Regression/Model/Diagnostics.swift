/// A test statistic with its p-value.
public struct TestResult: Sendable, Equatable, Codable {
    /// The test statistic (e.g. Ljung–Box Q, Jarque–Bera JB).
    public let statistic: Double
    /// `P(statistic ≥ observed)` under the null hypothesis, in [0, 1]; NaN when the test has no degrees of freedom.
    public let pValue: Double
}

/// Residual diagnostics of a fitted regression.
public enum ResidualDiagnostics {
    /// Durbin–Watson `Σ(eₜ − eₜ₋₁)² / Σeₜ²`; near 2 without first-order autocorrelation.
    public static func durbinWatson(_ e: [Double]) -> Double {
        guard e.count > 1 else { return .nan }
        var numerator = 0.0, denominator = e[0] * e[0]
        for t in 1..<e.count {
            let d = e[t] - e[t - 1]
            numerator += d * d
            denominator += e[t] * e[t]
        }
        return numerator / denominator
    }

    /// Sample autocorrelations `r_k = Σ(eₜ−ē)(eₜ₋ₖ−ē) / Σ(eₜ−ē)²` for `k = 1…maxLag`.
    public static func autocorrelations(_ e: [Double], maxLag: Int) -> [Double] {
        let n = e.count
        let mean = e.reduce(0, +) / Double(n)
        let centred = e.map { $0 - mean }
        let denominator = centred.reduce(0) { $0 + $1 * $1 }
        return (1...max(maxLag, 1)).map { k in
            guard k < n else { return 0 }
            var s = 0.0
            for t in k..<n { s += centred[t] * centred[t - k] }
            return s / denominator
        }
    }

    /// Ljung–Box `Q = n(n+2)·Σ_{k≤L} r_k²/(n−k)` against χ² with `L − modelDegreesOfFreedom` degrees of freedom
    /// (Ljung & Box, 1978; statsmodels `acorr_ljungbox`).
    public static func ljungBox(_ e: [Double], lag: Int, modelDegreesOfFreedom: Int = 0) -> TestResult {
        let n = Double(e.count)
        let r = autocorrelations(e, maxLag: lag)
        var q = 0.0
        for (index, rk) in r.enumerated() { q += rk * rk / (n - Double(index + 1)) }
        q *= n * (n + 2)
        let df = Double(lag - modelDegreesOfFreedom)
        return TestResult(statistic: q, pValue: df > 0 ? ChiSquared(degreesOfFreedom: df).survival(q) : .nan)
    }

    /// Box–Pierce `Q = n·Σ_{k≤L} r_k²`.
    public static func boxPierce(_ e: [Double], lag: Int, modelDegreesOfFreedom: Int = 0) -> TestResult {
        let n = Double(e.count)
        let q = n * autocorrelations(e, maxLag: lag).reduce(0) { $0 + $1 * $1 }
        let df = Double(lag - modelDegreesOfFreedom)
        return TestResult(statistic: q, pValue: df > 0 ? ChiSquared(degreesOfFreedom: df).survival(q) : .nan)
    }

    /// The default Ljung–Box lag for `n` residuals: `min(10, n/5)`, at least 1.
    public static func defaultLjungBoxLag(count n: Int) -> Int {
        max(1, min(10, n / 5))
    }

    /// Jarque–Bera `n/6·(S² + (K−3)²/4)` with the (biased) sample skewness S and kurtosis K, against χ²(2).
    public static func jarqueBera(_ e: [Double]) -> (test: TestResult, skewness: Double, kurtosis: Double) {
        let n = Double(e.count)
        let mean = e.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for value in e {
            let d = value - mean, d2 = d * d
            m2 += d2
            m3 += d2 * d
            m4 += d2 * d2
        }
        m2 /= n; m3 /= n; m4 /= n
        let skewness = m3 / (m2 * m2.squareRoot())
        let kurtosis = m4 / (m2 * m2)
        let statistic = n / 6 * (skewness * skewness + (kurtosis - 3) * (kurtosis - 3) / 4)
        return (TestResult(statistic: statistic, pValue: ChiSquared(degreesOfFreedom: 2).survival(statistic)), skewness, kurtosis)
    }
}
