import Foundation
import Testing

@testable import CRUSH

@Suite("BucketBuilder")
struct BucketBuilderTests {
    /// `crush_calc_straw` calls libm's `pow`; ours must give the same doubles. Compared with
    /// glibc's `pow` on the arguments the straw computation uses (`1/pbelow`, `1/numleft`) and on
    /// a spread of others.
    @Test func powMatchesLibm() {
        var generator = SplitMix64(seed: 0x5eed)
        var mismatches: [(Double, Double)] = []
        for _ in 0..<200_000 {
            let numLeft = Double(generator.next() % 2000 + 1)
            let wBelow = Double(generator.next() % 0xffff_ffff + 1)
            let wNext = Double(generator.next() % 0xffff_ffff)
            let pBelow = wBelow / (wBelow + wNext)
            let x = 1.0 / pBelow
            let y = 1.0 / numLeft
            if LibmPow.pow(x, y).bitPattern != Foundation.pow(x, y).bitPattern { mismatches.append((x, y)) }
        }
        for _ in 0..<100_000 {
            let x = Double(bitPattern: 0x3ff0_0000_0000_0000 | (generator.next() & 0x000f_ffff_ffff_ffff))
                * Double(1 << (generator.next() % 40))
            let y = Double(Int64(generator.next() % 2001) - 1000) / 37.0
            if LibmPow.pow(x, y).bitPattern != Foundation.pow(x, y).bitPattern { mismatches.append((x, y)) }
        }
        // Every path of the algorithm: near overflow and underflow, subnormal results and
        // arguments, negative bases, zeros, infinities, NaN, tiny and huge exponents.
        let specials: [Double] = [
            0, -0.0, 1, -1, 2, -2, 0.5, 3, -3, .infinity, -.infinity, .nan, 0x1p-1074, 0x1p-1030,
            -0x1p-1040, 0x1p1023, 1e300, 1e-300, 1 + 0x1p-52, 1 - 0x1p-53, 0x1p-70, 0x1p70, 1e20,
            700, -700, 1022.5, -1074.5, 1100, 0.3333333333333333, 10, -0.5,
        ]
        for x in specials {
            for y in specials where LibmPow.pow(x, y).bitPattern != Foundation.pow(x, y).bitPattern {
                if !(LibmPow.pow(x, y).isNaN && Foundation.pow(x, y).isNaN) { mismatches.append((x, y)) }
            }
        }
        for _ in 0..<50_000 {
            // Results from the subnormal range up to overflow.
            let x = 1 + Double(generator.next() % 1_000_000) / 1000
            let target = Double(Int64(generator.next() % 4400) - 2200) / 2
            let y = target / Foundation.log2(x)
            if LibmPow.pow(x, y).bitPattern != Foundation.pow(x, y).bitPattern { mismatches.append((x, y)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}

/// A small deterministic generator for test inputs (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
