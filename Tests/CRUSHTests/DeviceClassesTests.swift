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
}
