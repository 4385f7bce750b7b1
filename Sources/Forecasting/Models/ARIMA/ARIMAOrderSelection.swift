import Foundation

/// The automatic order of ``ARIMA``: the number of differences by KPSS tests, the admissibility of a candidate,
/// and Hyndman & Khandakar's stepwise search.
extension ARIMA {
    /// Differences for the automatic order: KPSS at 5% with a bandwidth chosen from the data (Newey & West 1994,
    /// ``automaticLags(_:pilot:)``), repeated on the differences up to d = 2. R's forecast and statsforecast use
    /// the fixed lag ⌊3√n/13⌋ and urca's "short" option ⌊4(n/100)^¼⌋; measured on the M3, M1 and Tourism yearly
    /// series, the automatic bandwidth was more accurate than either over the three together (ACCURACY.md).
    static func differences(_ y: [Double]) -> Int {
        var d = 0
        var w = y.filter { !$0.isNaN }
        while d < 2, w.count >= 3, kpss(w) > 0.463 {
            d += 1
            w = difference(y, d).filter { !$0.isNaN }
        }
        return d
    }

    /// Whether a candidate of the automatic search keeps its AR and MA roots at least 1.01 from the origin, so
    /// that models at the edge of stationarity or invertibility are refused (R's `auto.arima`). As in
    /// statsforecast, the check applies to polynomials of degree two or more: a first-order coefficient is
    /// already bounded by the search (|φ|, |θ| ≤ tanh 4). Checking first-order models too was worse on the M1 and
    /// Tourism yearly series; checking none was worse on all three collections (ACCURACY.md).
    static func admissible(_ fit: ARIMAFit) -> Bool {
        (fit.ar.count < 2 || rootsOutside(fit.ar, radius: 1.01)) && (fit.ma.count < 2 || rootsOutside(fit.ma.map { -$0 }, radius: 1.01))
    }

    /// Hyndman–Khandakar stepwise search by AICc over p, q ≤ 5 and the constant, in their order of moves (as R's
    /// `auto.arima` and statsforecast): (2,2) — (1,1) for a series of fewer than ten values, `seriesLength` —
    /// (0,0), (1,0), (0,1) with the constant where allowed and (0,0) without, then from the best the first
    /// neighbour (p∓1, q∓1, both, the constant toggled) that lowers the AICc, until none does. (Each candidate is
    /// fitted once, so at most 72 are; R's cap of 94 models binds only with seasonal terms.) As in those
    /// implementations, the neighbours keep the constant of the starting models until toggling
    /// it wins, even when (0,0) without it was the best start: a model without the constant is then reached only
    /// through that toggle. Searching the neighbours of the best start's own constant instead found lower AICc
    /// minima that forecast worse on the M3 and Tourism yearly series (ACCURACY.md). `estimate(p, q, constant)`
    /// fits one candidate; candidates with fewer than `p + q + constant + 3` observations are not tried.
    static func stepwise(observations count: Int, seriesLength: Int, allowConstant: Bool,
                         estimate: (Int, Int, Bool) -> ARIMAFit?) throws(ForecastingError) -> ARIMAFit {
        var cache: [ARMACandidate: ARIMAFit?] = [:]     // a key with a nil fit: tried (or out of bounds), failed
        func fit(_ p: Int, _ q: Int, _ c: Bool) -> ARIMAFit? {
            let key = ARMACandidate(p: p, q: q, constant: c)
            if let known = cache[key] { return known }
            var result: ARIMAFit?
            if p >= 0, q >= 0, p <= 5, q <= 5, count >= p + q + (c ? 1 : 0) + 3 { result = estimate(p, q, c) }
            cache[key] = result
            return result
        }
        func tried(_ p: Int, _ q: Int, _ c: Bool) -> Bool { cache[ARMACandidate(p: p, q: q, constant: c)] != nil }
        // Hyndman & Khandakar's order of moves: the four starting models with the constant (where allowed) and
        // (0, 0) without; then, from the best, the first neighbour that improves the AICc becomes the new best.
        var best: ARIMAFit?
        let first = seriesLength < 10 ? 1 : 2
        let starts = [(first, first, allowConstant), (0, 0, allowConstant), (1, 0, allowConstant), (0, 1, allowConstant)]
            + (allowConstant ? [(0, 0, false)] : [])
        for (p, q, c) in starts {
            if let f = fit(p, q, c), f.aicc < (best?.aicc ?? .infinity) { best = f }
        }
        guard var current = best else {
            throw count < 4 ? .tooShort(model: "ARIMA", observed: count, minimum: 4) : .noAdmissibleFit(model: "ARIMA (every candidate order)")
        }
        var constant = allowConstant                    // the constant the moves keep (see above)
        search: while true {
            let (p, q) = (current.order.p, current.order.q)
            var moves = [(-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)].map { (p + $0.0, q + $0.1, constant) }
            if allowConstant { moves.append((p, q, !constant)) }
            for (cp, cq, cc) in moves where !tried(cp, cq, cc) {
                if let f = fit(cp, cq, cc), f.aicc < current.aicc - 1e-9 {
                    current = f
                    constant = cc
                    continue search
                }
            }
            break
        }
        return current
    }

    /// One candidate of the stepwise search: its AR and MA orders and whether it has the constant.
    struct ARMACandidate: Hashable {
        let p: Int, q: Int, constant: Bool
    }

    /// The d-th difference, NaN where a term is missing, same length (the first d entries NaN).
    static func difference(_ y: [Double], _ d: Int) -> [Double] {
        var w = y
        for _ in 0..<d {
            w = w.indices.map { $0 == 0 ? .nan : w[$0] - w[$0 - 1] }
        }
        return w
    }

    /// KPSS level-stationarity statistic (Kwiatkowski et al., 1992) with a Bartlett long-run variance of `lags`
    /// lags, by default ``automaticLags(_:pilot:)`` with Newey & West's pilot ⌊4(n/100)^(2/9)⌋; 5% critical
    /// value 0.463.
    static func kpss(_ x: [Double], lags explicitLags: Int? = nil) -> Double {
        let n = x.count
        guard n >= 3 else { return 0 }
        let mean = x.reduce(0, +) / Double(n)
        let e = x.map { $0 - mean }
        var partial = 0.0, sumSquares = 0.0
        for value in e { partial += value; sumSquares += partial * partial }
        let lags = min(explicitLags ?? automaticLags(e, pilot: Int(4 * pow(Double(n) / 100, 2.0 / 9))), n - 1)
        var variance = autocovariance(e, lag: 0)
        for l in stride(from: 1, through: lags, by: 1) {
            variance += 2 * (1 - Double(l) / Double(lags + 1)) * autocovariance(e, lag: l)
        }
        guard variance > 0 else { return 0 }
        return sumSquares / (Double(n) * Double(n) * variance)
    }

    /// Newey & West's (1994) data-chosen bandwidth for a Bartlett long-run variance of the residuals `e`:
    /// ⌊1.1447·(ŝ₁/ŝ₀)^(2/3)·n^(1/3)⌋, with ŝ₀ = γ̂₀ + 2Σⱼγ̂ⱼ and ŝ₁ = 2Σⱼ j·γ̂ⱼ over j = 1…`pilot` (γ̂ⱼ the
    /// autocovariances with divisor n) — the bandwidth Hobijn, Franses & Ooms ("Generalizations of the KPSS-test
    /// for stationarity", Statistica Neerlandica 58, 2004) recommend for KPSS. Residuals that swing slowly get
    /// a wider window. statsmodels' `kpss(nlags="auto")` computes the same with the pilot ⌊n^(2/9)⌋.
    /// Capped at n − 1 lags, as statsmodels caps it; at the cap the KPSS statistic is ½ whatever the data (an
    /// identity of the Bartlett estimate there), so a short series whose bandwidth reaches it is differenced
    /// once more. Falling back to a short fixed lag there was less accurate on all three yearly collections
    /// (ACCURACY.md).
    static func automaticLags(_ e: [Double], pilot: Int) -> Int {
        let n = e.count
        var s0 = autocovariance(e, lag: 0), s1 = 0.0
        for j in stride(from: 1, through: min(pilot, n - 1), by: 1) {
            let gamma = autocovariance(e, lag: j)
            s0 += 2 * gamma
            s1 += 2 * Double(j) * gamma
        }
        guard s0 != 0, n > 1 else { return 0 }
        let ratio = s1 / s0
        let bandwidth = 1.1447 * pow(ratio * ratio, 1.0 / 3) * pow(Double(n), 1.0 / 3)
        return bandwidth.isFinite ? Int(min(bandwidth, Double(n - 1))) : n - 1
    }

    /// γ̂ⱼ = Σₜ eₜeₜ₋ⱼ / n of residuals `e` already centred (divisor n, as KPSS and Newey–West use); 0 past the sample.
    static func autocovariance(_ e: [Double], lag j: Int) -> Double {
        guard j < e.count else { return 0 }
        var s = 0.0
        for t in j..<e.count { s += e[t] * e[t - j] }
        return s / Double(e.count)
    }
}
