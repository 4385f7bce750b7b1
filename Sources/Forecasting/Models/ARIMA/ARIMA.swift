import Foundation

/// An ARIMA order (p, d, q).
public struct ARIMAOrder: Hashable, Sendable, CustomStringConvertible {
    /// Autoregressive order p, number of differences d and moving-average order q.
    public let p: Int, d: Int, q: Int
    /// The order (p, d, q); the search uses p, q ≤ 5 and d ≤ 2.
    public init(_ p: Int, _ d: Int, _ q: Int) { self.p = p; self.d = d; self.q = q }
    public var description: String { "ARIMA(\(p),\(d),\(q))" }
}

/// A fitted ARIMA model.
public struct ARIMAFit: Sendable {
    /// The fitted order.
    public let order: ARIMAOrder
    /// A mean (d = 0) or drift (d = 1) was estimated.
    public let hasConstant: Bool
    /// φ₁…φₚ of φ(B) = 1 − φ₁B − … − φₚBᵖ (stationary).
    public let ar: [Double]
    /// θ₁…θ_q of θ(B) = 1 + θ₁B + … + θ_qB^q (invertible).
    public let ma: [Double]
    /// The mean of the d-times differenced series: the level for d = 0, the drift for d = 1.
    public let constant: Double
    /// Innovation variance σ²: the maximum-likelihood estimate, or with degrees of freedom for a chosen model.
    public let sigma2: Double
    /// Exact Gaussian log-likelihood of the differenced series at the estimates.
    public let logLikelihood: Double
    /// Observations in the likelihood (the differenced series, gaps excluded).
    public let observations: Int
    /// `−2ℓ + 2k + 2k(k+1)/(n−k−1)` with k = p + q + constant + 1 (σ²) and n = `observations`.
    public let aicc: Double
    /// Whether the likelihood search converged before its evaluation budget (its best point is used either way).
    public var converged = true

    /// The label economists read, e.g. `ARIMA(0,1,1) with drift`.
    public var label: String {
        order.description + (hasConstant ? (order.d == 0 ? " with non-zero mean" : " with drift") : "")
    }

    /// The fit with σ² re-estimated with degrees of freedom, `nσ̂²/(n − p − q − constant)`, for the forecast
    /// variances of an automatically chosen model (as R's `auto.arima` does).
    func withDegreesOfFreedomVariance() -> ARIMAFit {
        let estimated = order.p + order.q + (hasConstant ? 1 : 0)
        guard observations > estimated else { return self }
        return ARIMAFit(order: order, hasConstant: hasConstant, ar: ar, ma: ma, constant: constant,
                        sigma2: sigma2 * Double(observations) / Double(observations - estimated), logLikelihood: logLikelihood,
                        observations: observations, aicc: aicc, converged: converged)
    }
}

/// ARIMA(p,d,q) with a constant or drift, fitted by exact Gaussian maximum likelihood (Kalman filter on the
/// differenced series, ``ARMAStateSpace``), and automatic order selection after Hyndman & Khandakar
/// ("Automatic time series forecasting: the forecast package for R", JSS 27, 2008): d from repeated KPSS
/// tests at 5%, then a stepwise search over p, q ≤ 5 and the constant by AICc.
///
/// Coefficients are searched through partial autocorrelations (`tanh` of unconstrained values, Durbin–Levinson;
/// Jones 1980), so every candidate is stationary and invertible. Forecast variances use the ψ-weights of
/// `φ(B)(1 − B)ᵈ` and `θ(B)`, `σ²Σⱼ₌₀ʰ⁻¹ψⱼ²`, plus the variance of the estimated mean or drift carried to
/// step h (``constantUncertainty(of:differences:order:horizon:)``). Gaps become gaps of the differenced
/// series, skipped by the filter.
public struct ARIMA: ForecastModel {
    /// A fixed order, or `nil` to choose it (KPSS for d, stepwise AICc for p and q).
    public let order: ARIMAOrder?
    /// With a fixed order, whether to estimate a mean (d = 0) or drift (d = 1); `nil` means yes when d ≤ 1 (never
    /// with d = 2). Without an order the stepwise search chooses the constant by AICc and this is not used.
    public let constant: Bool?

    /// A fixed order and constant, or `nil` to choose them.
    public init(order: ARIMAOrder? = nil, constant: Bool? = nil) {
        self.order = order
        self.constant = constant
    }

    /// `arima`, or `arima:PDQ` for a fixed order (e.g. `arima:011`).
    public var name: String { order.map { "arima:\($0.p)\($0.d)\($0.q)" } ?? "arima" }

    /// Fits the series (leading and trailing gaps trimmed) and forecasts `horizon` periods with normal intervals
    /// at `levels` (percent). The parameters include the coefficients' standard errors where the observed
    /// information is positive definite (``standardErrors(of:differences:)``).
    /// - Throws: ``ForecastingError`` for a bad horizon or level, an all-missing or too-short series, or an order with
    ///   no admissible fit.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        let trimmed = series.trimmed()
        let fit = try self.fit(trimmed)
        var forecast = Self.forecast(fit, series: trimmed, start: series.end, horizon: horizon, levels: levels)
        let differences = Self.difference(trimmed.values.map { $0 ?? .nan }, fit.order.d)
        forecast.parameters.merge(Self.standardErrors(of: fit, differences: differences)) { _, new in new }
        return forecast
    }

    /// Fits the fixed order, or selects one.
    public func fit(_ series: TimeSeries) throws(ForecastingError) -> ARIMAFit {
        let y = series.trimmed().values.map { $0 ?? .nan }
        let observed = y.filter { !$0.isNaN }
        guard !observed.isEmpty else { throw .allMissing }
        if let order {
            let w = Self.difference(y, order.d)
            let withConstant = constant ?? (order.d <= 1)
            let differences = Self.observedCount(w), needed = order.p + order.q + (withConstant ? 1 : 0) + 3
            guard differences >= needed else {
                if order.d == 0 { throw .tooShort(model: order.description, observed: differences, minimum: needed) }
                throw .tooFewDifferences(model: order.description, order: order.d, available: differences, minimum: needed)
            }
            // Data that ARIMA(0,d,0) reproduces exactly (its variance is zero); AR or MA terms have nothing to estimate.
            if let value = Self.constantValue(w), withConstant && order.d <= 1 || value == 0 {
                guard order.p == 0, order.q == 0 else {
                    throw .exactlyConstant(model: order.description, differences: order.d, value: value)
                }
                return Self.exactFit(w, order: order, withConstant: withConstant && order.d <= 1, value: value)
            }
            guard let fit = Self.estimate(w, order: order, withConstant: withConstant && order.d <= 1) else {
                throw .noAdmissibleFit(model: order.description)
            }
            return fit
        }
        guard observed.count >= 5 else { throw .tooShort(model: "ARIMA", observed: observed.count, minimum: 5) }
        let d = Self.differences(y)
        let w = Self.difference(y, d)
        // A constant series, or a straight line (R's auto.arima does the same): ARIMA(0,d,0) with its mean or
        // drift, exactly. Constant second differences take (0,2,0), which has no constant.
        if let value = Self.constantValue(w), d <= 1 || value == 0 {
            return Self.exactFit(w, order: ARIMAOrder(0, d, 0), withConstant: d <= 1, value: value)
        }
        let count = Self.observedCount(w)
        let best: ARIMAFit
        do {
            best = try Self.stepwise(observations: count, seriesLength: observed.count, allowConstant: d <= 1) { p, q, c in
                Self.estimate(w, order: ARIMAOrder(p, d, q), withConstant: c, effort: .search).flatMap { Self.admissible($0) ? $0 : nil }
            }
        } catch .tooShort(_, let available, let minimum) where d > 0 {
            // No candidate fitted, and the differences are few: gaps (each costs the differences across it), not the
            // length, may be why, so say differences rather than observations.
            throw .tooFewDifferences(model: "ARIMA(p,\(d),q)", order: d, available: available, minimum: minimum)
        }
        // The candidates were ranked on a quick maximisation; the winner's is completed.
        let refined = Self.estimate(w, order: best.order, withConstant: best.hasConstant, effort: .refine(ar: best.ar, ma: best.ma))
        let chosen = refined.map { $0.logLikelihood >= best.logLikelihood && Self.admissible($0) ? $0 : best } ?? best
        return chosen.withDegreesOfFreedomVariance()
    }

    /// The value of the differenced series when every observed difference is it (to 10⁻¹² of their scale);
    /// `nil` when they vary or none is observed.
    static func constantValue(_ w: [Double]) -> Double? {
        let observed = w.filter { !$0.isNaN }
        guard let first = observed.first, let low = observed.min(), let high = observed.max() else { return nil }
        let scale = observed.reduce(0) { max($0, abs($1)) }
        return high - low <= 1e-12 * scale ? (scale == 0 ? 0 : first) : nil
    }

    /// ARIMA(0,d,0) with the constant `value` (or none, when `value` is 0 and `withConstant` is not asked) on
    /// differences that all equal it: zero innovation variance, so zero-width intervals; no likelihood (it
    /// is unbounded) and no AICc.
    static func exactFit(_ w: [Double], order: ARIMAOrder, withConstant: Bool, value: Double) -> ARIMAFit {
        ARIMAFit(order: order, hasConstant: withConstant, ar: [], ma: [], constant: withConstant ? value : 0, sigma2: 0,
                 logLikelihood: .infinity, observations: Self.observedCount(w), aicc: -.infinity)
    }

    /// Maximum-likelihood estimate of one order on the differenced series; the search stops after
    /// `maximumEvaluations` (by default 500 per coefficient) and the fit records whether it converged first.
    static func estimate(_ w: [Double], order: ARIMAOrder, withConstant: Bool, effort: SearchEffort = .thorough,
                         maximumEvaluations: Int? = nil) -> ARIMAFit? {
        let p = order.p, q = order.q
        let observations = Double(Self.observedCount(w))
        let (ar, ma, converged) = maximumLikelihoodCoefficients(p: p, q: q, effort: effort, maximumEvaluations: maximumEvaluations,
                                                                observations: observations) { ar, ma in
            ARMAStateSpace(ar: ar, ma: ma).logLikelihood(w, withMean: withConstant)?.logLikelihood
        }
        guard let ll = ARMAStateSpace(ar: ar, ma: ma).logLikelihood(w, withMean: withConstant) else { return nil }
        return ARIMAFit(order: order, hasConstant: withConstant, ar: ar, ma: ma, constant: ll.mean, sigma2: ll.sigma2,
                        logLikelihood: ll.logLikelihood, observations: ll.n,
                        aicc: aicc(ll.logLikelihood, parameters: p + q + (withConstant ? 1 : 0) + 1, observations: ll.n),
                        converged: converged)
    }

    /// The values of `w` that are not missing (NaN): the terms of its likelihood.
    static func observedCount(_ w: [Double]) -> Int { w.reduce(0) { $1.isNaN ? $0 : $0 + 1 } }

    /// `AICc = −2ℓ + 2k + 2k(k+1)/(n−k−1)`, with k counting σ²; +∞ when n ≤ k + 1.
    static func aicc(_ logLikelihood: Double, parameters k: Int, observations n: Int) -> Double {
        let k = Double(k), n = Double(n)
        return n - k - 1 > 0 ? -2 * logLikelihood + 2 * k + 2 * k * (k + 1) / (n - k - 1) : .infinity
    }

    /// The AR and MA coefficients maximising `logLikelihood(ar, ma)`, searched through partial autocorrelations
    /// (`tanh` of unconstrained values bounded by ±4) by Nelder–Mead with one restart, so every candidate is
    /// stationary and invertible. A `nil` likelihood counts as −∞. `converged` says whether the search met its
    /// tolerance within `maximumEvaluations` (default 500 per coefficient); its best point is returned either way.
    /// The tolerance is on the log-likelihood's change relative to `observations` (the number of its terms), not to
    /// its value, which shifts with the data's units: the estimate is the same in CHF as in millions of CHF.
    static func maximumLikelihoodCoefficients(p: Int, q: Int, effort: SearchEffort = .thorough, maximumEvaluations: Int? = nil,
                                             observations: Double,
                                             _ logLikelihood: ([Double], [Double]) -> Double?) -> (ar: [Double], ma: [Double], converged: Bool) {
        func coefficients(_ u: [Double]) -> (ar: [Double], ma: [Double]) {
            (fromPartial(Array(u.prefix(p)).map(tanh)), fromPartial(Array(u.suffix(q)).map(tanh)).map { -$0 })
        }
        // The objective reuses its coefficient arrays: each is uniquely owned again by the next call.
        var ar = [Double](repeating: 0, count: p), ma = [Double](repeating: 0, count: q)
        var scratch = [Double](repeating: 0, count: max(p, q))
        func negativeLogLikelihood(_ u: [Double]) -> Double {
            fillFromPartial(&ar, tanhOf: u, offset: 0, scratch: &scratch)
            fillFromPartial(&ma, tanhOf: u, offset: p, scratch: &scratch)
            for j in 0..<q { ma[j] = -ma[j] }
            return -(logLikelihood(ar, ma) ?? -.infinity)
        }
        var u = [Double](repeating: 0, count: p + q)
        var converged = true
        if case .refine(let ar, let ma) = effort, ar.count == p, ma.count == q {
            // Back to the unconstrained values of a previous optimum (atanh of its partial autocorrelations).
            u = (toPartial(ar) + toPartial(ma.map { -$0 })).map { atanh(min(max($0, -0.9993), 0.9993)) }
        }
        if p + q > 0 {
            let optimizer = NelderMead(lower: .init(repeating: -4, count: p + q), upper: .init(repeating: 4, count: p + q),
                                       tolerance: effort == .search ? 1e-6 : 1e-8, maximumEvaluations: maximumEvaluations ?? 500 * (p + q),
                                       valueScale: observations)
            var result = optimizer.minimize(negativeLogLikelihood, from: u)
            if effort != .search {
                let restart = optimizer.minimize(negativeLogLikelihood, from: result.point)
                if restart.value < result.value { result = restart }
            }
            u = result.point
            converged = result.converged
        }
        let best = coefficients(u)
        return (best.ar, best.ma, converged)
    }

    /// How hard the likelihood is maximised: `thorough` (tolerance 1e-8 per observation and a restart, from zero),
    /// `search` (1e-6 per observation, no restart: enough to rank the candidates of the automatic search) or `refine` (thorough, from a
    /// previous optimum: the winner of the search).
    enum SearchEffort: Equatable {
        case thorough
        case search
        case refine(ar: [Double], ma: [Double])
    }

    /// Point forecasts (the differenced forecasts integrated back) and ψ-weight variances.
    static func forecast(_ fit: ARIMAFit, series: TimeSeries, start: Int, horizon: Int, levels: [Double]) -> Forecast {
        let y = series.values.map { $0 ?? .nan }
        let w = difference(y, fit.order.d)
        let model = ARMAStateSpace(ar: fit.ar, ma: fit.ma)
        // One Kalman pass over the differences less their fitted mean gives both the state the forecasts start
        // from and the one-step innovations of the in-sample fit.
        let filtered = model.stationaryCovariance().map { model.filter(w.map { $0 - (fit.hasConstant ? fit.constant : 0) }, p1: $0) }
        let state = filtered?.state ?? .init(repeating: 0, count: model.r)
        var path = model.forecast(from: state, horizon: horizon).map { $0 + (fit.hasConstant ? fit.constant : 0) }
        // Integrate d times from the last observed levels (and differences).
        var lastLevels: [Double] = []
        var current = y
        for _ in 0..<fit.order.d {
            lastLevels.append(current.last { !$0.isNaN } ?? 0)
            current = difference(current, 1)
        }
        for level in lastLevels.reversed() {
            var running = level
            path = path.map { running += $0; return running }
        }
        // ψ-weights of θ(B) / (φ(B)(1 − B)ᵈ).
        var phiStar = fit.ar
        for _ in 0..<fit.order.d {
            var next = [Double](repeating: 0, count: phiStar.count + 1)
            next[0] = 1 + (phiStar.first ?? 0)
            for i in 1..<next.count { next[i] = (i < phiStar.count ? phiStar[i] : 0) - (i - 1 < phiStar.count ? phiStar[i - 1] : 0) }
            if phiStar.isEmpty { next = [1] }
            phiStar = next
        }
        var psi = [1.0]
        for j in 1..<max(horizon, 1) {
            var value = j - 1 < fit.ma.count ? fit.ma[j - 1] : 0
            if !phiStar.isEmpty { for i in 1...min(j, phiStar.count) { value += phiStar[i - 1] * psi[j - i] } }
            psi.append(value)
        }
        let constantSpread = fit.hasConstant ? constantUncertainty(of: model, differences: w, order: fit.order, horizon: horizon) : nil
        var cumulative = 0.0
        let sd = (0..<horizon).map { h -> Double in
            cumulative += psi[h] * psi[h]
            return (fit.sigma2 * (cumulative + (constantSpread?[h] ?? 0))).squareRoot()
        }
        var forecast = Forecast(model: fit.label, start: start, mean: path, standardDeviation: sd, levels: levels)
        forecast.parameters = ["sigma2": fit.sigma2, "constant": fit.constant]
        forecast.recordStatistic("loglik", fit.logLikelihood)
        forecast.recordStatistic("aicc", fit.aicc)
        forecast.armaTerms = fit.order.p + fit.order.q
        for (i, value) in fit.ar.enumerated() { forecast.parameters["ar\(i + 1)"] = value }
        for (i, value) in fit.ma.enumerated() { forecast.parameters["ma\(i + 1)"] = value }
        if !fit.converged { forecast.notes.append(Forecast.unconverged(fit.label)) }
        // One step ahead, yₜ − ŷₜ = wₜ − ŵₜ: the Kalman innovation of the differenced series (the d values
        // before t are known), so ŷₜ = yₜ − vₜ; none for the first d values and where a difference is missing.
        if let innovations = filtered?.v {
            forecast.inSample = .init(series: series, fitted: zip(series.values, innovations).map { value, v in
                guard let value, !v.isNaN else { return nil }
                return value - v
            })
        }
        return forecast
    }
}
