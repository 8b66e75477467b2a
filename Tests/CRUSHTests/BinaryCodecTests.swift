import Foundation
import Testing
@testable import CRUSH

@Suite("BinaryCodec")
struct BinaryCodecTests {
    @Test func decodesFixtures() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Fixtures.crushtoolExpected.path)
            .filter { $0.hasSuffix(".compiled.bin") }.sorted()
        #expect(files.count == 22)
        for f in files {
            let bytes = try Fixtures.data(Fixtures.crushtoolExpected.appendingPathComponent(f))
            let map = try CrushMap(binary: bytes)
            print(f, map.buckets.count, map.rules.count, map.itemNames.count, map.chooseArgs.count, map.tunables)
        }
    }
}
