import CExtraPrecise

/// Residual kernels of iterative refinement, evaluated as if in twice the working precision.
///
/// Each uses the compensated scheme of Ogita, Rump & Oishi ("Accurate sum and dot product", SIAM J. Sci.
/// Comput. 26(6), 2005, Algorithm Dot2): every product is split exactly by a fused multiply-add, every
/// sum by TwoSum, and the rounding errors are gathered in a second accumulator. The result is as
/// accurate as a double-double evaluation at a fraction of the cost. The loops live in the C target
/// `CExtraPrecise`, compiled for AVX2 + FMA where the processor has them.
enum ExtraPreciseKernels {
    /// `f = t − A·x`, compensated. `columns[j]` is the 0-based column of `a` that multiplies `x[j]`.
    static func residual(_ a: Matrix, columns: [CLong], x: [Double], t: [Double], into f: inout [Double]) {
        a.elements.withUnsafeBufferPointer { elements in
            f.withUnsafeMutableBufferPointer { f in
                biennium_augmented_residual(elements.baseAddress, a.rows, columns, columns.count, x, nil, t, nil,
                                            f.baseAddress, nil, nil)
            }
        }
    }

    /// For the augmented system `[I A; Aᵀ 0]·[r; x] = [t; u]`, computes in one pass over `A`:
    /// `f = t − r − A·x` and `g = u − Aᵀ·r`; `carry` is scratch of `columns.count` entries.
    static func augmentedResidual(_ a: Matrix, columns: [CLong], x: [Double], r: [Double], t: [Double], u: [Double],
                                  f: inout [Double], g: inout [Double], carry: inout [Double]) {
        a.elements.withUnsafeBufferPointer { elements in
            f.withUnsafeMutableBufferPointer { f in
                g.withUnsafeMutableBufferPointer { g in
                    carry.withUnsafeMutableBufferPointer { carry in
                        biennium_augmented_residual(elements.baseAddress, a.rows, columns, columns.count, x, r, t, u,
                                                    f.baseAddress, g.baseAddress, carry.baseAddress)
                    }
                }
            }
        }
    }
}
