import CLapack

/// A dense matrix of `Double`, stored column-major as LAPACK expects.
///
/// Entry `(i, j)` (0-based) lives at `elements[i + j * rows]`. Value semantics: copies are cheap until
/// written (copy-on-write of the underlying array).
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, column by column.
    public internal(set) var elements: [Double]

    /// A `rows × columns` matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over existing column-major storage.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when `elements.count != rows * columns`.
    public init(rows: Int, columns: Int, columnMajor elements: [Double]) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0, elements.count == rows * columns else {
            throw .dimensionMismatch("\(elements.count) elements cannot fill a \(rows)×\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from its rows, as written on paper: `try Matrix([[1, 2], [3, 4]])`.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the rows differ in length.
    public init(_ rowList: [[Double]]) throws(LinearAlgebraError) {
        let columnCount = rowList.first?.count ?? 0
        var storage = [Double](repeating: 0, count: rowList.count * columnCount)
        for (i, row) in rowList.enumerated() {
            guard row.count == columnCount else {
                throw .dimensionMismatch("row \(i + 1) has \(row.count) entries, row 1 has \(columnCount)")
            }
            for (j, value) in row.enumerated() { storage[i + j * rowList.count] = value }
        }
        self.rows = rowList.count
        self.columns = columnCount
        self.elements = storage
    }

    /// A matrix from its columns.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` when the columns differ in length.
    public init(columns columnList: [[Double]]) throws(LinearAlgebraError) {
        let rowCount = columnList.first?.count ?? 0
        var storage: [Double] = []
        storage.reserveCapacity(rowCount * columnList.count)
        for (j, column) in columnList.enumerated() {
            guard column.count == rowCount else {
                throw .dimensionMismatch("column \(j + 1) has \(column.count) entries, column 1 has \(rowCount)")
            }
            storage.append(contentsOf: column)
        }
        self.rows = rowCount
        self.columns = columnList.count
        self.elements = storage
    }

    /// The `n × n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var matrix = Matrix(rows: n, columns: n)
        for i in 0..<n { matrix[i, i] = 1 }
        return matrix
    }

    /// Entry at row `i`, column `j` (0-based).
    public subscript(i: Int, j: Int) -> Double {
        get { elements[i + j * rows] }
        set { elements[i + j * rows] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { self[i, $0] }
    }

    /// The columns at `indices`, in that order.
    public func selectingColumns(_ indices: [Int]) -> Matrix {
        var storage: [Double] = []
        storage.reserveCapacity(rows * indices.count)
        for j in indices { storage.append(contentsOf: elements[(j * rows)..<((j + 1) * rows)]) }
        return Matrix(unchecked: rows, indices.count, storage)
    }

    /// The transpose.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { result[j, i] = self[i, j] } }
        return result
    }

    /// Throws on the first NaN or infinite entry, naming its position.
    public func requireFinite() throws(LinearAlgebraError) {
        // One multiply-add per entry: the sum of v·0 is NaN exactly when some v is NaN or infinite.
        let probe = elements.withUnsafeBufferPointer { buffer in
            var sums = (0.0, 0.0, 0.0, 0.0)
            var i = 0
            while i + 4 <= buffer.count {
                sums.0 += buffer[i] * 0; sums.1 += buffer[i + 1] * 0
                sums.2 += buffer[i + 2] * 0; sums.3 += buffer[i + 3] * 0
                i += 4
            }
            while i < buffer.count { sums.0 += buffer[i] * 0; i += 1 }
            return sums.0 + sums.1 + sums.2 + sums.3
        }
        guard probe.isNaN else { return }
        for (index, value) in elements.enumerated() where !value.isFinite {
            throw .nonFiniteValue(row: index % Swift.max(rows, 1), column: index / Swift.max(rows, 1))
        }
    }

    public var description: String {
        (0..<rows).map { i in (0..<columns).map { j in "\(self[i, j])" }.joined(separator: "  ") }
            .joined(separator: "\n")
    }

    init(unchecked rows: Int, _ columns: Int, _ elements: [Double]) {
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }
}
