import Foundation
import Testing
@testable import Forecasting

/// The paired comparison behind `backtest --baseline`: its generator, its quantile, and its bootstrap interval
/// against the normal approximation it must approach.
@Suite("Paired comparison") struct PairedComparisonTests {
    @Test("SplitMix64 gives the published first outputs for seed 0 (Vigna's splitmix64.c)")
    func generator() {
        var generator = SplitMix64(seed: 0)
        #expect([generator.next(), generator.next(), generator.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test("quantiles interpolate linearly between order statistics, as numpy's default (type 7)")
    func quantiles() {
        let sorted: [Double] = [1, 2, 4, 8, 16]
        // numpy.percentile([1, 2, 4, 8, 16], [0, 2.5, 50, 97.5, 100]) = 1, 1.1, 4, 15.2, 16
        for (p, want) in [(0.0, 1.0), (0.025, 1.1), (0.5, 4.0), (0.975, 15.2), (1.0, 16.0)] {
            #expect(abs(PairedComparison.quantile(sorted, p) - want) < 1e-12, "p = \(p)")
        }
    }

    @Test("identical scores differ by nothing; a constant shift by exactly that shift, with no spread")
    func degenerate() throws {
        let scores = (0..<50).map { 1 + Double($0 % 7) / 3 }
        let same = try #require(PairedComparison.difference(scores, minus: scores))
        #expect(same.mean == 0 && same.lower == 0 && same.upper == 0 && same.better == 0 && same.worse == 0 && same.units == 50)
        let shifted = try #require(PairedComparison.difference(scores.map { $0 - 0.25 }, minus: scores))
        #expect(abs(shifted.mean + 0.25) < 1e-12 && abs(shifted.lower + 0.25) < 1e-12 && abs(shifted.upper + 0.25) < 1e-12)
        #expect(shifted.better == 1 && shifted.worse == 0)
    }

    @Test("units without both scores are left out; none at all gives no comparison")
    func missing() throws {
        let paired = try #require(PairedComparison.difference([1, .nan, 3, 4], minus: [2, 2, .infinity, 2]))
        #expect(paired.units == 2 && paired.mean == 0.5 && paired.better == 0.5 && paired.worse == 0.5)   // (−1 + 2) / 2
        #expect(PairedComparison.difference([.nan], minus: [1]) == nil)
        #expect(PairedComparison.difference([], minus: []) == nil)
    }

    @Test("with 2,000 units the 95% interval is the normal one, mean ± 1.96·s/√n, within 5% of its half-width")
    func normalApproximation() throws {
        // Skewed, deterministic differences: the bootstrap must still centre on their mean with the CLT's width.
        var generator = SplitMix64(seed: 7)
        let differences = (0..<2000).map { _ -> Double in
            let u = (Double(generator.next() >> 11) + 0.5) * 0x1p-53
            return -log(u) - 0.9          // exponential(1) − 0.9: mean 0.1, sd 1
        }
        let paired = try #require(PairedComparison.difference(differences, minus: .init(repeating: 0, count: differences.count)))
        let n = Double(differences.count)
        let mean = differences.reduce(0, +) / n
        let sd = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        let half = 1.959964 * sd / n.squareRoot()
        #expect(abs(paired.mean - mean) < 1e-12)
        #expect(abs(paired.lower - (mean - half)) < 0.05 * half, "lower \(paired.lower) vs \(mean - half)")
        #expect(abs(paired.upper - (mean + half)) < 0.05 * half, "upper \(paired.upper) vs \(mean + half)")
        // The same seed, the same interval.
        #expect(PairedComparison.difference(differences, minus: .init(repeating: 0, count: differences.count)) == paired)
    }

    @Test("a baseline comparison pairs the units both models scored and skips the baseline itself")
    func baselineRows() throws {
        let scores: [BaselineComparison.UnitScore] = [
            .init(model: "drift", unit: "a", mase: 1.0, smape: 10), .init(model: "drift", unit: "b", mase: 2.0, smape: 20),
            .init(model: "ets", unit: "a", mase: 0.5, smape: 8), .init(model: "ets", unit: "b", mase: nil, smape: 25),
            .init(model: "ets", unit: "c", mase: 9.0, smape: 90),
        ]
        let comparison = BaselineComparison(baseline: "drift", models: ["ets", "drift"], scores: scores)
        #expect(comparison.rows.map(\.model) == ["ets"])
        let row = try #require(comparison.rows.first)
        #expect(row.mase?.units == 1 && row.mase?.mean == -0.5)        // unit b has no MASE, unit c no baseline
        #expect(row.smape?.units == 2 && row.smape?.mean == 1.5)       // (−2 + 5) / 2
    }
}
