import CLapack

/// Column scaling by powers of two: column `j` is divided by `scales[j] = 2^e` with `2^e ≤ ‖aⱼ‖₂ < 2^(e+1)`.
///
/// Scaling by powers of two is exact in binary floating point (barring underflow), so the equilibrated
/// problem has exactly the solution of the original one, rescaled — which lets refinement work on the
/// caller's matrix with unscaled coefficients — yet its condition number is within a factor `√n` of the
/// best over all column scalings (van der Sluis, 1969). A zero column keeps scale 1. Norms come from BLAS
/// `dnrm2`, which neither overflows nor underflows.
enum ColumnEquilibration {
    /// The power-of-two scale of each column.
    ///
    /// A plain sum of squares is exact enough for an exponent and four times faster than `dnrm2`; it is
    /// used unless it overflows or underflows (entries beyond about 1e±150), where `dnrm2` takes over.
    static func scales(of a: Matrix) -> [Double] {
        let m = Int32(clamping: a.rows)
        return a.elements.withUnsafeBufferPointer { buffer in
            (0..<a.columns).map { j in
                let column = buffer.baseAddress! + j * a.rows
                var sums = (0.0, 0.0, 0.0, 0.0)
                var i = 0
                while i + 4 <= a.rows {
                    sums.0 += column[i] * column[i]; sums.1 += column[i + 1] * column[i + 1]
                    sums.2 += column[i + 2] * column[i + 2]; sums.3 += column[i + 3] * column[i + 3]
                    i += 4
                }
                while i < a.rows { sums.0 += column[i] * column[i]; i += 1 }
                let squares = (sums.0 + sums.1) + (sums.2 + sums.3)
                var norm = squares.squareRoot()
                if !(squares > 1e-290 && squares < 1e290) { norm = cblas_dnrm2(m, column, 1) }
                guard norm > 0, norm.isFinite else { return 1 }
                return Double(sign: .plus, exponent: norm.exponent, significand: 1)
            }
        }
    }

    /// A new matrix holding `a`'s columns divided by `scales`, followed by the extra columns given (unscaled).
    static func scaledCopy(_ a: Matrix, scales: [Double], appending extra: [[Double]] = []) -> Matrix {
        var elements = [Double](unsafeUninitializedCapacity: a.rows * (a.columns + extra.count)) { buffer, count in
            a.elements.withUnsafeBufferPointer { source in
                for j in 0..<a.columns {
                    let inverse = 1 / scales[j]
                    let base = j * a.rows
                    for i in 0..<a.rows { (buffer.baseAddress! + base + i).initialize(to: source[base + i] * inverse) }
                }
            }
            for (k, column) in extra.enumerated() {
                let base = (a.columns + k) * a.rows
                for i in 0..<a.rows { (buffer.baseAddress! + base + i).initialize(to: column[i]) }
            }
            count = a.rows * (a.columns + extra.count)
        }
        if elements.isEmpty { elements = [] }
        return Matrix(unchecked: a.rows, a.columns + extra.count, elements)
    }
}
