import Testing
@testable import LinearAlgebra

@Suite("Matrix") struct MatrixTests {
    @Test("rows written on paper are stored column by column")
    func storesColumnMajor() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(a.rows == 2 && a.columns == 3)
        #expect(a.elements == [1, 4, 2, 5, 3, 6])
        #expect(a[1, 2] == 6)
        #expect(a.column(1) == [2, 5])
        #expect(a.row(0) == [1, 2, 3])
    }

    @Test("ragged rows are refused with the row that differs")
    func raggedRowsAreRefused() {
        #expect(throws: LinearAlgebraError.dimensionMismatch("row 2 has 1 entries, row 1 has 2")) {
            try Matrix([[1, 2], [3]])
        }
    }

    @Test("dgemm product and dsyrk Gram matrix agree with hand computation")
    func productsAgreeWithHandComputation() throws {
        let a = try Matrix([[1, 2], [3, 4], [5, 6]])
        let b = try Matrix([[1, 0, 2], [0, 1, 3]])
        #expect(try Matrix.product(a, b) == (try Matrix([[1, 2, 8], [3, 4, 18], [5, 6, 28]])))
        #expect(try a.gram() == (try Matrix([[35, 44], [44, 56]])))
        #expect(try a.multiplied(by: [1, -1]) == [-1, -1, -1])
        #expect(throws: LinearAlgebraError.self) { try Matrix.product(a, a) }
    }

    @Test("a NaN entry is reported with its 1-based position")
    func nanIsLocated() throws {
        let a = try Matrix([[1, 2], [3, .nan]])
        #expect(throws: LinearAlgebraError.nonFiniteValue(row: 1, column: 1)) { try a.pivotedQR() }
        #expect(LinearAlgebraError.nonFiniteValue(row: 1, column: 1).description.contains("row 2, column 2"))
    }
}
