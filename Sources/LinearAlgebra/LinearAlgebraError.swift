/// Why a linear-algebra routine could not produce its result.
///
/// Every LAPACK `info` code is turned into one of these cases; nothing in `LinearAlgebra` traps on bad
/// numbers. The description is a sentence a person can act on.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Operand shapes do not fit the operation, e.g. `(3×2) · (3×1)`.
    case dimensionMismatch(String)
    /// The matrix has no rows or no columns where at least one of each is needed.
    case emptyMatrix(operation: String)
    /// A NaN or infinite entry at the given 0-based position.
    case nonFiniteValue(row: Int, column: Int)
    /// Cholesky: the leading minor of this order (1-based) is not positive definite.
    case notPositiveDefinite(order: Int)
    /// A triangular factor has an exact zero on its diagonal at this 1-based position.
    case singular(diagonalIndex: Int)
    /// An iterative LAPACK routine (SVD, eigen) did not converge; `count` is LAPACK's `info`.
    case noConvergence(routine: String, count: Int)
    /// LAPACK rejected argument `position` (1-based) of `routine`: a bug in Biennium, never in the input.
    case invalidArgument(routine: String, position: Int)
    /// A dimension is too large for LAPACK's 32-bit integers.
    case dimensionTooLarge(Int)

    public var description: String {
        switch self {
        case .dimensionMismatch(let detail):
            return "matrix dimensions do not match: \(detail)"
        case .emptyMatrix(let operation):
            return "\(operation) needs a matrix with at least one row and one column"
        case .nonFiniteValue(let row, let column):
            return "the matrix holds a NaN or infinite value at row \(row + 1), column \(column + 1)"
        case .notPositiveDefinite(let order):
            return "the matrix is not positive definite: its leading minor of order \(order) is not positive"
        case .singular(let index):
            return "the matrix is singular: diagonal element \(index) of its triangular factor is exactly zero"
        case .noConvergence(let routine, let count):
            return "\(routine) did not converge (\(count) values failed to converge)"
        case .invalidArgument(let routine, let position):
            return "internal error: LAPACK \(routine) rejected argument \(position)"
        case .dimensionTooLarge(let value):
            return "dimension \(value) exceeds LAPACK's 32-bit limit of \(Int32.max)"
        }
    }
}
