public import LinearAlgebra

/// A prediction for one new row: the mean with its confidence interval, and the prediction interval for
/// a new observation.
public struct Prediction: Sendable, Equatable {
    /// Predicted mean `x₀ᵀβ̂`, on the response's original scale (accumulated in double-double).
    public let mean: Double
    /// Standard error of the mean, `√(x₀ᵀ V x₀)` with `V` the coefficient covariance.
    public let meanStandardError: Double
    /// Lower end of the confidence interval for the mean: `mean − t·meanStandardError`, with t the Student-t
    /// quantile at `(1 + level)/2` on the residual degrees of freedom.
    public let confidenceLower: Double
    /// Upper end of the confidence interval for the mean: `mean + t·meanStandardError`.
    public let confidenceUpper: Double
    /// Standard error of a new observation, `√(x₀ᵀVx₀ + σ²/w₀)`.
    public let observationStandardError: Double
    /// Lower end of the prediction interval for a new observation: `mean − t·observationStandardError`.
    public let predictionLower: Double
    /// Upper end of the prediction interval for a new observation: `mean + t·observationStandardError`.
    public let predictionUpper: Double
}

extension RegressionResult {
    /// Predictions for the rows of `newRows` (same columns as the design, on the original scale).
    ///
    /// Intervals use Student's t with the residual degrees of freedom (statsmodels `get_prediction`). For
    /// AR(1) errors the new observation's error variance is the marginal `σ²/(1−ρ²)`.
    /// - Parameters:
    ///   - level: interval level in (0, 1).
    ///   - weights: the new observations' weights for WLS (1 when `nil`).
    /// - Throws: `.raggedColumns` when the column count differs; `.invalidOption` for a bad level.
    public func predict(_ newRows: Matrix, level: Double = 0.95, weights: [Double]? = nil) throws(RegressionError) -> [Prediction] {
        guard newRows.columns == design.matrix.columns else {
            throw .raggedColumns("new rows have \(newRows.columns) columns, the design has \(design.matrix.columns)")
        }
        guard level > 0, level < 1 else { throw .invalidOption("the interval level must be between 0 and 1; got \(level)") }
        try newRows.requireFiniteForPrediction()
        let q = StudentT(degreesOfFreedom: Double(residualDegreesOfFreedom)).quantile(0.5 + level / 2)
        var errorVariance = sigma * sigma
        if case .praisWinsten(let rho, _) = method { errorVariance /= 1 - rho * rho }
        let k = included.count
        return (0..<newRows.rows).map { i in
            var mean = DoubleDouble.zero
            for j in 0..<newRows.columns where estimates[j] != 0 {
                mean = mean + DoubleDouble.twoProduct(newRows[i, j], estimates[j])
            }
            let scaled = (0..<k).map { newRows[i, included[$0]] / columnScales[$0] }
            var variance = 0.0
            for a in 0..<k { for b in 0..<k { variance += scaled[a] * scaledCovariance[a, b] * scaled[b] } }
            let se = max(variance, 0).squareRoot()
            let weight = weights?[i] ?? 1
            let observationSE = (se * se + errorVariance / weight).squareRoot()
            let m = mean.doubleValue
            return Prediction(mean: m, meanStandardError: se, confidenceLower: m - q * se, confidenceUpper: m + q * se,
                              observationStandardError: observationSE,
                              predictionLower: m - q * observationSE, predictionUpper: m + q * observationSE)
        }
    }
}

extension Matrix {
    func requireFiniteForPrediction() throws(RegressionError) {
        do { try requireFinite() } catch { throw .linearAlgebra(error) }
    }
}
