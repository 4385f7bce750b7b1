import LinearAlgebra

/// Ordinary, weighted and generalised (AR(1)) least squares with full inference.
public enum LinearRegression {
    /// Ordinary least squares, or weighted least squares when `weights` are given.
    /// - Parameter weights: one positive weight per design row (inverse variances), or `nil`.
    /// - Throws: `RegressionError` naming the problem: too few rows, invalid weights, bad options.
    public static func fit(_ design: Design, weights: [Double]? = nil, options: RegressionOptions = .init()) throws(RegressionError) -> RegressionResult {
        if let weights {
            guard weights.count == design.response.count else {
                throw .raggedColumns("\(weights.count) weights for \(design.response.count) rows")
            }
            if let bad = weights.firstIndex(where: { !($0 > 0 && $0.isFinite) }) {
                throw .invalidWeight(row: design.rows[bad], value: weights[bad])
            }
            return try fit(design, whitening: .weights(weights), method: .weightedLeastSquares, options: options)
        }
        return try fit(design, whitening: .identity, method: .ordinaryLeastSquares, options: options)
    }

    /// The shared core: least squares on `W·X`, `W·y`, then inference on the whitened model.
    static func fit(_ design: Design, whitening: Whitening, method: EstimationMethod, options: RegressionOptions) throws(RegressionError) -> RegressionResult {
        let x = design.matrix, y = design.response
        let n = x.rows, p = x.columns
        try validate(options)
        guard n > p else { throw .tooFewObservations(rows: n, parameters: p) }
        try validateLags(options, observations: n)
        let xw = try whiten(x, whitening)
        let yw = whitening.apply(y)
        let solution: LeastSquaresSolution
        var solverOptions = options.leastSquares
        solverOptions.computeCovariance = true
        solverOptions.computeInfluence = options.covariance != .classical
        do {
            solution = try LeastSquares.solve(xw, yw, options: solverOptions)
        } catch {
            throw .linearAlgebra(error)
        }
        let k = solution.rank
        let df = n - k
        guard df > 0 else { throw .tooFewObservations(rows: n, parameters: k) }
        let rss = solution.residualSumOfSquares
        let sigma2 = rss / Double(df)
        let included = solution.included
        let scaledFactor = solution.scaledCovarianceFactor ?? Matrix(rows: 0, columns: 0)
        let meat = CovarianceEstimator(factor: scaledFactor, influence: solution.scaledInfluence,
                                       leverages: solution.leverages, residuals: solution.residuals,
                                       sigma2: sigma2, residualDegreesOfFreedom: df)
        let scaledCovariance = meat.covariance(options.covariance)
        var covariance = scaledCovariance
        for j in 0..<k { for i in 0..<k { covariance[i, j] /= solution.columnScales[i] * solution.columnScales[j] } }

        let t = StudentT(degreesOfFreedom: Double(df))
        let quantile = t.quantile(0.5 + options.confidenceLevel / 2)
        var coefficients: [Coefficient] = []
        for (column, name) in design.names.enumerated() {
            guard let position = included.firstIndex(of: column) else {
                coefficients.append(Coefficient(name: name, estimate: nil, standardError: nil, tValue: nil, pValue: nil, lower: nil, upper: nil))
                continue
            }
            let estimate = solution.coefficients[column]
            let se = covariance[position, position].squareRoot()
            let tValue = estimate / se
            coefficients.append(Coefficient(name: name, estimate: estimate, standardError: se, tValue: tValue,
                                            pValue: t.twoSidedPValue(tValue),
                                            lower: estimate - quantile * se, upper: estimate + quantile * se))
        }

        let fitted = try fittedValues(x, solution.coefficients)
        let residuals = zip(y, fitted).map { $0 - $1 }
        let totals = SumsOfSquares(response: y, whitening: whitening, centred: design.hasIntercept)
        // A response with no variation (about its mean, or about zero without an intercept) leaves R² and F
        // undefined: NaN, printed as NA, rather than −∞ from a rounding-level residual.
        let rSquared = totals.total > 0 ? 1 - rss / totals.total : .nan
        let interceptAdjustment = design.hasIntercept ? 1 : 0
        let adjusted = 1 - (1 - rSquared) * Double(n - interceptAdjustment) / Double(df)
        let numeratorDF = k - interceptAdjustment
        var fStatistic: Double?, fPValue: Double?
        if numeratorDF > 0, totals.total > 0 {
            let f = (totals.total - rss) / Double(numeratorDF) / sigma2
            fStatistic = f
            fPValue = FisherF(numerator: Double(numeratorDF), denominator: Double(df)).survival(f)
        }
        let nd = Double(n)
        let logLikelihood = -nd / 2 * (Foundation.log(2 * Double.pi) + Foundation.log(rss / nd) + 1)
            + whitening.logDeterminant(count: n)
        let parameters = k + 1 + whitening.estimatedParameters
        let pd = Double(parameters)
        let aic = -2 * logLikelihood + 2 * pd
        let aicc = nd - pd - 1 > 0 ? aic + 2 * pd * (pd + 1) / (nd - pd - 1) : .infinity
        let bic = -2 * logLikelihood + Foundation.log(nd) * pd

        let lag = options.ljungBoxLag ?? ResidualDiagnostics.defaultLjungBoxLag(count: n)
        let jb = ResidualDiagnostics.jarqueBera(solution.residuals)
        return RegressionResult(
            design: design, method: method, options: options, coefficients: coefficients,
            estimates: solution.coefficients, covariance: covariance, included: included, residuals: residuals,
            whitenedResiduals: solution.residuals, fittedValues: fitted, n: n, rank: k, residualDegreesOfFreedom: df,
            residualSumOfSquares: rss, sigma: sigma2.squareRoot(), rSquared: rSquared, adjustedRSquared: adjusted,
            fStatistic: fStatistic, fNumeratorDegreesOfFreedom: numeratorDF, fPValue: fPValue,
            logLikelihood: logLikelihood, informationParameters: parameters, aic: aic, aicc: aicc, bic: bic,
            durbinWatson: ResidualDiagnostics.durbinWatson(solution.residuals), ljungBoxLag: lag,
            ljungBox: ResidualDiagnostics.ljungBox(solution.residuals, lag: lag), jarqueBera: jb.test,
            residualSkewness: jb.skewness, residualKurtosis: jb.kurtosis,
            conditionNumber: solution.conditionNumber, scaledConditionNumber: solution.scaledConditionNumber,
            solverMethod: solution.method, refinementSteps: solution.refinementSteps,
            scaledCovariance: scaledCovariance, columnScales: solution.columnScales)
    }

    /// Refuses options that no data could support.
    static func validate(_ options: RegressionOptions) throws(RegressionError) {
        guard options.confidenceLevel > 0, options.confidenceLevel < 1 else {
            throw .invalidOption("the confidence level must be between 0 and 1 (exclusive); got \(options.confidenceLevel)")
        }
        if case .neweyWest(let lag) = options.covariance, lag < 0 {
            throw .invalidOption("the Newey-West lag must be 0 or more; got \(lag)")
        }
        if let lag = options.ljungBoxLag, lag < 1 {
            throw .invalidOption("the Ljung-Box lag must be at least 1; got \(lag)")
        }
    }

    /// Refuses lags at or beyond the `observations`: autocovariances beyond the sample do not exist, and a huge
    /// lag would loop or overflow.
    static func validateLags(_ options: RegressionOptions, observations n: Int) throws(RegressionError) {
        if case .neweyWest(let lag) = options.covariance, lag >= n {
            throw .invalidOption("the Newey-West lag must be less than the number of observations (\(n)); got \(lag)")
        }
        if let lag = options.ljungBoxLag, lag >= n {
            throw .invalidOption("the Ljung-Box lag must be less than the number of observations (\(n)); got \(lag)")
        }
    }

    static func whiten(_ x: Matrix, _ whitening: Whitening) throws(RegressionError) -> Matrix {
        if whitening == .identity { return x }
        var columns: [[Double]] = []
        for j in 0..<x.columns { columns.append(whitening.apply(x.column(j))) }
        do { return try Matrix(columns: columns) } catch { throw .linearAlgebra(error) }
    }

    /// `X·β` with each row's sum accumulated in double-double.
    static func fittedValues(_ x: Matrix, _ beta: [Double]) throws(RegressionError) -> [Double] {
        var result = [DoubleDouble](repeating: .zero, count: x.rows)
        for j in 0..<x.columns where beta[j] != 0 {
            for i in 0..<x.rows { result[i] = result[i] + DoubleDouble.twoProduct(x[i, j], beta[j]) }
        }
        return result.map(\.doubleValue)
    }
}

/// The total sum of squares the R² compares with: `‖W(y − m)‖²` with `m` the GLS mean
/// `⟨Wy, Wι⟩/⟨Wι, Wι⟩` (centred), or `‖Wy‖²` (uncentred). For weights this is `Σwᵢ(yᵢ − ȳ_w)²`.
struct SumsOfSquares {
    let total: Double

    init(response y: [Double], whitening: Whitening, centred: Bool) {
        let wy = whitening.apply(y)
        guard centred else {
            total = wy.reduce(DoubleDouble.zero) { $0 + DoubleDouble.twoProduct($1, $1) }.doubleValue
            return
        }
        if whitening == .identity {
            // The plain mean in double-double, then the centred sum of squares: no cross products needed.
            var sum = DoubleDouble.zero
            for value in y { sum = sum + value }
            let mean = sum / DoubleDouble(Double(y.count))
            var total = DoubleDouble.zero
            for value in y {
                let d = DoubleDouble(value) - mean
                total += d * d
            }
            self.total = total.doubleValue
            return
        }
        let wi = whitening.apply([Double](repeating: 1, count: y.count))
        var cross = DoubleDouble.zero, norm = DoubleDouble.zero
        for i in 0..<y.count {
            cross += DoubleDouble.twoProduct(wy[i], wi[i])
            norm += DoubleDouble.twoProduct(wi[i], wi[i])
        }
        let mean = cross / norm
        var sum = DoubleDouble.zero
        for i in 0..<y.count {
            let d = DoubleDouble(wy[i]) - mean * wi[i]
            sum += d * d
        }
        total = sum.doubleValue
    }
}


import Foundation
