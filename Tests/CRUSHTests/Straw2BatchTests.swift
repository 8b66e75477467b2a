import Testing

@testable import CRUSH
import CollectiveTestSupport

/// The mapper hashes straw2 items four at a time (`CrushHash.rjenkins1Hash3x4`). These tests
/// hold that batch path to Ceph's formulas, item by item: `crush_hash32_rjenkins1_3` per lane,
/// and `bucket_straw2_choose`'s argmax of (crush_ln(u) - 2^48) / weight, first item on ties.
@Suite("straw2 batched hashing")
struct Straw2BatchTests {
    @Test("each SIMD lane is crush_hash32_rjenkins1_3 of its item")
    func lanesMatchScalarHash() {
        var random = SplitMix64(seed: 0x57A2)
        for _ in 0..<20_000 {
            let a = UInt32(truncatingIfNeeded: random.next())
            let c = UInt32(truncatingIfNeeded: random.next())
            let b = SIMD4<UInt32>(
                UInt32(truncatingIfNeeded: random.next()), UInt32(truncatingIfNeeded: random.next()),
                UInt32(truncatingIfNeeded: random.next()), UInt32(truncatingIfNeeded: random.next()))
            let lanes = CrushHash.rjenkins1Hash3x4(a, b, c)
            for k in 0..<4 {
                #expect(lanes[k] == CrushHash.hash3(CrushHash.rjenkins1, a, b[k], c))
            }
        }
    }

    /// A one-bucket map whose rule picks one item of the root straw2 bucket (r = 0).
    static func oneBucketMap(weights: [UInt32]) -> CrushMap {
        let items = (0..<weights.count).map { Int32($0) }
        let root = Bucket(
            id: -1, type: 1, algorithm: .straw2, hash: CrushHash.rjenkins1,
            weight: weights.reduce(0, &+), items: items, itemWeights: weights)
        let rule = Rule(
            ruleset: 0, type: 1, minSize: 1, maxSize: 10,
            steps: [RuleStep(.take, -1), RuleStep(.chooseFirstN, 1, 0), RuleStep(.emit)])
        return CrushMap(buckets: [root], rules: [rule], maxDevices: Int32(weights.count), tunables: .legacy)
    }

    /// `bucket_straw2_choose` straight from Ceph's formula, one item at a time.
    static func referenceChoice(weights: [UInt32], x: Int32) -> Int32 {
        let tables = CrushLn.makeTableBlock()
        defer { tables.deallocate() }
        var high = 0
        var highDraw: Int64 = 0
        for (i, w) in weights.enumerated() {
            var draw = Int64.min
            if w != 0 {
                let u = CrushHash.hash3(CrushHash.rjenkins1, UInt32(bitPattern: x), UInt32(i), 0) & 0xffff
                let ln = Int64(bitPattern: CrushLn.ln(u, tables: tables)) &- 0x1_0000_0000_0000
                draw = ln / Int64(w)
            }
            if i == 0 || draw > highDraw {
                high = i
                highDraw = draw
            }
        }
        return Int32(high)
    }

    @Test("the batched choice is Ceph's for every partial-group shape", arguments: Array(1...13))
    func choiceMatchesReference(size: Int) {
        var random = SplitMix64(seed: 0xB0C5 &+ UInt64(size))
        for _ in 0..<20 {
            // Zero weights (never chosen unless all are zero) and ties in weight both occur.
            let weights = (0..<size).map { _ -> UInt32 in
                random.chance(20) ? 0 : random.pick([0x10000, 0x8000, UInt32(random.int(1...0x40000))])
            }
            let map = Self.oneBucketMap(weights: weights)
            let mapper = CrushMapper(map)
            let deviceWeights = [UInt32](repeating: 0x10000, count: size)
            for x in Int32(0)..<200 {
                let got = mapper.map(rule: 0, x: x, resultMax: 1, weights: deviceWeights)
                #expect(got == [Self.referenceChoice(weights: weights, x: x)], "weights \(weights) x \(x)")
            }
        }
    }
}
