/// The result of a minimisation.
public struct OptimizationResult: Sendable {
    /// The best point found, inside the box.
    public let point: [Double]
    /// The objective at `point`.
    public let value: Double
    /// Objective evaluations used.
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
    /// Lower bounds, one per coordinate.
    public var lower: [Double]
    /// Upper bounds, one per coordinate (each above its lower bound).
    public var upper: [Double]
    /// Stop when the simplex's values differ by less than this, relative to `valueScale` when given, else to
    /// the best value (plus `tolerance` itself, absolute near zero).
    public var tolerance: Double
    /// The size of the objective's meaningful differences, for an objective known only up to an additive
    /// constant that depends on the data's units — a negative log-likelihood shifts by n·log c when the data are
    /// multiplied by c. Relative to that constant-laden value, the stopping rule (and so the estimate, and a
    /// model chosen by AICc from it) would depend on whether a series is in CHF or millions of CHF; relative to a
    /// fixed scale such as the number of observations it does not. `nil`: relative to the best value.
    public var valueScale: Double?
    /// Evaluation budget; the search stops there, unconverged, with the best point so far.
    public var maximumEvaluations: Int

    /// A minimiser over the box `[lower, upper]` stopping at `tolerance` (relative to `valueScale` when given) or
    /// after `maximumEvaluations`.
    public init(lower: [Double], upper: [Double], tolerance: Double = 1e-10, maximumEvaluations: Int = 2000, valueScale: Double? = nil) {
        self.lower = lower
        self.upper = upper
        self.tolerance = tolerance
        self.valueScale = valueScale
        self.maximumEvaluations = maximumEvaluations
    }

    /// Minimises `objective` from `start`, with an initial simplex of steps 10% of each box width.
    ///
    /// The vertices live in one flat buffer, kept in place and ordered through a permutation; the trial points
    /// are arrays allocated once per call (the objective of a short yearly series costs less than an allocation).
    public func minimize(_ objective: ([Double]) -> Double, from start: [Double]) -> OptimizationResult {
        let n = start.count
        var evaluations = 0
        func evaluate(_ p: [Double]) -> Double {
            evaluations += 1
            let v = objective(p)
            return v.isNaN ? .infinity : v
        }
        let lower = self.lower, upper = self.upper
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
        // Vertex k is vertices[k*n ..< (k+1)*n]; order[0] is the best vertex, order[n] the worst.
        var vertices = [Double](repeating: 0, count: (n + 1) * n)
        var values = [Double](repeating: 0, count: n + 1)
        var order = Array(0...n)
        var point = first
        for k in 0...n {
            point = first
            if k > 0 {
                let i = k - 1
                let step = 0.1 * (upper[i] - lower[i])
                point[i] = point[i] + step <= upper[i] ? point[i] + step : point[i] - step
                clamp(&point)
            }
            for i in 0..<n { vertices[k * n + i] = point[i] }
            values[k] = evaluate(point)
        }
        var centroid = [Double](repeating: 0, count: n)
        var reflected = centroid, trial = centroid
        func along(_ t: Double, from worst: Int, into p: inout [Double]) {
            for i in 0..<n { p[i] = centroid[i] + t * (vertices[worst * n + i] - centroid[i]) }
            clamp(&p)
        }
        func replace(_ vertex: Int, with p: [Double], value: Double) {
            for i in 0..<n { vertices[vertex * n + i] = p[i] }
            values[vertex] = value
        }
        var converged = false
        while evaluations < maximumEvaluations {
            // Order the vertices by value (insertion sort: stable, and n + 1 is small).
            for i in 1..<(n + 1) {
                var j = i
                while j > 0 && values[order[j - 1]] > values[order[j]] {
                    order.swapAt(j - 1, j)
                    j -= 1
                }
            }
            let bestVertex = order[0], worstVertex = order[n]
            let best = values[bestVertex], worst = values[worstVertex]
            if worst.isFinite && abs(worst - best) <= tolerance * ((valueScale ?? abs(best)) + tolerance) {
                converged = true
                break
            }
            for i in 0..<n { centroid[i] = 0 }
            for k in 0..<n { let vertex = order[k]; for i in 0..<n { centroid[i] += vertices[vertex * n + i] / Double(n) } }
            along(-1, from: worstVertex, into: &reflected)
            let fr = evaluate(reflected)
            if fr < best {
                along(-2, from: worstVertex, into: &trial)
                let fe = evaluate(trial)
                if fe < fr { replace(worstVertex, with: trial, value: fe) } else { replace(worstVertex, with: reflected, value: fr) }
            } else if fr < values[order[n - 1]] {
                replace(worstVertex, with: reflected, value: fr)
            } else {
                along(fr < worst ? -0.5 : 0.5, from: worstVertex, into: &trial)
                let fc = evaluate(trial)
                if fc < min(fr, worst) {
                    replace(worstVertex, with: trial, value: fc)
                } else {
                    // Shrink towards the best point.
                    for k in 1...n {
                        let vertex = order[k]
                        for i in 0..<n {
                            let b = vertices[bestVertex * n + i]
                            point[i] = b + 0.5 * (vertices[vertex * n + i] - b)
                        }
                        clamp(&point)
                        replace(vertex, with: point, value: evaluate(point))
                    }
                }
            }
        }
        let bestIndex = order.min { values[$0] < values[$1] }!              // the first of equals in sorted order
        return OptimizationResult(point: Array(vertices[(bestIndex * n)..<((bestIndex + 1) * n)]), value: values[bestIndex],
                                  evaluations: evaluations, converged: converged)
    }
}
