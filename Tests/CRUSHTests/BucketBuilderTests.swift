import Foundation
import Testing

@testable import CRUSH
import CollectiveTestSupport

@Suite("BucketBuilder")
struct BucketBuilderTests {
    static let editing = Fixtures.root.appendingPathComponent("text/editing")
    static let editingExpected = Fixtures.root.appendingPathComponent("text/expected/editing")

    /// `CrushWrapper::adjust_item_weight`: set `item`'s weight in every bucket holding it, then
    /// each such bucket's new weight in its own parents, buckets taken in slot order.
    static func adjustEverywhere(_ map: inout CrushMap, item: Int32, weight: UInt32) {
        for index in map.buckets.indices {
            guard var bucket = map.buckets[index], bucket.items.contains(item) else { continue }
            BucketBuilder.adjustItemWeight(item, to: weight, in: &bucket, strawCalcVersion: map.tunables.strawCalcVersion)
            map.buckets[index] = bucket
            adjustEverywhere(&map, item: bucket.id, weight: bucket.weight)
        }
    }

    enum Edit: Sendable, CustomStringConvertible {
        case add(host: String)
        case reweight(osd: String)
        case remove(osd: String)

        var fixture: String {
            switch self {
            case .add(let host): "add-osd.20-\(host).bin"
            case .reweight(let osd): "reweight-\(osd).bin"
            case .remove(let osd): "remove-\(osd).bin"
            }
        }
        var description: String { fixture }
    }

    static let edits: [Edit] =
        ["hlist", "htree", "hstraw", "hstraw2"].map { Edit.add(host: $0) }
        + ["osd.1", "osd.3", "osd.6", "osd.10", "osd.13"].map { Edit.reweight(osd: $0) }
        + ["osd.1", "osd.3", "osd.6", "osd.8", "osd.10", "osd.13"].map { Edit.remove(osd: $0) }

    /// crushtool's `--add-item`, `--reweight-item` and `--remove-item` go through
    /// `crush_bucket_add_item`, `crush_bucket_adjust_item_weight` and `crush_bucket_remove_item`;
    /// the same edits made with BucketBuilder give the same buckets, byte for byte.
    @Test("edits match crushtool", arguments: edits)
    func editsMatchCrushtool(edit: Edit) throws {
        var map = try CrushMap(text: Fixtures.text(Self.editing.appendingPathComponent("base.txt")))
        let version = map.tunables.strawCalcVersion
        switch edit {
        case .add(let host):
            let hostID = try #require(map.itemID(named: host))
            let index = Int(-1 - hostID)
            var bucket = try #require(map.buckets[index])
            // CrushWrapper::insert_item adds with weight 0, then adjusts to the weight.
            try BucketBuilder.addItem(20, weight: 0, to: &bucket, strawCalcVersion: version)
            map.buckets[index] = bucket
            Self.adjustEverywhere(&map, item: 20, weight: 0x14000)
        case .reweight(let osd):
            let id = try #require(map.itemID(named: osd))
            Self.adjustEverywhere(&map, item: id, weight: 0x28000)
        case .remove(let osd):
            let id = try #require(map.itemID(named: osd))
            for index in map.buckets.indices {
                guard map.buckets[index]?.items.contains(id) == true else { continue }
                Self.adjustEverywhere(&map, item: id, weight: 0)
                var bucket = try #require(map.buckets[index])
                try BucketBuilder.removeItem(id, from: &bucket, strawCalcVersion: version)
                map.buckets[index] = bucket
            }
        }
        let expected = try CrushMap(binary: Fixtures.data(Self.editingExpected.appendingPathComponent(edit.fixture)))
        #expect(map.buckets == expected.buckets)
    }

    @Test func uniformBucketRefusesOtherWeights() throws {
        var bucket = BucketBuilder.make(
            id: -1, type: 1, algorithm: .uniform, items: [0, 1], weights: [0x10000, 0x10000], strawCalcVersion: 1)
        #expect(throws: BucketEditError.uniformWeightMismatch(bucket: -1, item: 2, weight: 0, itemWeight: 0x10000)) {
            try BucketBuilder.addItem(2, weight: 0, to: &bucket, strawCalcVersion: 1)
        }
        try BucketBuilder.addItem(2, weight: 0x10000, to: &bucket, strawCalcVersion: 1)
        #expect(bucket.weight == 0x30000 && bucket.items == [0, 1, 2])
    }
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
