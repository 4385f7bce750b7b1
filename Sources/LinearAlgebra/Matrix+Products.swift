import CLapack

extension Matrix {
    /// The product `a · b` through BLAS `dgemm`.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when `a.columns != b.rows`.
    public static func product(_ a: Matrix, _ b: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard a.columns == b.rows else {
            throw .dimensionMismatch("(\(a.rows)×\(a.columns)) · (\(b.rows)×\(b.columns))")
        }
        var result = Matrix(rows: a.rows, columns: b.columns)
        if a.rows == 0 || b.columns == 0 || a.columns == 0 { return result }
        let m = try LAPACKBoundary.int(a.rows), n = try LAPACKBoundary.int(b.columns)
        let k = try LAPACKBoundary.int(a.columns)
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                result.elements.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1,
                                pa.baseAddress, m, pb.baseAddress, k, 0, pc.baseAddress, m)
                }
            }
        }
        return result
    }

    /// The product `selfᵀ · self` (the Gram matrix) through BLAS `dsyrk`, both triangles filled.
    public func gram() throws(LinearAlgebraError) -> Matrix {
        var result = Matrix(rows: columns, columns: columns)
        if rows == 0 || columns == 0 { return result }
        let n = try LAPACKBoundary.int(columns), k = try LAPACKBoundary.int(rows)
        elements.withUnsafeBufferPointer { pa in
            result.elements.withUnsafeMutableBufferPointer { pc in
                cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, n, k, 1, pa.baseAddress, k, 0, pc.baseAddress, n)
            }
        }
        result.symmetrizeFromLower()
        return result
    }

    /// `self · x` through BLAS `dgemv`.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when `x.count != columns`.
    public func multiplied(by x: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard x.count == columns else {
            throw .dimensionMismatch("(\(rows)×\(columns)) · vector of \(x.count)")
        }
        var y = [Double](repeating: 0, count: rows)
        if rows == 0 || columns == 0 { return y }
        let m = try LAPACKBoundary.int(rows), n = try LAPACKBoundary.int(columns)
        elements.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(CblasColMajor, CblasNoTrans, m, n, 1, pa.baseAddress, m, px.baseAddress, 1, 0, py.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// Copies the lower triangle onto the upper one.
    mutating func symmetrizeFromLower() {
        for j in 0..<columns { for i in (j + 1)..<Swift.max(rows, j + 1) { self[j, i] = self[i, j] } }
    }

    /// Copies the upper triangle onto the lower one.
    mutating func symmetrizeFromUpper() {
        for j in 0..<columns { for i in 0..<j { self[j, i] = self[i, j] } }
    }
}
