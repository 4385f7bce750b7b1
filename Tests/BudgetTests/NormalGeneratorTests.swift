import Foundation
import Testing
@testable import Budget
import Forecasting

/// The simulation's random numbers against the published reference outputs of their algorithms, so that a seed
/// gives the same paths on every platform and in every version.
@Suite("Random numbers of the budget simulation") struct NormalGeneratorTests {
    @Test("xoshiro256** from the state (1, 2, 3, 4) gives the reference outputs (Blackman & Vigna's C code)")
    func xoshiroReference() {
        // The first ten outputs of xoshiro256starstar.c from s = {1, 2, 3, 4}, as the Rust rand_xoshiro crate checks them.
        var generator = NormalGenerator(state: (1, 2, 3, 4))
        let outputs = (0..<10).map { _ in generator.nextBits() }
        let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
                                  607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
                                  10_595_114_339_597_558_777, 2_904_607_092_377_533_576]
        #expect(outputs == expected)
    }

    @Test("SplitMix64 from 1234567 gives Vigna's reference outputs (splitmix64.c)")
    func splitMixReference() {
        var seeder = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                                  4_593_380_528_125_082_431, 16_408_922_859_458_223_821]
        let got = (0..<5).map { _ in seeder.next() }
        #expect(got == expected)
    }

    @Test("uniforms lie strictly inside (0, 1), so Box–Muller never takes the logarithm of 0; draws have mean 0 and variance 1")
    func uniformsAndMoments() {
        // With s₁ = 0 the next output is 0 (rotl(5·0, 7)·9), the smallest bit pattern: its uniform is 2⁻⁵⁴, not 0,
        // and the normal draw from it is finite.
        var zero = NormalGenerator(state: (1, 0, 0, 0))
        #expect(zero.uniform() == 0x1p-54)
        var first = NormalGenerator(state: (1, 0, 0, 0))
        #expect(first.normal().isFinite)
        var generator = NormalGenerator(seed: 5)
        let n = 200_000
        let draws = (0..<n).map { _ in generator.normal() }
        let mean = draws.reduce(0, +) / Double(n)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        // Standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.0032 for the variance; four of each.
        #expect(abs(mean) < 0.009 && abs(variance - 1) < 0.013, "mean \(mean), variance \(variance)")
        // P(Z ≤ −1.959964) = 0.025: the share below within four standard errors (√(0.025 · 0.975 / n) ≈ 0.00035).
        let below = Double(draws.filter { $0 <= -1.959963984540054 }.count) / Double(n)
        #expect(abs(below - 0.025) < 0.0014, "\(below)")
    }

    @Test("quantiles interpolate linearly between order statistics (Hyndman & Fan type 7, numpy's default)")
    func quantiles() {
        // numpy.quantile([1, 2, 3, 4, 10], q): 0.975 → 9.4, 0.5 → 3, 0.025 → 1.1, 0 → 1, 1 → 10.
        let sorted: [Double] = [1, 2, 3, 4, 10]
        let got = [0.975, 0.5, 0.025, 0, 1].map { BudgetProjection.quantile(sorted, $0) }
        let want = [9.4, 3, 1.1, 1, 10]
        for (g, w) in zip(got, want) { #expect(abs(g - w) < 1e-12, "\(got)") }
    }
}
