import Foundation
import LinearAlgebra
@testable import Regression
import Testing

/// The Newey–West sandwich by window sums against its defining double sum over lags, written out here.
@Suite("Newey–West sandwich") struct NeweyWestSandwichTests {
    /// `Σᵢ uᵢuᵢᵀ + Σ_{l=1}^{min(L, n−1)} (1 − l/(L+1)) Σᵢ (uᵢuᵢ₋ₗᵀ + uᵢ₋ₗuᵢᵀ)` with `uᵢ = eᵢzᵢ`, term by term.
    static func definition(_ z: [[Double]], _ e: [Double], lag: Int) -> [[Double]] {
        let n = z.count, k = z[0].count
        var v = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for a in 0..<k {
            for b in 0..<k {
                var s = 0.0
                for i in 0..<n { s += e[i] * z[i][a] * e[i] * z[i][b] }
                for l in stride(from: 1, through: min(lag, n - 1), by: 1) {
                    let w = 1 - Double(l) / Double(lag + 1)
                    for i in l..<n { s += w * e[i] * e[i - l] * (z[i][a] * z[i - l][b] + z[i - l][a] * z[i][b]) }
                }
                v[a][b] = s
            }
        }
        return v
    }

    @Test("equals the double sum over lags for short, long and longer-than-sample lags", arguments: [0, 1, 3, 18, 29, 30, 31, 500])
    func windowSums(lag: Int) throws {
        // A fixed sequence (Knuth's MMIX linear congruential generator), so that a failure repeats.
        var state: UInt64 = 20_261_127
        func uniform(_ range: ClosedRange<Double>) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + (range.upperBound - range.lowerBound) * Double(state >> 11) / Double(1 << 53)
        }
        let n = 30, k = 3
        let z = (0..<n).map { i in (0..<k).map { a in Double(a == 0 ? 1 : i) * 0.01 + uniform(-1...1) } }
        let e = (0..<n).map { _ in uniform(-2...2) }
        let matrix = try Matrix(z)
        let got = CovarianceEstimator.bartlettSandwich(matrix, residuals: e, lag: lag)
        let want = Self.definition(z, e, lag: lag)
        let scale = want.flatMap { $0 }.map(abs).max()!
        for a in 0..<k {
            for b in 0..<k {
                #expect(abs(got[a, b] - want[a][b]) <= 1e-12 * scale, "lag \(lag) [\(a),\(b)]: \(got[a, b]) vs \(want[a][b])")
            }
        }
    }

    @Test("a single observation: the lag adds nothing")
    func single() throws {
        let got = CovarianceEstimator.bartlettSandwich(try Matrix([[2.0, 3.0]]), residuals: [0.5], lag: 7)
        #expect(got[0, 0] == 1 && got[0, 1] == 1.5 && got[1, 1] == 2.25)
    }
}
