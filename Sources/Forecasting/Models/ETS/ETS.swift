import Foundation

/// Exponential smoothing, fitted by maximum likelihood.
///
/// Parameters live in the "usual" region of Hyndman et al. (2008, §10.1): `1e-4 ≤ α ≤ 0.9999`,
/// `1e-4 ≤ β ≤ min(α, 0.2)`, `0.8 ≤ φ ≤ 0.98`. With additive errors the initial states that maximise the
/// likelihood at given smoothing parameters solve a least-squares problem and are concentrated out; with
/// multiplicative errors they join the Nelder–Mead search (from a least-squares line through the first ten
/// observations). Missing values are skipped by the likelihood, not interpolated.
///
/// Selecting for a forecast, a multiplicative-error model whose point forecasts reach zero within the horizon is
/// left out (``ETSFit/isDefined(over:)``): its errors scale the mean, so it has no forecast distribution there.
/// The choice can therefore depend on the horizon asked for: a model defined over four years may not be over
/// six. A fixed multiplicative specification is kept as asked, and so is the best model when none is defined;
/// their forecasts say where they reach zero (a note).
public struct ETS: ForecastModel {
    /// A fixed specification, or `nil` to select by AICc among all admissible ones.
    public let spec: ETSSpec?
    /// Whether the automatic selection completes the winner's fit (true), or ranks with the screening fits and
    /// keeps the winner as it stands (for a combination's validation).
    let refinesWinner: Bool

    /// A fixed specification, or `nil` to fit every admissible one (multiplicative errors need positive data) and
    /// keep the smallest AICc.
    public init(_ spec: ETSSpec? = nil) { self.init(spec, refinesWinner: true) }

    init(_ spec: ETSSpec?, refinesWinner: Bool) {
        self.spec = spec
        self.refinesWinner = refinesWinner
    }

    /// For a holdout score: the selection on screening fits, without completing the winner's fit.
    public var screening: any ForecastModel { ETS(spec, refinesWinner: false) }

    /// The largest trend smoothing β searched (see the comment in `fit`).
    public static let maximumBeta = 0.2

    /// `ets`, or `ets:` and the specification (`ets:AAdN`).
    public var name: String { spec.map { "ets:\($0.error.rawValue)\($0.trend.rawValue)N" } ?? "ets" }

    /// Smallest number of observations for a model: its parameters plus σ² and one degree of freedom.
    static func minimumObservations(_ spec: ETSSpec) -> Int { spec.parameterCount + (spec.hasTrend ? 2 : 1) + 2 }

    /// Smallest number of observations for a model to take part in the selection: one more than it needs to be
    /// fitted, since AICc's correction 2k(k+1)/(n−k−1) is undefined at n = k + 1 (k counting σ²).
    static func minimumForSelection(_ spec: ETSSpec) -> Int { minimumObservations(spec) + 1 }

    /// Fits (or selects) and forecasts `horizon` periods with intervals at `levels` (percent).
    /// - Throws: ``ForecastingError`` for a bad horizon or level, an all-missing or too-short series, or non-positive
    ///   data for multiplicative errors.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double]) throws(ForecastingError) -> Forecast {
        try Self.check(series, horizon: horizon, levels: levels)
        return Self.forecast(try self.fit(series, horizon: horizon), of: series, horizon: horizon, levels: levels)
    }

    /// The fit's forecast, with a note when the model is not defined over the horizon (``ETSFit/isDefined(over:)``).
    static func forecast(_ fit: ETSFit, of series: TimeSeries, horizon: Int, levels: [Double]) -> Forecast {
        var forecast = fit.forecast(of: series, horizon: horizon, levels: levels)
        if let note = fit.undefinedNote(horizon: horizon) { forecast.notes.append(note) }
        return forecast
    }

    /// The forecast through a memo, whose ranked candidates it shares with ``AkaikeWeightedETS``.
    public func forecast(_ series: TimeSeries, horizon: Int, levels: [Double], memo: ForecastMemo) throws(ForecastingError) -> Forecast {
        try remembered(series, horizon: horizon, levels: levels, in: memo) { () throws(ForecastingError) in
            let fit = try self.fit(series, horizon: horizon) { y, effort throws(ForecastingError) in
                try Self.candidates(y, effort: effort, memo: memo)
            }
            return Self.forecast(fit, of: series, horizon: horizon, levels: levels)
        }
    }

    /// Fits the fixed model, or every admissible model and keeps the smallest AICc — among those defined over
    /// `horizon` when one is given (``definedOver(_:horizon:)``).
    public func fit(_ series: TimeSeries, horizon: Int? = nil) throws(ForecastingError) -> ETSFit {
        try fit(series, horizon: horizon) { y, effort throws(ForecastingError) in try Self.candidates(y, effort: effort) }
    }

    /// ``fit(_:horizon:)`` with the ranked candidates from `candidates(y, effort)`.
    func fit(_ series: TimeSeries, horizon: Int?,
             candidates: ([Double?], Effort) throws(ForecastingError) -> [ETSFit]) throws(ForecastingError) -> ETSFit {
        let trimmed = series.trimmed()
        let y = trimmed.values
        let observed = trimmed.observed
        guard !observed.isEmpty else { throw .allMissing }
        if let spec {
            guard observed.count >= Self.minimumObservations(spec) else {
                throw .tooShort(model: spec.description, observed: observed.count, minimum: Self.minimumObservations(spec))
            }
            if spec.error == .multiplicative && observed.contains(where: { $0 <= 0 }) { throw .nonPositiveData(model: spec.description) }
            guard let fit = Self.estimate(y, spec: spec) else { throw .noAdmissibleFit(model: spec.description) }
            return fit
        }
        // Candidates are ranked on a quick maximisation (tolerance 1e-6, no restart); the winner is then fitted
        // thoroughly, and kept if that does at least as well. A screening fit (for a combination's validation
        // weights) ranks multiplicative candidates on profiled initial states as well, and stops there.
        // Over a horizon, a winner whose completed fit leaves the models defined there gives way to the next.
        let ranked = Self.definedOver(try candidates(y, refinesWinner ? .ranking : .screening), horizon: horizon).sorted { $0.aicc < $1.aicc }
        guard refinesWinner else { return ranked[0] }
        let mustBeDefined = horizon.map { h in ranked[0].isDefined(over: h) } ?? false
        for candidate in ranked {
            var fit = candidate
            if let thorough = Self.estimate(y, spec: candidate.spec, effort: .refine(candidate)), thorough.aicc <= candidate.aicc { fit = thorough }
            if !mustBeDefined || fit.isDefined(over: horizon!) { return fit }
        }
        return ranked[0]
    }

    /// Every admissible model fitted to `y` (trimmed, not all missing), with a finite AICc: those with enough
    /// observations for their AICc (``minimumForSelection(_:)``), and the multiplicative-error ones only for
    /// positive data. Throws when none is.
    static func candidates(_ y: [Double?], effort: Effort) throws(ForecastingError) -> [ETSFit] {
        let observed = y.compactMap { $0 }
        let positive = !observed.contains { $0 <= 0 }
        var fits: [ETSFit] = []
        for candidate in ETSSpec.all where observed.count >= Self.minimumForSelection(candidate) {
            if candidate.error == .multiplicative && !positive { continue }
            guard let fit = Self.estimate(y, spec: candidate, effort: effort), fit.aicc.isFinite else { continue }
            fits.append(fit)
        }
        guard !fits.isEmpty else {
            let simplest = ETSSpec(error: .additive, trend: .none)
            let minimum = Self.minimumForSelection(simplest)
            // Long enough, yet no candidate fitted (overflowing values, say): say so rather than blame the length.
            if observed.count >= minimum { throw .noAdmissibleFit(model: "ETS") }
            if observed.count >= Self.minimumObservations(simplest) {
                throw .tooShortToSelect(model: "ETS", observed: observed.count, minimum: minimum, fixed: positive ? "ets:ANN or ets:MNN" : "ets:ANN")
            }
            throw .tooShort(model: "ETS", observed: observed.count, minimum: minimum)
        }
        return fits
    }

    /// ``candidates(_:effort:)`` through `memo` when one is given and the effort is a ranking: the ranked fits are
    /// shared by ``ETS`` (which completes the winner) and ``AkaikeWeightedETS`` (which averages them).
    static func candidates(_ y: [Double?], effort: Effort, memo: ForecastMemo?) throws(ForecastingError) -> [ETSFit] {
        guard let memo, case .ranking = effort else { return try candidates(y, effort: effort) }
        return try memo.etsCandidates { () throws(ForecastingError) in try candidates(y, effort: effort) }
    }

    /// The candidates defined over `horizon` (``ETSFit/isDefined(over:)``): without a horizon, or if none is, all.
    static func definedOver(_ fits: [ETSFit], horizon: Int?) -> [ETSFit] {
        guard let horizon else { return fits }
        let defined = fits.filter { $0.isDefined(over: horizon) }
        return defined.isEmpty ? fits : defined
    }

    /// How hard one model's likelihood is maximised.
    enum Effort {
        /// Tolerance 1e-8 and a restart from the best optimum: a fixed model, or the winner of the selection.
        case thorough
        /// Tolerance 1e-6, no restart: enough to rank the candidates of the selection.
        case ranking
        /// As `ranking`, but a multiplicative model searches its smoothing parameters only, with the initial
        /// states that minimise the additive sum of squares at each point (the state recursions are the same;
        /// only the likelihood's weights differ) — an upper bound on its criterion, from a search in at most three
        /// dimensions instead of five. For a combination's validation forecasts, which only set its weights.
        case screening
        /// As `thorough`, from a previous fit of the same model (the winner of the ranking) only; a fit of another
        /// model is ignored, and the usual starts are used.
        case refine(ETSFit)

        var isThorough: Bool {
            switch self {
            case .thorough, .refine: return true
            case .ranking, .screening: return false
            }
        }
        var isScreening: Bool { if case .screening = self { return true } else { return false } }
    }

    /// Maximum-likelihood estimation of one model; `nil` when no admissible parameters exist. The search stops
    /// after `maximumEvaluations` of the likelihood per start; the fit records whether it converged before that.
    static func estimate(_ y: [Double?], spec: ETSSpec, effort: Effort = .thorough, maximumEvaluations: Int = 2000) -> ETSFit? {
        let thorough = effort.isThorough
        let profiled = spec.error == .multiplicative && effort.isScreening
        let additiveSpec = ETSSpec(error: .additive, trend: spec.trend)
        let observed = y.compactMap { $0 }
        // Starting states: least-squares line through the first (up to) ten observations.
        let head = Array(y.prefix(10).enumerated().compactMap { i, v in v.map { (Double(i), $0) } })
        var l0 = head.first?.1 ?? observed[0], b0 = 0.0
        if spec.hasTrend, head.count >= 2 {
            let mt = head.reduce(0) { $0 + $1.0 } / Double(head.count)
            let my = head.reduce(0) { $0 + $1.1 } / Double(head.count)
            let sxy = head.reduce(0) { $0 + ($1.0 - mt) * ($1.1 - my) }
            let sxx = head.reduce(0) { $0 + ($1.0 - mt) * ($1.0 - mt) }
            b0 = sxx > 0 ? sxy / sxx : 0
            l0 = my - b0 * (mt + 1)                     // the line one period before the first observation
        } else {
            l0 = head.reduce(0) { $0 + $1.1 } / Double(max(head.count, 1))
        }
        if spec.error == .multiplicative && l0 <= 0 { l0 = observed.filter { $0 > 0 }.min() ?? 1 }
        let scale = max(observed.map(abs).max() ?? 1, 1e-8)
        let spread = max(observed.max()! - observed.min()!, 1e-8 * scale)

        let values = y.map { $0 ?? .nan }
        // Smoothing parameters α, [β, [φ]]; two starting points, the better optimum refined by a restart.
        var lower: [Double] = [1e-4], upper: [Double] = [0.9999]
        var starts: [[Double]] = [[0.3], [0.2]]
        // β ≤ 0.2: the trend adapts slowly. Yearly trends estimated freely from 15–40 points chase the last few
        // changes; capping β (statsforecast's AutoETS does the same in effect: its search bounds β by its starting
        // α, 0.2) improved MASE on the M3 (2.86 → 2.69) and Tourism (3.05 → 2.79) yearly series and cost some on
        // M1 (3.71 → 3.85), still ahead of AutoETS on all three (ACCURACY.md).
        if spec.hasTrend { lower.append(1e-4); upper.append(Self.maximumBeta); starts[0].append(0.05); starts[1].append(0.02) }
        if spec.isDamped { lower.append(0.8); upper.append(0.98); starts[0].append(0.95); starts[1].append(0.978) }
        let smoothing = lower.count
        if spec.error == .multiplicative && !profiled {
            // Multiplicative errors: the initial states join the search (the path is not linear in them).
            lower.append(l0 - 10 * spread); upper.append(l0 + 10 * spread)
            for i in starts.indices { starts[i].append(l0) }
            if spec.hasTrend {
                lower.append(b0 - 2 * spread); upper.append(b0 + 2 * spread)
                for i in starts.indices { starts[i].append(b0) }
            }
        }
        func smoothingParameters(_ p: [Double]) -> (alpha: Double, beta: Double, phi: Double) {
            (p[0], spec.hasTrend ? p[1] : 0, spec.isDamped ? p[2] : 1)
        }
        if spec.error == .multiplicative && !profiled {
            // A third start: the initial states that are optimal for additive errors at the same smoothing.
            var third = starts[1]
            let q = smoothingParameters(third)
            let states = values.withUnsafeBufferPointer {
                ETSFit.concentrated($0, spec: ETSSpec(error: .additive, trend: spec.trend), alpha: q.alpha, beta: q.beta, phi: q.phi)
            }
            if states.criterion.isFinite && states.l0 > 0 {
                third[smoothing] = min(max(states.l0, lower[smoothing]), upper[smoothing])
                if spec.hasTrend { third[smoothing + 1] = min(max(states.b0, lower[smoothing + 1]), upper[smoothing + 1]) }
                starts.append(third)
            }
        }
        if case .refine(let previous) = effort, previous.spec == spec {
            var start = [previous.alpha]
            if spec.hasTrend { start.append(previous.beta) }
            if spec.isDamped { start.append(previous.phi) }
            if spec.error == .multiplicative {
                start.append(min(max(previous.initialLevel, lower[smoothing]), upper[smoothing]))
                if spec.hasTrend { start.append(min(max(previous.initialTrend, lower[smoothing + 1]), upper[smoothing + 1])) }
            }
            starts = [start]
        }
        let (result, best) = values.withUnsafeBufferPointer { buffer -> (OptimizationResult, (alpha: Double, beta: Double, phi: Double, l0: Double, b0: Double)) in
            func objective(_ p: [Double]) -> Double {
                let q = smoothingParameters(p)
                if q.beta > q.alpha { return .infinity }          // the usual region: β ≤ α
                if spec.error == .additive {
                    return ETSFit.concentrated(buffer, spec: spec, alpha: q.alpha, beta: q.beta, phi: q.phi).criterion
                }
                if profiled {
                    let states = ETSFit.concentrated(buffer, spec: additiveSpec, alpha: q.alpha, beta: q.beta, phi: q.phi)
                    guard states.criterion.isFinite, states.l0 > 0 else { return .infinity }
                    return ETSFit.criterion(buffer, spec: spec, alpha: q.alpha, beta: q.beta, phi: q.phi, l0: states.l0, b0: states.b0)
                }
                let level = p[smoothing], trend = spec.hasTrend ? p[smoothing + 1] : 0
                if level <= 0 { return .infinity }
                return ETSFit.criterion(buffer, spec: spec, alpha: q.alpha, beta: q.beta, phi: q.phi, l0: level, b0: trend)
            }
            // The criterion is a likelihood known up to a constant that moves with the data's units: the tolerance
            // is relative to the number of observations, so that the fit does not depend on the units. 1e-7 and
            // 1e-5 per observation keep about the precision the value-relative rule had at 1e-8 and 1e-6 (yearly
            // series' criteria are about eight times their length); ten times tighter moved the M3, M1 and
            // Tourism figures only in their last digits and was slower (ACCURACY.md, change (9)).
            let optimizer = NelderMead(lower: lower, upper: upper, tolerance: thorough ? 1e-7 : 1e-5, maximumEvaluations: maximumEvaluations,
                                       valueScale: Double(observed.count))
            var result = starts.map { optimizer.minimize(objective, from: $0) }.min { $0.value < $1.value }!
            if thorough {
                let restart = optimizer.minimize(objective, from: result.point)
                if restart.value < result.value { result = restart }
            }
            let q = smoothingParameters(result.point)
            if spec.error == .additive || profiled {
                let states = ETSFit.concentrated(buffer, spec: additiveSpec, alpha: q.alpha, beta: q.beta, phi: q.phi)
                return (result, (q.alpha, q.beta, q.phi, states.l0, states.b0))
            }
            return (result, (q.alpha, q.beta, q.phi, result.point[smoothing], spec.hasTrend ? result.point[smoothing + 1] : 0))
        }
        guard result.value.isFinite else { return nil }
        return ETSFit.evaluate(y, spec: spec, alpha: best.alpha, beta: best.beta, phi: best.phi, l0: best.l0, b0: best.b0,
                               converged: result.converged)
    }
}
