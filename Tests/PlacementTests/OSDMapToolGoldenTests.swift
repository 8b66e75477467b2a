import CRUSH
import Foundation
import Placement
import Testing

/// Every run in `Fixtures/osdmap/MANIFEST.tsv` (osdmaptool 16.2.15 on maps made by osdmaptool
/// and by a ceph-mon, see scripts/golden-osdmaptool) gives the same standard output and exit
/// status from `OSDMapTool`, for the binary map and for its JSON dump with its crush map.
@Suite("osdmaptool golden outputs")
struct OSDMapToolGoldenTests {
    static let cases = Fixtures.osdmaptoolCases()

    @Test("the corpus is there")
    func corpusPresent() {
        #expect(Self.cases.count >= 70)
    }

    @Test("binary OSD map", arguments: cases)
    func binary(_ c: Fixtures.OSDMapToolCase) async throws {
        let map = try OSDMap(binary: try Fixtures.data(Fixtures.maps.appendingPathComponent(c.map + ".osdmap")))
        try await check(c, map)
    }

    @Test("JSON dump and crush map", arguments: cases)
    func json(_ c: Fixtures.OSDMapToolCase) async throws {
        let crush = try CrushMap(decoding: try Fixtures.data(Fixtures.maps.appendingPathComponent(c.map + ".crush")))
        let map = try OSDMap(
            decoding: try Fixtures.data(Fixtures.maps.appendingPathComponent(c.map + ".json")), crush: crush)
        try await check(c, map)
    }

    @Test("both forms load the same map", arguments: ["simple8", "classes12", "legacy12", "sizes12", "upmap12", "mon12", "mon12-partial"])
    func sameMap(_ name: String) throws {
        let binary = try OSDMap(binary: try Fixtures.data(Fixtures.maps.appendingPathComponent(name + ".osdmap")))
        let crush = try CrushMap(decoding: try Fixtures.data(Fixtures.maps.appendingPathComponent(name + ".crush")))
        var json = try OSDMap(
            dumpJSON: try Fixtures.data(Fixtures.maps.appendingPathComponent(name + ".json")), crush: crush)
        // The dump shows no erasure-code profile fields that the binary lacks, and vice versa;
        // only the OSD slots that do not exist differ (the dump leaves them out).
        #expect(binary.pools == json.pools)
        #expect(binary.pgUpmap == json.pgUpmap)
        #expect(binary.pgUpmapItems == json.pgUpmapItems)
        #expect(binary.pgTemp == json.pgTemp)
        #expect(binary.primaryTemp == json.primaryTemp)
        #expect(binary.erasureCodeProfiles == json.erasureCodeProfiles)
        #expect(binary.epoch == json.epoch && binary.fsid == json.fsid && binary.flags == json.flags)
        for i in binary.osds.indices where !binary.osds[i].exists {
            json.osds[i] = binary.osds[i]
        }
        #expect(binary.osds == json.osds)
        #expect(binary.crush == json.crush)
    }

    func check(_ c: Fixtures.OSDMapToolCase, _ map: OSDMap) async throws {
        let expected = try Fixtures.text(Fixtures.osdmap.appendingPathComponent(c.expected))
        let arguments = try OSDMapToolArguments(parsing: c.args)
        var tool = OSDMapTool(map: map, arguments: arguments, threads: 2)
        var out = ""
        let status = await tool.run(emit: { out += $0 }, emitError: { _ in })
        #expect(status == c.exitStatus)
        if out != expected {
            let a = out.split(separator: "\n", omittingEmptySubsequences: false)
            let b = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("first difference at line \(line + 1): got '\(line < a.count ? a[line] : "<end>")', osdmaptool '\(line < b.count ? b[line] : "<end>")'")
        }
    }
}
