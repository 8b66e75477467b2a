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
            if ExtendedPrecision.pow(x, y) != Foundation.pow(x, y) { mismatches.append((x, y)) }
        }
        for _ in 0..<100_000 {
            let x = Double(bitPattern: 0x3ff0_0000_0000_0000 | (generator.next() & 0x000f_ffff_ffff_ffff))
                * Double(1 << (generator.next() % 40))
            let y = Double(Int64(generator.next() % 2001) - 1000) / 37.0
            if ExtendedPrecision.pow(x, y) != Foundation.pow(x, y) { mismatches.append((x, y)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
