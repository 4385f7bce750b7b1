import Foundation
import LinearAlgebra

extension ARIMA {
    /// Standard errors of a fit's AR and MA coefficients and its mean or drift, from the observed information:
    /// the inverse of the negative Hessian of the exact log-likelihood of the differenced series, with σ²
    /// profiled out (the profile likelihood's inverse information equals the corresponding block of the full
    /// one), as R's `arima` and statsmodels' `cov_params_approx` report them. The Hessian is taken by central
    /// differences in the coefficients themselves, steps of 10⁻⁴ (for the constant, 10⁻⁴ of the differences'
    /// standard deviation, around the data centred on the estimate, so that a level far from zero loses no
    /// accuracy). The constant's error here is the joint one, with φ and θ estimated too; the forecast
    /// variance adds the constant's uncertainty given φ and θ (``constantUncertainty(of:differences:order:horizon:)``).
    ///
    /// Keys `se.ar1`…, `se.ma1`… and `se.constant`; empty when the model has no estimated coefficient, when an
    /// AR or MA root lies within 1.005 of the unit circle (an optimum on the edge of the stationary or
    /// invertible region, where the likelihood's curvature says nothing about the estimate's spread — exact
    /// maximum likelihood puts short series' MA(1) estimates there often), or when the information is not
    /// positive definite.
    static func standardErrors(of fit: ARIMAFit, differences w: [Double]) -> [String: Double] {
        let p = fit.ar.count, q = fit.ma.count
        guard p + q > 0 || fit.hasConstant,
              rootsOutside(fit.ar, radius: 1.005), rootsOutside(fit.ma.map { -$0 }, radius: 1.005) else { return [:] }
        let centred = w.map { $0 - fit.constant }
        let point = fit.ar + fit.ma + (fit.hasConstant ? [0] : [])
        let observed = centred.filter { !$0.isNaN }
        let mean = observed.reduce(0, +) / Double(max(observed.count, 1))
        let spread = (observed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(observed.count - 1, 1))).squareRoot()
        let steps = point.indices.map { $0 < p + q ? 1e-4 : 1e-4 * (spread > 0 ? spread : 1) }
        func logLikelihood(_ x: [Double]) -> Double? {
            ARMAStateSpace(ar: Array(x.prefix(p)), ma: Array(x[p..<(p + q)]))
                .profileLogLikelihood(centred, mean: fit.hasConstant ? x[p + q] : 0)
        }
        func shifted(_ moves: [(Int, Double)]) -> Double? {
            var x = point
            for (i, sign) in moves { x[i] += sign * steps[i] }
            return logLikelihood(x)
        }
        let k = point.count
        var information = Matrix(rows: k, columns: k)
        guard let centre = logLikelihood(point) else { return [:] }
        for i in 0..<k {
            guard let up = shifted([(i, 1)]), let down = shifted([(i, -1)]) else { return [:] }
            information[i, i] = -(up - 2 * centre + down) / (steps[i] * steps[i])
            for j in 0..<i {
                guard let pp = shifted([(i, 1), (j, 1)]), let pm = shifted([(i, 1), (j, -1)]),
                      let mp = shifted([(i, -1), (j, 1)]), let mm = shifted([(i, -1), (j, -1)]) else { return [:] }
                let value = -(pp - pm - mp + mm) / (4 * steps[i] * steps[j])
                information[i, j] = value
                information[j, i] = value
            }
        }
        guard let covariance = try? information.cholesky().inverse() else { return [:] }      // not positive definite: no errors
        let names = (0..<p).map { "se.ar\($0 + 1)" } + (0..<q).map { "se.ma\($0 + 1)" } + (fit.hasConstant ? ["se.constant"] : [])
        var out: [String: Double] = [:]
        for (i, name) in names.enumerated() {
            guard covariance[i, i] > 0, covariance[i, i].isFinite else { return [:] }
            out[name] = covariance[i, i].squareRoot()
        }
        return out
    }
}
