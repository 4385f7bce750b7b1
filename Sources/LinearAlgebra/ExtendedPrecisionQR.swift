/// Householder QR with column pivoting carried out entirely in ``DoubleDouble`` arithmetic.
///
/// The fallback for designs beyond binary64: when the equilibrated matrix is numerically rank deficient
/// at 2⁻⁵² but not at 2⁻¹⁰⁴ (a degree-10 polynomial on raw calendar years has a scaled condition number
/// near 1e25), this factorization still separates signal from rounding. Column norms are recomputed at
/// each step rather than downdated, which costs no more than the elimination itself (`O(m·n²)`).
struct ExtendedPrecisionQR {
    let rows: Int
    let columns: Int
    /// Column-major `R` above the diagonal and Householder vectors below it (with `vᵢ` on the diagonal kept in `heads`).
    private(set) var factors: [DoubleDouble]
    private var heads: [DoubleDouble]
    private var betas: [DoubleDouble]
    private(set) var diagonal: [DoubleDouble]
    let permutation: [Int]

    init(_ a: Matrix) {
        rows = a.rows
        columns = a.columns
        var f = a.elements.map(DoubleDouble.init)
        var perm = Array(0..<a.columns)
        let steps = min(a.rows, a.columns)
        var heads = [DoubleDouble](repeating: .zero, count: steps)
        var betas = [DoubleDouble](repeating: .zero, count: steps)
        var diagonal = [DoubleDouble](repeating: .zero, count: steps)
        let m = a.rows
        for k in 0..<steps {
            // Pivot: the remaining column of largest norm below row k.
            var best = k
            var bestNorm = DoubleDouble.zero
            for j in k..<a.columns {
                var s = DoubleDouble.zero
                for i in k..<m { let v = f[i + j * m]; s += v * v }
                if bestNorm < s { bestNorm = s; best = j }
            }
            if best != k {
                for i in 0..<m { f.swapAt(i + k * m, i + best * m) }
                perm.swapAt(k, best)
            }
            let norm = bestNorm.squareRoot()
            guard norm.hi > 0 else { break }
            let x0 = f[k + k * m]
            let alpha = x0.hi < 0 ? norm : -norm          // R_kk = alpha, sign opposite to x0
            let head = x0 - alpha                          // v = x − alpha·e₁
            var vtv = head * head
            for i in (k + 1)..<m { let v = f[i + k * m]; vtv += v * v }
            let beta = DoubleDouble(2) / vtv
            for j in (k + 1)..<a.columns {
                var w = head * f[k + j * m]
                for i in (k + 1)..<m { w += f[i + k * m] * f[i + j * m] }
                let factor = beta * w
                f[k + j * m] -= factor * head
                for i in (k + 1)..<m { f[i + j * m] -= factor * f[i + k * m] }
            }
            heads[k] = head
            betas[k] = beta
            diagonal[k] = alpha
            f[k + k * m] = alpha
        }
        self.factors = f
        self.heads = heads
        self.betas = betas
        self.diagonal = diagonal
        self.permutation = perm
    }

    /// Number of `|Rⱼⱼ| > tolerance·|R₁₁|`.
    func rank(relativeTolerance tolerance: Double) -> Int {
        guard let first = diagonal.first?.magnitude, first.hi > 0 else { return 0 }
        let threshold = first * tolerance
        return diagonal.prefix { threshold < $0.magnitude }.count
    }

    /// `Qᵀ·b` with the first `k` reflectors.
    func applyQTransposed(_ b: [DoubleDouble], reflectors k: Int) -> [DoubleDouble] {
        var y = b
        let m = rows
        for step in 0..<k {
            var w = heads[step] * y[step]
            for i in (step + 1)..<m { w += factors[i + step * m] * y[i] }
            let factor = betas[step] * w
            y[step] -= factor * heads[step]
            for i in (step + 1)..<m { y[i] -= factor * factors[i + step * m] }
        }
        return y
    }

    /// Solves `R[0..<k, 0..<k]·x = c` by back substitution.
    func solveR(_ c: [DoubleDouble], size k: Int) -> [DoubleDouble] {
        var x = Array(c.prefix(k))
        let m = rows
        for i in stride(from: k - 1, through: 0, by: -1) {
            var s = x[i]
            for j in (i + 1)..<k { s -= factors[i + j * m] * x[j] }
            x[i] = s / factors[i + i * m]
        }
        return x
    }

    /// Solves `R[0..<k, 0..<k]ᵀ·x = c` by forward substitution.
    func solveRTransposed(_ c: [DoubleDouble], size k: Int) -> [DoubleDouble] {
        var x = Array(c.prefix(k))
        let m = rows
        for i in 0..<k {
            var s = x[i]
            for j in 0..<i { s -= factors[j + i * m] * x[j] }
            x[i] = s / factors[i + i * m]
        }
        return x
    }

    /// `R⁻¹` of the leading `k × k` triangle, column-major.
    func inverseR(size k: Int) -> [DoubleDouble] {
        var inverse = [DoubleDouble](repeating: .zero, count: k * k)
        for column in 0..<k {
            var e = [DoubleDouble](repeating: .zero, count: k)
            e[column] = DoubleDouble(1)
            let x = solveR(e, size: k)
            for i in 0..<k { inverse[i + column * k] = x[i] }
        }
        return inverse
    }
}
