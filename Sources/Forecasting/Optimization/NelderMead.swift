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
    public func minimize(_ objective: ([Double]) -> Double, from start: [Double]) -> OptimizationResult {
        let n = start.count
        var evaluations = 0
        func evaluate(_ p: [Double]) -> Double {
            evaluations += 1
            let v = objective(p)
            return v.isNaN ? .infinity : v
        }
        func clamp(_ p: [Double]) -> [Double] {
            (0..<n).map { i in
                var v = p[i]
                if v < lower[i] { v = min(upper[i], 2 * lower[i] - v) }
                if v > upper[i] { v = max(lower[i], 2 * upper[i] - v) }
                return min(max(v, lower[i]), upper[i])
            }
        }
        var simplex = [clamp(start)]
        for i in 0..<n {
            var p = simplex[0]
            let step = 0.1 * (upper[i] - lower[i])
            p[i] = p[i] + step <= upper[i] ? p[i] + step : p[i] - step
            simplex.append(clamp(p))
        }
        var values = simplex.map(evaluate)
        var converged = false
        while evaluations < maximumEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let best = values[0], worst = values[n]
            if worst.isFinite && abs(worst - best) <= tolerance * (abs(best) + tolerance) {
                converged = true
                break
            }
            var centroid = [Double](repeating: 0, count: n)
            for point in simplex.dropLast() { for i in 0..<n { centroid[i] += point[i] / Double(n) } }
            func along(_ t: Double) -> [Double] { clamp((0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) }) }
            let reflected = along(-1)
            let fr = evaluate(reflected)
            if fr < values[0] {
                let expanded = along(-2)
                let fe = evaluate(expanded)
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected
                values[n] = fr
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5)
                let fc = evaluate(contracted)
                if fc < min(fr, values[n]) {
                    simplex[n] = contracted
                    values[n] = fc
                } else {
                    // Shrink towards the best point.
                    for k in 1...n {
                        simplex[k] = clamp((0..<n).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) })
                        values[k] = evaluate(simplex[k])
                    }
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] }!
        return OptimizationResult(point: simplex[bestIndex], value: values[bestIndex], evaluations: evaluations, converged: converged)
    }
}
