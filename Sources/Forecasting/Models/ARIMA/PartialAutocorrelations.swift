import Foundation

/// AR polynomials and their partial autocorrelations (Durbin–Levinson and its inverse, the step-down recursion):
/// how ARIMA keeps every candidate stationary and invertible, and how stationarity is tested. One in-place
/// implementation of each direction, used by the optimiser's objective, the covariance and the order search.
extension ARIMA {
    /// Durbin–Levinson in place: `phi[0..<count]` becomes the AR coefficients whose partial autocorrelations are
    /// `partial(0)…partial(count − 1)`; `scratch` holds at least `count` doubles.
    @inline(__always)
    static func levinson(_ phi: UnsafeMutablePointer<Double>, count: Int, scratch: UnsafeMutablePointer<Double>,
                         partial: (Int) -> Double) {
        for k in 0..<count {
            let rk = partial(k)
            for j in 0..<k { scratch[j] = phi[j] - rk * phi[k - 1 - j] }
            for j in 0..<k { phi[j] = scratch[j] }
            phi[k] = rk
        }
    }

    /// The step-down recursion in place: `a[0..<count]` holds AR coefficients and ends holding their partial
    /// autocorrelations from the order reached on. Returns 0 when every partial autocorrelation lies inside
    /// (−1, 1) (every root outside the unit circle), else the order k whose partial autocorrelation does not
    /// (then only `a[k − 1..<count]` are partial autocorrelations). `scratch` holds at least `count` doubles.
    static func stepDown(_ a: UnsafeMutablePointer<Double>, count: Int, scratch: UnsafeMutablePointer<Double>) -> Int {
        for k in stride(from: count, through: 1, by: -1) {
            let partial = a[k - 1]
            guard abs(partial) < 1 else { return k }
            for j in 0..<(k - 1) { scratch[j] = (a[j] + partial * a[k - 2 - j]) / (1 - partial * partial) }
            for j in 0..<(k - 1) { a[j] = scratch[j] }
        }
        return 0
    }

    /// Partial autocorrelations of a stationary AR polynomial (the inverse of ``fromPartial(_:)``); for a
    /// non-stationary one, those from the first order (counting down) whose value is outside (−1, 1).
    static func toPartial(_ phi: [Double]) -> [Double] {
        guard !phi.isEmpty else { return [] }
        var a = phi
        let failed = withScratch(phi.count) { scratch in a.withUnsafeMutableBufferPointer { stepDown($0.baseAddress!, count: phi.count, scratch: scratch) } }
        return failed == 0 ? a : Array(a[(failed - 1)...])
    }

    /// Durbin–Levinson: AR coefficients of a stationary process from its partial autocorrelations in (−1, 1).
    static func fromPartial(_ r: [Double]) -> [Double] {
        var phi = [Double](repeating: 0, count: r.count), scratch = phi
        fill(&phi, scratch: &scratch) { r[$0] }
        return phi
    }

    /// ``fromPartial(_:)`` in place from `tanh(u[offset + k])` (the optimiser's unconstrained values): `phi`'s
    /// length is the order, `scratch` at least as long.
    static func fillFromPartial(_ phi: inout [Double], tanhOf u: [Double], offset: Int, scratch: inout [Double]) {
        fill(&phi, scratch: &scratch) { tanh(u[offset + $0]) }
    }

    private static func fill(_ phi: inout [Double], scratch: inout [Double], partial: (Int) -> Double) {
        let count = phi.count
        guard count > 0 else { return }
        phi.withUnsafeMutableBufferPointer { p in
            scratch.withUnsafeMutableBufferPointer { s in levinson(p.baseAddress!, count: count, scratch: s.baseAddress!, partial: partial) }
        }
    }

    private static func withScratch<T>(_ count: Int, _ body: (UnsafeMutablePointer<Double>) -> T) -> T {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(count, 1)) { body($0.baseAddress!) }
    }

    /// Whether every root of `1 − a₁z − … − aₖzᵏ` lies outside the circle of `radius`: the step-down recursion on
    /// `aᵢ·radiusⁱ` finds partial autocorrelations all inside (−1, 1).
    static func rootsOutside(_ coefficients: [Double], radius: Double) -> Bool {
        var a = coefficients.enumerated().map { $0.element * pow(radius, Double($0.offset + 1)) }
        while let last = a.last, last == 0 { a.removeLast() }
        guard !a.isEmpty else { return true }
        let count = a.count
        return withScratch(count) { scratch in a.withUnsafeMutableBufferPointer { stepDown($0.baseAddress!, count: count, scratch: scratch) } } == 0
    }
}
