import Forecasting
import Foundation

/// A seeded source of standard normal draws, the same on every platform: xoshiro256** (Blackman & Vigna,
/// "Scrambled linear pseudorandom number generators", 2021) seeded through SplitMix64, and the Box–Muller
/// transform on 53-bit uniforms in (0, 1).
struct NormalGenerator {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    private var spare: Double?

    init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        self.init(state: (seeder.next(), seeder.next(), seeder.next(), seeder.next()))
    }

    /// The generator in a given state (not all zero), for the reference vectors of the algorithm.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        self.state = state
    }

    private static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    mutating func nextBits() -> UInt64 {
        let result = Self.rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = Self.rotate(state.3, 45)
        return result
    }

    /// A uniform draw in (0, 1).
    mutating func uniform() -> Double { (Double(nextBits() >> 11) + 0.5) * 0x1p-53 }

    /// A standard normal draw.
    mutating func normal() -> Double {
        if let value = spare {
            spare = nil
            return value
        }
        let radius = (-2 * log(uniform())).squareRoot()
        let angle = 2 * Double.pi * uniform()
        spare = radius * sin(angle)
        return radius * cos(angle)
    }
}
