import CLapack

/// Eigen-decomposition `A = V·diag(λ)·Vᵀ` of a symmetric matrix, eigenvalues ascending.
public struct SymmetricEigenDecomposition: Sendable {
    /// Eigenvalues in ascending order.
    public let eigenvalues: [Double]
    /// Orthonormal eigenvectors, one per column, in the order of `eigenvalues`.
    public let eigenvectors: Matrix
}

extension Matrix {
    /// All eigenvalues and eigenvectors of a symmetric matrix by the MRRR algorithm (LAPACK `dsyevr`).
    /// Only the lower triangle is read.
    /// - Throws: `.dimensionMismatch` when not square, `.nonFiniteValue`, `.noConvergence`.
    public func symmetricEigen() throws(LinearAlgebraError) -> SymmetricEigenDecomposition {
        guard rows == columns else { throw .dimensionMismatch("eigen-decomposition needs a square matrix, got \(rows)×\(columns)") }
        guard rows > 0 else { throw .emptyMatrix(operation: "eigen-decomposition") }
        try requireFinite()
        var a = elements
        let n = try LAPACKBoundary.int(rows)
        var found: Int32 = 0
        var w = [Double](repeating: 0, count: rows)
        var z = [Double](repeating: 0, count: rows * rows)
        var support = [Int32](repeating: 0, count: 2 * rows)
        let info = LAPACKE_dsyevr(LAPACKBoundary.columnMajor, LAPACKBoundary.character("V"),
                                  LAPACKBoundary.character("A"), LAPACKBoundary.character("L"),
                                  n, &a, n, 0, 0, 0, 0, 0, &found, &w, &z, n, &support)
        try LAPACKBoundary.checkArguments(info, routine: "dsyevr")
        if info > 0 { throw .noConvergence(routine: "dsyevr", count: Int(info)) }
        return SymmetricEigenDecomposition(eigenvalues: w, eigenvectors: Matrix(unchecked: rows, rows, z))
    }
}
