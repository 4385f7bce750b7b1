import Testing
@testable import LinearAlgebra

@Suite("Factorizations") struct FactorizationTests {
    static let a = try! Matrix([[4, 1, 2], [1, 7, 3], [2, 3, 9], [1, 0, 1]])

    @Test("pivoted QR reproduces A·P = Q·R to rounding")
    func pivotedQRReconstructs() throws {
        let qr = try Self.a.pivotedQR()
        var r = Matrix(rows: 4, columns: 3)
        for j in 0..<3 { for i in 0...j { r[i, j] = qr.factors[i, j] } }
        try qr.applyQ(to: &r)
        for (position, column) in qr.permutation.enumerated() {
            for i in 0..<4 {
                #expect(abs(r[i, position] - Self.a[i, column]) < 1e-13, "entry (\(i), \(column))")
            }
        }
        #expect(qr.diagonal == qr.diagonal.sorted(by: >))
        #expect(qr.rank() == 3)
    }

    @Test("pivoted QR sees the rank of a matrix with a repeated column")
    func pivotedQRRevealsRank() throws {
        let deficient = try Matrix(columns: [[1, 2, 3, 4], [0, 1, 0, 1], [1, 2, 3, 4]])
        #expect(try deficient.pivotedQR().rank() == 2)
    }

    @Test("SVD reconstructs the matrix and orders singular values")
    func svdReconstructs() throws {
        let svd = try Self.a.singularValueDecomposition()
        #expect(svd.singularValues == svd.singularValues.sorted(by: >))
        for i in 0..<4 {
            for j in 0..<3 {
                var s = 0.0
                for k in 0..<3 { s += svd.u[i, k] * svd.singularValues[k] * svd.vt[k, j] }
                #expect(abs(s - Self.a[i, j]) < 1e-13)
            }
        }
        #expect(try Matrix([[3, 0], [0, 0.5]]).conditionNumber() == 6)
        #expect(try Matrix([[1, 1], [1, 1]]).conditionNumber() > 1e15)
    }

    @Test("Cholesky inverse times the matrix is the identity")
    func choleskyInverse() throws {
        let spd = try Self.a.gram()
        let inverse = try spd.cholesky().inverse()
        let identity = try Matrix.product(inverse, spd)
        for i in 0..<3 { for j in 0..<3 { #expect(abs(identity[i, j] - (i == j ? 1 : 0)) < 1e-13) } }
        let solved = try spd.cholesky().solve(Matrix(columns: [[1, 2, 3]]))
        let back = try spd.multiplied(by: solved.elements)
        #expect(zip(back, [1.0, 2, 3]).allSatisfy { abs($0 - $1) < 1e-12 })
        let rcond = try spd.cholesky().reciprocalCondition(norm1: spd.norm1)
        #expect(rcond > 0 && rcond < 1)
    }

    @Test("Cholesky of an indefinite matrix names the failing minor")
    func choleskyOfIndefiniteMatrix() {
        #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) { try Matrix([[1, 2], [2, 1]]).cholesky() }
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2, 3]]).cholesky() }
    }

    @Test("symmetric eigen-decomposition of [[2,1],[1,2]] gives 1 and 3")
    func symmetricEigen() throws {
        let eigen = try Matrix([[2, 1], [1, 2]]).symmetricEigen()
        #expect(abs(eigen.eigenvalues[0] - 1) < 1e-14 && abs(eigen.eigenvalues[1] - 3) < 1e-14)
        let v = eigen.eigenvectors.column(1)
        #expect(abs(abs(v[0]) - 0.5.squareRoot()) < 1e-14 && abs(v[0] - v[1]) < 1e-14)
    }

    @Test("triangular solves, inverse, and an exact zero on the diagonal")
    func triangular() throws {
        let u = try Matrix([[2, 1], [0, 4]])
        #expect(try u.solveTriangular(.upper, [4, 8]) == [1, 2])
        #expect(try u.solveTriangular(.upper, [2, 9], transposed: true) == [1, 2])
        #expect(try u.triangularInverse(.upper) == (try Matrix([[0.5, -0.125], [0, 0.25]])))
        #expect(try u.triangularReciprocalCondition(.upper) > 0.1)
        let singular = try Matrix([[1, 1], [0, 0]])
        #expect(throws: LinearAlgebraError.singular(diagonalIndex: 2)) { try singular.solveTriangular(.upper, [1, 1]) }
    }

    @Test("empty matrices are refused, not passed to LAPACK")
    func emptyMatricesAreRefused() {
        #expect(throws: LinearAlgebraError.emptyMatrix(operation: "SVD")) { try Matrix(rows: 0, columns: 2).singularValues() }
        #expect(throws: LinearAlgebraError.emptyMatrix(operation: "QR factorization")) { try Matrix(rows: 3, columns: 0).pivotedQR() }
    }
}
