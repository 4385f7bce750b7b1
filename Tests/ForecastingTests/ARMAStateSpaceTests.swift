import Foundation
import Testing
@testable import Forecasting

/// The fast paths of ``ARMAStateSpace`` (the first-row solution of the stationary covariance, the one-pass
/// concentrated likelihood with its combined update and prediction) against direct definitions: the sum
/// `Σ TʲRRᵀTʲᵀ`, and the array-based Kalman filter of `logLikelihood(_:mean:sigma2:)` at the concentrated μ, σ².
@Suite("ARMA state space") struct ARMAStateSpaceTests {
    /// Orders from AR(1) to r = 6, with roots well inside the stationary and invertible regions.
    static let models: [(ar: [Double], ma: [Double])] = [
        ([0.6], []), ([], [0.4]), ([0.5, -0.3], [0.2]), ([1.2, -0.5], [-0.4, 0.3]),
        ([0.3, 0.2, -0.1], [0.5]), ([0.1, 0.1, 0.1, 0.1, 0.1], [0.3, -0.2, 0.1, 0.1, 0.05]), ([], [0.5, 0.4, 0.3, 0.2, 0.1]),
    ]

    /// `Σⱼ TʲRRᵀTʲᵀ` summed until the terms vanish: the definition of the stationary covariance.
    static func summedCovariance(_ model: ARMAStateSpace) -> [Double] {
        let r = model.r
        var t = [Double](repeating: 0, count: r * r)
        for i in 0..<r {
            if i < model.ar.count { t[i] = model.ar[i] }
            if i + 1 < r { t[i + (i + 1) * r] = 1 }
        }
        var term = [Double](repeating: 0, count: r)               // Tʲ R
        for i in 0..<r { term[i] = i == 0 ? 1 : (i - 1 < model.ma.count ? model.ma[i - 1] : 0) }
        var p = [Double](repeating: 0, count: r * r)
        for _ in 0..<5000 {
            for j in 0..<r { for i in 0..<r { p[i + j * r] += term[i] * term[j] } }
            term = (0..<r).map { i in (0..<r).reduce(0) { $0 + t[i + $1 * r] * term[$1] } }
        }
        return p
    }

    @Test("the stationary covariance solves P = TPTᵀ + RRᵀ (against the summed series, 1e-12)", arguments: models.indices)
    func covariance(_ index: Int) throws {
        let model = ARMAStateSpace(ar: Self.models[index].ar, ma: Self.models[index].ma)
        let got = try #require(model.stationaryCovariance())
        let want = Self.summedCovariance(model)
        for (g, w) in zip(got, want) { #expect(abs(g - w) <= 1e-12 * max(1, abs(w)), "\(g) vs \(w)") }
    }

    @Test("no stationary covariance for an AR root on or inside the unit circle, though the linear system has a solution")
    func unitRoot() {
        #expect(ARMAStateSpace(ar: [1], ma: []).stationaryCovariance() == nil)
        #expect(ARMAStateSpace(ar: [0.5, 0.5], ma: [0.3]).stationaryCovariance() == nil)
        // Explosive: P = TPTᵀ + RRᵀ is solvable (here with P₀₀ = 1.125 ≥ 1), but no covariance is stationary.
        #expect(ARMAStateSpace(ar: [-3], ma: [0.5, -0.5]).stationaryCovariance() == nil)
        #expect(ARMAStateSpace(ar: [1.5], ma: []).stationaryCovariance() == nil)
        #expect(ARMAStateSpace(ar: [0.2, 0.3, 0.9], ma: []).stationaryCovariance() == nil)
        #expect(ARMAStateSpace(ar: [-3], ma: [0.5, -0.5]).logLikelihood([1, 2, 3, 2, 1], withMean: true) == nil)
    }

    @Test("the concentrated likelihood equals the plain filter's at its μ and σ², with and without gaps (1e-10)",
          arguments: models.indices)
    func concentrated(_ index: Int) throws {
        let model = ARMAStateSpace(ar: Self.models[index].ar, ma: Self.models[index].ma)
        // A deterministic, irregular series around 100; gaps at the start, in a run, and near the end.
        let complete: [Double] = (0..<40).map { (t: Int) -> Double in
            let x = Double(t)
            let wave: Double = 3 * sin(x * 1.7) + 2 * cos(x * x * 0.31)
            return 100 + wave + 0.1 * x
        }
        var gapped = complete
        for t in [0, 7, 8, 9, 20, 37] { gapped[t] = .nan }
        for w in [complete, gapped] {
            for withMean in [false, true] {
                let fast = try #require(model.logLikelihood(w, withMean: withMean))
                let direct = try #require(model.logLikelihood(w, mean: withMean ? fast.mean : 0, sigma2: fast.sigma2))
                #expect(abs(fast.logLikelihood - direct) <= 1e-10 * abs(direct), "\(fast.logLikelihood) vs \(direct)")
                #expect(fast.n == w.filter { !$0.isNaN }.count)
                // The predicted state after the sample: the plain filter's, for the data less μ.
                let reference = model.filter(w.map { $0 - (withMean ? fast.mean : 0) }, p1: try #require(model.stationaryCovariance()))
                for (g, r) in zip(fast.state, reference.state) { #expect(abs(g - r) <= 1e-9 * max(1, abs(r)), "state \(g) vs \(r)") }
            }
        }
    }
}
