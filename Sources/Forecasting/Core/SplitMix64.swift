/// Steele, Lea & Flood's SplitMix64 ("Fast splittable pseudorandom number generators", OOPSLA 2014): a small,
/// fast generator whose stream is fixed by its seed, the same on every platform, so that bootstrap intervals and
/// simulations regenerate exactly. Also the usual way to seed larger generators from one number.
public struct SplitMix64: Sendable {
    private var state: UInt64

    /// The stream of `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
