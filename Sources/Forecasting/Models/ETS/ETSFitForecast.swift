import Foundation

extension ETSFit {
    /// The fit at given parameters and initial states: states, residuals and the statistics.
    ///
    /// Counts `k` = smoothing and damping parameters plus initial states, plus one for σ² (AIC, AICc, BIC as
    /// in R's `ets` and statsforecast); the innovation variance is `Σεₜ²/(n − k − 1)` as statsforecast's.
    static func evaluate(_ y: [Double?], spec: ETSSpec, alpha: Double, beta: Double, phi: Double, l0: Double, b0: Double,
                         converged: Bool = true) -> ETSFit? {
        guard let path = filter(y, spec: spec, alpha: alpha, beta: beta, phi: phi, l0: l0, b0: b0) else { return nil }
        let n = Double(path.n)
        let parameters = spec.parameterCount + 1 + (spec.hasTrend ? 1 : 0) + 1        // smoothing, states, σ²
        let logLikelihood = -0.5 * path.criterion - 0.5 * n * (log(2 * Double.pi / n) + 1)
        let k = Double(parameters)
        let aic = -2 * logLikelihood + 2 * k
        let aicc = n - k - 1 > 0 ? aic + 2 * k * (k + 1) / (n - k - 1) : .infinity
        let bic = -2 * logLikelihood + log(n) * k
        let sigma2 = path.sse / max(n - k - 1, 1)
        return ETSFit(spec: spec, alpha: alpha, beta: beta, phi: phi, initialLevel: l0, initialTrend: b0,
                      level: path.level, trend: path.trend, fitted: path.fitted, residuals: path.residuals, observations: path.n,
                      criterion: path.criterion, logLikelihood: logLikelihood, parameters: parameters, aic: aic, aicc: aicc,
                      bic: bic, sigma2: sigma2, converged: converged)
    }

    /// ``forecast(start:horizon:levels:)`` after `series` (the series fitted), with its in-sample fit.
    func forecast(of series: TimeSeries, horizon: Int, levels: [Double]) -> Forecast {
        var forecast = forecast(start: series.end, horizon: horizon, levels: levels)
        forecast.inSample = .init(series: series.trimmed(), fitted: fitted)
        return forecast
    }

    /// Point forecasts `ℓₙ + (φ + … + φʰ)bₙ` for h = 1…`horizon`.
    func means(horizon: Int) -> [Double] {
        let damping = spec.isDamped ? phi : 1
        var mean: [Double] = []
        var sum = 0.0, power = 1.0
        for _ in stride(from: 1, through: horizon, by: 1) {
            power *= damping
            sum += power
            mean.append(level + (spec.hasTrend ? sum * trend : 0))
        }
        return mean
    }

    /// Whether the model describes the data `horizon` steps ahead: always with additive errors; with
    /// multiplicative errors, which scale the mean (yₜ = μₜ(1 + εₜ), a model of positive data), only while every
    /// point forecast stays above zero. A declining trend can take it to zero within the horizon, where its
    /// forecast distribution no longer exists.
    public func isDefined(over horizon: Int) -> Bool { firstUndefinedStep(within: horizon) == nil }

    /// The first step h ≤ `horizon` at which a multiplicative-error model's point forecast is not above zero (or
    /// not a number); `nil` for additive errors and where every step is defined.
    func firstUndefinedStep(within horizon: Int) -> Int? {
        guard spec.error == .multiplicative else { return nil }
        return means(horizon: horizon).firstIndex { !($0 > 0) }.map { $0 + 1 }
    }

    /// What a forecast says when the model is not defined over `horizon` (``isDefined(over:)``); `nil` if it is.
    func undefinedNote(horizon: Int) -> String? {
        firstUndefinedStep(within: horizon).map {
            "\(spec)'s forecast falls to zero or below at h = \($0): a model with multiplicative errors describes positive "
                + "data only, so its intervals from there on are not meaningful; an additive-error model can follow such a path"
        }
    }

    /// Point forecasts and prediction intervals `horizon` steps ahead.
    ///
    /// Means: ``means(horizon:)``. Variances (Hyndman et al. 2008, ch. 6): for additive errors
    /// `σ²(1 + Σⱼ₌₁ʰ⁻¹ cⱼ²)`; for multiplicative errors `(1 + σ²)θₕ − μₕ²` with `θ₁ = μ₁²`,
    /// `θₕ = μₕ² + σ²Σⱼ₌₁ʰ⁻¹ cⱼ²θₕ₋ⱼ`; where `cⱼ = α + βφ(1 − φʲ)/(1 − φ)` (`α + βj` undamped, `α` without trend).
    /// Intervals are normal around the mean. A horizon below 1 gives an empty forecast (the models' own
    /// `forecast` refuses it with ``ForecastingError/invalidHorizon(_:)`` before fitting).
    public func forecast(start: Int, horizon: Int, levels: [Double]) -> Forecast {
        let horizon = max(horizon, 0)
        let mean = means(horizon: horizon)
        func c(_ j: Int) -> Double {
            guard spec.hasTrend else { return alpha }
            if spec.isDamped { return alpha + beta * phi * (1 - pow(phi, Double(j))) / (1 - phi) }
            return alpha + beta * Double(j)
        }
        var variance = [Double](repeating: 0, count: horizon)
        switch spec.error {
        case .additive:
            var accumulated = 0.0
            for h in stride(from: 1, through: horizon, by: 1) {
                if h > 1 { accumulated += c(h - 1) * c(h - 1) }
                variance[h - 1] = sigma2 * (1 + accumulated)
            }
        case .multiplicative:
            var theta = [Double](repeating: 0, count: horizon + 1)
            for h in stride(from: 1, through: horizon, by: 1) {
                var s = mean[h - 1] * mean[h - 1]
                if h > 1 { for j in 1..<h { s += sigma2 * c(j) * c(j) * theta[h - j] } }
                theta[h] = s
                variance[h - 1] = (1 + sigma2) * theta[h] - mean[h - 1] * mean[h - 1]
            }
        }
        var forecast = Forecast(model: spec.description, start: start, mean: mean,
                                standardDeviation: variance.map { max($0, 0).squareRoot() }, levels: levels)
        forecast.parameters = ["alpha": alpha, "l0": initialLevel, "sigma2": sigma2, "loglik": logLikelihood]
        forecast.recordStatistic("aicc", aicc)
        if spec.hasTrend { forecast.parameters["beta"] = beta; forecast.parameters["b0"] = initialTrend }
        if spec.isDamped { forecast.parameters["phi"] = phi }
        if !converged { forecast.notes.append(Forecast.unconverged(spec.description)) }
        return forecast
    }
}
