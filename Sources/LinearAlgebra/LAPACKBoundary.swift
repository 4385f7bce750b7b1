import CLapack

/// The only place where Swift `Int` becomes LAPACK's `Int32` (`lapack_int`) and back.
enum LAPACKBoundary {
    /// `LAPACK_COL_MAJOR`. Reading it also turns off LAPACKE's own NaN scan of every input matrix (which
    /// would read a 40 MB factor again on each `dormqr`): callers check finiteness once, in Swift, and
    /// name the position at fault.
    static let columnMajor: Int32 = {
        LAPACKE_set_nancheck(0)
        return Int32(LAPACK_COL_MAJOR)
    }()

    /// Converts a dimension to LAPACK's integer type; throws rather than truncating.
    static func int(_ value: Int) throws(LinearAlgebraError) -> Int32 {
        guard let converted = Int32(exactly: value) else { throw .dimensionTooLarge(value) }
        return converted
    }

    /// LAPACK's single-character options.
    static func character(_ scalar: Unicode.Scalar) -> CChar {
        CChar(UInt8(ascii: scalar))
    }

    /// Maps a negative `info` (an illegal argument) to an error; positive values are routine-specific.
    static func checkArguments(_ info: Int32, routine: String) throws(LinearAlgebraError) {
        if info < 0 { throw .invalidArgument(routine: routine, position: Int(-info)) }
    }
}
