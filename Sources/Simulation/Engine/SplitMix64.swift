/// The simulation's random source: SplitMix64 (Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators", 2014), seeded from the scenario's `seed`. Each component
/// takes its own stream with `split(_:)`, so adding a draw in one component does not shift the
/// numbers another one sees. The standard library's generators are never used: their algorithm
/// may change between releases, and the same seed must give the same run, byte for byte.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream for the component named `label` (same seed and label, same stream).
    func split(_ label: String) -> SplitMix64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a over the label's UTF-8
        for byte in label.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(seed: state ^ hash)
        return SplitMix64(seed: mixer.next())
    }

    /// A number in `0..<bound` (Lemire's multiply-shift; the tiny bias does not matter here,
    /// the sequence is what must be stable).
    mutating func below(_ bound: Int64) -> Int64 {
        guard bound > 0 else { return 0 }
        return Int64(next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
