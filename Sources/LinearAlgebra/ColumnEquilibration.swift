/// Column scaling by powers of two: column `j` is divided by `scales[j] = 2^e` with `2^e ≤ ‖aⱼ‖₂ < 2^(e+1)`.
///
/// Scaling by powers of two is exact in binary floating point (barring underflow), so the equilibrated
/// problem has exactly the solution of the original one, rescaled; yet its condition number is within
/// a factor `√n` of the best over all column scalings (van der Sluis, 1969). A zero column keeps scale 1.
struct ColumnEquilibration: Sendable {
    let scales: [Double]
    let scaled: Matrix

    init(_ a: Matrix) {
        var scaled = a
        var scales = [Double](repeating: 1, count: a.columns)
        for j in 0..<a.columns {
            // Norm accumulated with a pre-scaling by the column's largest magnitude, so that columns of
            // 1e-200 or 1e200 neither underflow nor overflow.
            var largest = 0.0
            for i in 0..<a.rows { largest = max(largest, abs(a[i, j])) }
            guard largest > 0 else { continue }
            var sum = 0.0
            for i in 0..<a.rows { let v = a[i, j] / largest; sum += v * v }
            let norm = largest * sum.squareRoot()
            let scale = Double(sign: .plus, exponent: norm.exponent, significand: 1)
            scales[j] = scale
            for i in 0..<a.rows { scaled[i, j] = a[i, j] / scale }
        }
        self.scales = scales
        self.scaled = scaled
    }
}
