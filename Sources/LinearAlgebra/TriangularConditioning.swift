/// 1-norm condition numbers of a triangular factor `R` (and of `R·D` for column scales `D`) from `R` and
/// an explicit `R⁻¹`: `κ₁ = ‖R‖₁·‖R⁻¹‖₁`. Exact for the factor, and within a factor `n` of `κ₂` of the
/// matrix it came from (Higham, *Accuracy and Stability of Numerical Algorithms*, §15).
struct TriangularConditioning {
    let scaled: Double
    let raw: Double

    /// - Parameters:
    ///   - r: upper-triangular factor of the equilibrated columns (pivoted order).
    ///   - inverse: `R⁻¹`.
    ///   - columnScales: the scale of each pivoted column.
    init(r: Matrix, inverse: Matrix, columnScales: [Double]) {
        let n = r.columns
        var rNorm = 0.0, inverseNorm = 0.0, rawNorm = 0.0, rawInverseNorm = 0.0
        for j in 0..<n {
            var column = 0.0, inverseColumn = 0.0, rawInverseColumn = 0.0
            for i in 0..<n {
                column += abs(r[i, j])
                inverseColumn += abs(inverse[i, j])
                rawInverseColumn += abs(inverse[i, j]) / columnScales[i]   // (R·D)⁻¹ = D⁻¹·R⁻¹
            }
            rNorm = max(rNorm, column)
            rawNorm = max(rawNorm, column * columnScales[j])
            inverseNorm = max(inverseNorm, inverseColumn)
            rawInverseNorm = max(rawInverseNorm, rawInverseColumn)
        }
        scaled = rNorm * inverseNorm
        raw = rawNorm * rawInverseNorm
    }
}
