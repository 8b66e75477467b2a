import CRUSH
import PropertyBased
import Testing
import CollectiveTestSupport

/// straw2's defining property: changing one item's weight only moves data to or from that
/// item. For every input whose mapping changes, the changed item is in the old or the new
/// result.
@Suite("straw2 properties")
struct Straw2PropertyTests {
    /// A root of `hosts` straw2 hosts with straw2 devices, and one rule
    /// `take root; chooseleaf firstn 0 type host; emit`.
    static func map(seed: Int) -> CrushMap {
        var rng = SplitMix64(seed: UInt64(seed))
        var map = CrushMap(tunables: .jewel)
        map.typeNames = [0: "osd", 1: "host", 2: "root"]
        var device: Int32 = 0
        var hostIDs: [Int32] = []
        var hostWeights: [UInt32] = []
        for h in 0..<rng.int(3...8) {
            var items: [Int32] = []
            var weights: [UInt32] = []
            for _ in 0..<rng.int(1...6) {
                items.append(device)
                weights.append(UInt32(rng.int(1...0x40000)))
                map.itemNames[device] = "osd.\(device)"
                device += 1
            }
            let id = Int32(-2 - h)
            let weight = weights.reduce(0, +)
            map.setBucket(Bucket(id: id, type: 1, algorithm: .straw2, weight: weight, items: items, itemWeights: weights))
            map.itemNames[id] = "host\(h)"
            hostIDs.append(id)
            hostWeights.append(weight)
        }
        map.setBucket(Bucket(id: -1, type: 2, algorithm: .straw2, weight: hostWeights.reduce(0, +),
                             items: hostIDs, itemWeights: hostWeights))
        map.itemNames[-1] = "root"
        map.rules = [Rule(ruleset: 0, type: 1, minSize: 1, maxSize: 10, steps: [
            RuleStep(.take, -1), RuleStep(.chooseLeafFirstN, 0, 1), RuleStep(.emit),
        ])]
        map.ruleNames[0] = "replicated"
        map.finalize()
        return map
    }

    static func mappings(_ map: CrushMap, numRep: Int) -> [[Int32]] {
        let mapper = CrushMapper(map)
        let weights = [UInt32](repeating: 0x10000, count: Int(map.maxDevices))
        let workspace = mapper.makeWorkspace(resultMax: numRep)
        return (0..<2000).map { x in
            mapper.map(rule: 0, x: Int32(x), resultMax: numRep, weights: weights, workspace: workspace)
        }
    }

    @Test("reweighting a device in its host moves data only to or from that device")
    func deviceReweight() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000), Gen.int(in: 0...0x80000)) { seed, newWeight in
            let before = Self.map(seed: seed)
            var rng = SplitMix64(seed: UInt64(seed) &+ 1)
            let hostIndex = rng.int(0...(before.buckets.count - 2)) + 1
            var after = before
            var host = after.buckets[hostIndex]!
            let position = rng.int(0...(host.items.count - 1))
            let item = host.items[position]
            host.itemWeights[position] = UInt32(newWeight)
            after.buckets[hostIndex] = host
            for numRep in 1...3 {
                let old = Self.mappings(before, numRep: numRep)
                let new = Self.mappings(after, numRep: numRep)
                for x in old.indices where old[x] != new[x] {
                    #expect(old[x].contains(item) || new[x].contains(item),
                            "x \(x): \(old[x]) -> \(new[x]) without osd.\(item)")
                }
            }
        }
    }

    @Test("reweighting a host in the root moves data only to or from that host")
    func hostReweight() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...0x200000)) { seed, newWeight in
            let before = Self.map(seed: seed)
            var rng = SplitMix64(seed: UInt64(seed) &+ 2)
            var after = before
            var root = after.buckets[0]!
            let position = rng.int(0...(root.items.count - 1))
            let hostID = root.items[position]
            root.itemWeights[position] = UInt32(newWeight)
            after.buckets[0] = root
            let hostDevices = Set(before.bucket(id: hostID)!.items)
            let old = Self.mappings(before, numRep: 1)
            let new = Self.mappings(after, numRep: 1)
            for x in old.indices where old[x] != new[x] {
                #expect(hostDevices.contains(old[x][0]) || hostDevices.contains(new[x][0]),
                        "x \(x): \(old[x]) -> \(new[x]) without a device of host \(hostID)")
            }
        }
    }
}
