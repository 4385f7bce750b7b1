/// The result of a minimisation.
public struct OptimizationResult: Sendable {
    public let point: [Double]
    public let value: Double
    public let evaluations: Int
    /// Whether the simplex shrank below the tolerance before the evaluation budget ran out.
    public let converged: Bool
}

/// Nelder–Mead simplex minimisation inside a box (Nelder & Mead, 1965; the coefficients of Lagarias et al.,
/// "Convergence properties of the Nelder–Mead simplex method in low dimensions", SIAM J. Optim. 9, 1998).
///
/// Points are kept inside `[lower, upper]` by reflecting moves at the bounds, so the objective is never
/// evaluated outside the box; the objective may return `.infinity` for inadmissible points inside it.
public struct NelderMead: Sendable {
    public var lower: [Double]
    public var upper: [Double]
    /// Stop when the simplex's values differ by less than this (absolute plus relative).
    public var tolerance: Double
    public var maximumEvaluations: Int

    public init(lower: [Double], upper: [Double], tolerance: Double = 1e-10, maximumEvaluations: Int = 2000) {
        self.lower = lower
        self.upper = upper
        self.tolerance = tolerance
        self.maximumEvaluations = maximumEvaluations
    }

    /// Minimises `objective` from `start`, with an initial simplex of steps 10% of each box width.
    ///
    /// The simplex, its values and the trial points live in buffers allocated once per call and updated in
    /// place (the objective of a short yearly series costs less than an allocation).
    public func minimize(_ objective: ([Double]) -> Double, from start: [Double]) -> OptimizationResult {
        let n = start.count
        var evaluations = 0
        func evaluate(_ p: [Double]) -> Double {
            evaluations += 1
            let v = objective(p)
            return v.isNaN ? .infinity : v
        }
        func clamp(_ p: inout [Double]) {
            for i in 0..<n {
                var v = p[i]
                if v < lower[i] { v = min(upper[i], 2 * lower[i] - v) }
                if v > upper[i] { v = max(lower[i], 2 * upper[i] - v) }
                p[i] = min(max(v, lower[i]), upper[i])
            }
        }
        var first = start
        clamp(&first)
        var simplex = [first]
        for i in 0..<n {
            var p = first
            let step = 0.1 * (upper[i] - lower[i])
            p[i] = p[i] + step <= upper[i] ? p[i] + step : p[i] - step
            clamp(&p)
            simplex.append(p)
        }
        var values = simplex.map(evaluate)
        var centroid = [Double](repeating: 0, count: n)
        var reflected = centroid, trial = centroid
        func along(_ t: Double, into p: inout [Double]) {
            for i in 0..<n { p[i] = centroid[i] + t * (simplex[n][i] - centroid[i]) }
            clamp(&p)
        }
        var converged = false
        while evaluations < maximumEvaluations {
            // Order the vertices by value (insertion sort: stable, and n + 1 is small).
            for i in 1..<(n + 1) {
                var j = i
                while j > 0 && values[j - 1] > values[j] {
                    values.swapAt(j - 1, j)
                    simplex.swapAt(j - 1, j)
                    j -= 1
                }
            }
            let best = values[0], worst = values[n]
            if worst.isFinite && abs(worst - best) <= tolerance * (abs(best) + tolerance) {
                converged = true
                break
            }
            for i in 0..<n { centroid[i] = 0 }
            for k in 0..<n { for i in 0..<n { centroid[i] += simplex[k][i] / Double(n) } }
            along(-1, into: &reflected)
            let fr = evaluate(reflected)
            if fr < values[0] {
                along(-2, into: &trial)
                let fe = evaluate(trial)
                if fe < fr { swap(&simplex[n], &trial); values[n] = fe } else { swap(&simplex[n], &reflected); values[n] = fr }
            } else if fr < values[n - 1] {
                swap(&simplex[n], &reflected)
                values[n] = fr
            } else {
                along(fr < values[n] ? -0.5 : 0.5, into: &trial)
                let fc = evaluate(trial)
                if fc < min(fr, values[n]) {
                    swap(&simplex[n], &trial)
                    values[n] = fc
                } else {
                    // Shrink towards the best point.
                    for k in 1...n {
                        for i in 0..<n { simplex[k][i] = simplex[0][i] + 0.5 * (simplex[k][i] - simplex[0][i]) }
                        clamp(&simplex[k])
                        values[k] = evaluate(simplex[k])
                    }
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] }!
        return OptimizationResult(point: simplex[bestIndex], value: values[bestIndex], evaluations: evaluations, converged: converged)
    }
}
