/// `(AₛᵀAₛ)⁻¹` from the Gram matrix formed and inverted in double-double.
///
/// Forming `AᵀA` squares the condition number, which is why least squares avoids it for the solution; but
/// in double-double (about 2⁻¹⁰⁶) the squared condition costs nothing while `κ² · 2⁻¹⁰⁶` stays far below
/// binary64's rounding, that is for `κ ≤ 1e7`. There it gives the covariance factor to full binary64
/// accuracy in one pass over `A` (`n(n+1)/2` compensated dot products) and an `n³` Cholesky inversion,
/// much cheaper than refining each column of the inverse.
enum ExtendedGramInverse {
    /// Largest 1-norm condition estimate of the equilibrated matrix for which this method is used.
    static let conditionLimit = 1e7

    /// - Parameters:
    ///   - a: the caller's matrix.
    ///   - columns: which columns of `a`, in the order of the result.
    ///   - scales: the power-of-two scale of each of those columns.
    /// - Returns: `(AₛᵀAₛ)⁻¹` in the order of `columns`, or `nil` if the Gram matrix is not positive definite
    ///   in double-double (then the caller refines instead).
    static func inverse(of a: Matrix, columns: [Int], scales: [Double]) -> Matrix? {
        let n = columns.count, m = a.rows
        var gram = [DoubleDouble](repeating: .zero, count: n * n)
        a.elements.withUnsafeBufferPointer { elements in
            for j in 0..<n {
                let cj = elements.baseAddress! + columns[j] * m
                for k in 0...j {
                    let ck = elements.baseAddress! + columns[k] * m
                    // Compensated dot product (Ogita–Rump–Oishi Dot2): as accurate as double-double, cheaper.
                    var s = 0.0, c = 0.0
                    for i in 0..<m {
                        let p = cj[i] * ck[i]
                        let pe = (-p).addingProduct(cj[i], ck[i])
                        let t = s + p
                        let z = t - s
                        c += pe + ((s - (t - z)) + (p - z))
                        s = t
                    }
                    let sum = DoubleDouble(hi: s, lo: c)
                    // Scaling by powers of two is exact.
                    let entry = DoubleDouble(hi: sum.hi / (scales[j] * scales[k]), lo: sum.lo / (scales[j] * scales[k]))
                    gram[j + k * n] = entry
                    gram[k + j * n] = entry
                }
            }
        }
        // Cholesky G = L·Lᵀ, lower triangle, in place.
        for j in 0..<n {
            var diagonal = gram[j + j * n]
            for k in 0..<j { diagonal -= gram[j + k * n] * gram[j + k * n] }
            guard diagonal.hi > 0 else { return nil }
            let root = diagonal.squareRoot()
            gram[j + j * n] = root
            for i in (j + 1)..<n {
                var s = gram[i + j * n]
                for k in 0..<j { s -= gram[i + k * n] * gram[j + k * n] }
                gram[i + j * n] = s / root
            }
        }
        // L⁻¹ by forward substitution, column by column.
        var inverse = [DoubleDouble](repeating: .zero, count: n * n)
        for column in 0..<n {
            for i in column..<n {
                var s = DoubleDouble(i == column ? 1 : 0)
                for k in column..<i { s -= gram[i + k * n] * inverse[k + column * n] }
                inverse[i + column * n] = s / gram[i + i * n]
            }
        }
        // (AᵀA)⁻¹ = L⁻ᵀ·L⁻¹.
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0...i {
                var s = DoubleDouble.zero
                for k in i..<n { s += inverse[k + i * n] * inverse[k + j * n] }
                result[i, j] = s.doubleValue
                result[j, i] = s.doubleValue
            }
        }
        return result
    }
}
