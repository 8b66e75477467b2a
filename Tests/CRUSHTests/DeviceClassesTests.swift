import Foundation
import Testing

@testable import CRUSH

@Suite("DeviceClasses")
struct DeviceClassesTests {
    /// `crushtool --remove-item` on a map with device classes: the device leaves every bucket
    /// (shadow ones too), loses its name and class, and `rebuild_roots_with_classes` rebuilds the
    /// shadow trees, reusing their ids. `rebuildShadowTrees()` must give the same map.
    @Test(
        "removing a device and rebuilding shadow trees matches crushtool",
        arguments: [
            ("classes-auto.txt", "osd.0"), ("classes-auto.txt", "osd.2"), ("classes-auto.txt", "osd.3"),
            ("classes-explicit.txt", "osd.1"),
        ])
    func removeAndRebuildMatchesCrushtool(map name: String, osd: String) throws {
        let text = try Fixtures.text(Fixtures.root.appendingPathComponent("text/maps/" + name))
        var map = try CrushMap(text: text)
        let id = try #require(map.itemID(named: osd))
        for index in map.buckets.indices {
            guard map.buckets[index]?.items.contains(id) == true else { continue }
            BucketBuilderTests.adjustEverywhere(&map, item: id, weight: 0)
            var bucket = try #require(map.buckets[index])
            try BucketBuilder.removeItem(id, from: &bucket, strawCalcVersion: map.tunables.strawCalcVersion)
            map.buckets[index] = bucket
        }
        map.itemNames[id] = nil
        map.deviceClasses[id] = nil
        try map.rebuildShadowTrees()
        let file = "\(name.dropLast(4))-remove-\(osd).bin"
        let expected = try CrushMap(binary: Fixtures.data(BucketBuilderTests.editingExpected.appendingPathComponent(file)))
        #expect(map.buckets == expected.buckets)
        #expect(map.itemNames == expected.itemNames)
        #expect(map.classBuckets == expected.classBuckets)
        #expect(map.deviceClasses == expected.deviceClasses)
        #expect(map.classNames == expected.classNames)
        #expect(map.rules == expected.rules)
    }

    /// The programmatic way to build a map with classes gives what crushtool compiles from
    /// text: maps/classes-auto.txt built with BucketBuilder, addBucket, classID(orCreate:),
    /// rebuildShadowTrees() and finalize().
    @Test func buildingWithTheAPIMatchesCrushtool() throws {
        var map = CrushMap(tunables: .legacy)
        map.tunables.allowedBucketAlgs = 22
        map.tunables.strawCalcVersion = 1
        let classes = ["ssd", "hdd", "hdd", "nvme", "ssd", nil, "hdd"]
        for (device, name) in classes.enumerated() {
            map.itemNames[Int32(device)] = "osd.\(device)"
            if let name { map.deviceClasses[Int32(device)] = map.classID(orCreate: name) }
        }
        map.typeNames = [0: "osd", 1: "host", 2: "rack", 3: "root"]
        func add(_ name: String, type: UInt16, _ alg: BucketAlgorithm, _ items: [(Int32, UInt32)]) -> Int32 {
            let id = map.nextBucketID()
            let bucket = BucketBuilder.make(
                id: id, type: type, algorithm: alg, items: items.map(\.0), weights: items.map(\.1),
                strawCalcVersion: map.tunables.strawCalcVersion)
            map.addBucket(bucket)
            map.itemNames[id] = name
            return id
        }
        func weight(_ id: Int32) -> UInt32 { map.bucket(id: id)!.weight }
        let a = add("a", type: 1, .straw2, [(0, 0x10000), (1, 0x20000), (5, 0x8000)])
        let b = add("b", type: 1, .straw, [(2, 0x30000), (3, 0x4000), (4, 0x10000)])
        let c = add("c", type: 1, .list, [(6, 0x40000), (4, 0x10000)])
        let ra = add("ra", type: 2, .straw, [(a, weight(a)), (b, weight(b))])
        let rb = add("rb", type: 2, .straw2, [(c, weight(c)), (b, weight(b))])
        let root = add("default", type: 3, .straw2, [(ra, weight(ra)), (rb, weight(rb))])
        let other = add("other", type: 3, .straw2, [(c, weight(c))])
        try map.rebuildShadowTrees()

        func classID(_ name: String) -> Int32 { map.classNames.first { $0.value == name }!.key }
        let takes: [(Int32, String, RuleOp, UInt8)] = [
            (root, "ssd", .chooseLeafFirstN, 1), (other, "hdd", .chooseLeafFirstN, 1), (rb, "nvme", .chooseLeafIndep, 3),
        ]
        for (index, (bucket, className, op, type)) in takes.enumerated() {
            let shadow = try #require(map.classBuckets[bucket]?[classID(className)])
            map.rules.append(Rule(
                ruleset: UInt8(index), type: type, minSize: 1, maxSize: 10,
                steps: [RuleStep(.take, shadow), RuleStep(op, 0, 1), RuleStep(.emit)]))
        }
        map.ruleNames = [0: "fast", 1: "slow", 2: "any"]
        map.finalize()

        let bytes = try Fixtures.data(Fixtures.root.appendingPathComponent("text/expected/classes-auto.txt.compiled.bin"))
        #expect(map == (try CrushMap(binary: bytes)))
    }
}
